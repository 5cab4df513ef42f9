"""data/intake.yaml loads, and a file implying an unknown term (or otherwise malformed) refuses to load, saying why."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.intake import IntakeRequest, IntakeSpec, check_request
from app.matching import Vocabulary
from app.matching.vocabulary import unknown_terms
from app.services.matching.intake import load_intake

DATA = Path(__file__).resolve().parents[2] / "data"


def test_the_shipped_file_loads_with_about_six_questions(spec: IntakeSpec) -> None:
    assert 5 <= len(spec.questions) <= 8
    assert {q.kind for q in spec.questions} == {"single", "multi", "text"}
    built = spec.question_by_id["built"]
    stages = [o.implies.stage for o in built.options]
    assert stages == sorted(stages) and set(stages) == set(range(1, 8))  # every stage reachable, in order
    for question in spec.questions:
        for option in question.options:
            assert option.implies.fields, f"{question.id}.{option.id} implies nothing"
            assert option.implies.because


def _option(data: dict[str, Any], question: str, option: str) -> dict[str, Any]:
    found = next(q for q in data["questions"] if q["id"] == question)
    chosen: dict[str, Any] = next(o for o in found["options"] if o["id"] == option)
    return chosen


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: _option(d, "next", "legal")["implies"].update(needs=["time-travel"]),
            "Unknown need 'time-travel'. Valid values:",
        ),
        (lambda d: _option(d, "built", "idea")["implies"].update(stage=8), "unknown stage 8"),
        (lambda d: _option(d, "built", "idea")["implies"].update(trl=[5, 6]), "outside stage 1's band"),
        (lambda d: _option(d, "who", "startup")["implies"].update(organisation_type="guild"), "organisation type"),
        (lambda d: _option(d, "where", "leeds")["implies"].update(location="atlantis"), "Unknown location 'atlantis'"),
        (lambda d: _option(d, "field", "medtech")["implies"].update(sector="astrology"), "Unknown sector 'astrology'"),
        (
            lambda d: _option(d, "field", "medtech")["implies"].update(colour="red"),
            "unknown key 'questions[field].options[medtech].implies.colour'",
        ),
        (lambda d: d["questions"][0].update(kind="ranking"), "kind must be one of"),
        (lambda d: d["questions"].append(dict(d["questions"][0])), "'built' appears twice"),
        (lambda d: d["cues"][0]["done"].update(needs=["moon-landing"]), "Unknown need 'moon-landing'"),
        (lambda d: d["cues"][0].update(anchor="elsewhere"), "anchor must be one of"),
        (lambda d: d["cues"][0].update(product=True), "true only for a sector cue"),
        (lambda d: d["cues"][0].update(carrier=["co-production"]), "carrier is only for a need cue"),
        (lambda d: d["cues"][-1].update(carrier=["wishful-thinking"]), "Unknown need 'wishful-thinking'"),
        (lambda d: d["reader"].update(possessives="our"), "reader.possessives must be a list"),
        (lambda d: d["reader"].update(abandoned_plans=[3]), "reader.abandoned_plans must be a list"),
        (lambda d: d["cues"][0].update(phrases=["... idea"]), "'...' must stand between two words"),
        (lambda d: d["cues"][0]["done"].update(ask="nothing-here"), "names no follow_up entry"),
        (
            lambda d: d["cues"].append({"phrases": ["idea"], "done": {"stage": 2, "because": "x"}}),
            "'idea' appears twice",
        ),
        (lambda d: d["follow_up"].pop("stage"), "follow_up is missing stage"),
        (lambda d: d["reader"].update(trl_pattern="trl ("), "not a regular expression"),
        (lambda d: d.pop("version"), "missing key 'version'"),
    ],
)
def test_a_bad_file_refuses_to_load_with_a_clear_message(
    fresh_data: dict[str, Any], vocabulary: Vocabulary, change: Any, message: str
) -> None:
    change(fresh_data)
    with pytest.raises(ValueError, match="intake: ") as raised:
        IntakeSpec.from_mapping(fresh_data, vocabulary)
    assert message in str(raised.value)


def test_the_service_refuses_a_bad_file(tmp_path: Path, intake_data: dict[str, Any]) -> None:
    data = dict(intake_data)
    data["questions"] = [dict(q) for q in intake_data["questions"]]
    data["questions"][1] = {
        **data["questions"][1],
        "options": [{"id": "x", "label": "X", "because": "B", "implies": {"needs": ["nope"]}}],
    }
    (tmp_path / "intake.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    shutil.copy(DATA / "taxonomy.yaml", tmp_path)
    with pytest.raises(ValueError, match=r"questions\[next\]\.options\[x\].*Unknown need 'nope'"):
        load_intake(tmp_path)


def test_an_unknown_attribute_in_a_request_reads_as_everywhere_else(spec: IntakeSpec) -> None:
    request = IntakeRequest(description="We need money", sector="astrology", location="mars")
    errors = {e.field: e.message for e in check_request(spec, request, spec.vocabulary)}
    vocabulary = spec.vocabulary
    assert errors["sector"] == unknown_terms("sector", ["astrology"], vocabulary.sector_names)[0][1]
    assert errors["location"].startswith("Unknown location 'mars'. Valid values: ")

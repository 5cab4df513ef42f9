"""Round 4 of the reader: word classes rather than sentences (docs/intake.md, "How words are read").

Frames of asking, needs named by what they are for, evidence named by its result or its setting, plans given up,
the writer's own people and possessions. The sentences are data (tests/intake/word_classes.yaml), each class tried
plainly and in at least one other form: negated, wished, in the future, reported, owned or given up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from app.intake import IntakeRequest, IntakeSpec, Reader, infer

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).with_name("word_classes.yaml")).read_text(encoding="utf-8")
)


def _profile(spec: IntakeSpec, reader: Reader, text: str) -> dict[str, object]:
    return infer(spec, IntakeRequest(description=text), reader=reader).profile_document()


def test_every_class_is_tried_plainly_and_in_another_form() -> None:
    forms: dict[str, set[str]] = {}
    for case in CASES["stages"] + CASES["needs"]:
        forms.setdefault(case["class"], set()).add(case["form"])
    plain = {name for name, found in forms.items() if "plain" in found}
    other = {name for name, found in forms.items() if found - {"plain"}}
    assert len(plain) >= 15 and len(other) >= 12, forms


@pytest.mark.parametrize("case", CASES["stages"], ids=lambda case: f"{case['class']}:{case['form']}")
def test_evidence_named_by_its_setting_or_result(spec: IntakeSpec, reader: Reader, case: dict[str, Any]) -> None:
    assert _profile(spec, reader, case["text"]).get("stage") == case["stage"], case["text"]


@pytest.mark.parametrize("case", CASES["needs"], ids=lambda case: f"{case['class']}:{case['form']}")
def test_needs_named_by_what_they_are_for(spec: IntakeSpec, reader: Reader, case: dict[str, Any]) -> None:
    assert _profile(spec, reader, case["text"]).get("needs", []) == case["needs"], case["text"]

"""Properties of the intake over generated answers and descriptions: total, deterministic, explained, precedent."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.intake import IntakeError, IntakeRequest, IntakeSpec, Reader, infer
from app.intake.spec import Cue
from app.matching import Vocabulary, normalise_profile

PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_WORDS = [
    "we",
    "have",
    "a",
    "prototype",
    "not",
    "need",
    "seed",
    "lab",
    "never",
    "tested",
    "with",
    "users",
    "NICE",
    "ce",
    "marked",
    "trial",
    "but",
    "in",
    "Leeds",
    "our",
    "start-up",
    "don't",
    "haven't",
    "TRL",
    "7",
    ",",
    ".",
]


def _answers(spec: IntakeSpec) -> st.SearchStrategy[dict[str, Any]]:
    pieces = {}
    for question in spec.questions:
        ids = [o.id for o in question.options]
        if question.kind == "single":
            pieces[question.id] = st.sampled_from(ids)
        elif question.kind == "multi":
            pieces[question.id] = st.lists(st.sampled_from(ids), max_size=4)
        else:
            pieces[question.id] = st.text(max_size=80).filter(
                lambda t: not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", t)
            )
    return st.fixed_dictionaries({}, optional=pieces)


def _texts() -> st.SearchStrategy[str]:
    free = st.text(max_size=300).filter(lambda t: not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", t))
    worded = st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join)
    return st.one_of(free, worded)


def _phrase_text(phrase: str) -> str:
    return " ".join(w.rstrip("*") + ("ion" if w.endswith("*") else "") for w in phrase.split())


def _cue_phrases(spec: IntakeSpec, mood: str, field: str) -> list[tuple[Cue, str]]:
    return [
        (cue, _phrase_text(phrase))
        for cue in spec.cues
        if cue.block(mood) is not None and getattr(cue.block(mood), field)
        for phrase in cue.phrases
        if cue.anchor is None and not cue.case_sensitive and not cue.modifier and "..." not in phrase.split()
    ]


@PROPERTY
@given(data=st.data())
def test_total_deterministic_and_always_a_valid_match_request(
    data: st.DataObject, spec: IntakeSpec, reader: Reader, vocabulary: Vocabulary
) -> None:
    request = IntakeRequest(answers=data.draw(_answers(spec)), description=data.draw(st.none() | _texts()))
    said = any(v for v in request.answers.values() if not isinstance(v, str) or v.strip()) or bool(
        request.description and request.description.strip()
    )
    if not said:  # the only refusal: nothing was said at all
        with pytest.raises(IntakeError) as refused:
            infer(spec, request, reader=reader)
        assert [e.field for e in refused.value.errors] == ["answers"]
        return
    outcome = infer(spec, request, reader=reader)
    again = infer(spec, request, reader=Reader(spec))
    assert again == outcome
    profile = outcome.profile
    if outcome.has_anchor:
        normalise_profile(profile, vocabulary)  # raises if the inferred profile were not a valid request
    assert profile.keywords is None or len(profile.keywords) <= 200
    document = outcome.profile_document()
    for field in ("stage", "trl", "sector", "organisation_type", "location", "keywords"):
        explained = [i for i in outcome.inferences if i.field == field]
        assert len(explained) <= 1
        if explained:
            assert document[field] == explained[0].value
    assert [i.value for i in outcome.inferences if i.field == "needs"] == list(profile.needs)
    for inference in outcome.inferences:
        assert inference.source == "description" or inference.source.startswith("answer:")
        assert inference.because and "{quote}" not in inference.because
    missing = {f.key for f in outcome.follow_up}
    assert ("stage" in missing) == (profile.stage is None and profile.trl is None)
    assert ("needs" in missing) == (not profile.needs)


@PROPERTY
@given(data=st.data())
def test_an_explicit_answer_beats_any_description(data: st.DataObject, spec: IntakeSpec, reader: Reader) -> None:
    built = spec.question_by_id["built"]
    who = spec.question_by_id["who"]
    option = data.draw(st.sampled_from(built.options))
    kind = data.draw(st.sampled_from(who.options))
    text = data.draw(_texts())
    outcome = infer(spec, IntakeRequest(answers={"built": option.id, "who": kind.id}, description=text), reader=reader)
    assert outcome.profile.stage == option.implies.stage
    assert outcome.profile.organisation_type == kind.implies.organisation_type
    assert outcome.profile.trl is None or outcome.profile.stage is not None
    if outcome.profile.trl is not None:
        assert spec.vocabulary.stage_by_number[option.implies.stage or 1].contains_trl(outcome.profile.trl)


@PROPERTY
@given(data=st.data())
def test_a_negated_need_is_never_inferred_and_an_intended_one_always(
    data: st.DataObject, spec: IntakeSpec, reader: Reader
) -> None:
    cue, phrase = data.draw(st.sampled_from(_cue_phrases(spec, "intent", "needs")))
    block = cue.block("intent")
    assert block is not None
    wanted = set(block.needs_at(None))
    intended = infer(spec, IntakeRequest(description=f"We need {phrase}."), reader=reader).profile
    assert wanted <= set(intended.needs), (phrase, intended.needs)
    refused = infer(spec, IntakeRequest(description=f"We do not need {phrase}."), reader=reader).profile
    negated = cue.block("negated")
    assert not (wanted & set(refused.needs)) or (negated is not None and wanted & set(negated.needs))


@PROPERTY
@given(data=st.data())
def test_the_later_stage_wins_whatever_the_order(data: st.DataObject, spec: IntakeSpec, reader: Reader) -> None:
    done = _cue_phrases(spec, "done", "stage")
    (first_cue, first), (second_cue, second) = data.draw(st.lists(st.sampled_from(done), min_size=2, max_size=2))
    stages = [c.block("done").stage for c in (first_cue, second_cue)]  # type: ignore[union-attr]
    for text in (f"It is {first}. It is {second}.", f"It is {second}. It is {first}."):
        profile = infer(spec, IntakeRequest(description=text), reader=reader).profile
        assert profile.stage is not None and profile.stage >= max(s or 0 for s in stages), (text, profile.stage)

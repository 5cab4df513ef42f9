"""The description reader and the precedence rules, sentence by sentence."""

from __future__ import annotations

import pytest

from app.intake import IntakeRequest, IntakeSpec, Reader, infer, normalise


def _profile(spec: IntakeSpec, reader: Reader, text: str, **answers: object) -> dict[str, object]:
    return infer(spec, IntakeRequest(answers=answers, description=text), reader=reader).profile_document()


def test_contractions_and_quotes_are_expanded_keeping_case_and_length_aligned() -> None:
    norm, lower = normalise("We haven\u2019t built it; it\u2019s NICE-approved and we\u2019re Leeds-based.")
    assert norm == "We have not built it; it is NICE-approved and we are Leeds based."
    assert lower == norm.lower() and len(lower) == len(norm)


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("We haven't built anything yet.", 1),
        ("We have an idea for a device.", 1),
        ("We have an early prototype.", 2),
        ("We have a prototype and have tested it with twenty users.", 3),
        ("We have a prototype but have not tested it with users yet.", 2),
        ("We completed a small pilot in a GP practice.", 4),
        ("We want to run a clinical trial.", 5),
        ("We are not ready for a clinical trial. We have an early prototype.", 2),
        ("Our device is CE marked.", 6),
        ("Our device is not CE marked yet, but we have a working prototype.", 2),
        ("We were at idea stage last year; we have since launched.", 6),
        ("It is widely used in the NHS.", 7),
    ],
)
def test_the_stage_read_from_words(spec: IntakeSpec, reader: Reader, text: str, stage: int) -> None:
    assert _profile(spec, reader, text).get("stage") == stage


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("We need regulatory advice.", ["regulatory-advice"]),
        ("We are not CE marked and need regulatory advice.", ["regulatory-advice"]),
        ("We want to get CE marked.", ["regulatory-advice"]),
        ("We don't need investment; what we want is a lawyer.", ["legal-advice"]),
        ("We don't need a lab, just desks.", ["office-space"]),
        ("We raised a seed round last year.", []),  # done, not a need
        ("We are looking for grants rather than giving away equity.", ["public-funding"]),
        ("We need funding.", ["seed-investment"]),
    ],
)
def test_needs_come_from_intent_and_never_from_negation(
    spec: IntakeSpec, reader: Reader, text: str, needs: list[str]
) -> None:
    assert _profile(spec, reader, text).get("needs", []) == needs


def test_generic_money_means_venture_investment_later_on(spec: IntakeSpec, reader: Reader) -> None:
    assert _profile(spec, reader, "Our product is on the market. We need funding.")["needs"] == ["venture-investment"]
    assert _profile(spec, reader, "We need funding.", built="adopted")["needs"] == ["venture-investment"]


def test_generic_money_in_clearance_and_trials_keeps_seed_investment(spec: IntakeSpec, reader: Reader) -> None:
    trials = _profile(spec, reader, "We are halfway through a clinical trial. We need funding.")
    assert trials["stage"] == 5 and trials["needs"] == ["seed-investment", "venture-investment"]
    assert _profile(spec, reader, "We have a prototype and need money.")["needs"] == ["seed-investment"]


def test_keywords_carry_what_a_need_says_beyond_its_name(spec: IntakeSpec, reader: Reader) -> None:
    text = "We want an independent evaluation of its outcomes to show commissioners it works."
    keywords = str(_profile(spec, reader, text)["keywords"]).split()
    assert {"outcomes", "commissioners"} <= set(keywords)
    assert "evaluation" not in keywords  # it names the need (evaluation expertise): the need already says it
    office = _profile(spec, reader, "We need desks in an office near our customers.")
    assert office["needs"] == ["office-space"] and "desks" not in str(office.get("keywords"))
    described = _profile(spec, reader, "We have a prototype of a glucose sensor and need seed investment.")
    assert "prototype" not in str(described.get("keywords")) and "glucose" in str(described.get("keywords"))


def test_who_and_where_are_about_the_writer_only(spec: IntakeSpec, reader: Reader) -> None:
    mentions = _profile(spec, reader, "We work with NHS clinicians and a Leeds university on our device.")
    assert "organisation_type" not in mentions and "location" not in mentions
    writer = _profile(spec, reader, "I'm a nurse in a Bradford-based team.")
    assert writer["organisation_type"] == "nhs" and writer["location"] == "west-yorkshire"
    first_listed = _profile(spec, reader, "We are a university spin-out and a company.")
    assert first_listed["organisation_type"] == "startup"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("We have built a mobile app for asthma.", "digital-health"),
        ("Our smartphone app helps people sleep.", "digital-health"),
        ("An app with a wearable sensor.", "digital-health"),  # the app is what it is; the sensor a feature
        ("Our app is a medical device.", "digital-health"),  # software as a medical device is still software
        ("A wearable sensor that spots falls.", "medtech"),  # no product named: the features decide
        ("A machine learning blood test.", "diagnostics"),  # a test, made with machine learning
    ],
)
def test_what_the_innovation_is_decides_the_sector(spec: IntakeSpec, reader: Reader, text: str, sector: str) -> None:
    assert _profile(spec, reader, text)["sector"] == sector


def test_a_sector_tie_is_left_out_and_asked_for(spec: IntakeSpec, reader: Reader) -> None:
    outcome = infer(spec, IntakeRequest(description="A wearable sensor with AI."), reader=reader)
    assert outcome.profile.sector == "medtech"  # wearable and sensor: two medtech cues against one
    for text in ("An app and a device.", "A sensor using AI."):
        tie = infer(spec, IntakeRequest(description=text), reader=reader)
        assert tie.profile.sector is None
        assert "sector" in [f.key for f in tie.follow_up]


def test_nice_is_read_only_in_capitals(spec: IntakeSpec, reader: Reader) -> None:
    assert _profile(spec, reader, "We need evidence for NICE.").get("needs") == ["health-economics"]
    assert "needs" not in _profile(spec, reader, "It would be nice to have a prototype.")


def test_a_trl_in_words_is_kept_and_a_disagreeing_stage_word_dropped(spec: IntakeSpec, reader: Reader) -> None:
    assert _profile(spec, reader, "We are at TRL 4.") == {"trl": 4, "limit": 10}
    both = _profile(spec, reader, "We are at TRL 4 and our product is on the market.")
    assert both["trl"] == 4 and "stage" not in both
    agreeing = _profile(spec, reader, "We are at TRL 7 and want to run a clinical trial.")
    assert (agreeing["trl"], agreeing["stage"]) == (7, 5)


def test_answers_beat_words_and_the_request_beats_answers(spec: IntakeSpec, reader: Reader) -> None:
    outcome = infer(
        spec,
        IntakeRequest(
            answers={"built": "idea", "field": "biotech", "who": "charity"},
            description="Our start-up's CE marked app is on the market.",
            organisation_type="sme",
        ),
        reader=reader,
    )
    profile = outcome.profile
    assert (profile.stage, profile.sector, profile.organisation_type) == (1, "biotech", "sme")
    sources = {i.field: i.source for i in outcome.inferences}
    assert sources["stage"] == "answer:built" and sources["sector"] == "answer:field"
    assert "organisation_type" not in sources  # given, not inferred


def test_every_inference_explains_itself(spec: IntakeSpec, reader: Reader) -> None:
    text = "We're a Leeds start-up with a prototype tested with users, and we need seed investment and a lawyer."
    outcome = infer(spec, IntakeRequest(description=text), reader=reader)
    fields = {(i.field, i.value) for i in outcome.inferences}
    assert {("stage", 3), ("needs", "seed-investment"), ("needs", "legal-advice")} <= fields
    assert {("organisation_type", "startup"), ("location", "leeds")} <= fields
    for inference in outcome.inferences:
        assert inference.source == "description" and inference.because and "{quote}" not in inference.because
    stage = next(i for i in outcome.inferences if i.field == "stage")
    assert "tested with users" in stage.because and "stage 3, Validating concept" in stage.because

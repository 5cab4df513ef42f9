"""Round 3 of the reader: general clause rules (reported speech, resets, future clauses, lacking knowledge,
qualifiers qualifying nothing, the writer's own use, the founders) and the plain-word families they came with.

The sentences are written here, in new words, and none is taken from a golden description.
"""

from __future__ import annotations

import pytest

from app.intake import IntakeRequest, IntakeSpec, Reader, infer


def _profile(spec: IntakeSpec, reader: Reader, text: str) -> dict[str, object]:
    return infer(spec, IntakeRequest(description=text), reader=reader).profile_document()


def _needs(spec: IntakeSpec, reader: Reader, text: str) -> list[object]:
    needs = _profile(spec, reader, text).get("needs", [])
    assert isinstance(needs, list)
    return needs


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # someone else's request is theirs, not the writer's
        ("Our distributors keep asking for patient data.", []),
        ("Funders ask whether the kit is cost-effective.", []),
        ("Two clinicians and an investor both ask: does it save money?", []),
        ("The council wants to know whether it cuts admissions.", []),
        ("Patients need an easier way to get data to their GP.", []),  # the problem, not the writer's need
        # ... until the writer speaks again
        ("Hospital buyers want evidence of value, and we need a health economist.", ["health-economics"]),
        # the writer's own asking is still a need, with the writer as the subject of a second verb too
        ("We keep asking for patient data.", ["health-data"]),
        ("We are two nurses and want a lab.", ["lab-space"]),
        ("Our team wants a lab.", ["lab-space"]),
    ],
)
def test_a_request_voiced_by_others_is_not_a_need(
    spec: IntakeSpec, reader: Reader, text: str, needs: list[str]
) -> None:
    assert _needs(spec, reader, text) == needs


def test_someone_elses_request_gives_no_stage(spec: IntakeSpec, reader: Reader) -> None:
    assert "stage" not in _profile(spec, reader, "Investors asked whether it is CE marked.")
    assert _profile(spec, reader, "We told investors it is CE marked.").get("stage") == 6  # the writer says so


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # a relative clause describes who is wanted
        ("We need a solicitor who understands research contracts with universities.", ["legal-advice"]),
        ("We want an engineer who has worked with patients.", ["research-expertise"]),
        # a fresh intent marker inside it reaches again
        ("We want researchers who can help us find patients.", ["research-expertise", "patient-and-user-access"]),
        # ... but a question word after a verb of knowing or finding asks
        ("We need to find out which grants fit us.", ["public-funding"]),
        ("We do not know who could give us clinical advice.", ["clinical-expertise-and-facilities"]),
        # what the writer offers is theirs to give
        ("We would like to offer the course to nurses and care staff.", []),
        ("We hope to provide free desks to students.", []),
        # what someone else would provide is wanted
        ("We need a consultancy to provide regulatory advice.", ["regulatory-advice"]),
    ],
)
def test_an_intent_does_not_reach_past_a_relative_clause_or_an_offer(
    spec: IntakeSpec, reader: Reader, text: str, needs: list[str]
) -> None:
    assert _needs(spec, reader, text) == needs


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("We need money for toxicology ahead of a first-in-human trial.", None),
        ("The dressing must pass safety testing before any clinical trial.", None),
        ("We cannot sell it until it is CE marked.", None),
        ("Once it is CE marked we will look for distributors.", None),
        # a clause opened by "before" that tells of the past is done
        ("We ran a clinical trial before we moved to Leeds.", 5),
        ("Before we launched we had a small pilot.", 6),
    ],
)
def test_a_clause_after_before_tells_of_the_future(
    spec: IntakeSpec, reader: Reader, text: str, stage: int | None
) -> None:
    assert _profile(spec, reader, text).get("stage") == stage


def test_a_future_clause_still_says_what_is_wanted(spec: IntakeSpec, reader: Reader) -> None:
    profile = _profile(spec, reader, "Once it is CE marked we will need distributors.")
    assert "stage" not in profile and profile["needs"] == ["market-access-and-venture-investment"]


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("We do not understand how procurement works.", ["nhs-adoption"]),
        ("I have no idea whether it counts as a medical device.", ["regulatory-advice"]),
        ("We are not sure which rules apply.", ["regulatory-advice"]),
        ("We can not recruit enough staff.", ["talent-and-skills"]),
        # a plain negation still negates
        ("We do not need procurement advice.", []),
    ],
)
def test_lacking_knowledge_asks_for_it(spec: IntakeSpec, reader: Reader, text: str, needs: list[str]) -> None:
    assert _needs(spec, reader, text) == needs


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # samples are data (round 4); "hospital" qualifies nothing, so no access to the health system
        ("We need samples from a hospital research unit.", ["health-data"]),
        ("We need a visit to a hospital research unit.", []),
        ("We want data joining hospital, GP and school records.", ["health-data"]),
        ("We want to work with the NHS.", ["health-system-access"]),
        ("We need access to the NHS.", ["health-system-access"]),
    ],
)
def test_a_qualifier_qualifying_nothing_is_no_need(
    spec: IntakeSpec, reader: Reader, text: str, needs: list[str]
) -> None:
    assert _needs(spec, reader, text) == needs


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("We have used it every week in our own clinic since spring.", 4),
        ("The portal has been live across two boroughs for a year.", 6),
        ("Annual sales are about two million pounds.", 6),
        ("Our monitors are in most NHS hospitals and we plan to expand into Asia.", 7),
        ("Our volunteers want to build an app.", 1),
        ("We have not designed any service yet.", 1),
        ("There is no prototype yet.", 1),
        ("The service is paid for by three boroughs and we want to expand nationally.", 7),
        ("The tool was rolled out to four practices.", 6),
        ("The coating did well in lab tests.", 3),
    ],
)
def test_the_writers_use_sales_and_spread_are_evidence_of_stage(
    spec: IntakeSpec, reader: Reader, text: str, stage: int
) -> None:
    assert _profile(spec, reader, text).get("stage") == stage


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("A colleague wonders about MHRA registration; do we need to register it?", ["regulatory-advice"]),
        ("We need to know whether it is a medical device.", ["regulatory-advice"]),
        ("Is it a medical device?", ["regulatory-advice"]),
        ("We are not sure whether the kit is classified as an in vitro diagnostic.", ["regulatory-advice"]),
        ("Our app is a medical device.", []),  # a fact, not a question
    ],
)
def test_regulatory_questions_in_plain_words(spec: IntakeSpec, reader: Reader, text: str, needs: list[str]) -> None:
    assert _needs(spec, reader, text) == needs


def test_founders_and_clients_name_a_start_up_or_a_stage_only_about_the_writer(
    spec: IntakeSpec, reader: Reader
) -> None:
    assert _profile(spec, reader, "Two founders with a sensor for falls.").get("organisation_type") == "startup"
    assert _profile(spec, reader, "We are the founders of a new clinic app.").get("organisation_type") == "startup"
    described = _profile(spec, reader, "Our firm is thirty years old, and the founders still run it.")
    assert described.get("organisation_type") == "sme"
    assert "stage" not in _profile(spec, reader, "We support our clients with housing advice.")

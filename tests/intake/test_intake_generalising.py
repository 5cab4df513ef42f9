"""Round 2 of the reader: cues as families of evidence, questions, negation scope, modifiers and wider needs.

The sentences are written here, in new words, and none is taken from a golden description.
"""

from __future__ import annotations

import pytest

from app.intake import IntakeRequest, IntakeSpec, Reader, infer


def _profile(spec: IntakeSpec, reader: Reader, text: str, **answers: object) -> dict[str, object]:
    return infer(spec, IntakeRequest(answers=answers, description=text), reader=reader).profile_document()


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # something built
        ("We have a mock-up of the screens.", 2),
        ("Our company has built a small batch of the cushions.", 2),
        # research done
        ("Preclinical work on the compound is complete.", 3),
        ("The lab work on the coating is finished.", 3),
        # tested with people
        ("The compound works in mice.", 3),
        ("Ten nurses have tried it on the ward.", 3),
        ("A physiotherapist has been testing the brace with her patients.", 3),
        ("We tested the headset with stroke survivors.", 3),
        ("We piloted the service in one practice.", 4),
        ("Our research group has discovered a marker of early liver damage.", 1),
        ("We have a prototype and need equipment to test it in the lab.", 2),  # the lab is not people
        # used or sold by others
        ("Our booking tool is used by three GP surgeries.", 6),
        ("The cushion has been on sale to care homes for a year.", 6),
        ("We sell the kit to dentists.", 6),
        ("It is used nationwide by physiotherapy clinics.", 7),
        ("Two surgeries have been using it since March.", 6),
        # a hyphenated word whose first part is short finds the phrase it spells ("CE-marked": "ce marked")
        ("Our CE-marked insole went on sale in May.", 6),
    ],
)
def test_stage_cues_are_families_of_evidence(spec: IntakeSpec, reader: Reader, text: str, stage: int) -> None:
    assert _profile(spec, reader, text).get("stage") == stage


def test_wanting_others_to_use_it_is_a_need_not_a_stage(spec: IntakeSpec, reader: Reader) -> None:
    profile = _profile(spec, reader, "We would like more hospitals to use it.")
    assert "stage" not in profile and profile["needs"] == ["nhs-adoption"]


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("Could a university help us test the chemistry?", ["research-expertise"]),
        ("Is there anyone with regulatory experience?", ["regulatory-advice"]),
        ("Who could lend us lab space?", ["lab-space"]),
        ("Where could we try the robot on a real ward?", ["health-system-access"]),
        ("We met a university team last year.", []),  # a fact, not a question
    ],
)
def test_a_question_asks_for_what_it_names(spec: IntakeSpec, reader: Reader, text: str, needs: list[str]) -> None:
    assert _profile(spec, reader, text).get("needs", []) == needs


def test_saving_money_is_evidence_of_value_not_investment(spec: IntakeSpec, reader: Reader) -> None:
    assert _profile(spec, reader, "We want to show commissioners that it saves money.")["needs"] == [
        "nhs-adoption",
        "health-economics",
    ]
    assert _profile(spec, reader, "We need money to build it.")["needs"] == ["seed-investment"]


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("We do not need an office or desks.", []),
        ("We need neither office space nor a lab.", []),
        ("We do not need an office or desks, but we need a grant.", ["public-funding"]),
        ("We have no investors and we need a grant.", ["public-funding"]),
    ],
)
def test_a_negation_reaches_along_a_list_joined_by_or(
    spec: IntakeSpec, reader: Reader, text: str, needs: list[str]
) -> None:
    assert _profile(spec, reader, text).get("needs", []) == needs


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("We can't find investors.", ["seed-investment"]),
        ("We are unable to recruit patients.", ["patient-and-user-access"]),
        ("We have never dealt with procurement.", ["nhs-adoption"]),
        ("We lack clinical input.", ["clinical-expertise-and-facilities"]),
        ("We do not know any clinicians.", ["clinical-expertise-and-facilities"]),
        ("We do not need to find investors.", []),
    ],
)
def test_saying_what_is_lacking_is_a_need(spec: IntakeSpec, reader: Reader, text: str, needs: list[str]) -> None:
    assert _profile(spec, reader, text).get("needs", []) == needs


def test_a_modifier_only_qualifies_the_need_after_it(spec: IntakeSpec, reader: Reader) -> None:
    data = _profile(spec, reader, "We need NHS data to train the model.")
    assert data["needs"] == ["health-data"] and "nhs" in str(data["keywords"]).split()
    assert _profile(spec, reader, "We want to use hospital records.")["needs"] == ["health-data"]
    assert _profile(spec, reader, "We need access to the NHS.")["needs"] == ["health-system-access"]


def test_words_for_a_need_and_a_narrower_one_mean_the_narrower(spec: IntakeSpec, reader: Reader) -> None:
    assert _profile(spec, reader, "We want proof that it saves money.")["needs"] == ["health-economics"]
    chosen = _profile(spec, reader, "We need a health technology assessment.", next=["evidence"])
    assert chosen["needs"] == ["evaluation-expertise", "health-economics"]  # a wider need chosen is kept


def test_a_large_company_is_named_whatever_its_trade(spec: IntakeSpec, reader: Reader) -> None:
    profile = _profile(spec, reader, "We are a large medical imaging company looking for academic partners.")
    assert profile["organisation_type"] == "large-company" and profile["needs"] == ["research-expertise"]


def test_a_plan_is_not_yet_done(spec: IntakeSpec, reader: Reader) -> None:
    assert _profile(spec, reader, "We had a pilot planned but it was cancelled; we have a prototype.")["stage"] == 2


def test_what_the_innovation_is_not_still_says_what_it_is(spec: IntakeSpec, reader: Reader) -> None:
    profile = _profile(spec, reader, "Our app is not a medical device, so we do not need MHRA advice.")
    assert profile["sector"] == "digital-health" and "needs" not in profile

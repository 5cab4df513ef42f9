"""API schemas of the guided intake: the questions served, plain answers and words in, an explained profile out."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator
from pydantic.config import JsonDict

from app.intake import has_control_characters
from app.models.matching import MatchResponse

AnswerKey = Annotated[str, StringConstraints(min_length=1, max_length=80)]
ANSWER_SCHEMA: JsonDict = {
    "anyOf": [{"type": "string", "maxLength": 1000}, {"type": "array", "items": {"type": "string"}}]
}

EXAMPLE_INTAKE: dict[str, Any] = {
    "answers": {"built": "tested", "next": ["seed-money"], "where": "leeds"},
    "description": "We have a working prototype of a falls sensor, tested with twenty users in a care home.",
}


class IntakeOption(BaseModel):
    """One choice of a question, with what choosing it implies for the profile."""

    id: str = Field(examples=["tested"])
    label: str = Field(examples=["A prototype tested with users"])
    implies: dict[str, Any] = Field(
        description="The profile values this option sets: stage, trl (a band), needs, sector, organisation_type, "
        "location.",
        examples=[{"stage": 3, "trl": [4, 5]}],
    )


class IntakeQuestion(BaseModel):
    """One question: `single` takes one option id, `multi` a list of option ids, `text` plain words."""

    id: str = Field(examples=["built"])
    text: str = Field(examples=["What exists so far?"])
    help: str | None = None
    kind: Literal["single", "multi", "text"]
    options: list[IntakeOption] = Field(default_factory=list, description="Empty for `text` questions.")


class IntakeQuestions(BaseModel):
    """The guided intake's questions (data/intake.yaml), served with an ETag."""

    version: str = Field(examples=["2026-12-01.1"])
    questions: list[IntakeQuestion]


class IntakeRequest(BaseModel):
    """The body of POST /v1/intake: answers, a description, or both. Types are strict."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [EXAMPLE_INTAKE]})

    answers: dict[AnswerKey, Any] = Field(
        default_factory=dict,
        max_length=20,
        json_schema_extra={"additionalProperties": ANSWER_SCHEMA},
        description="Question id to an option id (`single`), a list of option ids (`multi`) or text (`text`, at "
        "most 1,000 characters). See GET /v1/intake.",
    )
    description: str | None = Field(
        default=None,
        max_length=1000,
        description="The innovation and what is needed, in plain words (at most 1,000 characters). Read, never "
        "stored or logged.",
    )
    sector: str | None = Field(default=None, max_length=80, description="Sector slug; beats any inferred sector.")
    organisation_type: str | None = Field(default=None, max_length=80, description="Beats any inferred type.")
    location: str | None = Field(default=None, max_length=80, description="Beats any inferred location.")
    limit: int = Field(default=10, ge=1, le=50, description="How many match results, 1-50.")

    @field_validator("description", "sector", "organisation_type", "location")
    @classmethod
    def _no_control_characters(cls, value: str | None) -> str | None:
        if value is not None and has_control_characters(value):
            raise ValueError("Text must not contain control characters such as NUL (U+0000)")
        return value


class InferenceOut(BaseModel):
    """One inferred profile value: where it came from and why, in plain words."""

    field: str = Field(examples=["stage"])
    value: int | str = Field(examples=[3])
    because: str = Field(examples=["You have a prototype tested with users: stage 3, Validating concept"])
    source: str = Field(description="`answer:<question id>` or `description`.", examples=["answer:built"])


class FollowUpOut(BaseModel):
    """What more would help, as a plain sentence, and the question that asks it."""

    field: str = Field(description="The profile field it would fill, or `match`.", examples=["stage"])
    question: str = Field(examples=["built"])
    text: str = Field(examples=["Tell us whether you have tested it with users."])


class IntakeProfile(BaseModel):
    """The inferred profile: a valid POST /v1/match body. Fields nothing evidenced are left out."""

    stage: int | None = None
    trl: int | None = None
    needs: list[str] | None = None
    sector: str | None = None
    organisation_type: str | None = None
    location: str | None = None
    keywords: str | None = None
    limit: int


class IntakeResponse(BaseModel):
    """The inferred profile, every inference with its source and reason, what more would help, and the match."""

    version: str = Field(description="The intake file's version (data/intake.yaml).")
    profile: IntakeProfile
    inferences: list[InferenceOut]
    follow_up: list[FollowUpOut] = Field(
        description="Plain sentences saying what more would help, most useful first; empty when nothing is missing."
    )
    match: MatchResponse | None = Field(
        description="The POST /v1/match answer for `profile`; null when the profile gives the matcher nothing to "
        "go on yet (see follow_up)."
    )

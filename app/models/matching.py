"""API schemas of matching: the innovator's profile in, ranked explained offers (and the route ahead) out."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.models.catalogue import ProviderRef

NeedSlug = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Explain = Literal["none", "full"]

EXAMPLE_REQUEST: dict[str, Any] = {
    "stage": 5,
    "trl": 7,
    "needs": ["regulatory-advice"],
    "sector": "digital-health",
    "organisation_type": "startup",
    "location": "leeds",
    "keywords": "software as a medical device",
    "limit": 10,
}


class ProfileFields(BaseModel):
    """An innovator's profile: at least one of stage, trl, needs or keywords (keywords alone are a search in
    plain words)."""

    stage: int | None = Field(default=None, ge=1, le=7, description="Pathway stage 1-7 (see /v1/stages).")
    trl: int | None = Field(default=None, ge=1, le=9, description="Technology readiness level 1-9.")
    needs: list[NeedSlug] = Field(default_factory=list, max_length=20, description="Need slugs, parents or children.")
    sector: str | None = Field(default=None, max_length=80, description="Sector slug (see /v1/sectors).")
    organisation_type: str | None = Field(default=None, max_length=80, description="See /v1/organisation-types.")
    location: str | None = Field(default=None, max_length=80, description="Where the innovator is (see /v1/locations).")
    keywords: str | None = Field(
        default=None,
        max_length=200,
        description="Free text, at most 200 characters, in your own words: synonyms (data/synonyms.yaml) take "
        "plain words to the needs vocabulary. Only stop words or only punctuation is a 422.",
    )


class MatchRequest(ProfileFields):
    """The body of POST /v1/match. Types are strict: `"5"` is not a stage."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [EXAMPLE_REQUEST]})

    limit: int = Field(default=10, ge=1, le=50, description="How many results, 1-50.")
    explain: Explain = Field(default="none", description="`full` adds component scores and near misses.")


class MatchQuery(ProfileFields):
    """The query string of GET /v1/match (needs repeated: `?needs=a&needs=b`)."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=10, ge=1, le=50, description="How many results, 1-50.")
    explain: Explain = Field(default="none", description="`full` adds component scores and near misses.")


class PathwayRequest(ProfileFields):
    """The body of POST /v1/pathway; the query string of GET /v1/pathway."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"stage": 3, "needs": ["seed-investment"]}]}
    )

    per_stage: int = Field(default=3, ge=1, le=10, description="Offers shown for each stage of the route.")


class PathwayBody(PathwayRequest):
    """The body of POST /v1/pathway. Types are strict, as for POST /v1/match: `true` is not a TRL."""

    model_config = ConfigDict(
        extra="forbid", strict=True, json_schema_extra={"examples": [{"stage": 3, "needs": ["seed-investment"]}]}
    )


class KeywordNeed(BaseModel):
    """A need a word of the keywords points to."""

    need: str = Field(examples=["seed-investment"])
    word: str = Field(examples=["money"])


class ProfileOut(BaseModel):
    """The request as understood: the TRL crosswalk applied, needs deduplicated, keywords analysed."""

    stage: int | None = Field(examples=[5])
    trl: int | None = Field(examples=[7])
    stages: list[int] = Field(description="The stages the profile sits in (a TRL can sit in two).", examples=[[5]])
    trl_band: tuple[int, int] | None = Field(examples=[[6, 8]])
    needs: list[str] = Field(examples=[["regulatory-advice"]])
    sector: str | None
    organisation_type: str | None
    location: str | None
    keywords: str | None
    keyword_terms: list[str] = Field(
        description="The analysed (stemmed) keyword terms that may count as evidence, with synonym expansions.",
        examples=[["softwar"]],
    )
    keyword_needs: list[KeywordNeed] = Field(
        description="The needs the keywords point to through the reviewed synonyms; they stand in for `needs` "
        "when none are given."
    )
    limit: int


class MatchedOffer(BaseModel):
    """The offer in a result, in brief; /v1/offers/{slug} has the rest."""

    slug: str = Field(examples=["charlton-regulatory-advice"])
    name: str
    summary: str
    url: str | None = Field(description="The next step: the offer's own page, else its provider's website.")
    contact_route: str | None = Field(description="How to start, in words.")
    provider: ProviderRef
    needs: list[str]
    stages: list[int]
    trl_band: tuple[int, int]
    kind: str
    cost: str
    status: str
    locations: list[str]


class ReasonOut(BaseModel):
    """Why an offer was chosen, as a code and a plain-English sentence."""

    code: str = Field(examples=["need-match"])
    text: str = Field(examples=["Offers regulatory advice, which you asked for"])


class MatchResult(BaseModel):
    """One ranked offer."""

    rank: int = Field(examples=[1])
    score: float = Field(ge=0, le=1, examples=[0.91])
    offer: MatchedOffer
    reasons: list[ReasonOut]
    forthcoming: bool = Field(default=False, description="Not yet taking innovators.")
    components: dict[str, float] | None = Field(default=None, description="With explain=full: each component score.")


class NearMissOut(BaseModel):
    """An offer a hard filter excluded that would otherwise have ranked, and what would open it."""

    offer: MatchedOffer
    criterion: str = Field(examples=["location"])
    hint: str = Field(examples=["For organisations based in the UK"])
    score: float


class FrontDoorOut(BaseModel):
    """A signposting service: where to go when none of the results fits."""

    offer: MatchedOffer
    reasons: list[ReasonOut] = Field(
        examples=[[{"code": "front-door", "text": "Can point you to the right support if none of these results fits"}]]
    )


class MatchResponse(BaseModel):
    """Ranked, explained offers for a profile: only offers with evidence for what was asked, so possibly none."""

    profile: ProfileOut
    ruleset_version: str
    catalogue_version: str
    results: list[MatchResult]
    near_misses: list[NearMissOut] | None = Field(default=None, description="With explain=full only.")
    front_door: list[FrontDoorOut] = Field(
        default_factory=list,
        description="Signposting services (never ranked among the results): where to go when none of them fits.",
    )


class StageOut(BaseModel):
    """A pathway stage."""

    number: int
    slug: str
    name: str
    trl_band: tuple[int, int]


class RouteStep(BaseModel):
    """The best offers at one stage of the route ahead."""

    stage: StageOut
    is_current: bool
    results: list[MatchResult]
    note: str | None = Field(default=None, description="Set when nothing in the catalogue serves this stage.")


class PathwayResponse(BaseModel):
    """The route ahead: the current stage and each later one, with the best offers for each."""

    profile: ProfileOut
    ruleset_version: str
    catalogue_version: str
    stages: list[RouteStep]
    front_door: list[FrontDoorOut] = Field(
        default_factory=list, description="Signposting services, once for the whole route."
    )

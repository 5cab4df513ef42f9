"""API schemas of the public vocabulary: stages with the TRL crosswalk, needs, flat vocabularies, locations."""

from __future__ import annotations

from pydantic import BaseModel, Field


class TermPublic(BaseModel):
    """A vocabulary term."""

    slug: str = Field(examples=["digital-health"])
    name: str = Field(examples=["Digital health"])


class TrlPublic(BaseModel):
    """A technology readiness level and the stages whose band contains it."""

    level: int = Field(examples=[7])
    name: str = Field(examples=["System prototype demonstrated in an operational environment"])
    stages: list[int] = Field(examples=[[5]])


class StagePublic(BaseModel):
    """A pathway stage with its default TRL band."""

    number: int = Field(examples=[5])
    slug: str = Field(examples=["clearance-and-trials"])
    name: str = Field(examples=["Clearance and trials"])
    description: str
    trl_band: tuple[int, int] = Field(examples=[[6, 8]])


class NeedPublic(BaseModel):
    """A support need; top-level needs carry their child terms."""

    slug: str = Field(examples=["professional-advice"])
    name: str = Field(examples=["Professional advice (regulatory, legal, financial)"])
    parent: str | None = None
    source: str = Field(description="`support-table` for the region's own terms, `curator` for additions.")
    children: list[NeedPublic] = Field(default_factory=list)


class LocationPublic(BaseModel):
    """Where an innovator can be; `parent` gives the nesting (leeds is in west-yorkshire)."""

    slug: str = Field(examples=["leeds"])
    name: str = Field(examples=["Leeds"])
    parent: str | None = Field(examples=["west-yorkshire"])
    within: list[str] = Field(description="Every enclosing location, nearest first.", examples=[["west-yorkshire"]])


class StagesResponse(BaseModel):
    """The seven-stage pathway and the TRL crosswalk."""

    taxonomy_version: str
    stages: list[StagePublic]
    trls: list[TrlPublic] = Field(description="Each TRL with the stages whose band contains it.")


class NeedsResponse(BaseModel):
    """The nine support needs with their child terms."""

    taxonomy_version: str
    needs: list[NeedPublic]


class TermsResponse(BaseModel):
    """A flat vocabulary."""

    taxonomy_version: str
    terms: list[TermPublic]


class LocationsResponse(BaseModel):
    """Innovator locations, nested."""

    taxonomy_version: str
    locations: list[LocationPublic]

"""API schemas of offer facets: how many of the selected offers each vocabulary value would keep."""

from __future__ import annotations

from pydantic import BaseModel, Field


class FacetCount(BaseModel):
    """One value of one facet and the number of selected offers it would keep."""

    value: str = Field(examples=["regulatory-advice"])
    name: str = Field(examples=["Regulatory advice"])
    count: int = Field(examples=[4])


class StageFacet(BaseModel):
    """A stage count: the value is the stage number, as everywhere else in the API."""

    value: int = Field(ge=1, le=7, examples=[5])
    name: str = Field(examples=["Clearance and trials"])
    count: int = Field(examples=[4])


class NeedFacet(FacetCount):
    """A need count; a parent need counts the offers tagged with any of its children too."""

    parent: str | None = Field(default=None, examples=["professional-advice"])


class OfferFacets(BaseModel):
    """Counts per value under the current filters (values with no offers are listed with 0)."""

    catalogue_version: str
    total: int = Field(description="Offers matching the current filters.", examples=[12])
    need: list[NeedFacet]
    stage: list[StageFacet]
    sector: list[FacetCount] = Field(description="Offers with no sector list serve every sector, so count for each.")
    kind: list[FacetCount]
    cost: list[FacetCount]
    provider_kind: list[FacetCount]

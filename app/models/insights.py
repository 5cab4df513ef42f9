"""API schemas of the analysts' insights: match demand set against the catalogue's supply."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class CountedValue(BaseModel):
    """A value and how many match requests asked for it."""

    value: str = Field(examples=["regulatory-advice"])
    name: str = Field(examples=["Regulatory advice"])
    requests: int = Field(examples=[12])


class RecommendedOffer(BaseModel):
    """An offer and how many match requests returned it."""

    slug: str = Field(examples=["propel-yh-accelerator"])
    name: str
    recommended: int = Field(examples=[31])


class DemandCell(BaseModel):
    """Demand and supply in one stage x top-level need cell."""

    stage: int = Field(examples=[5])
    stage_name: str
    need: str = Field(examples=["professional-advice"])
    need_name: str
    demand: int = Field(description="Match requests asking for this stage and need (or a child need).")
    supply: int = Field(description="Active offers serving this stage and need now.")
    demand_per_offer: float = Field(description="demand / max(supply, 1): higher means more under-served.")


class DemandReport(BaseModel):
    """Match demand over a period, set against the catalogue's supply."""

    since: date
    until: date = Field(description="Inclusive.")
    sector: list[str]
    location: list[str]
    requests: int = Field(description="Match requests recorded in the period (after the filters).")
    requests_without_stage: int
    requests_without_needs: int
    thin_threshold: int
    stages: list[int]
    needs: list[str]
    matrix: list[list[int]] = Field(description="Demand: one row per stage, one column per top-level need.")
    cells: list[DemandCell]
    under_served: list[DemandCell] = Field(
        description="Cells with demand and thin_threshold offers or fewer, most demanded first."
    )
    top_needs: list[CountedValue] = Field(description="Needs as asked (children included), most requested first.")
    top_offers: list[RecommendedOffer]
    sectors: list[CountedValue]
    organisation_types: list[CountedValue]
    locations: list[CountedValue]
    keyword_terms: list[CountedValue] = Field(
        description="Analysed terms seen in at least min_term_requests requests from min_term_clients distinct clients."
    )
    min_term_requests: int
    min_term_clients: int = Field(description="Distinct clients (counted by daily pseudonym) a term needs.")

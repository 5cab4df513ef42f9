"""API schemas of the analysts' insights: the coverage matrix, and match demand set against the catalogue's supply."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from app.models.base import IsoDate
from app.renditions import FormatParam


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


class CoverageCell(BaseModel):
    """The active offers serving one stage and one top-level need (or any of its child needs)."""

    stage: int = Field(examples=[5])
    stage_name: str = Field(examples=["Clearance and trials"])
    need: str = Field(examples=["professional-advice"])
    need_name: str = Field(examples=["Professional advice (regulatory, legal, financial)"])
    count: int = Field(examples=[3])
    offers: list[str] = Field(description="Slugs of the offers in the cell, by slug.")


class CoverageAxis(BaseModel):
    """One row or column heading of the matrix."""

    key: str = Field(examples=["5"])
    slug: str = Field(examples=["clearance-and-trials"])
    name: str = Field(examples=["Clearance and trials"])


class CoverageReport(BaseModel):
    """The stage x need matrix of active offers, with the thin cells listed as gaps."""

    catalogue_version: str
    sector: list[str] = Field(description="Sector filter applied (offers for all sectors always count).")
    location: list[str] = Field(description="Innovator location filter applied (nested).")
    offer_count: int = Field(description="Active offers considered after the filters.")
    thin_threshold: int = Field(description="Cells with this many offers or fewer are gaps.", examples=[1])
    stages: list[CoverageAxis]
    needs: list[CoverageAxis]
    matrix: list[list[int]] = Field(description="Counts: one row per stage, one column per need, in axis order.")
    cells: list[CoverageCell]
    gaps: list[CoverageCell] = Field(description="Cells with thin_threshold offers or fewer, emptiest first.")


class CoverageQuery(FormatParam):
    """Filters of the coverage matrix."""

    model_config = ConfigDict(extra="forbid")

    sector: list[str] = Field(default_factory=list, description="Only offers serving this sector (repeatable).")
    location: list[str] = Field(default_factory=list, description="Only offers open to innovators here (nested).")
    thin: int = Field(default=1, ge=0, le=10, description="Cells with this many offers or fewer are gaps.")


EARLIEST, LATEST = date(1970, 1, 1), date(9998, 12, 31)


class DemandQuery(FormatParam):
    """Period and filters of the demand report."""

    model_config = ConfigDict(extra="forbid")

    # Bounded so that the 90-day default and the day after `until` stay representable dates (0001-01-01 was a 500).
    since: IsoDate | None = Field(
        default=None, ge=EARLIEST, le=LATEST, description="First day (UTC), default 90 days before `until`."
    )
    until: IsoDate | None = Field(
        default=None, ge=EARLIEST, le=LATEST, description="Last day (UTC, inclusive), default today."
    )
    sector: list[str] = Field(default_factory=list, description="Only requests (and offers) for this sector.")
    location: list[str] = Field(default_factory=list, description="Only requests from this location (offers nested).")
    thin: int = Field(default=1, ge=0, le=10, description="Cells with this many offers or fewer are under-served.")
    top: int = Field(default=20, ge=1, le=100, description="Length of the top needs, offers and terms lists.")


class SvgQuery(BaseModel):
    """Filters of the heatmap."""

    model_config = ConfigDict(extra="forbid")

    sector: list[str] = Field(default_factory=list, description="Only offers serving this sector (repeatable).")
    location: list[str] = Field(default_factory=list, description="Only offers open to innovators here (nested).")
    thin: int = Field(default=1, ge=0, le=10, description="Cells with this many offers or fewer are outlined.")

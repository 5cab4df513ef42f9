"""The demand report: the period's match events per stage x need, set against the catalogue's supply."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlmodel import Session

from app.config import get_settings
from app.models.demand import MatchEvent
from app.models.insights import CountedValue, CoverageReport, DemandCell, DemandReport, RecommendedOffer
from app.services.insights.coverage import coverage_report, top_need_of
from app.services.store.snapshot import CatalogueSnapshot


def period_bounds(since: date, until: date) -> tuple[datetime, datetime]:
    """[since 00:00 UTC, the day after until 00:00 UTC)."""
    return datetime.combine(since, time.min, UTC), datetime.combine(until + timedelta(days=1), time.min, UTC)


def _counted(counter: Counter[str], names: Mapping[str, str], limit: int | None = None) -> list[CountedValue]:
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [CountedValue(value=v, name=names.get(v, v), requests=n) for v, n in ordered]


def iter_events(session: Session, start: datetime, end: datetime) -> Iterable[MatchEvent]:
    """Match events in [start, end), read in chunks."""
    statement = (
        select(MatchEvent)
        .where(MatchEvent.occurred_at >= start, MatchEvent.occurred_at < end)  # type: ignore[arg-type]
        .execution_options(yield_per=1000)
    )
    yield from session.execute(statement).scalars()


@dataclass
class _Tally:
    """The period's match events counted per stage x top-level need, per need asked, offer, profile value and term."""

    top_of: Mapping[str, str]
    sectors: set[str]
    locations: set[str]
    cells: Counter[tuple[int, str]] = field(default_factory=Counter)
    needs: Counter[str] = field(default_factory=Counter)
    offers: Counter[str] = field(default_factory=Counter)
    by_sector: Counter[str] = field(default_factory=Counter)
    by_org: Counter[str] = field(default_factory=Counter)
    by_location: Counter[str] = field(default_factory=Counter)
    terms: Counter[str] = field(default_factory=Counter)
    term_clients: dict[str, set[str]] = field(default_factory=dict)
    requests: int = 0
    without_stage: int = 0
    without_needs: int = 0

    def add(self, event: MatchEvent) -> None:
        """Count one event, unless the sector or location filters leave it out."""
        if (self.sectors and event.sector not in self.sectors) or (
            self.locations and event.location not in self.locations
        ):
            return
        self.requests += 1
        stages = list(event.stages) or ([event.stage] if event.stage else [])
        tops = {self.top_of.get(need, need) for need in event.needs}
        self.without_stage += not stages
        self.without_needs += not tops
        for stage in stages:
            for need in tops:
                self.cells[(stage, need)] += 1
        self.needs.update(set(event.needs))
        self.offers.update(set(event.offer_slugs))
        self.terms.update(set(event.keyword_terms))
        if event.client_key:
            for term in event.keyword_terms:
                self.term_clients.setdefault(term, set()).add(event.client_key)
        profile = (
            (self.by_sector, event.sector),
            (self.by_org, event.organisation_type),
            (self.by_location, event.location),
        )
        for counter, value in profile:
            if value:
                counter[value] += 1

    def shown_terms(self, min_requests: int, min_clients: int, top: int) -> list[CountedValue]:
        """The terms enough requests from enough distinct clients used, most used first."""
        shown = {
            t: n
            for t, n in self.terms.items()
            if n >= min_requests and len(self.term_clients.get(t, ())) >= min_clients
        }
        return _counted(Counter(shown), {}, top)


def _cells(supply: CoverageReport, demand: Counter[tuple[int, str]]) -> list[DemandCell]:
    return [
        DemandCell(
            stage=cell.stage,
            stage_name=cell.stage_name,
            need=cell.need,
            need_name=cell.need_name,
            demand=demand[(cell.stage, cell.need)],
            supply=cell.count,
            demand_per_offer=round(demand[(cell.stage, cell.need)] / max(cell.count, 1), 3),
        )
        for cell in supply.cells
    ]


def demand_report(
    session: Session,
    snapshot: CatalogueSnapshot,
    *,
    since: date,
    until: date,
    sectors: Sequence[str] = (),
    locations: Sequence[str] = (),
    thin: int = 1,
    min_term_requests: int = 3,
    min_term_clients: int | None = None,
    top: int = 20,
) -> DemandReport:
    """Aggregate the period's match events per stage x need and set them against coverage.

    A keyword term is reported once `min_term_requests` requests from `min_term_clients` distinct clients (daily
    pseudonyms; default NAVIGATOR_DEMAND_MIN_TERM_CLIENTS) used it: one client repeating itself cannot put a
    word into the public report.
    """
    if min_term_clients is None:
        min_term_clients = get_settings().demand_min_term_clients
    supply = coverage_report(snapshot, sectors=sectors, locations=locations, thin=thin)
    tally = _Tally(top_of=top_need_of(snapshot), sectors=set(sectors), locations=set(locations))
    for event in iter_events(session, *period_bounds(since, until)):
        tally.add(event)
    cells = _cells(supply, tally.cells)
    under_served = sorted(
        (c for c in cells if c.demand > 0 and c.supply <= thin), key=lambda c: (-c.demand, c.supply, c.stage, c.need)
    )
    stage_numbers = [int(s.key) for s in supply.stages]
    need_slugs = [n.slug for n in supply.needs]
    names = {t.slug: t.name for t in snapshot.taxonomy.terms}
    offer_names = {o.slug: o.name for o in snapshot.offers}
    return DemandReport(
        since=since,
        until=until,
        sector=list(sectors),
        location=list(locations),
        requests=tally.requests,
        requests_without_stage=tally.without_stage,
        requests_without_needs=tally.without_needs,
        thin_threshold=thin,
        stages=stage_numbers,
        needs=need_slugs,
        matrix=[[tally.cells[(s, n)] for n in need_slugs] for s in stage_numbers],
        cells=cells,
        under_served=under_served,
        top_needs=_counted(tally.needs, names, top),
        top_offers=[
            RecommendedOffer(slug=slug, name=offer_names.get(slug, slug), recommended=n)
            for slug, n in sorted(tally.offers.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        ],
        sectors=_counted(tally.by_sector, names),
        organisation_types=_counted(tally.by_org, names),
        locations=_counted(tally.by_location, names),
        keyword_terms=tally.shown_terms(min_term_requests, min_term_clients, top),
        min_term_requests=min_term_requests,
        min_term_clients=min_term_clients,
    )


DEMAND_COLUMNS = ("stage", "stage_name", "need", "need_name", "demand", "supply", "demand_per_offer", "under_served")


def demand_rows(report: DemandReport) -> list[dict[str, object]]:
    """One spreadsheet row per cell, under-served cells flagged."""
    flagged = {(c.stage, c.need) for c in report.under_served}
    return [{**c.model_dump(), "under_served": (c.stage, c.need) in flagged} for c in report.cells]

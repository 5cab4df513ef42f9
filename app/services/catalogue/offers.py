"""Querying the catalogue snapshot: offer filters, full-text search, sorting and pagination."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field

from app.errors import FieldProblem, ValidationProblem
from app.models.base import IsoDateTime, as_utc
from app.models.catalogue import Cost, OfferKind, OfferPublic, OfferStatus
from app.pagination import MAX_OFFSET
from app.renditions import FormatParam, encoded
from app.services.catalogue.search import offers_found
from app.services.store.snapshot import LIVE_STATUSES, CatalogueSnapshot

OfferSort = Literal["name", "-name", "slug", "-slug", "updated_at", "-updated_at", "relevance"]


class OfferSelection(BaseModel):
    """Which offers: repeated values combine with OR, different fields with AND (shared by list and facets)."""

    model_config = ConfigDict(extra="forbid")

    stage: list[Annotated[int, Field(ge=1, le=7)]] = Field(default_factory=list, description="Pathway stage 1-7.")
    trl: list[Annotated[int, Field(ge=1, le=9)]] = Field(default_factory=list, description="TRL 1-9 in the band.")
    need: list[str] = Field(default_factory=list, description="Need slug; a parent matches its children.")
    sector: list[str] = Field(default_factory=list, description="Sector served (offers for all sectors match).")
    organisation_type: list[str] = Field(default_factory=list, description="Eligible organisation type.")
    location: list[str] = Field(default_factory=list, description="Innovator location; nested (leeds is in uk).")
    provider: list[str] = Field(default_factory=list, description="Provider slug.")
    kind: list[OfferKind] = Field(default_factory=list)
    cost: list[Cost] = Field(default_factory=list)
    status: list[OfferStatus] = Field(default_factory=list, description="Default: active and forthcoming.")
    q: str | None = Field(
        default=None,
        max_length=200,
        description="Words that must all appear in the offer's name, keywords, summary or description, stemmed "
        "as match keywords are; only stop words or punctuation is a 422.",
    )
    modified_after: IsoDateTime | None = Field(default=None, description="Only offers changed after this time.")


class OfferFilters(FormatParam, OfferSelection):
    """Filters of GET /v1/offers, with the order, the page and the rendition."""

    model_config = ConfigDict(extra="forbid")

    sort: OfferSort | None = Field(default=None, description="Default: relevance with q, else name.")
    limit: int = Field(default=20, ge=1, le=100)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET, description="Offers to skip.")


def validate_filters(snapshot: CatalogueSnapshot, filters: OfferSelection) -> None:
    """Reject slugs the taxonomy does not know, naming the valid values."""
    taxonomy = snapshot.taxonomy
    problems = [
        problem
        for vocabulary, values in (
            ("need", filters.need),
            ("sector", filters.sector),
            ("organisation_type", filters.organisation_type),
            ("location", filters.location),
        )
        for problem in taxonomy.field_problems(vocabulary, vocabulary, values, positions="several")
    ]
    for i, slug in enumerate(filters.provider):
        if slug not in snapshot.providers_by_slug:
            field = f"provider[{i}]" if len(filters.provider) > 1 else "provider"
            problems.append(FieldProblem(field=field, message=f"Unknown provider '{slug}'. See /v1/providers."))
    if problems:
        raise ValidationProblem(problems)


def _serves_any(restriction: Iterable[str], wanted: set[str]) -> bool:
    restricted = set(restriction)
    return not restricted or bool(restricted & wanted)


def offer_fragments(snapshot: CatalogueSnapshot) -> Mapping[str, orjson.Fragment]:
    """Every live offer's public JSON, encoded once per snapshot for the listing to splice into its pages."""
    return snapshot.derived("offer-fragments", lambda frozen: {offer.slug: encoded(offer) for offer in frozen.offers})


def filter_offers(snapshot: CatalogueSnapshot, filters: OfferSelection) -> list[OfferPublic]:
    """The offers matching every given filter, in the requested order."""
    validate_filters(snapshot, filters)
    taxonomy = snapshot.taxonomy
    statuses = set(filters.status or LIVE_STATUSES)
    stages = set(filters.stage)
    needs = set().union(*(taxonomy.need_family(n) for n in filters.need)) if filters.need else set()
    sectors = set(filters.sector)
    org_types = set(filters.organisation_type)
    locations = set().union(*(taxonomy.location_chain(loc) for loc in filters.location)) if filters.location else set()
    providers = set(filters.provider)
    kinds, costs = set(filters.kind), set(filters.cost)
    modified_after = as_utc(filters.modified_after)
    found = offers_found(snapshot, filters.q, field="q")
    relevance = found or {}

    selected: list[OfferPublic] = []
    for offer in snapshot.offers:
        if offer.status not in statuses:
            continue
        if stages and not stages & set(offer.stages):
            continue
        if filters.trl and not any(offer.trl_band[0] <= t <= offer.trl_band[1] for t in filters.trl):
            continue
        if needs and not needs & set(offer.needs):
            continue
        if sectors and not _serves_any(offer.sectors, sectors):
            continue
        if org_types and not _serves_any(offer.organisation_types, org_types):
            continue
        if locations and not _serves_any(offer.locations, locations):
            continue
        if providers and offer.provider.slug not in providers:
            continue
        if kinds and offer.kind not in kinds:
            continue
        if costs and offer.cost not in costs:
            continue
        if modified_after is not None and offer.updated_at <= modified_after:
            continue
        if found is not None and offer.slug not in found:
            continue
        selected.append(offer)
    return _sorted(selected, filters, relevance)


def _sorted(offers: list[OfferPublic], filters: OfferSelection, relevance: dict[str, float]) -> list[OfferPublic]:
    chosen = filters.sort if isinstance(filters, OfferFilters) else None
    sort = chosen or ("relevance" if filters.q else "name")
    if sort == "relevance":
        return sorted(offers, key=lambda o: (-relevance.get(o.slug, 0.0), o.name.casefold(), o.slug))
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key == "name":
        return sorted(offers, key=lambda o: (o.name.casefold(), o.slug), reverse=descending)
    if key == "updated_at":
        return sorted(offers, key=lambda o: (o.updated_at, o.slug), reverse=descending)
    return sorted(offers, key=lambda o: o.slug, reverse=descending)

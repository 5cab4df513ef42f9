"""Conversions between catalogue rows, the curated-file schemas and the public schemas."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from app.models.base import as_utc
from app.models.catalogue import (
    OfferCreate,
    OfferPublic,
    ProviderCreate,
    ProviderPublic,
    ProviderRef,
)
from app.models.catalogue_tables import Offer, Provider
from app.services.catalogue.taxonomy import Taxonomy


def provider_values(entry: ProviderCreate) -> dict[str, Any]:
    """Column values of a provider row for a validated entry (provenance stored without its defaults)."""
    return entry.model_dump(exclude={"provenance"}) | {
        "provenance": entry.provenance.model_dump(mode="json", exclude_defaults=True)
    }


def offer_values(entry: OfferCreate, *, provider_id: int, taxonomy: Taxonomy) -> dict[str, Any]:
    """Column values of an offer row for a validated entry; a missing TRL band is derived from the stages."""
    derived = entry.trl_min is None
    trl_min, trl_max = taxonomy.trl_band_for_stages(entry.stages) if derived else (entry.trl_min, entry.trl_max)
    return {
        "slug": entry.slug,
        "provider_id": provider_id,
        "name": entry.name,
        "summary": entry.summary,
        "description": entry.description,
        "url": entry.url,
        "contact_route": entry.contact_route,
        "needs": list(entry.needs),
        "stages": sorted(entry.stages),
        "trl_min": trl_min,
        "trl_max": trl_max,
        "trl_from_stages": derived,
        "sectors": list(entry.sectors),
        "organisation_types": list(entry.organisation_types),
        "locations": list(entry.locations),
        "cost": entry.cost,
        "kind": entry.kind,
        "status": entry.status,
        "signposting": entry.signposting,
        "restrictions": None if entry.restrictions is None else entry.restrictions.model_dump(),
        "application_mode": entry.application.mode,
        "next_deadline": entry.application.next_deadline,
        "keywords": list(entry.keywords),
        "provenance": entry.provenance.model_dump(mode="json", exclude_defaults=True),
        "curator_judgement": list(entry.curator_judgement),
        "last_verified_at": as_utc(entry.last_verified_at),
    }


def _fields(row: Offer | Provider, schema: type[BaseModel], stored_differently: Mapping[str, Any]) -> dict[str, Any]:
    """The schema's fields of a row: each is the column of its name, but for those stored differently."""
    return {
        name: stored_differently[name] if name in stored_differently else getattr(row, name)
        for name in schema.model_fields
    }


def offer_entry(row: Offer, provider_slug: str) -> OfferCreate:
    """The curated-file form of an offer row (the inverse of offer_values), for export and edits."""
    stored_differently = {
        "provider": provider_slug,
        "trl_min": None if row.trl_from_stages else row.trl_min,
        "trl_max": None if row.trl_from_stages else row.trl_max,
        "application": {"mode": row.application_mode, "next_deadline": row.next_deadline},
        "last_verified_at": as_utc(row.last_verified_at),
    }
    return OfferCreate.model_validate(_fields(row, OfferCreate, stored_differently))


def _provider_fields(row: Provider) -> dict[str, Any]:
    return _fields(row, ProviderCreate, {"curator_judgement": list(row.curator_judgement or [])})


def provider_entry(row: Provider) -> ProviderCreate:
    """The curated-file form of a provider row."""
    return ProviderCreate.model_validate(_provider_fields(row))


def offer_public(row: Offer, provider: Provider) -> OfferPublic:
    """The public view of an offer row: its curated form, plus the provider, TRL band and timestamps."""
    entry = offer_entry(row, provider.slug)
    return OfferPublic(
        **entry.model_dump(exclude={"provider", "trl_min", "trl_max"}),
        provider=ProviderRef(slug=provider.slug, name=provider.name),
        trl_band=(row.trl_min, row.trl_max),
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
    )


def provider_public(row: Provider, offer_count: int) -> ProviderPublic:
    """The public view of a provider row: its curated form, plus its live offer count and timestamps."""
    timestamps = {"created_at": as_utc(row.created_at), "updated_at": as_utc(row.updated_at)}
    return ProviderPublic.model_validate(_provider_fields(row) | {"offer_count": offer_count, **timestamps})

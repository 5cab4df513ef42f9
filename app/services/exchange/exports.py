"""Flat rows of catalogue items for CSV exports: one flatten function and one column list per item type."""

from __future__ import annotations

from typing import Any

from app.models.catalogue import OfferPublic, ProviderPublic
from app.services.catalogue.taxonomy import Term

OFFER_COLUMNS = (
    "slug",
    "name",
    "provider_slug",
    "provider_name",
    "summary",
    "description",
    "url",
    "contact_route",
    "needs",
    "stages",
    "trl_min",
    "trl_max",
    "sectors",
    "organisation_types",
    "locations",
    "cost",
    "kind",
    "status",
    "signposting",
    "restricted_sectors",
    "restricted_organisation_types",
    "restricted_locations",
    "application_mode",
    "next_deadline",
    "keywords",
    "provenance_source",
    "provenance_passage",
    "provenance_pages",
    "curator_judgement",
    "last_verified_at",
    "created_at",
    "updated_at",
)

PROVIDER_COLUMNS = (
    "slug",
    "name",
    "kind",
    "description",
    "website",
    "base_location",
    "offer_count",
    "provenance_source",
    "provenance_passage",
    "provenance_pages",
    "curator_judgement",
    "created_at",
    "updated_at",
)

TERM_COLUMNS = ("slug", "name", "parent", "source", "number", "trl_min", "trl_max", "level", "description")


def offer_row(offer: OfferPublic) -> dict[str, Any]:
    """An offer as one spreadsheet row (lists stay lists; the CSV writer joins them with '; ')."""
    return {
        "slug": offer.slug,
        "name": offer.name,
        "provider_slug": offer.provider.slug,
        "provider_name": offer.provider.name,
        "summary": offer.summary,
        "description": offer.description,
        "url": offer.url,
        "contact_route": offer.contact_route,
        "needs": offer.needs,
        "stages": offer.stages,
        "trl_min": offer.trl_band[0],
        "trl_max": offer.trl_band[1],
        "sectors": offer.sectors,
        "organisation_types": offer.organisation_types,
        "locations": offer.locations,
        "cost": offer.cost,
        "kind": offer.kind,
        "status": offer.status,
        "signposting": offer.signposting,
        "restricted_sectors": offer.restrictions.sectors if offer.restrictions else [],
        "restricted_organisation_types": offer.restrictions.organisation_types if offer.restrictions else [],
        "restricted_locations": offer.restrictions.locations if offer.restrictions else [],
        "application_mode": offer.application.mode,
        "next_deadline": offer.application.next_deadline,
        "keywords": offer.keywords,
        "provenance_source": offer.provenance.source,
        "provenance_passage": offer.provenance.passage,
        "provenance_pages": [page.url for page in offer.provenance.pages],
        "curator_judgement": offer.curator_judgement,
        "last_verified_at": offer.last_verified_at,
        "created_at": offer.created_at,
        "updated_at": offer.updated_at,
    }


def provider_row(provider: ProviderPublic) -> dict[str, Any]:
    """A provider as one spreadsheet row."""
    return {
        "slug": provider.slug,
        "name": provider.name,
        "kind": provider.kind,
        "description": provider.description,
        "website": provider.website,
        "base_location": provider.base_location,
        "offer_count": provider.offer_count,
        "provenance_source": provider.provenance.source,
        "provenance_passage": provider.provenance.passage,
        "provenance_pages": [page.url for page in provider.provenance.pages],
        "curator_judgement": provider.curator_judgement,
        "created_at": provider.created_at,
        "updated_at": provider.updated_at,
    }


def term_row(term: Term) -> dict[str, Any]:
    """A vocabulary term as one row; attributes a vocabulary lacks stay empty."""
    return {
        "slug": term.slug,
        "name": term.name,
        "parent": term.parent,
        "source": term.source,
        **{key: term.attributes.get(key) for key in ("number", "trl_min", "trl_max", "level", "description")},
    }

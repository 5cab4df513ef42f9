"""Flat rows of catalogue items for CSV exports: one flatten function and one column list per item type."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from app.models.catalogue import OfferCreate, OfferPublic, ProviderPublic
from app.services.catalogue.taxonomy import Term

_FLATTENED = {
    "provider": ("provider_slug", "provider_name"),
    "restrictions": ("restricted_sectors", "restricted_organisation_types", "restricted_locations"),
    "application": ("application_mode", "next_deadline"),
    "provenance": ("provenance_source", "provenance_passage", "provenance_pages"),
}
"""Nested fields of the curated form and the flat columns standing for them in a spreadsheet."""

OFFER_COLUMNS = (
    *(column for name in OfferCreate.model_fields for column in _FLATTENED.get(name, (name,))),
    "created_at",
    "updated_at",
)
"""An offer's columns: its curated-file fields in their order, nested ones flattened, then its timestamps."""

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


Item = TypeVar("Item", OfferPublic, ProviderPublic)

_PROVENANCE: dict[str, Callable[[Any], Any]] = {
    "provenance_source": lambda item: item.provenance.source,
    "provenance_passage": lambda item: item.provenance.passage,
    "provenance_pages": lambda item: [page.url for page in item.provenance.pages],
}

_OFFER_FLAT: dict[str, Callable[[OfferPublic], Any]] = {
    "provider_slug": lambda offer: offer.provider.slug,
    "provider_name": lambda offer: offer.provider.name,
    "trl_min": lambda offer: offer.trl_band[0],
    "trl_max": lambda offer: offer.trl_band[1],
    "restricted_sectors": lambda offer: offer.restrictions.sectors if offer.restrictions else [],
    "restricted_organisation_types": lambda offer: offer.restrictions.organisation_types if offer.restrictions else [],
    "restricted_locations": lambda offer: offer.restrictions.locations if offer.restrictions else [],
    "application_mode": lambda offer: offer.application.mode,
    "next_deadline": lambda offer: offer.application.next_deadline,
    **_PROVENANCE,
}


def _flat(item: Item, columns: tuple[str, ...], computed: Mapping[str, Callable[[Item], Any]]) -> dict[str, Any]:
    """One spreadsheet row: each column is the item's attribute of that name unless computed from nested fields."""
    return {column: computed[column](item) if column in computed else getattr(item, column) for column in columns}


def offer_row(offer: OfferPublic) -> dict[str, Any]:
    """An offer as one spreadsheet row (lists stay lists; the CSV writer joins them with '; ')."""
    return _flat(offer, OFFER_COLUMNS, _OFFER_FLAT)


def provider_row(provider: ProviderPublic) -> dict[str, Any]:
    """A provider as one spreadsheet row."""
    return _flat(provider, PROVIDER_COLUMNS, _PROVENANCE)


def term_row(term: Term) -> dict[str, Any]:
    """A vocabulary term as one row; attributes a vocabulary lacks stay empty."""
    return {
        "slug": term.slug,
        "name": term.name,
        "parent": term.parent,
        "source": term.source,
        **{key: term.attributes.get(key) for key in ("number", "trl_min", "trl_max", "level", "description")},
    }

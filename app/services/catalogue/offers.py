"""Querying the catalogue snapshot: offer filters, full-text search, sorting and pagination."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import orjson

from app.errors import FieldProblem, ValidationProblem
from app.models.base import as_utc
from app.models.catalogue import OfferFilters, OfferPublic, OfferSelection
from app.renditions import encoded
from app.services.catalogue.search import offers_found
from app.services.store.snapshot import LIVE_STATUSES, CatalogueSnapshot


def validate_filters(snapshot: CatalogueSnapshot, filters: OfferSelection) -> None:
    """Reject slugs the taxonomy does not know, naming the valid values."""
    taxonomy = snapshot.taxonomy
    known = offer_columns(snapshot).known
    problems = [
        problem
        for vocabulary, values in (
            ("need", filters.need),
            ("sector", filters.sector),
            ("organisation_type", filters.organisation_type),
            ("location", filters.location),
        )
        if values and not known[vocabulary].issuperset(values)  # the usual case: every slug known, nothing to say
        for problem in taxonomy.field_problems(vocabulary, vocabulary, values, positions="several")
    ]
    for i, slug in enumerate(filters.provider):
        if slug not in snapshot.providers_by_slug:
            field = f"provider[{i}]" if len(filters.provider) > 1 else "provider"
            problems.append(FieldProblem(field=field, message=f"Unknown provider '{slug}'. See /v1/providers."))
    if problems:
        raise ValidationProblem(problems)


def offer_fragments(snapshot: CatalogueSnapshot) -> Mapping[str, orjson.Fragment]:
    """Every live offer's public JSON, encoded once per snapshot for the listing to splice into its pages."""
    return snapshot.derived("offer-fragments", lambda frozen: {offer.slug: encoded(offer) for offer in frozen.offers})


def _serves_any(restriction: Iterable[str], wanted: set[str]) -> bool:
    restricted = set(restriction)
    return not restricted or bool(restricted & wanted)


@dataclass(frozen=True)
class OfferColumns:
    """The snapshot's offers in name order (bit i of a selection is `offers[i]`), and for every value a filter may
    ask for the bit set of the offers it keeps, so a filtered request ANDs a few integers instead of testing every
    offer field by field. Built once per snapshot."""

    offers: tuple[OfferPublic, ...]
    bit: Mapping[str, int]
    """Slug -> position in name order."""
    keeps: Mapping[tuple[str, object], int]
    """(filter, value) -> the offers that value keeps; a value no offer has keeps none."""
    slug_rank: tuple[int, ...]
    updated_rank: tuple[int, ...]
    """Each offer's place in slug order and in (updated_at, slug) order, by position."""
    known: Mapping[str, frozenset[str]]
    """The slugs of each vocabulary a filter names (the taxonomy words any unknown one)."""

    @classmethod
    def build(cls, snapshot: CatalogueSnapshot) -> OfferColumns:
        taxonomy = snapshot.taxonomy
        offers = tuple(sorted(snapshot.offers, key=lambda o: (o.name.casefold(), o.slug)))
        members: dict[tuple[str, object], list[int]] = {}

        def add(key: tuple[str, object], i: int) -> None:
            members.setdefault(key, []).append(i)

        need_families = {term.slug: taxonomy.need_family(term.slug) for term in taxonomy.of("need")}
        chains = {term.slug: set(taxonomy.location_chain(term.slug)) for term in taxonomy.of("location")}
        served = {"sector": "sectors", "organisation_type": "organisation_types"}
        for i, offer in enumerate(offers):
            for key in (("status", offer.status), ("provider", offer.provider.slug), ("kind", offer.kind)):
                add(key, i)
            add(("cost", offer.cost), i)
            for stage in offer.stages:
                add(("stage", stage), i)
            for trl in range(offer.trl_band[0], offer.trl_band[1] + 1):
                add(("trl", trl), i)
            for need, family in need_families.items():
                if family & set(offer.needs):
                    add(("need", need), i)
            for vocabulary, attribute in served.items():
                restriction = getattr(offer, attribute)
                for term in taxonomy.of(vocabulary):
                    if _serves_any(restriction, {term.slug}):
                        add((vocabulary, term.slug), i)
            for location, chain in chains.items():
                if _serves_any(offer.locations, chain):
                    add(("location", location), i)
        slug_order = sorted(range(len(offers)), key=lambda i: offers[i].slug)
        updated_order = sorted(range(len(offers)), key=lambda i: (offers[i].updated_at, offers[i].slug))
        return cls(
            offers=offers,
            bit={offer.slug: i for i, offer in enumerate(offers)},
            keeps={key: bit_set(found, len(offers)) for key, found in members.items()},
            slug_rank=_ranks(slug_order),
            updated_rank=_ranks(updated_order),
            known={name: frozenset(taxonomy.slugs(name)) for name in ("need", *served, "location")},
        )

    def any_of(self, field: str, values: Iterable[object]) -> int:
        """The offers kept by any of `values` of one filter (values combine with OR)."""
        selected = 0
        for value in values:
            selected |= self.keeps.get((field, value), 0)
        return selected


def _ranks(order: list[int]) -> tuple[int, ...]:
    ranks = [0] * len(order)
    for rank, i in enumerate(order):
        ranks[i] = rank
    return tuple(ranks)


def offer_columns(snapshot: CatalogueSnapshot) -> OfferColumns:
    """The snapshot's filter bit sets, built on first use."""
    return snapshot.derived("offer-columns", OfferColumns.build)


def bit_set(members: Iterable[int], size: int) -> int:
    """The bit set of `members` (each below `size`), written as binary digits and read in one go (linear, where
    OR-ing bits one by one into a catalogue-wide integer is quadratic)."""
    digits = bytearray(b"0") * (size + 1)  # one digit more than needed: an empty catalogue still reads as 0
    for i in members:
        digits[size - i] = 0x31  # "1"; digit `size - i` counts 2**i
    return int(digits, 2)


_FEW = 32
"""Up to this many offers selected, their bits are found by str.find in the binary string, else by numpy."""


def positions(selected: int, size: int) -> list[int]:
    """The set bits of `selected` (below `size`), ascending, found at C speed whatever the catalogue's size."""
    if selected.bit_count() <= _FEW:
        bits = bin(selected)[:1:-1]  # bit i is character i
        found: list[int] = []
        at = bits.find("1")
        while at >= 0:
            found.append(at)
            at = bits.find("1", at + 1)
        return found
    packed = np.frombuffer(selected.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
    many: list[int] = np.flatnonzero(np.unpackbits(packed, bitorder="little")).tolist()
    return many


def filter_offers(snapshot: CatalogueSnapshot, filters: OfferSelection) -> list[OfferPublic]:
    """The offers matching every given filter, in the requested order."""
    validate_filters(snapshot, filters)
    columns = offer_columns(snapshot)
    selected = columns.any_of("status", filters.status or LIVE_STATUSES)
    for field, values in (
        ("stage", filters.stage),
        ("trl", filters.trl),
        ("need", filters.need),
        ("sector", filters.sector),
        ("organisation_type", filters.organisation_type),
        ("location", filters.location),
        ("provider", filters.provider),
        ("kind", filters.kind),
        ("cost", filters.cost),
    ):
        if values and selected:
            selected &= columns.any_of(field, values)
    modified_after = as_utc(filters.modified_after)
    if modified_after is not None:
        changed = (i for i, offer in enumerate(columns.offers) if offer.updated_at > modified_after)
        selected &= bit_set(changed, len(columns.offers))
    found = offers_found(snapshot, filters.q, field="q")
    if found is not None:
        selected &= bit_set((columns.bit[slug] for slug in found), len(columns.offers))
    chosen = filters.sort if isinstance(filters, OfferFilters) else None
    order = _ordered(
        columns,
        positions(selected, len(columns.offers)),
        chosen or ("relevance" if filters.q else "name"),
        found or {},
    )
    return [columns.offers[i] for i in order]


def _ordered(columns: OfferColumns, picked: list[int], sort: str, relevance: Mapping[str, float]) -> list[int]:
    """The picked positions (ascending, so in name order) in the requested order; every key is unique, so a descending
    order is the ascending one reversed."""
    key = sort.lstrip("-")
    if key == "relevance":
        offers = columns.offers
        return sorted(picked, key=lambda i: (-relevance.get(offers[i].slug, 0.0), i))
    if key == "slug":
        picked.sort(key=columns.slug_rank.__getitem__)
    elif key == "updated_at":
        picked.sort(key=columns.updated_rank.__getitem__)
    if sort.startswith("-"):
        picked.reverse()
    return picked

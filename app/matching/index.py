"""The catalogue index: every offer attribute as numpy columns, built once per catalogue version."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from app.matching.keyword_index import KeywordIndex
from app.matching.records import OFFER_STATUSES, OfferRecord
from app.matching.rules import Rules
from app.matching.synonyms import Synonyms
from app.matching.vocabulary import Vocabulary

BoolArray = npt.NDArray[np.bool_]
MaskArray = npt.NDArray[np.uint64]
IntArray = npt.NDArray[np.int64]

MAX_FLAT_TERMS = 64
"""Sectors, organisation types and locations are stored as 64-bit sets."""

Value = TypeVar("Value")


class Memo:
    """Values derived from one index that recur across requests: per-field score and filter arrays, reason
    sentences. Keys start with a name for their kind ("sector", "sector-reason"), so kinds never collide.

    Bounded (emptied when full, so memory stays flat whatever the traffic); a value is a pure function of
    its key and the index, so two threads racing on one key only compute it twice.
    """

    def __init__(self, limit: int = 100_000) -> None:
        self._values: dict[Hashable, Any] = {}
        self._limit = limit

    def get(self, key: Hashable, compute: Callable[[], Value]) -> Value:
        """The value for `key`, computed by `compute()` the first time."""
        try:
            return self._values[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        value = compute()
        if len(self._values) >= self._limit:
            self._values.clear()
        self._values[key] = value
        return value

    def __len__(self) -> int:
        return len(self._values)


@dataclass(frozen=True, eq=False)
class OfferColumns:
    """Columnar view of the offers, one entry per offer in the index's order (tie_order)."""

    closed: BoolArray
    forthcoming: BoolArray
    stage_mask: IntArray
    """Bit s-1 set when the offer serves stage s; 0 means every stage."""
    need_tags: BoolArray
    """need_tags[t, i]: offer i is tagged with need term t directly."""
    need_full: BoolArray
    """need_full[t, i]: offer i is tagged with term t or any of its descendants."""
    need_ancestor: BoolArray
    """need_ancestor[t, i]: offer i is tagged with an ancestor of t (and not with t or below)."""
    signposting: BoolArray
    """Front doors: never ranked, returned apart."""
    sector_mask: MaskArray
    """The offer's focus (soft): its sectors, organisation types, locations."""
    organisation_mask: MaskArray
    location_mask: MaskArray
    restricted_sector_mask: MaskArray
    """Its real restrictions (hard filters), from the data's `restrictions`."""
    restricted_organisation_mask: MaskArray
    restricted_location_mask: MaskArray
    provider_location: IntArray
    """Index into vocabulary.locations, or -1 when unknown."""
    provider: IntArray
    """Dense provider number, for the per-provider cap."""


@dataclass(frozen=True, eq=False)
class CatalogueIndex:
    """Everything match() needs, precomputed for one catalogue version and one ruleset."""

    catalogue_version: str
    ruleset_version: str
    vocabulary: Vocabulary
    rules: Rules
    offers: tuple[OfferRecord, ...]
    columns: OfferColumns
    keywords: KeywordIndex
    synonyms: Synonyms
    informative: frozenset[str]
    """Keyword stems found in at most synonyms.max_document_share of the offers (the IDF floor)."""
    need_row: Mapping[str, int]
    sector_bit: Mapping[str, int]
    organisation_bit: Mapping[str, int]
    location_bit: Mapping[str, int]
    location_row: Mapping[str, int]
    memo: Memo = field(default_factory=Memo, init=False, repr=False, compare=False)

    @property
    def size(self) -> int:
        """How many offers the index holds (closed ones included)."""
        return len(self.offers)

    @classmethod
    def build(
        cls,
        offers: Sequence[OfferRecord],
        vocabulary: Vocabulary,
        rules: Rules,
        catalogue_version: str,
        synonyms: Synonyms | None = None,
    ) -> CatalogueIndex:
        """Validate the offers against the vocabulary and precompute every column and the keyword index."""
        rules.pathway.check(vocabulary)
        by_slug = sorted(offers, key=lambda offer: offer.slug)
        for earlier, later in pairwise(by_slug):
            if earlier.slug == later.slug:
                raise ValueError(f"offers: duplicate slug '{later.slug}'")
        ordered = tuple(sorted(by_slug, key=tie_order))
        need_row = {slug: row for row, (slug, _, _) in enumerate(vocabulary.needs)}
        sector_bit = _bits("sectors", [slug for slug, _ in vocabulary.sectors])
        organisation_bit = _bits("organisation_types", [slug for slug, _ in vocabulary.organisation_types])
        location_bit = _bits("locations", [slug for slug, _, _ in vocabulary.locations])
        location_row = {slug: row for row, (slug, _, _) in enumerate(vocabulary.locations)}
        last_stage = vocabulary.last_stage

        size = len(ordered)
        closed = np.zeros(size, dtype=np.bool_)
        forthcoming = np.zeros(size, dtype=np.bool_)
        stage_mask = np.zeros(size, dtype=np.int64)
        need_tags = np.zeros((len(need_row), size), dtype=np.bool_)
        sector_mask = np.zeros(size, dtype=np.uint64)
        organisation_mask = np.zeros(size, dtype=np.uint64)
        location_mask = np.zeros(size, dtype=np.uint64)
        signposting = np.zeros(size, dtype=np.bool_)
        restricted_sector_mask = np.zeros(size, dtype=np.uint64)
        restricted_organisation_mask = np.zeros(size, dtype=np.uint64)
        restricted_location_mask = np.zeros(size, dtype=np.uint64)
        provider_location = np.full(size, -1, dtype=np.int64)
        provider = np.zeros(size, dtype=np.int64)
        provider_numbers: dict[str, int] = {}
        masks_seen: dict[tuple[str, ...], int] = {}

        for i, offer in enumerate(ordered):
            if offer.status not in OFFER_STATUSES:
                raise ValueError(f"offer '{offer.slug}': unknown status '{offer.status}'")
            closed[i] = offer.status == "closed"
            forthcoming[i] = offer.status == "forthcoming"
            bits = 0
            for stage in offer.stages:
                if not 1 <= stage <= last_stage:
                    raise ValueError(f"offer '{offer.slug}': stage {stage} is outside 1-{last_stage}")
                bits |= 1 << (stage - 1)
            stage_mask[i] = bits
            for need in offer.needs:
                row = need_row.get(need)
                if row is None:
                    raise ValueError(f"offer '{offer.slug}': unknown need '{need}'")
                need_tags[row, i] = True
            sector_mask[i] = _mask(offer.slug, "sector", offer.sectors, sector_bit, masks_seen)
            organisation_mask[i] = _mask(
                offer.slug, "organisation type", offer.organisation_types, organisation_bit, masks_seen
            )
            location_mask[i] = _mask(offer.slug, "location", offer.locations, location_bit, masks_seen)
            signposting[i] = offer.signposting
            if offer.restricted_sectors:
                restricted_sector_mask[i] = _mask(
                    offer.slug, "sector", offer.restricted_sectors, sector_bit, masks_seen
                )
            if offer.restricted_organisation_types:
                restricted_organisation_mask[i] = _mask(
                    offer.slug, "organisation type", offer.restricted_organisation_types, organisation_bit, masks_seen
                )
            if offer.restricted_locations:
                restricted_location_mask[i] = _mask(
                    offer.slug, "location", offer.restricted_locations, location_bit, masks_seen
                )
            if offer.provider_location is not None:
                if offer.provider_location not in location_row:
                    raise ValueError(f"offer '{offer.slug}': unknown provider location '{offer.provider_location}'")
                provider_location[i] = location_row[offer.provider_location]
            provider[i] = provider_numbers.setdefault(offer.provider_slug, len(provider_numbers))

        need_full = np.zeros_like(need_tags)
        need_ancestor = np.zeros_like(need_tags)
        for slug, row in need_row.items():
            below = [need_row[slug]] + [need_row[child] for child in vocabulary.need_descendants[slug]]
            need_full[row] = need_tags[below].any(axis=0)
            above = [need_row[parent] for parent in vocabulary.need_ancestors[slug]]
            if above:
                need_ancestor[row] = need_tags[above].any(axis=0) & ~need_full[row]
        columns = OfferColumns(
            closed=closed,
            forthcoming=forthcoming,
            stage_mask=stage_mask,
            need_tags=need_tags,
            need_full=need_full,
            need_ancestor=need_ancestor,
            sector_mask=sector_mask,
            organisation_mask=organisation_mask,
            location_mask=location_mask,
            signposting=signposting,
            restricted_sector_mask=restricted_sector_mask,
            restricted_organisation_mask=restricted_organisation_mask,
            restricted_location_mask=restricted_location_mask,
            provider_location=provider_location,
            provider=provider,
        )
        for array in vars(columns).values():
            array.flags.writeable = False
        words = synonyms or Synonyms.empty()
        keyword_index = KeywordIndex.build(ordered, rules.keywords)
        return cls(
            catalogue_version=catalogue_version,
            ruleset_version=rules.version if synonyms is None else f"{rules.version}+synonyms.{words.version}",
            vocabulary=vocabulary,
            rules=rules,
            offers=ordered,
            columns=columns,
            keywords=keyword_index,
            synonyms=words,
            informative=keyword_index.terms_within(words.max_document_share),
            need_row=need_row,
            sector_bit=sector_bit,
            organisation_bit=organisation_bit,
            location_bit=location_bit,
            location_row=location_row,
        )

    @staticmethod
    def bit_of(bits: Mapping[str, int], slugs: Sequence[str]) -> np.uint64:
        """The 64-bit set holding `slugs`."""
        value = 0
        for slug in slugs:
            value |= 1 << bits[slug]
        return np.uint64(value)


def tie_order(offer: OfferRecord) -> tuple[int, str]:
    """The order of the index, which breaks ties between equal scores everywhere: the more specialised offer
    first (fewer needs tagged: a service for the need itself before one that covers it among many), then slug."""
    return len(offer.needs), offer.slug


def _bits(label: str, slugs: Sequence[str]) -> dict[str, int]:
    if len(slugs) > MAX_FLAT_TERMS:
        raise ValueError(f"vocabulary: at most {MAX_FLAT_TERMS} {label} are supported, got {len(slugs)}")
    return {slug: bit for bit, slug in enumerate(slugs)}


def _mask(
    offer: str, label: str, slugs: Sequence[str], bits: Mapping[str, int], seen: dict[tuple[str, ...], int]
) -> int:
    key = (label, *slugs)
    cached = seen.get(key)
    if cached is not None:
        return cached
    value = 0
    for slug in slugs:
        bit = bits.get(slug)
        if bit is None:
            raise ValueError(f"offer '{offer}': unknown {label} '{slug}'")
        value |= 1 << bit
    seen[key] = value
    return value

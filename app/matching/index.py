"""The catalogue index: every offer attribute as numpy columns, built once per catalogue version."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, TypeVar

import numpy as np

from app.matching.columns import Bits, OfferColumns, offer_columns
from app.matching.keyword_index import KeywordIndex
from app.matching.records import OfferRecord
from app.matching.rules import Rules
from app.matching.synonyms import Synonyms
from app.matching.vocabulary import Vocabulary

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
        ordered = tuple(sorted(offers, key=tie_order))
        _check_unique([offer.slug for offer in ordered])
        bits = Bits(
            need_row={slug: row for row, (slug, _, _) in enumerate(vocabulary.needs)},
            sector=_bits("sectors", [slug for slug, _ in vocabulary.sectors]),
            organisation=_bits("organisation_types", [slug for slug, _ in vocabulary.organisation_types]),
            location=_bits("locations", [slug for slug, _, _ in vocabulary.locations]),
            location_row={slug: row for row, (slug, _, _) in enumerate(vocabulary.locations)},
        )
        columns = offer_columns(ordered, vocabulary, bits)
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
            need_row=bits.need_row,
            sector_bit=bits.sector,
            organisation_bit=bits.organisation,
            location_bit=bits.location,
            location_row=bits.location_row,
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


def _check_unique(slugs: Sequence[str]) -> None:
    if len(set(slugs)) != len(slugs):
        for earlier, later in pairwise(sorted(slugs)):
            if earlier == later:
                raise ValueError(f"offers: duplicate slug '{later}'")

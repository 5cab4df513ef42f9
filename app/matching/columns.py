"""The offers' attributes as numpy columns (OfferColumns), each value converted once per distinct value."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from app.matching.records import OFFER_STATUSES, OfferRecord
from app.matching.stages import stage_bits
from app.matching.vocabulary import Vocabulary

BoolArray = npt.NDArray[np.bool_]
MaskArray = npt.NDArray[np.uint64]
IntArray = npt.NDArray[np.int64]


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


class _Invalid(ValueError):
    """A value no offer may hold; the offer's slug is added when it is reported."""


@dataclass(frozen=True)
class Bits:
    """Slug -> bit of a 64-bit set (sectors, organisation types, locations) or row (needs, locations)."""

    need_row: Mapping[str, int]
    sector: Mapping[str, int]
    organisation: Mapping[str, int]
    location: Mapping[str, int]
    location_row: Mapping[str, int]


class _Encoder:
    """Columns made from each offer's value of one attribute, each distinct value converted once.

    An invalid value is noted, not raised at once, so that check() reports the error a reading offer by
    offer, attribute by attribute (in the order the columns are made), would have met first.
    """

    def __init__(self, offers: Sequence[OfferRecord]) -> None:
        self.offers = offers
        self.errors: list[tuple[int, int, str]] = []

    def column(
        self, attribute: str, convert: Callable[[Any], Any], dtype: Any, width: int | None = None
    ) -> npt.NDArray[Any]:
        """convert(value) of every offer's `attribute`, as a column (or, with `width`, rows of that width)."""
        values = list(map(attrgetter(attribute), self.offers))
        distinct = {value: code for code, value in enumerate(dict.fromkeys(values))}
        codes = np.fromiter(map(distinct.__getitem__, values), np.int64, len(values))
        table = [self._converted(convert, value, code, codes, width) for value, code in distinct.items()]
        shape = (len(distinct),) if width is None else (len(distinct), width)
        return np.asarray(table, dtype=dtype).reshape(shape)[codes]

    def _converted(
        self, convert: Callable[[Any], Any], value: Any, code: int, codes: IntArray, width: int | None
    ) -> Any:
        try:
            return convert(value)
        except _Invalid as error:
            self.errors.append((int(np.argmax(codes == code)), len(self.errors), str(error)))
            return 0 if width is None else [0] * width

    def check(self) -> None:
        if self.errors:
            position, _, text = min(self.errors)
            raise ValueError(f"offer '{self.offers[position].slug}': {text}")


def offer_columns(offers: Sequence[OfferRecord], vocabulary: Vocabulary, bits: Bits) -> OfferColumns:
    """Every column of the offers (in the index's order), validated against the vocabulary."""
    encoder = _Encoder(offers)
    status = encoder.column("status", _status, np.int8)
    last_stage = vocabulary.last_stage
    stage_mask = encoder.column("stages", lambda s: _stages(s, last_stage), np.int64)
    need_tags = encoder.column("needs", lambda n: _need_row(n, bits.need_row), np.bool_, len(bits.need_row)).T.copy()
    masks = {
        name: encoder.column(attribute, _masker(label, table), np.uint64)
        for name, attribute, label, table in (
            ("sector_mask", "sectors", "sector", bits.sector),
            ("organisation_mask", "organisation_types", "organisation type", bits.organisation),
            ("location_mask", "locations", "location", bits.location),
            ("restricted_sector_mask", "restricted_sectors", "sector", bits.sector),
            ("restricted_organisation_mask", "restricted_organisation_types", "organisation type", bits.organisation),
            ("restricted_location_mask", "restricted_locations", "location", bits.location),
        )
    }
    provider_location = encoder.column(
        "provider_location", lambda slug: _provider_row(slug, bits.location_row), np.int64
    )
    encoder.check()
    providers: dict[str, int] = {}
    need_full, need_ancestor = _need_closures(need_tags, vocabulary, bits.need_row)
    columns = OfferColumns(
        closed=status == OFFER_STATUSES.index("closed"),
        forthcoming=status == OFFER_STATUSES.index("forthcoming"),
        stage_mask=stage_mask,
        need_tags=need_tags,
        need_full=need_full,
        need_ancestor=need_ancestor,
        signposting=np.fromiter((offer.signposting for offer in offers), np.bool_, len(offers)),
        provider_location=provider_location,
        provider=np.fromiter(
            (providers.setdefault(offer.provider_slug, len(providers)) for offer in offers), np.int64, len(offers)
        ),
        **masks,
    )
    for array in vars(columns).values():
        array.flags.writeable = False
    return columns


def _need_closures(
    need_tags: BoolArray, vocabulary: Vocabulary, need_row: Mapping[str, int]
) -> tuple[BoolArray, BoolArray]:
    """need_full and need_ancestor (OfferColumns) from the direct tags and the need hierarchy."""
    need_full = np.zeros_like(need_tags)
    need_ancestor = np.zeros_like(need_tags)
    for slug, row in need_row.items():
        below = [row] + [need_row[child] for child in vocabulary.need_descendants[slug]]
        need_full[row] = need_tags[below].any(axis=0)
        above = [need_row[parent] for parent in vocabulary.need_ancestors[slug]]
        if above:
            need_ancestor[row] = need_tags[above].any(axis=0) & ~need_full[row]
    return need_full, need_ancestor


def _status(status: str) -> int:
    if status not in OFFER_STATUSES:
        raise _Invalid(f"unknown status '{status}'")
    return OFFER_STATUSES.index(status)


def _stages(stages: tuple[int, ...], last_stage: int) -> int:
    for stage in stages:
        if not 1 <= stage <= last_stage:
            raise _Invalid(f"stage {stage} is outside 1-{last_stage}")
    return stage_bits(stages)


def _need_row(needs: tuple[str, ...], need_row: Mapping[str, int]) -> list[bool]:
    row = [False] * len(need_row)
    for need in needs:
        if need not in need_row:
            raise _Invalid(f"unknown need '{need}'")
        row[need_row[need]] = True
    return row


def _masker(label: str, bits: Mapping[str, int]) -> Callable[[tuple[str, ...]], int]:
    def mask(slugs: tuple[str, ...]) -> int:
        value = 0
        for slug in slugs:
            if slug not in bits:
                raise _Invalid(f"unknown {label} '{slug}'")
            value |= 1 << bits[slug]
        return value

    return mask


def _provider_row(slug: str | None, location_row: Mapping[str, int]) -> int:
    if slug is None:
        return -1
    if slug not in location_row:
        raise _Invalid(f"unknown provider location '{slug}'")
    return location_row[slug]

"""BM25 keyword index over offer text: inverted lists built once, queries accumulated with numpy."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from app.matching.records import OfferRecord
from app.matching.rules import KeywordRules
from app.matching.text import DOC_MARK, FIELD_MARK, bulk_bytes, indexed, stem

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
SmallArray = npt.NDArray[np.int32]


_CHUNK = 16384
"""Offers tokenised per batch: bounds the memory of the intermediate token lists."""
_DOC, _FIELD, _SKIP = -2, -3, -1
_SPACE, _PACKED = 0x20, 8
_LOW_BYTES = np.array([(1 << (8 * count)) - 1 for count in range(_PACKED + 1)], dtype=np.uint64)
"""_LOW_BYTES[n]: the mask keeping the first n bytes of a little-endian packed integer."""


class _TermIds(dict[bytes, int]):
    """UTF-8 word -> term id, assigning ids to new stems on first sight; stop words map to _SKIP."""

    def __init__(self) -> None:
        super().__init__({DOC_MARK: _DOC, FIELD_MARK: _FIELD})
        self.terms: dict[str, int] = {}

    def __missing__(self, raw: bytes) -> int:
        word = raw.decode("utf-8")
        term_id = self.terms.setdefault(stem(word), len(self.terms)) if indexed(word) else _SKIP
        self[raw] = term_id
        return term_id


TERMS_PER_WORD = 63
"""Query terms tracked per int64 bit set in matched_terms_for (the sign bit is left alone)."""


@dataclass(frozen=True, eq=False)
class KeywordIndex:
    """Postings in CSR form: for term t, docs[starts[t]:starts[t+1]] ascending, with precomputed BM25 weights."""

    term_ids: dict[str, int]
    starts: IntArray
    docs: IntArray
    weights: FloatArray
    size: int

    def terms_within(self, share: float) -> frozenset[str]:
        """The terms found in at most `share` of the offers: the rest are near-universal, no evidence."""
        if self.size == 0:
            return frozenset(self.term_ids)
        counts = np.diff(self.starts)
        limit = share * self.size
        return frozenset(term for term, term_id in self.term_ids.items() if counts[term_id] <= limit)

    @classmethod
    def build(cls, offers: Sequence[OfferRecord], rules: KeywordRules) -> KeywordIndex:
        """Tokenise every offer once and precompute each (term, offer) BM25 contribution.

        BM25F-style: a word's frequency in an offer is the sum of its field weights, and an offer's
        length the field-weighted word count, so a word in the name counts as several in the description.
        """
        size = len(offers)
        fields = [(name, weight) for name, weight in rules.field_weights if weight > 0]
        field_weight = np.asarray([weight for _, weight in fields], dtype=np.float64)
        lookup = _TermIds()
        terms: list[SmallArray] = []
        docs: list[SmallArray] = []
        field_numbers: list[SmallArray] = []
        for first in range(0, size, _CHUNK):
            batch = offers[first : first + _CHUNK]
            ids = _token_ids(bulk_bytes(_batch_text(batch, [name for name, _ in fields])), lookup)
            doc_mark = ids == _DOC
            doc = np.cumsum(doc_mark, dtype=np.int32)
            field_count = np.cumsum(ids == _FIELD, dtype=np.int32)
            field = field_count - np.maximum.accumulate(np.where(doc_mark, field_count, 0))
            kept = np.flatnonzero(ids >= 0)
            terms.append(ids[kept])
            docs.append(doc[kept] + np.int32(first))
            field_numbers.append(field[kept])
        empty = np.zeros(0, dtype=np.int32)
        term = np.concatenate(terms) if terms else empty
        doc = np.concatenate(docs) if docs else empty
        field = np.concatenate(field_numbers) if field_numbers else empty
        doc_length = np.bincount(doc, weights=field_weight[field], minlength=size).astype(np.float64)

        # Tokens arrive offer by offer, so a stable sort by term leaves each term's offers ascending
        # and repeats of a word in one offer adjacent, ready to be summed into one posting.
        term_count = len(lookup.terms)
        order = np.argsort(term.astype(np.uint16) if term_count <= 1 << 16 else term, kind="stable")
        term, doc, field = term[order], doc[order], field[order]
        fresh = np.ones(term.size, dtype=np.bool_)
        fresh[1:] = (term[1:] != term[:-1]) | (doc[1:] != doc[:-1])
        heads = np.flatnonzero(fresh)
        tf = np.add.reduceat(field_weight[field], heads) if heads.size else np.zeros(0, dtype=np.float64)
        post_term, post_doc = term[heads], doc[heads].astype(np.int64)

        bm25 = _bm25(tf, post_term, post_doc, doc_length, term_count, rules)
        starts = np.zeros(term_count + 1, dtype=np.int64)
        np.cumsum(np.bincount(post_term, minlength=term_count), out=starts[1:])
        for array in (starts, post_doc, bm25):
            array.flags.writeable = False
        return cls(term_ids=lookup.terms, starts=starts, docs=post_doc, weights=bm25, size=size)

    def docs_with(self, term_id: int) -> IntArray:
        """The offers (ascending) whose text holds the term."""
        docs: IntArray = self.docs[self.starts[term_id] : self.starts[term_id + 1]]
        return docs

    def docs_with_all(self, terms: Sequence[str]) -> IntArray:
        """The offers (ascending) whose text holds every one of the (stemmed) terms: their postings intersected,
        shortest first; none when a term is not in the index, every offer when `terms` is empty."""
        ids = [self.term_ids.get(term) for term in terms]
        if any(term_id is None for term_id in ids):
            return np.zeros(0, dtype=np.int64)
        postings = sorted((self.docs_with(term_id) for term_id in ids if term_id is not None), key=len)
        if not postings:
            return np.arange(self.size, dtype=np.int64)
        found = postings[0]
        for docs in postings[1:]:
            found = np.intersect1d(found, docs, assume_unique=True)
        return found

    def scores(self, terms: Sequence[str]) -> FloatArray:
        """Raw BM25 score of every offer for the given (stemmed, unique) query terms."""
        total = np.zeros(self.size, dtype=np.float64)
        for term in terms:
            term_id = self.term_ids.get(term)
            if term_id is None:
                continue
            start, stop = self.starts[term_id], self.starts[term_id + 1]
            total[self.docs[start:stop]] += self.weights[start:stop]
        return total

    def matched_terms(self, doc: int, terms: Sequence[str]) -> tuple[int, ...]:
        """Positions in `terms` of the query terms that occur in offer `doc`."""
        return self.matched_terms_for(np.array([doc], dtype=np.int64), terms)[0]

    def matched_terms_for(self, docs: IntArray, terms: Sequence[str]) -> list[tuple[int, ...]]:
        """For each offer in `docs`, the positions in `terms` of the query terms it contains.

        One scatter per term into a per-offer bit set (63 terms to a word), then one gather for `docs`:
        this runs for every result of every keyword request.
        """
        found: list[list[int]] = [[] for _ in range(len(docs))]
        for first in range(0, len(terms), TERMS_PER_WORD):
            bits = np.zeros(self.size, dtype=np.int64)
            chunk = terms[first : first + TERMS_PER_WORD]
            for position, term in enumerate(chunk):
                term_id = self.term_ids.get(term)
                if term_id is not None:
                    bits[self.docs[self.starts[term_id] : self.starts[term_id + 1]]] |= 1 << position
            for row, word in enumerate(bits[docs].tolist()):
                if word:
                    found[row].extend(first + position for position in range(len(chunk)) if word >> position & 1)
        return [tuple(rows) for rows in found]


def normalised(raw: FloatArray, among: npt.NDArray[np.bool_]) -> FloatArray:
    """Scale raw scores into [0, 1] by the best score among `among` (all zeros if nothing matched)."""
    best = float(raw[among].max()) if among.any() else 0.0
    if best <= 0 or math.isnan(best):
        return np.zeros_like(raw)
    return np.minimum(raw / best, 1.0)


def _bm25(
    tf: FloatArray,
    post_term: SmallArray,
    post_doc: IntArray,
    doc_length: FloatArray,
    term_count: int,
    rules: KeywordRules,
) -> FloatArray:
    """Each posting's BM25 weight from its field-weighted frequency and its offer's field-weighted length."""
    size = doc_length.size
    doc_freq = np.bincount(post_term, minlength=term_count).astype(np.float64)
    idf = np.log1p((size - doc_freq + 0.5) / (doc_freq + 0.5))
    average = float(doc_length.mean()) if size and doc_length.any() else 1.0
    # In place, the same operations in the same order as k1 * (1 - b + b * length / average) and
    # idf * tf * (k1 + 1) / (tf + norm): the same weights to the last bit, without temporaries.
    norm = doc_length[post_doc]
    norm *= rules.b
    norm /= average
    norm += 1.0 - rules.b
    norm *= rules.k1
    norm += tf
    bm25 = idf[post_term]
    bm25 *= tf
    bm25 *= rules.k1 + 1.0
    bm25 /= norm
    return bm25


def _token_ids(raw: bytes, lookup: _TermIds) -> SmallArray:
    """The term id of every word of `raw` (bulk_bytes' output), in order, as `lookup[word]` for each word of
    `raw.split()` gives it, but with one look-up per distinct word instead of one Python object per word.

    A word's bytes, packed eight to an integer (zero past its end; no word holds a zero byte but DOC_MARK,
    a word of its own), identify it exactly: distinct first eight bytes give distinct ranks, and words longer
    than eight bytes are told apart eight bytes at a time among themselves.
    """
    # One space before and after (and room to read eight bytes past the last word): word i is
    # padded[starts[i]:ends[i]], the byte runs other than spaces.
    padded = np.frombuffer(b" " + raw + b" " * (_PACKED + 1), dtype=np.uint8)
    word = padded != _SPACE
    edges = np.flatnonzero(word[1:] != word[:-1]) + 1
    starts, ends = edges[0::2], edges[1::2]
    if starts.size == 0:
        return np.zeros(0, dtype=np.int32)
    lengths = ends - starts
    windows = np.lib.stride_tricks.as_strided(padded, shape=(len(raw) + 2, _PACKED), strides=(1, 1), writeable=False)

    def packed(at: IntArray, left: IntArray) -> npt.NDArray[np.uint64]:
        return windows[at].view("<u8").ravel() & _LOW_BYTES[np.minimum(left, _PACKED)]

    rank, count = _dense(packed(starts, lengths))
    offset = _PACKED
    longer = np.flatnonzero(lengths > offset)
    while longer.size:
        part, part_count = _dense(packed(starts[longer] + offset, lengths[longer] - offset))
        fresh, fresh_count = _dense(rank[longer] * part_count + part)
        rank[longer] = count + fresh
        count += fresh_count
        offset += _PACKED
        longer = longer[lengths[longer] > offset]
    first = np.full(count, starts.size, dtype=np.int64)
    np.minimum.at(first, rank, np.arange(starts.size))
    groups = np.flatnonzero(first < starts.size)
    groups = groups[np.argsort(first[groups])]
    at = first[groups]
    table = np.zeros(count, dtype=np.int32)
    table[groups] = [
        lookup[raw[start - 1 : end - 1]] for start, end in zip(starts[at].tolist(), ends[at].tolist(), strict=True)
    ]
    return table[rank]


def _dense(values: npt.NDArray[Any]) -> tuple[IntArray, int]:
    """Each value's rank among the distinct values (0, 1, ...), and how many distinct values there are."""
    order = np.argsort(values)
    ordered = values[order]
    fresh = np.empty(values.size, dtype=np.bool_)
    fresh[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=fresh[1:])
    ranks = np.empty(values.size, dtype=np.int64)
    ranks[order] = np.cumsum(fresh) - 1
    return ranks, int(ranks[order[-1]]) + 1 if values.size else 0


def _batch_text(offers: Sequence[OfferRecord], fields: Sequence[str]) -> str:
    """The offers' searchable fields as one string: fields end with FIELD_MARK, offers with DOC_MARK."""
    field_end, doc_end = f" {FIELD_MARK.decode()} ", f" {DOC_MARK.decode()} "
    columns = [field_column(offers, field) for field in fields]
    text = "".join(field_end.join(values) + field_end + doc_end for values in zip(*columns, strict=True))
    if text.count(DOC_MARK.decode()) != len(offers) or text.count(FIELD_MARK.decode()) != len(offers) * len(fields):
        # Control characters in the catalogue text itself: blank them so the markers stay unambiguous.
        clean = str.maketrans({DOC_MARK.decode(): " ", FIELD_MARK.decode(): " "})
        columns = [[value.translate(clean) for value in column] for column in columns]
        text = "".join(field_end.join(values) + field_end + doc_end for values in zip(*columns, strict=True))
    return text


def field_column(offers: Sequence[OfferRecord], field: str) -> list[str]:
    """The searched text of one field of each offer, as the index reads it."""
    if field == "keywords":
        return [" ".join(offer.keywords) for offer in offers]
    if field == "name":
        return [offer.name for offer in offers]
    if field == "summary":
        return [offer.summary for offer in offers]
    return [offer.description for offer in offers]

"""BM25 keyword index over offer text: inverted lists built once, queries accumulated with numpy."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.matching.records import OfferRecord
from app.matching.rules import KeywordRules
from app.matching.text import STOP_WORDS, stem, words

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class _TermIds(dict[str, int]):
    """Word -> term id, assigning ids to new stems on first sight; stop words map to -1."""

    def __init__(self) -> None:
        super().__init__()
        self.terms: dict[str, int] = {}

    def __missing__(self, word: str) -> int:
        skipped = word in STOP_WORDS or len(word) < 2
        term_id = -1 if skipped else self.terms.setdefault(stem(word), len(self.terms))
        self[word] = term_id
        return term_id


@dataclass(frozen=True, eq=False)
class KeywordIndex:
    """Postings in CSR form: for term t, docs[starts[t]:starts[t+1]] ascending, with precomputed BM25 weights."""

    term_ids: dict[str, int]
    starts: IntArray
    docs: IntArray
    weights: FloatArray
    size: int

    @classmethod
    def build(cls, offers: Sequence[OfferRecord], rules: KeywordRules) -> KeywordIndex:
        """Tokenise every offer once and precompute each (term, offer) BM25 contribution."""
        size = len(offers)
        vocabulary = _TermIds()
        keys: list[IntArray] = []
        tf_parts: list[FloatArray] = []
        doc_length = np.zeros(size, dtype=np.float64)
        for field, field_weight in rules.field_weights:
            if field_weight == 0:
                continue
            ids: list[int] = []
            lengths: list[int] = []
            lookup = vocabulary.__getitem__
            for offer in offers:
                text = " ".join(offer.keywords) if field == "keywords" else getattr(offer, field)
                tokens = words(text)
                ids.extend(map(lookup, tokens))
                lengths.append(len(tokens))
            term = np.asarray(ids, dtype=np.int64)
            doc = np.repeat(np.arange(size, dtype=np.int64), np.asarray(lengths, dtype=np.int64))
            kept = term >= 0
            term, doc = term[kept], doc[kept]
            doc_length += field_weight * np.bincount(doc, minlength=size)
            keys.append(term * max(size, 1) + doc)
            tf_parts.append(np.full(term.shape, field_weight))

        term_count = len(vocabulary.terms)
        if keys:
            unique_keys, inverse = np.unique(np.concatenate(keys), return_inverse=True)
            tf = np.bincount(inverse, weights=np.concatenate(tf_parts))
        else:
            unique_keys, tf = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        post_term = unique_keys // max(size, 1)
        post_doc = unique_keys % max(size, 1)
        doc_freq = np.bincount(post_term, minlength=term_count).astype(np.float64)
        idf = np.log1p((size - doc_freq + 0.5) / (doc_freq + 0.5))
        average = float(doc_length.mean()) if size and doc_length.any() else 1.0
        norm = rules.k1 * (1.0 - rules.b + rules.b * doc_length[post_doc] / average)
        weights = idf[post_term] * tf * (rules.k1 + 1.0) / (tf + norm)
        starts = np.zeros(term_count + 1, dtype=np.int64)
        np.cumsum(np.bincount(post_term, minlength=term_count), out=starts[1:])
        for array in (starts, post_doc, weights):
            array.flags.writeable = False
        return cls(term_ids=vocabulary.terms, starts=starts, docs=post_doc, weights=weights, size=size)

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
        found: list[int] = []
        for position, term in enumerate(terms):
            term_id = self.term_ids.get(term)
            if term_id is None:
                continue
            postings = self.docs[self.starts[term_id] : self.starts[term_id + 1]]
            at = int(np.searchsorted(postings, doc))
            if at < postings.size and postings[at] == doc:
                found.append(position)
        return tuple(found)


def normalised(raw: FloatArray, among: npt.NDArray[np.bool_]) -> FloatArray:
    """Scale raw scores into [0, 1] by the best score among `among` (all zeros if nothing matched)."""
    best = float(raw[among].max()) if among.any() else 0.0
    if best <= 0 or math.isnan(best):
        return np.zeros_like(raw)
    return np.minimum(raw / best, 1.0)

"""The index memo (bounded, computed once per key), keyword hits for long queries (more terms than a word holds)
and the every-term look-up that `/v1/offers?q` and HSDS `search` use."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from app.matching import CatalogueIndex, OfferRecord, Rules, Vocabulary
from app.matching.index import Memo
from app.matching.keyword_index import TERMS_PER_WORD
from app.matching.text import analyse

OfferFactory = Callable[..., OfferRecord]


def test_memo_computes_each_key_once_and_stays_bounded() -> None:
    memo = Memo(limit=3)
    calls: list[str] = []

    def compute(key: str) -> Callable[[], str]:
        def build() -> str:
            calls.append(key)
            return key.upper()

        return build

    assert memo.get("a", compute("a")) == "A"
    assert memo.get("a", compute("a")) == "A"
    assert calls == ["a"]
    for key in "bcd":
        memo.get(key, compute(key))
    # Full at three entries: the fourth key emptied it first, so it holds only "d" and "a" is computed again.
    assert len(memo) == 1
    assert memo.get("a", compute("a")) == "A"
    assert calls == ["a", "b", "c", "d", "a"]


def test_keyword_hits_for_more_terms_than_one_bit_set_holds(
    offer: OfferFactory, vocabulary: Vocabulary, rules: Rules
) -> None:
    # 150 distinct words: offer i mentions every word whose number is a multiple of i + 1.
    words = [f"zq{chr(97 + n // 26)}{chr(97 + n % 26)}" for n in range(150)]
    offers = [
        offer(f"o{i}", description=" ".join(w for n, w in enumerate(words) if n % (i + 1) == 0)) for i in range(5)
    ]
    index = CatalogueIndex.build(offers, vocabulary, rules, "v")
    terms = [term for word in words for term in analyse(word)]
    assert len(terms) == 150 > 2 * TERMS_PER_WORD
    terms.insert(70, "absent")
    docs = np.arange(index.size, dtype=np.int64)
    hits = index.keywords.matched_terms_for(docs, terms)
    for i, found in enumerate(hits):
        mentioned = set(analyse(index.offers[i].description))
        assert found == tuple(position for position, term in enumerate(terms) if term in mentioned)
    assert hits[0] == tuple(p for p in range(len(terms)) if p != 70)
    assert index.keywords.matched_terms_for(docs[::-1], terms) == hits[::-1]


def test_docs_with_all_is_the_offers_holding_every_term(
    offer: OfferFactory, vocabulary: Vocabulary, rules: Rules
) -> None:
    # Offer i mentions word n when n is a multiple of i + 1, in the field n picks: every field is searched.
    words = [f"zq{chr(97 + n)}" for n in range(12)]
    fields = ("name", "summary", "description", "keywords")

    def text_of(i: int, field: str) -> str:
        return " ".join(w for n, w in enumerate(words) if n % (i + 1) == 0 and fields[n % 4] == field)

    offers = [
        offer(f"o{i}", **{f: text_of(i, f) for f in fields[:3]}, keywords=tuple(text_of(i, "keywords").split()))
        for i in range(6)
    ]
    index = CatalogueIndex.build(offers, vocabulary, rules, "v")
    held = [set(analyse(" ".join([o.name, o.summary, o.description, *o.keywords]))) for o in index.offers]
    terms = [analyse(word)[0] for word in words]
    for first in range(len(terms)):
        for second in range(first, len(terms)):
            asked = [terms[first], terms[second], terms[(first * second) % len(terms)]]
            expected = [doc for doc, found in enumerate(held) if set(asked) <= found]
            assert index.keywords.docs_with_all(asked).tolist() == expected, asked
    assert index.keywords.docs_with_all([terms[0], "absent"]).tolist() == []
    assert index.keywords.docs_with_all([]).tolist() == list(range(len(offers)))

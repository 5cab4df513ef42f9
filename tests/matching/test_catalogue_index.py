"""CatalogueIndex.build: validation, ordering and the precomputed keyword index."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from app.matching import CatalogueIndex, OfferRecord, Rules, Vocabulary

OfferFactory = Callable[..., OfferRecord]


def test_offers_are_sorted_by_slug_with_versions(offer: OfferFactory, vocabulary: Vocabulary, rules: Rules) -> None:
    index = CatalogueIndex.build([offer("b"), offer("a"), offer("c")], vocabulary, rules, "cat-7")
    assert [o.slug for o in index.offers] == ["a", "b", "c"]
    assert index.size == 3
    assert index.catalogue_version == "cat-7"
    assert index.ruleset_version == rules.version
    assert index.vocabulary is vocabulary


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"needs": ("time-travel",)}, "unknown need 'time-travel'"),
        ({"stages": (8,)}, "stage 8 is outside 1-7"),
        ({"sectors": ("fintech",)}, "unknown sector 'fintech'"),
        ({"organisation_types": ("guild",)}, "unknown organisation type 'guild'"),
        ({"locations": ("mars",)}, "unknown location 'mars'"),
        ({"provider_location": "mars"}, "unknown provider location 'mars'"),
        ({"status": "paused"}, "unknown status 'paused'"),
    ],
)
def test_bad_offers_are_rejected_naming_the_offer(
    offer: OfferFactory, vocabulary: Vocabulary, rules: Rules, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        CatalogueIndex.build([offer("broken", **fields)], vocabulary, rules, "v")
    assert "'broken'" in str(caught.value)


def test_duplicate_slugs_are_rejected(offer: OfferFactory, vocabulary: Vocabulary, rules: Rules) -> None:
    with pytest.raises(ValueError, match="duplicate slug 'a'"):
        CatalogueIndex.build([offer("a"), offer("a")], vocabulary, rules, "v")


def test_columns_are_read_only(offer: OfferFactory, vocabulary: Vocabulary, rules: Rules) -> None:
    index = CatalogueIndex.build(
        [offer("a", needs=("legal-advice",)), offer("b", needs=("professional-advice",))], vocabulary, rules, "v"
    )
    with pytest.raises(ValueError):
        index.columns.closed[0] = True
    full, ancestor, row = index.columns.need_full, index.columns.need_ancestor, index.need_row
    # Asking for the parent: a child tag is a full match.
    assert full[row["professional-advice"]].tolist() == [True, True]
    # Asking for regulatory-advice: a sibling (legal) is no match, the parent is a parent-level match.
    assert full[row["regulatory-advice"]].tolist() == [False, False]
    assert ancestor[row["regulatory-advice"]].tolist() == [False, True]


def test_bm25_prefers_rarer_terms_and_shorter_texts(offer: OfferFactory, vocabulary: Vocabulary, rules: Rules) -> None:
    index = CatalogueIndex.build(
        [
            offer("short", description="wound imaging"),
            offer("long", description="wound imaging " + "general support for the region " * 10),
            offer("common", description="support support"),
            offer("none", description="nothing relevant"),
        ],
        vocabulary,
        rules,
        "v",
    )
    assert [o.slug for o in index.offers] == ["common", "long", "none", "short"]
    common, long_, none, short = index.keywords.scores(["wound"])
    assert short > long_ > 0
    assert common == none == 0
    assert index.keywords.scores(["absent-term"]).tolist() == [0.0, 0.0, 0.0, 0.0]
    idf_rare = index.keywords.scores(["wound"]).max()
    idf_common = index.keywords.scores(["support"]).max()
    assert idf_rare > 0 and idf_common > 0
    assert index.keywords.matched_terms(3, ["support", "wound", "imag"]) == (1, 2)
    assert index.keywords.matched_terms(1, ["support", "wound", "imag"]) == (0, 1, 2)
    every = np.arange(index.size, dtype=np.int64)
    batch = index.keywords.matched_terms_for(every, ["support", "wound", "imag", "absent"])
    assert batch == [index.keywords.matched_terms(i, ["support", "wound", "imag", "absent"]) for i in range(index.size)]
    assert np.all(np.diff(index.keywords.docs[index.keywords.starts[0] : index.keywords.starts[1]]) > 0)

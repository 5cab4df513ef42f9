"""Plain words to the vocabulary (reviewed synonyms), the informative-word rule and evidence or nothing."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from app.matching import CatalogueIndex, OfferRecord, Profile, Synonyms, Vocabulary, match, route_ahead
from app.matching.synonyms import analyse_query

OfferFactory = Callable[..., OfferRecord]
IndexFactory = Callable[..., CatalogueIndex]


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda d: d["synonyms"].append({"words": ["cash"], "needs": ["time-travel"]}), "unknown need 'time-travel'"),
        (lambda d: d["synonyms"].append({"words": ["cash"]}), "must give 'needs' or 'terms'"),
        (lambda d: d["synonyms"].append({"words": ["the"], "needs": ["work-space"]}), "no word that is not a stop"),
        (lambda d: d["synonyms"].append({"words": ["x"], "needs": ["work-space"], "colour": 1}), "unknown key"),
        (lambda d: d.update(max_document_share=0), "max_document_share"),
        (lambda d: d.update(short_words=["abc"]), "two-letter words only"),
        (lambda d: d.pop("version"), "missing key 'version'"),
    ],
)
def test_synonyms_refuse_to_load_with_a_bad_entry(
    synonyms_data: dict[str, Any], vocabulary: Vocabulary, change: Callable[[dict[str, Any]], Any], fragment: str
) -> None:
    data = copy.deepcopy(synonyms_data)
    change(data)
    with pytest.raises(ValueError, match=fragment):
        Synonyms.from_mapping(data, vocabulary)


def test_plain_words_reach_the_needs(synonyms: Synonyms) -> None:
    def needs(text: str) -> list[str]:
        return [need for need, _ in analyse_query(text, synonyms)[1]]

    assert needs("money for my start-up")[:3] == ["seed-investment", "venture-investment", "public-funding"]
    assert needs("finance") == needs("funding") == needs("money")
    assert needs("desk space for my team")[0] == "office-space"
    assert needs("a lawyer")[0] == "legal-advice"
    assert needs("NHS hospital")[0] == "health-system-access"
    assert "nhs-adoption" in needs("get it into the NHS")  # a phrase with a stop word inside
    words, _ = analyse_query("ai for co-produced research", synonyms)
    shown = {word.term: word.display for word in words}
    assert shown["ai"] == "AI" and "artifici" in shown  # proper form, and the synonym's search terms
    assert "co" not in shown and shown["produc"] == "co-produced"  # two letters are no evidence on their own


def test_keywords_alone_are_evidence_and_nothing_else_is_listed(
    offer: OfferFactory, build_index: IndexFactory, synonyms: Synonyms
) -> None:
    index = build_index(
        [
            offer("investor", needs=("seed-investment",), name="Seed fund"),
            offer("desks", needs=("office-space",), name="Desks in town"),
            offer("pathology", needs=("research-expertise",), summary="Digital pathology imaging"),
            offer("front-door", needs=("seed-investment", "office-space"), signposting=True),
        ],
        synonyms=synonyms,
    )
    money = match(index, Profile(keywords="money please"))
    assert [r.offer.slug for r in money.results] == ["investor"]
    assert [door.offer.slug for door in money.front_door] == ["front-door"]
    (door_reason,) = money.front_door[0].reasons
    assert door_reason.text.startswith("Can point you to support for investor networks (seed)")
    text = match(index, Profile(keywords="pathology"))
    assert [r.offer.slug for r in text.results] == ["pathology"]
    assert [x.text for x in text.results[0].reasons] == ["Mentions pathology, which you searched for"]
    nothing = match(index, Profile(stage=3, keywords="quantum teleportation"), explain=True)
    assert nothing.results == () and nothing.near_misses == ()


def test_the_idf_floor_makes_near_universal_words_no_evidence(
    offer: OfferFactory, build_index: IndexFactory, synonyms: Synonyms
) -> None:
    """A word in more than max_document_share (0.3) of the offers neither counts as evidence nor scores."""
    offers = [offer(f"health-{k}", needs=("work-space",), summary="health innovation") for k in range(4)]
    offers.append(offer("imaging", needs=("work-space",), summary="health imaging"))
    index = build_index(offers, synonyms=synonyms)
    assert "health" not in index.informative and "imag" in index.informative
    assert match(index, Profile(keywords="health")).results == ()
    assert [r.offer.slug for r in match(index, Profile(keywords="health imaging")).results] == ["imaging"]


def test_a_stage_alone_is_matched_on_its_typical_needs(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("regulatory", needs=("regulatory-advice",), stages=(5,)),
            offer("desks", needs=("office-space",), stages=(5,)),
        ]
    )
    outcome = match(index, Profile(stage=5))
    assert [r.offer.slug for r in outcome.results] == ["regulatory"]
    texts = [x.text for x in outcome.results[0].reasons]
    assert "Offers regulatory advice, which innovators often need at stage 5" in texts


def test_route_never_lists_a_front_door(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [offer("door", needs=("seed-investment",), signposting=True), offer("seed", needs=("seed-investment",))]
    )
    for route in route_ahead(index, Profile(stage=6, needs=("seed-investment",))):
        assert [r.offer.slug for r in route.results] == ["seed"]

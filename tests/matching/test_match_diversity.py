"""Diversity: every requested need near the top, and no provider crowding the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.matching import CatalogueIndex, OfferRecord, Profile, Rules, match

OfferFactory = Callable[..., OfferRecord]
IndexFactory = Callable[..., CatalogueIndex]


def test_each_requested_need_is_represented_near_the_top(offer: OfferFactory, build_index: IndexFactory) -> None:
    offers = [
        offer(
            f"reg-{i}",
            needs=("regulatory-advice",),
            stages=(5,),
            provider_slug=f"reg-provider-{i}",
            name="Regulatory clinic",
        )
        for i in range(8)
    ]
    offers.append(offer("seed", needs=("seed-investment",), stages=(2,)))
    index = build_index(offers)
    outcome = match(
        index, Profile(stage=5, needs=("regulatory-advice", "seed-investment"), keywords="regulatory clinic")
    )
    slugs = [result.offer.slug for result in outcome.results]
    # Without diversity "seed" would come last (worse stage, no keywords); it must be in the top 5.
    assert "seed" in slugs[:5]
    assert slugs.index("seed") == 4
    assert slugs[:4] == ["reg-0", "reg-1", "reg-2", "reg-3"]
    # The promoted offer is the only score inversion.
    scores = [result.score for result in outcome.results if result.offer.slug != "seed"]
    assert scores == sorted(scores, reverse=True)


def test_need_window_zero_means_one_slot_per_need(
    offer: OfferFactory, build_index: IndexFactory, rules_mapping: dict[str, Any]
) -> None:
    rules_mapping["diversity"]["need_window"] = 0
    offers = [offer(f"reg-{i}", needs=("regulatory-advice",), stages=(5,), provider_slug=f"p{i}") for i in range(4)]
    offers.append(offer("seed", needs=("seed-investment",), stages=(2,)))
    index = build_index(offers, Rules.from_mapping(rules_mapping))
    slugs = [
        r.offer.slug for r in match(index, Profile(stage=5, needs=("regulatory-advice", "seed-investment"))).results
    ]
    assert slugs[:2] == ["reg-0", "seed"]


def test_diversity_never_lifts_a_parent_level_match_over_a_full_match(
    offer: OfferFactory, build_index: IndexFactory
) -> None:
    offers = [offer(f"reg-{i}", needs=("regulatory-advice",), provider_slug=f"p{i}") for i in range(8)]
    offers.append(offer("only-parent-for-legal", needs=("professional-advice",)))
    outcome = match(build_index(offers), Profile(needs=("regulatory-advice", "legal-advice")))
    slugs = [r.offer.slug for r in outcome.results]
    assert slugs[-1] == "only-parent-for-legal"


def test_at_most_two_offers_per_provider_at_the_top(offer: OfferFactory, build_index: IndexFactory) -> None:
    big = [
        offer(f"big-{i}", needs=("work-space",), stages=(3,), provider_slug="big-hub", name="Lab desk space")
        for i in range(4)
    ]
    small = [offer(f"small-{i}", needs=("work-space",), stages=(2,), provider_slug=f"small-{i}") for i in range(3)]
    outcome = match(build_index(big + small), Profile(stage=3, needs=("work-space",), keywords="lab desk"))
    providers = [result.offer.provider_slug for result in outcome.results]
    assert providers[:2] == ["big-hub", "big-hub"]
    assert providers[2:5] == ["small-0", "small-1", "small-2"]
    # The extras are demoted, not dropped, because the list would otherwise be short.
    assert providers[5:] == ["big-hub", "big-hub"]
    assert [result.rank for result in outcome.results] == list(range(1, 8))


def test_provider_cap_can_be_switched_off(
    offer: OfferFactory, build_index: IndexFactory, rules_mapping: dict[str, Any]
) -> None:
    rules_mapping["diversity"]["max_per_provider"] = 0
    big = [offer(f"big-{i}", needs=("work-space",), stages=(3,), provider_slug="big-hub") for i in range(4)]
    small = [offer("small", needs=("work-space",), stages=(2,), provider_slug="small")]
    outcome = match(
        build_index(big + small, Rules.from_mapping(rules_mapping)), Profile(stage=3, needs=("work-space",))
    )
    assert [result.offer.slug for result in outcome.results] == ["big-0", "big-1", "big-2", "big-3", "small"]


def test_provider_cap_stays_within_a_need_tier(offer: OfferFactory, build_index: IndexFactory) -> None:
    exact = [offer(f"exact-{i}", needs=("regulatory-advice",), provider_slug="one-firm") for i in range(3)]
    parent = [offer("parent", needs=("professional-advice",), provider_slug="other-firm")]
    outcome = match(build_index(exact + parent), Profile(needs=("regulatory-advice",)))
    assert [result.offer.slug for result in outcome.results] == ["exact-0", "exact-1", "exact-2", "parent"]


def test_large_catalogue_pool_grows_until_the_answer_is_exact(offer: OfferFactory, build_index: IndexFactory) -> None:
    # 200 top offers from one provider push every other provider out of the default 64-offer pool.
    crowd = [offer(f"crowd-{i:03d}", needs=("work-space",), stages=(3,), provider_slug="crowd") for i in range(200)]
    others = [offer(f"other-{i}", needs=("work-space",), stages=(1,), provider_slug=f"other-{i}") for i in range(5)]
    outcome = match(build_index(crowd + others), Profile(stage=3, needs=("work-space",), limit=7))
    assert [r.offer.slug for r in outcome.results] == [
        "crowd-000",
        "crowd-001",
        "other-0",
        "other-1",
        "other-2",
        "other-3",
        "other-4",
    ]

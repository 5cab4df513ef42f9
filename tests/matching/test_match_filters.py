"""Hard eligibility filters (explicit restrictions only), soft focus, forthcoming offers and near misses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.matching import CatalogueIndex, OfferRecord, Profile, Rules, match

OfferFactory = Callable[..., OfferRecord]
IndexFactory = Callable[..., CatalogueIndex]


def _slugs(outcome: Any) -> list[str]:
    return [result.offer.slug for result in outcome.results]


def test_closed_offers_never_match_and_are_never_near_misses(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("open", needs=("seed-investment",)),
            offer("shut", needs=("seed-investment",), status="closed"),
            offer(
                "shut-elsewhere", needs=("seed-investment",), status="closed", restricted_locations=("international",)
            ),
        ]
    )
    outcome = match(index, Profile(needs=("seed-investment",), location="leeds"), explain=True)
    assert _slugs(outcome) == ["open"]
    assert outcome.near_misses == ()


def test_forthcoming_offers_match_flagged_with_a_reason(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [offer("soon", needs=("work-space",), status="forthcoming"), offer("now", needs=("work-space",))]
    )
    results = {result.offer.slug: result for result in match(index, Profile(needs=("work-space",))).results}
    assert results["soon"].forthcoming is True
    assert results["now"].forthcoming is False
    codes = {reason.code: reason.text for reason in results["soon"].reasons}
    assert codes["forthcoming"] == "Opening soon: not yet taking innovators"
    assert "forthcoming" not in {reason.code for reason in results["now"].reasons}


def test_location_restriction_respects_nesting(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("anywhere", needs=("work-space",)),
            offer("leeds-only", needs=("work-space",), restricted_locations=("leeds",)),
            offer("west-yorkshire", needs=("work-space",), restricted_locations=("west-yorkshire",)),
            offer("uk", needs=("work-space",), restricted_locations=("uk",)),
            offer("abroad", needs=("work-space",), restricted_locations=("international",)),
        ]
    )
    in_leeds = set(_slugs(match(index, Profile(needs=("work-space",), location="leeds"))))
    assert in_leeds == {"anywhere", "leeds-only", "west-yorkshire", "uk"}
    in_uk = set(_slugs(match(index, Profile(needs=("work-space",), location="uk"))))
    assert in_uk == {"anywhere", "uk"}
    abroad = set(_slugs(match(index, Profile(needs=("work-space",), location="international"))))
    assert abroad == {"anywhere", "abroad"}
    unknown = set(_slugs(match(index, Profile(needs=("work-space",)))))
    assert unknown == {"anywhere", "leeds-only", "west-yorkshire", "uk", "abroad"}


def test_organisation_type_restriction(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("for-all", needs=("seed-investment",)),
            offer("smes", needs=("seed-investment",), restricted_organisation_types=("startup", "sme")),
        ]
    )
    assert set(_slugs(match(index, Profile(needs=("seed-investment",), organisation_type="academic")))) == {"for-all"}
    assert set(_slugs(match(index, Profile(needs=("seed-investment",), organisation_type="sme")))) == {
        "for-all",
        "smes",
    }
    assert set(_slugs(match(index, Profile(needs=("seed-investment",))))) == {"for-all", "smes"}


def test_sector_restriction(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("all-sectors", needs=("work-space",)),
            offer("digital", needs=("work-space",), restricted_sectors=("digital-health",)),
        ]
    )
    assert _slugs(match(index, Profile(needs=("work-space",), sector="biotech"))) == ["all-sectors"]
    assert set(_slugs(match(index, Profile(needs=("work-space",), sector="digital-health")))) == {
        "all-sectors",
        "digital",
    }
    assert set(_slugs(match(index, Profile(needs=("work-space",))))) == {"all-sectors", "digital"}


def test_near_misses_explain_each_criterion_supportively(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("fits", needs=("regulatory-advice",)),
            offer("uk-only", needs=("regulatory-advice",), restricted_locations=("uk",)),
            offer("smes", needs=("regulatory-advice",), restricted_organisation_types=("startup", "sme")),
            offer("digital", needs=("regulatory-advice",), restricted_sectors=("digital-health",)),
            offer(
                "two-misses",
                needs=("regulatory-advice",),
                restricted_sectors=("digital-health",),
                restricted_locations=("uk",),
            ),
            offer("unrelated", needs=("seed-investment",), restricted_locations=("uk",)),
        ]
    )
    outcome = match(
        index,
        Profile(needs=("regulatory-advice",), location="international", organisation_type="academic", sector="biotech"),
        explain=True,
    )
    assert _slugs(outcome) == ["fits"]
    hints = {miss.offer.slug: (miss.criterion, miss.hint) for miss in outcome.near_misses}
    assert hints == {
        "uk-only": ("location", "Only for organisations based in the United Kingdom"),
        "smes": ("organisation_type", "Only for start-ups and small or medium-sized enterprises"),
        "digital": ("sector", "Only for digital health"),
    }
    assert all("ineligible" not in miss.hint.lower() for miss in outcome.near_misses)
    assert all(0 < miss.score <= 1 for miss in outcome.near_misses)


def test_near_misses_only_when_explaining(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index([offer("uk-only", needs=("work-space",), restricted_locations=("uk",))])
    assert match(index, Profile(needs=("work-space",), location="international")).near_misses == ()
    assert len(match(index, Profile(needs=("work-space",), location="international"), explain=True).near_misses) == 1


def test_near_misses_must_beat_the_last_listed_offer(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("exact-1", needs=("regulatory-advice",)),
            offer("exact-2", needs=("regulatory-advice",)),
            offer("parent-abroad", needs=("professional-advice",), restricted_locations=("international",)),
            offer(
                "exact-abroad",
                needs=("regulatory-advice",),
                restricted_locations=("international",),
                provider_location="leeds",
            ),
            offer("exact-abroad-2", needs=("regulatory-advice",), restricted_locations=("international",)),
        ]
    )
    outcome = match(index, Profile(needs=("regulatory-advice",), location="leeds", limit=2), explain=True)
    assert _slugs(outcome) == ["exact-1", "exact-2"]
    assert [miss.offer.slug for miss in outcome.near_misses] == ["exact-abroad"]


def test_stage_gate_rule_switch(offer: OfferFactory, build_index: IndexFactory, rules_mapping: dict[str, Any]) -> None:
    offers = [
        offer("now", needs=("seed-investment",), stages=(2,)),
        offer("next", needs=("seed-investment",), stages=(3,)),
        offer("far", needs=("seed-investment",), stages=(4, 5)),
    ]
    assert {
        result.offer.slug for result in match(build_index(offers), Profile(stage=2, needs=("seed-investment",))).results
    } == {
        "now",
        "next",
        "far",
    }
    rules_mapping["stages"]["max_stage_gap"] = 1
    gated = build_index(offers, Rules.from_mapping(rules_mapping))
    outcome = match(gated, Profile(stage=2, needs=("seed-investment",)), explain=True)
    assert _slugs(outcome) == ["now", "next"]
    assert [(miss.offer.slug, miss.criterion, miss.hint) for miss in outcome.near_misses] == [
        ("far", "stage", "Opens to you from stage 4, Investment validation")
    ]


def test_focus_is_a_preference_not_a_filter(offer: OfferFactory, build_index: IndexFactory) -> None:
    """Sector, organisation-type and location tags are an offer's focus: it stays listed, below an offer focused
    on you, and says plainly where its focus lies (issue 12: NPIC hidden from a digital-health innovator)."""
    index = build_index(
        [
            offer("yours", needs=("work-space",), sectors=("digital-health",), organisation_types=("startup",)),
            offer("open", needs=("work-space",)),
            offer("elsewhere", needs=("work-space",), sectors=("diagnostics",), organisation_types=("sme",)),
            offer("abroad", needs=("work-space",), locations=("international",)),
        ]
    )
    outcome = match(
        index, Profile(needs=("work-space",), sector="digital-health", organisation_type="startup", location="leeds")
    )
    ranked = _slugs(outcome)
    assert ranked[0] == "yours" and set(ranked) == {"yours", "open", "elsewhere", "abroad"}
    assert ranked.index("open") < ranked.index("elsewhere")
    reasons = {result.offer.slug: [reason.text for reason in result.reasons] for result in outcome.results}
    assert "Mainly for diagnostics" in reasons["elsewhere"]
    assert "Mainly for small or medium-sized enterprises" in reasons["elsewhere"]
    assert "Mainly for organisations based outside the UK" in reasons["abroad"]
    assert not any(text.startswith("Mainly") for text in reasons["yours"] + reasons["open"])

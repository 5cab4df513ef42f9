"""Soft scoring and ranking on small hand-built catalogues."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.matching import (
    CatalogueIndex,
    MatchOutcome,
    OfferRecord,
    Profile,
    Rules,
    ScoredOffer,
    match,
    normalise_profile,
)

OfferFactory = Callable[..., OfferRecord]
IndexFactory = Callable[..., CatalogueIndex]


def _slugs(outcome: MatchOutcome) -> list[str]:
    return [result.offer.slug for result in outcome.results]


def _by_slug(outcome: MatchOutcome) -> dict[str, ScoredOffer]:
    return {result.offer.slug: result for result in outcome.results}


def _codes(result: ScoredOffer) -> dict[str, str]:
    return {reason.code: reason.text for reason in result.reasons}


def test_child_need_beats_its_parent_even_against_better_stage_and_keywords(
    offer: OfferFactory, build_index: IndexFactory
) -> None:
    index = build_index(
        [
            offer("child", needs=("regulatory-advice",), stages=(1,)),
            offer(
                "parent",
                needs=("professional-advice",),
                stages=(5,),
                name="Software medical device regulation clinic",
                sectors=("digital-health",),
                provider_location="leeds",
            ),
        ]
    )
    outcome = match(
        index,
        Profile(
            stage=5,
            needs=("regulatory-advice",),
            keywords="software medical device",
            sector="digital-health",
            location="leeds",
        ),
        explain=True,
    )
    assert _slugs(outcome) == ["child", "parent"]
    results = _by_slug(outcome)
    assert _codes(results["child"])["need-match"] == "Offers regulatory advice, which you asked for"
    assert _codes(results["parent"])["need-parent"] == (
        "Offers professional advice (regulatory, legal, financial), which covers regulatory advice"
    )
    assert dict(results["child"].components)["need"] == 1.0
    assert dict(results["parent"].components)["need"] == 0.5


def test_parent_request_counts_every_child_as_a_full_match(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("legal", needs=("legal-advice",)),
            offer("parent", needs=("professional-advice",)),
            offer("regulatory", needs=("regulatory-advice",)),
            offer("other", needs=("seed-investment",)),
        ]
    )
    outcome = match(index, Profile(needs=("professional-advice",)), explain=True)
    assert _slugs(outcome) == ["legal", "parent", "regulatory"]
    assert len({result.score for result in outcome.results}) == 1
    assert _codes(_by_slug(outcome)["legal"])["need-match"] == (
        "Offers legal advice, part of the professional advice (regulatory, legal, financial) you asked for"
    )


def test_offers_matching_no_need_are_left_out_by_default(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [offer("match", needs=("work-space",), stages=(1,)), offer("miss", needs=("seed-investment",), stages=(5,))]
    )
    assert _slugs(match(index, Profile(stage=5, needs=("work-space",)))) == ["match"]


def test_evidence_is_not_a_switch(rules_mapping: dict[str, Any]) -> None:
    """The contract lists only offers with evidence for what was asked: the old require_match switch is refused."""
    rules_mapping["needs"]["require_match"] = False
    with pytest.raises(ValueError, match="require_match"):
        Rules.from_mapping(rules_mapping)


def test_stage_fit_next_and_decay(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("fit", stages=(4, 5), needs=("regulatory-advice",)),
            offer("every", stages=(), needs=("regulatory-advice",)),
            offer("next", stages=(6, 7), needs=("regulatory-advice",)),
            offer("two-ahead", stages=(7,), needs=("regulatory-advice",)),
            offer("behind", stages=(1, 2), needs=("regulatory-advice",)),
        ]
    )
    outcome = match(index, Profile(stage=5), explain=True)
    assert _slugs(outcome) == ["every", "fit", "next", "two-ahead", "behind"]
    stage = {slug: dict(result.components)["stage"] for slug, result in _by_slug(outcome).items()}
    assert stage == {"fit": 1.0, "every": 1.0, "next": 0.8, "two-ahead": 0.4, "behind": 0.025}
    results = _by_slug(outcome)
    assert _codes(results["next"])["stage-next"] == "Comes up next: serves stage 6, Launch and evaluation"
    assert _codes(results["fit"])["stage-fit"] == "Serves stage 5, Clearance and trials, where you are now"
    assert "stage-ahead" in _codes(results["two-ahead"])
    assert "stage-behind" in _codes(results["behind"])


def test_trl_profile_fits_every_stage_of_its_band(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("one", stages=(1,), needs=("research-expertise",)),
            offer("two", stages=(2,), needs=("research-expertise",)),
            offer("three", stages=(3,), needs=("research-expertise",)),
        ]
    )
    outcome = match(index, Profile(trl=2), explain=True)
    stage = {slug: dict(result.components)["stage"] for slug, result in _by_slug(outcome).items()}
    assert stage == {"one": 1.0, "two": 1.0, "three": 0.8}
    assert (
        _codes(_by_slug(outcome)["one"])["stage-fit"]
        == "Serves stage 1, Needs identification and knowledge creation, which fits TRL 2"
    )


def test_keyword_reason_names_the_matched_terms(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer(
                "samd",
                needs=("regulatory-advice",),
                name="Software as a medical device clinic",
                description="Regulatory pathways for devices",
            ),
            offer("plain", needs=("regulatory-advice",), description="General support"),
        ]
    )
    outcome = match(
        index, Profile(needs=("regulatory-advice",), keywords="medical devices software wearables"), explain=True
    )
    assert _slugs(outcome) == ["samd", "plain"]
    samd, plain = outcome.results
    assert _codes(samd)["keyword-match"] == "Mentions medical, devices and software, which you searched for"
    assert "keyword-match" not in _codes(plain)
    assert dict(samd.components)["keywords"] == 1.0
    assert dict(plain.components)["keywords"] == 0.0


def test_name_and_keywords_fields_weigh_more_than_description(offer: OfferFactory, build_index: IndexFactory) -> None:
    filler = "support for innovators across the region with many kinds of help"
    index = build_index(
        [
            offer("in-name", name="Wound imaging", description=filler),
            offer("in-keywords", name="Programme", keywords=("wound", "imaging"), description=filler),
            offer("in-description", name="Programme two", description=f"{filler} wound imaging"),
        ]
    )
    outcome = match(index, Profile(stage=1, keywords="wound imaging"), explain=True)
    assert _slugs(outcome)[-1] == "in-description"
    keywords = {slug: dict(result.components)["keywords"] for slug, result in _by_slug(outcome).items()}
    assert keywords["in-name"] == 1.0
    assert keywords["in-description"] < keywords["in-keywords"]


def test_sector_and_local_bonuses_with_reasons(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("plain", needs=("work-space",)),
            offer("sector", needs=("work-space",), sectors=("digital-health", "medtech")),
            offer("local", needs=("work-space",), provider_location="west-yorkshire"),
            offer("uk-base", needs=("work-space",), provider_location="uk"),
        ]
    )
    outcome = match(index, Profile(needs=("work-space",), sector="digital-health", location="leeds"), explain=True)
    results = _by_slug(outcome)
    assert _codes(results["sector"])["sector-match"] == "Focused on digital health, your sector"
    assert _codes(results["local"])["local"] == "Based in West Yorkshire, near you"
    assert "local" not in _codes(results["uk-base"])
    # An offer open to every sector scores focus.open_fraction on sector: between focused on yours and elsewhere.
    assert dict(results["plain"].components)["sector"] == 0.5
    assert results["local"].score > results["sector"].score > results["plain"].score == results["uk-base"].score


def test_local_presence_is_nested_both_ways_below_uk(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("in-leeds", needs=("work-space",), provider_location="leeds"),
            offer("abroad", needs=("work-space",), provider_location="international"),
        ]
    )
    from_region = _by_slug(match(index, Profile(needs=("work-space",), location="yorkshire-and-humber")))
    assert _codes(from_region["in-leeds"])["local"] == "Based in Leeds, near you"
    from_uk = _by_slug(match(index, Profile(needs=("work-space",), location="uk")))
    assert "local" not in _codes(from_uk["in-leeds"])


def test_score_is_the_weighted_mean_of_applicable_components(
    offer: OfferFactory, build_index: IndexFactory, rules: Rules
) -> None:
    index = build_index([offer("x", needs=("professional-advice",), stages=(6,), sectors=("medtech",))])
    outcome = match(index, Profile(stage=5, needs=("regulatory-advice",), sector="medtech"), explain=True)
    (result,) = outcome.results
    components = dict(result.components)
    assert set(components) == {"need", "stage", "sector"}
    weights = rules.weights
    expected = (weights.need * 0.5 + weights.stage * 0.8 + weights.sector * 1.0) / (
        weights.need + weights.stage + weights.sector
    )
    assert result.score == round(expected, 4)
    assert components == {"need": 0.5, "stage": 0.8, "sector": 1.0}


def test_components_only_when_explaining(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index([offer("x", needs=("work-space",))])
    assert match(index, Profile(needs=("work-space",))).results[0].components == ()


def test_ties_break_by_slug_and_repeat_exactly(offer: OfferFactory, build_index: IndexFactory) -> None:
    offers = [offer(slug, needs=("work-space",), stages=(3,)) for slug in ("delta", "alpha", "charlie", "bravo")]
    index = build_index(offers)
    first = match(index, Profile(stage=3, needs=("work-space",)), explain=True)
    assert _slugs(first) == ["alpha", "bravo", "charlie", "delta"]
    assert [result.rank for result in first.results] == [1, 2, 3, 4]
    assert match(index, Profile(stage=3, needs=("work-space",)), explain=True) == first
    assert match(build_index(list(reversed(offers))), Profile(stage=3, needs=("work-space",)), explain=True) == first


def test_limit_and_versions(offer: OfferFactory, build_index: IndexFactory, rules: Rules) -> None:
    index = build_index([offer(f"o{i:02d}", needs=("work-space",), provider_slug=f"p{i}") for i in range(30)])
    outcome = match(index, Profile(needs=("work-space",), limit=7))
    assert len(outcome.results) == 7
    assert outcome.ruleset_version == rules.version
    assert outcome.catalogue_version == "test-catalogue"
    assert len(match(index, Profile(needs=("work-space",))).results) == 10


def test_match_accepts_a_normalised_profile(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index([offer("x", needs=("work-space",))])
    normalised = normalise_profile(Profile(needs=("work-space",)), index.vocabulary)
    assert match(index, normalised) == match(index, Profile(needs=("work-space",)))


def test_invalid_profile_raises_profile_error(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index([offer("x", needs=("work-space",))])
    with pytest.raises(ValueError, match="stage"):
        match(index, Profile())


def test_empty_catalogue_gives_no_results(build_index: IndexFactory) -> None:
    outcome = match(build_index([]), Profile(stage=2, needs=("work-space",), keywords="lab"), explain=True)
    assert outcome.results == ()
    assert outcome.near_misses == ()

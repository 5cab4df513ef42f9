"""route_ahead: the best offers at the current stage and each later one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.matching import CatalogueIndex, OfferRecord, Profile, route_ahead

OfferFactory = Callable[..., OfferRecord]
IndexFactory = Callable[..., CatalogueIndex]


@pytest.fixture
def index(offer: OfferFactory, build_index: IndexFactory) -> CatalogueIndex:
    return build_index(
        [
            offer("reg-early", needs=("regulatory-advice",), stages=(2, 3)),
            offer("reg-trials", needs=("regulatory-advice",), stages=(5,)),
            offer("reg-launch", needs=("regulatory-advice",), stages=(6, 7)),
            offer("reg-launch-2", needs=("regulatory-advice",), stages=(6,), locations=("international",)),
            offer("reg-all", needs=("regulatory-advice",), stages=()),
            offer("seed", needs=("seed-investment",), stages=(5,)),
        ]
    )


def test_route_starts_at_the_current_stage_and_walks_to_the_end(index: CatalogueIndex) -> None:
    routes = route_ahead(index, Profile(stage=5, needs=("regulatory-advice",), location="leeds"), per_stage=2)
    assert [route.stage.number for route in routes] == [5, 6, 7]
    assert [route.is_current for route in routes] == [True, False, False]
    listed = {route.stage.number: [r.offer.slug for r in route.results] for route in routes}
    # Offers recur: reg-all serves every stage, reg-launch stages 6 and 7.
    assert listed == {5: ["reg-all", "reg-trials"], 6: ["reg-all", "reg-launch"], 7: ["reg-all", "reg-launch"]}
    texts = {route.stage.number: [x.text for r in route.results for x in r.reasons] for route in routes}
    assert any(text.endswith("where you are now") or "including yours" in text for text in texts[5])
    for later in (6, 7):
        assert not any("where you are now" in text or "including yours" in text for text in texts[later])


def test_later_stages_bring_their_typical_needs(offer: OfferFactory, build_index: IndexFactory) -> None:
    """Stage 6's typical needs (rules.yaml pathway data) reach the route though only seed investment was asked."""
    index = build_index(
        [
            offer("seed", needs=("seed-investment",), stages=(3, 4)),
            offer("nhs-route", needs=("health-system-access",), stages=(6,)),
            offer("workspace", needs=("work-space",), stages=(6,)),
        ]
    )
    routes = {route.stage.number: route for route in route_ahead(index, Profile(stage=3, needs=("seed-investment",)))}
    assert [r.offer.slug for r in routes[3].results] == ["seed"]
    assert [r.offer.slug for r in routes[6].results] == ["nhs-route"]
    (typical,) = [x for x in routes[6].results[0].reasons if x.code == "need-typical"]
    assert typical.text == "Offers access to health systems, which innovators often need at stage 6"
    assert routes[6].note is None
    assert routes[5].results == () and routes[5].note == (
        "Nothing in the catalogue serves stage 5, Clearance and trials, for what you asked yet"
    )


def test_trl_in_two_stages_marks_both_current(index: CatalogueIndex) -> None:
    routes = route_ahead(index, Profile(trl=2, needs=("regulatory-advice",)))
    assert [route.stage.number for route in routes] == [1, 2, 3, 4, 5, 6, 7]
    assert [route.is_current for route in routes][:3] == [True, True, False]


def test_needs_only_profile_starts_at_stage_one(index: CatalogueIndex) -> None:
    routes = route_ahead(index, Profile(needs=("seed-investment",)))
    assert routes[0].stage.number == 1 and not any(route.is_current for route in routes)
    # With no current stage every stage brings its typical needs: seed at 5, regulatory advice (typical at 5) too.
    at_five = [r.offer.slug for r in routes[4].results]
    assert "seed" in at_five and "reg-trials" in at_five


def test_route_is_deterministic_and_validates(index: CatalogueIndex) -> None:
    profile = Profile(stage=3, needs=("regulatory-advice",))
    assert route_ahead(index, profile) == route_ahead(index, profile)
    with pytest.raises(ValueError):
        route_ahead(index, profile, per_stage=0)

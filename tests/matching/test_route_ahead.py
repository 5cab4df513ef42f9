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
    assert listed == {5: ["reg-all", "reg-trials"], 6: ["reg-launch"], 7: []}
    for route in routes:
        for result in route.results:
            assert "stage-fit" in {reason.code for reason in result.reasons}


def test_trl_in_two_stages_marks_both_current(index: CatalogueIndex) -> None:
    routes = route_ahead(index, Profile(trl=2, needs=("regulatory-advice",)))
    assert [route.stage.number for route in routes] == [1, 2, 3, 4, 5, 6, 7]
    assert [route.is_current for route in routes][:3] == [True, True, False]


def test_needs_only_profile_starts_at_stage_one(index: CatalogueIndex) -> None:
    routes = route_ahead(index, Profile(needs=("seed-investment",)))
    assert routes[0].stage.number == 1 and not any(route.is_current for route in routes)
    assert [r.offer.slug for route in routes for r in route.results] == ["seed"]


def test_route_is_deterministic_and_validates(index: CatalogueIndex) -> None:
    profile = Profile(stage=3, needs=("regulatory-advice",))
    assert route_ahead(index, profile) == route_ahead(index, profile)
    with pytest.raises(ValueError):
        route_ahead(index, profile, per_stage=0)

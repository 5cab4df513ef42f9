"""The JSON documents of /v1/match and /v1/pathway, built from the matcher's outcome without a model per field.

These are the hottest responses the API serves, so they are assembled as plain dicts and encoded by orjson,
with each offer's `offer` object encoded once per catalogue snapshot and spliced in as a pre-encoded fragment.
The pydantic models in app.models.matching stay the contract: they document the shapes in OpenAPI, each offer
fragment is rendered through MatchedOffer, and tests check every document round-trips through them unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from app.matching import FrontDoor, MatchOutcome, NearMiss, PathwayOutcome, ScoredOffer, StageRoute
from app.models.matching import MatchedOffer
from app.renditions import encoded
from app.services.store.snapshot import CatalogueSnapshot

Document = dict[str, Any]


def _offer_fragments(snapshot: CatalogueSnapshot) -> Mapping[str, orjson.Fragment]:
    """Every live offer's `offer` object, validated through MatchedOffer and encoded once per snapshot.

    Its `url` is the next step: the offer's own page, else its provider's website.
    """

    def build(frozen: CatalogueSnapshot) -> dict[str, orjson.Fragment]:
        fragments = {}
        for offer in frozen.offers:
            matched = MatchedOffer.model_validate(offer, from_attributes=True)
            if matched.url is None:
                matched.url = frozen.providers_by_slug[offer.provider.slug].website
            fragments[offer.slug] = encoded(matched)
        return fragments

    return snapshot.derived("match-offer-fragments", build)


def _result(offers: Mapping[str, orjson.Fragment], scored: ScoredOffer, *, explain: bool) -> Document:
    return {
        "rank": scored.rank,
        "score": scored.score,
        "offer": offers[scored.offer.slug],
        "reasons": [{"code": reason.code, "text": reason.text} for reason in scored.reasons],
        "forthcoming": scored.forthcoming,
        "components": dict(scored.components) if explain else None,
    }


def _near_miss(offers: Mapping[str, orjson.Fragment], miss: NearMiss) -> Document:
    return {"offer": offers[miss.offer.slug], "criterion": miss.criterion, "hint": miss.hint, "score": miss.score}


def _front_door(offers: Mapping[str, orjson.Fragment], door: FrontDoor) -> Document:
    return {"offer": offers[door.offer.slug], "reasons": [{"code": r.code, "text": r.text} for r in door.reasons]}


def match_document(snapshot: CatalogueSnapshot, outcome: MatchOutcome, *, explain: bool) -> Document:
    """The body of a /v1/match answer (the MatchResponse shape)."""
    offers = _offer_fragments(snapshot)
    return {
        "profile": outcome.profile.as_dict(),
        "ruleset_version": outcome.ruleset_version,
        "catalogue_version": outcome.catalogue_version,
        "results": [_result(offers, scored, explain=explain) for scored in outcome.results],
        "near_misses": [_near_miss(offers, miss) for miss in outcome.near_misses] if explain else None,
        "front_door": [_front_door(offers, door) for door in outcome.front_door],
    }


def _route_step(offers: Mapping[str, orjson.Fragment], route: StageRoute) -> Document:
    band = route.stage
    return {
        "stage": {
            "number": band.number,
            "slug": band.slug,
            "name": band.name,
            "trl_band": [band.trl_min, band.trl_max],
        },
        "is_current": route.is_current,
        "results": [_result(offers, scored, explain=False) for scored in route.results],
        "note": route.note,
    }


def pathway_document(snapshot: CatalogueSnapshot, outcome: PathwayOutcome) -> Document:
    """The body of a /v1/pathway answer (the PathwayResponse shape)."""
    offers = _offer_fragments(snapshot)
    return {
        "profile": outcome.profile.as_dict(),
        "ruleset_version": outcome.ruleset_version,
        "catalogue_version": outcome.catalogue_version,
        "stages": [_route_step(offers, route) for route in outcome.routes],
        "front_door": [_front_door(offers, door) for door in outcome.front_door],
    }

"""The hand-built documents (/v1/match, /v1/pathway, the /v1/offers pages) are exactly what their models describe."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from app.models.matching import MatchResponse, PathwayResponse
from app.routers.catalogue import OfferPage
from tests.routers.test_golden_profiles import PROFILES


def _round_trips(model: type[BaseModel], response: Any) -> dict[str, Any]:
    """The body parses as `model` and dumps back to the very same JSON: no key missing, extra or retyped."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    assert model.model_validate_json(response.content).model_dump(mode="json") == body
    return body


@pytest.mark.parametrize("explain", ["none", "full"])
def test_every_golden_answer_matches_the_match_model(real_client: TestClient, explain: str) -> None:
    for profile in PROFILES:
        response = real_client.post("/v1/match", json={**profile["request"], "explain": explain})
        body = _round_trips(MatchResponse, response)
        assert body["results"], profile["name"]
        assert (body["near_misses"] is None) == (explain == "none")
        assert all((r["components"] is None) == (explain == "none") for r in body["results"])


def test_every_golden_route_matches_the_pathway_model(real_client: TestClient) -> None:
    for profile in PROFILES:
        request = {k: v for k, v in profile["request"].items() if k not in ("limit", "explain")}
        body = _round_trips(PathwayResponse, real_client.post("/v1/pathway", json=request))
        assert body["stages"], profile["name"]


def test_get_match_keeps_its_validators_on_the_fast_document(real_client: TestClient) -> None:
    first = real_client.get("/v1/match", params={"stage": 5, "needs": ["regulatory-advice"]})
    _round_trips(MatchResponse, first)
    assert first.headers["etag"] and first.headers["cache-control"] == "public, no-cache"
    profile = {"stage": 5, "needs": ["regulatory-advice"]}
    again = real_client.get("/v1/match", params=profile, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    route = real_client.get("/v1/pathway", params={"stage": 2})
    _round_trips(PathwayResponse, route)
    assert route.headers["etag"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?need=professional-advice&stage=5",
        "?q=regulatory&sort=relevance",
        "?location=leeds&limit=3&offset=3",
        "?status=closed&status=active&sort=-updated_at",
    ],
)
def test_offer_pages_match_the_page_model(real_client: TestClient, query: str) -> None:
    response = real_client.get("/v1/offers" + query)
    body = _round_trips(OfferPage, response)
    assert body["total"] == int(response.headers["x-total-count"])
    assert response.headers["etag"] and ("link" in response.headers) == bool(body["total"])
    assert 0 < len(body["items"]) <= body["limit"]

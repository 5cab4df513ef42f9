"""The hottest routes are found by exact path and method, in front of FastAPI's search through the routers."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.direct import DirectPaths

HOTTEST = {("GET", "/healthz"), ("GET", "/v1/offers"), ("POST", "/v1/match"), ("POST", "/v1/intake")}


def test_the_direct_routes_are_found_by_exact_path_and_serve_the_routed_answer(client: TestClient) -> None:
    front = client.app.router.middleware_stack  # type: ignore[attr-defined]
    assert isinstance(front, DirectPaths)
    assert set(front.paths) == HOTTEST  # FastAPI >= 0.16x keeps included routers as branches: read through them
    answer = client.post("/v1/match", json={"stage": 5, "needs": ["regulatory-advice"]})
    assert answer.status_code == 200 and answer.json()["results"]
    assert client.post("/v1/match", content=b"{}", headers={"Content-Type": "text/plain"}).status_code == 415
    assert client.put("/v1/match", json={}).status_code == 405  # other methods: the router, as before

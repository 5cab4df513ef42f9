"""The direct routes (app/direct.py) are found in the app's included routers and served in front of its router."""

from __future__ import annotations

from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from app.direct import DIRECT, DirectPaths, DirectRoute

SERVED_DIRECTLY = {("GET", "/healthz"), ("GET", "/v1/offers"), ("POST", "/v1/match"), ("POST", "/v1/intake")}
"""The hottest routes (docs/performance.md): each has a direct handler."""


def test_every_direct_route_is_served_in_front_of_the_router(client: TestClient) -> None:
    stack = client.app.router.middleware_stack  # type: ignore[attr-defined]
    assert isinstance(stack, DirectPaths)
    assert set(stack.paths) == SERVED_DIRECTLY
    declared = {
        (method, context.path)
        for context in iter_route_contexts(client.app.routes)  # type: ignore[attr-defined]
        if isinstance(context.original_route, DirectRoute) and hasattr(context.original_route.endpoint, DIRECT)
        for method in context.original_route.methods or ()
    }
    assert declared == SERVED_DIRECTLY


def test_a_direct_path_answers_and_other_methods_reach_the_router(client: TestClient) -> None:
    answer = client.get("/v1/offers?limit=2")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    refused = client.post("/v1/offers")  # another method on a direct path: the router's 405
    assert refused.status_code == 405
    assert "GET" in refused.headers["allow"]

"""Abuse protection: body cap (declared and streamed), rate limits in memory and in Redis, CORS, security headers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from app.config import get_settings
from app.db import reset_engine
from tests.conftest import REDIS_URL, make_client
from tests.curators import bearer, issue_key, new_offer

PROBLEM = "application/problem+json"


class Clock:
    """A settable wall clock for the rate limiter's windows."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr("app.middleware.ratelimit.now", fake)
    return fake


@pytest.fixture
def limited(
    fixture_db: Engine, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> Iterator[tuple[TestClient, dict[str, str]]]:
    keys = {"a": issue_key(fixture_db, "a", "editor"), "b": issue_key(fixture_db, "b", "editor")}
    env = {"rate_limit_per_minute": "3", "rate_limit_key_per_minute": "2", "rate_limit_window_seconds": "60"}
    with make_client(fixture_db, monkeypatch, **env) as client:
        yield client, keys
    get_settings.cache_clear()
    reset_engine()


def assert_429(response_status: int, headers: dict[str, str], retry_after: int) -> None:
    assert response_status == 429
    assert headers["content-type"] == PROBLEM and headers["retry-after"] == str(retry_after)
    assert headers["x-content-type-options"] == "nosniff"


# ---- body limit -------------------------------------------------------------------------------------------------


@pytest.fixture
def editor(fixture_db: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    key = issue_key(fixture_db, "curator", "editor")
    with make_client(fixture_db, monkeypatch, max_body_bytes="2048") as client:
        client.headers.update(bearer(key))
        yield client
    get_settings.cache_clear()
    reset_engine()


def test_a_declared_oversized_body_is_413(editor: TestClient) -> None:
    response = editor.post("/v1/admin/offers", json=new_offer(description="x" * 3000))
    assert response.status_code == 413 and response.headers["content-type"] == PROBLEM
    assert "2048 bytes" in response.json()["detail"]
    assert editor.get("/v1/offers/delta-accelerator").status_code == 404


def test_a_chunked_oversized_body_is_413(editor: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"slug": "delta-accelerator", "description": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    response = editor.post("/v1/admin/offers", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and response.headers["content-type"] == PROBLEM


def test_a_chunked_body_within_the_cap_is_read_whole(editor: TestClient) -> None:
    body = b'{"slug": "delta-hub", "name": "Delta Hub", "kind": "accelerator", "description": "A hub.",'
    body += b' "provenance": {"source": "curator", "passage": "Test."}, "curator_judgement": ["kind"]}'

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 16):
            yield body[start : start + 16]

    response = editor.post("/v1/admin/providers", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 201, response.text


def test_a_bad_content_length_is_400(editor: TestClient) -> None:
    response = editor.post(
        "/v1/admin/offers", content=b"{}", headers={"Content-Length": "-5", "Content-Type": "application/json"}
    )
    assert response.status_code == 400 and response.headers["content-type"] == PROBLEM


# ---- rate limits (memory) ---------------------------------------------------------------------------------------


def test_429_per_address_then_recovery(limited: tuple[TestClient, dict[str, str]], clock: Clock) -> None:
    client, _ = limited
    clock.now += 15  # 45 s left in the window
    for _ in range(3):
        assert client.get("/v1/needs").status_code == 200
    refused = client.get("/v1/offers")
    assert_429(refused.status_code, dict(refused.headers), 45)
    assert "3 requests in 60 seconds" in refused.json()["detail"]
    assert client.get("/healthz").status_code == 200  # probes are never limited
    # X-Forwarded-For from an untrusted peer is not believed: still the same client.
    assert client.get("/v1/needs", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 429
    clock.now += 45
    assert client.get("/v1/needs").status_code == 200


def test_429_per_key(fixture_db: Engine, monkeypatch: pytest.MonkeyPatch, clock: Clock) -> None:
    key = issue_key(fixture_db, "a", "editor")
    other = issue_key(fixture_db, "b", "editor")
    env = {"rate_limit_per_minute": "100", "rate_limit_key_per_minute": "2"}
    with make_client(fixture_db, monkeypatch, **env) as client:
        for _ in range(2):
            assert client.get("/v1/admin/offers/alpha-lab", headers=bearer(key)).status_code == 200
        refused = client.get("/v1/admin/offers/alpha-lab", headers={"X-API-Key": key})
        assert refused.status_code == 429 and "API key" in refused.json()["detail"]
        assert client.get("/v1/admin/offers/alpha-lab", headers=bearer(other)).status_code == 200
        assert client.get("/v1/needs").status_code == 200  # the address itself is well within its limit
    get_settings.cache_clear()
    reset_engine()


def test_rate_limits_can_be_turned_off(fixture_db: Engine, monkeypatch: pytest.MonkeyPatch, clock: Clock) -> None:
    with make_client(fixture_db, monkeypatch, rate_limit_per_minute="1", rate_limit_enabled="false") as client:
        assert all(client.get("/v1/needs").status_code == 200 for _ in range(3))
    get_settings.cache_clear()
    reset_engine()


# ---- rate limits (Redis) ----------------------------------------------------------------------------------------


def test_redis_limit_is_shared_between_workers_and_recovers(
    fixture_db: Engine, monkeypatch: pytest.MonkeyPatch, clock: Clock, redis_prefix: str
) -> None:
    env = {"redis_url": REDIS_URL, "redis_prefix": redis_prefix, "rate_limit_per_minute": "4"}
    first = make_client(fixture_db, monkeypatch, **env)
    second = make_client(fixture_db, monkeypatch, **env)  # another app instance: as another worker or host would be
    with first, second:
        assert first.get("/v1/needs").status_code == 200
        assert second.get("/v1/needs").status_code == 200
        assert first.get("/v1/needs").status_code == 200
        assert second.get("/v1/needs").status_code == 200
        refused = first.get("/v1/needs")
        assert_429(refused.status_code, dict(refused.headers), 60)
        assert second.get("/v1/needs").status_code == 429
        clock.now += 60
        assert second.get("/v1/needs").status_code == 200
    get_settings.cache_clear()
    reset_engine()


def test_an_unreachable_redis_lets_requests_through(
    fixture_db: Engine, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    env = {"redis_url": "redis://127.0.0.1:1/0", "rate_limit_per_minute": "1"}
    with make_client(fixture_db, monkeypatch, **env) as client:
        assert [client.get("/v1/needs").status_code for _ in range(3)] == [200, 200, 200]
    get_settings.cache_clear()
    reset_engine()


# ---- CORS and headers -------------------------------------------------------------------------------------------


def test_cors_is_open_for_public_routes_and_absent_on_admin_routes(editor: TestClient) -> None:
    origin = {"Origin": "https://partner.example"}
    public = editor.get("/v1/offers", headers=origin)
    assert public.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in public.headers
    preflight = editor.options(
        "/v1/match",
        headers=origin | {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )
    assert preflight.status_code == 200 and "POST" in preflight.headers["access-control-allow-methods"]

    admin = editor.get("/v1/admin/offers/alpha-lab", headers=origin)
    assert admin.status_code == 200
    assert not any(name.startswith("access-control-") for name in admin.headers)
    admin_preflight = editor.options(
        "/v1/admin/offers/alpha-lab",
        headers=origin | {"Access-Control-Request-Method": "PATCH", "Access-Control-Request-Headers": "authorization"},
    )
    assert admin_preflight.status_code >= 400
    assert not any(name.startswith("access-control-") for name in admin_preflight.headers)


def test_cors_origins_are_configurable(fixture_db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    with make_client(fixture_db, monkeypatch, cors_origins='["https://partner.example"]') as client:
        allowed = client.get("/v1/needs", headers={"Origin": "https://partner.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://partner.example"
        other = client.get("/v1/needs", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
    get_settings.cache_clear()
    reset_engine()


def test_security_headers_on_every_kind_of_response(editor: TestClient) -> None:
    responses = [
        editor.get("/v1/offers"),
        editor.get("/v1/admin/offers/alpha-lab"),
        editor.get("/v1/admin/offers/alpha-lab", headers={"Authorization": "Bearer nope"}),
        editor.post("/v1/admin/offers", json=new_offer(description="x" * 3000)),
        editor.get("/nowhere"),
    ]
    assert [r.status_code for r in responses] == [200, 200, 401, 413, 404]
    for response in responses:
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert "x-request-id" in response.headers

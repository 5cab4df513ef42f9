"""Concurrent writers against a real server: with one ETag, exactly one edit wins and none is lost."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import uvicorn
from sqlalchemy.engine import Engine

from app.config import get_settings
from app.db import get_engine
from tests.curators import bearer, issue_key, new_offer

WRITERS = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(fixture_db: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A uvicorn server in a thread, on a free loopback port, over the test backend's database."""
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", fixture_db.url.render_as_string(hide_password=False))
    monkeypatch.setenv("NAVIGATOR_DB_POOL_SIZE", str(WRITERS))  # sized for the threads, as in production
    monkeypatch.setenv("NAVIGATOR_DB_TIMEOUT_SECONDS", "10")
    get_settings.cache_clear()
    get_engine.cache_clear()
    port = free_port()
    config = uvicorn.Config("app.main:create_app", factory=True, host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not instance.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=15)
    get_engine().dispose()
    get_engine.cache_clear()
    get_settings.cache_clear()


def fire(requests: list[tuple[str, str, dict[str, str], dict[str, object]]]) -> list[httpx.Response]:
    """Send the requests at once: every thread waits at a barrier, then all go."""
    barrier = threading.Barrier(len(requests))

    def send(request: tuple[str, str, dict[str, str], dict[str, object]]) -> httpx.Response:
        method, url, headers, body = request
        with httpx.Client(timeout=30) as client:
            barrier.wait()
            return client.request(method, url, headers=headers, json=body)

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(send, requests))


def test_concurrent_patches_with_one_etag_have_exactly_one_winner(server: str, fixture_db: Engine) -> None:
    key = issue_key(fixture_db, "curator", "editor")
    url = f"{server}/v1/admin/offers/beta-general"
    etag = httpx.get(url, headers=bearer(key)).headers["etag"]
    headers = bearer(key) | {"If-Match": etag}
    requests = [("PATCH", url, headers, {"summary": f"Edited by writer {n}."}) for n in range(WRITERS)]
    responses = fire(requests)

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [412] * (WRITERS - 1), [r.text for r in responses if r.status_code not in (200, 412)]
    [winner] = [response for response in responses if response.status_code == 200]
    winning_summary = winner.json()["entry"]["summary"]
    stored = httpx.get(url, headers=bearer(key))
    assert stored.json()["entry"]["summary"] == winning_summary
    assert stored.json()["version"] == 2 and stored.headers["etag"] == winner.headers["etag"]
    assert httpx.get(f"{server}/v1/offers/beta-general").json()["summary"] == winning_summary
    audit = httpx.get(f"{server}/v1/admin/audit", params={"entity_slug": "beta-general"}, headers=bearer(key)).json()
    assert audit["total"] == 1 and audit["items"][0]["after"]["summary"] == winning_summary
    for response in responses:
        if response.status_code == 412:
            assert response.headers["content-type"] == "application/problem+json"
            assert response.headers["etag"] == winner.headers["etag"]


def test_concurrent_creates_of_one_slug_have_exactly_one_winner(server: str, fixture_db: Engine) -> None:
    key = issue_key(fixture_db, "curator", "editor")
    url = f"{server}/v1/admin/offers"
    requests = [("POST", url, bearer(key), new_offer(name=f"Writer {n}")) for n in range(WRITERS)]
    statuses = sorted(response.status_code for response in fire(requests))
    assert statuses == [201] + [409] * (WRITERS - 1)
    audit = httpx.get(
        f"{server}/v1/admin/audit", params={"action": "create", "entity_type": "offer"}, headers=bearer(key)
    )
    assert audit.json()["total"] == 1

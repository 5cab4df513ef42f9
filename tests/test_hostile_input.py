"""Hostile requests answered as problems: deep JSON, unlisted Host headers, and absolute URLs from the configured
public base URL only (never from the Host a client sends)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from tests.conftest import make_client
from tests.serving import running_server

PROBLEM = "application/problem+json"
BASE = "https://navigator.example.org"


def test_deeply_nested_json_is_named_as_such_not_as_an_encoding_error(client: TestClient) -> None:
    deep = client.post("/v1/match", content=b"[" * 5000 + b"]" * 5000, headers={"content-type": "application/json"})
    assert deep.status_code == 422 and deep.headers["content-type"] == PROBLEM
    [problem] = deep.json()["errors"]
    assert problem["field"] == "body"
    assert "nested too deeply" in problem["message"]
    assert "UTF-8" not in problem["message"]

    not_text = client.post("/v1/match", content=b'{"stage": "\xff"}', headers={"content-type": "application/json"})
    assert not_text.status_code == 422
    assert "UTF-8" in not_text.json()["errors"][0]["message"]
    assert "nested" not in not_text.json()["errors"][0]["message"]


def test_an_unlisted_host_is_refused_with_a_problem(client: TestClient) -> None:
    refused = client.get("/v1/offers", headers={"Host": "evil.example"})
    assert refused.status_code == 400 and refused.headers["content-type"] == PROBLEM
    assert refused.json()["type"] == "/problems/unknown-host"
    assert refused.headers["connection"] == "close"
    assert "evil.example" not in refused.text
    assert client.get("/widget/", headers={"Host": "evil.example:8000"}).status_code == 400
    # Probes reach a worker by its address; their answers carry no absolute URL.
    assert client.get("/healthz", headers={"Host": "10.1.2.3:8000"}).status_code == 200
    for listed in ("localhost:8000", "127.0.0.1", "[::1]:8000", "testserver"):
        assert client.get("/v1/needs", headers={"Host": listed}).status_code == 200, listed


@pytest.fixture
def public(fixture_db: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    env = {"public_base_url": BASE + "/", "allowed_hosts": '["*.internal.example"]'}
    with make_client(fixture_db, monkeypatch, **env) as test_client:
        yield test_client


def test_absolute_urls_use_the_public_base_url_whatever_the_host(public: TestClient) -> None:
    for host in ("navigator.example.org", "worker-3.internal.example:8000"):
        page = public.get("/v1/offers?limit=2&need=lab-space", headers={"Host": host})
        assert page.status_code == 200, page.text
        links = page.json()["links"]
        assert links["self"] == f"{BASE}/v1/offers?need=lab-space&offset=0&limit=2"
        assert all(url.startswith(BASE + "/") for url in links.values() if url)
        assert all(part.startswith(f"<{BASE}/") for part in page.headers["link"].split(", "))
        widget = public.get("/widget/", headers={"Host": host}).text
        assert f'&lt;script src="{BASE}/widget/navigator.js" defer&gt;' in widget
        assert f'api-base="{BASE}"' in widget
        assert public.get("/hsds/", headers={"Host": host}).json()["openapi_url"] == f"{BASE}/hsds/openapi.json"
    # The defaults are replaced by the configured list (plus the base URL's own host).
    assert public.get("/v1/needs", headers={"Host": "localhost"}).status_code == 400
    assert public.get("/v1/needs", headers={"Host": "evil.example"}).status_code == 400


def test_a_public_base_url_with_a_path_is_refused_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    from app.config import Settings

    monkeypatch.setenv("NAVIGATOR_PUBLIC_BASE_URL", "https://example.org/navigator")
    with pytest.raises(ValidationError, match="must be an origin"):
        Settings()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_spoofed_forwarded_for_cannot_seed_the_demand_report(fixture_db: Engine, tmp_path: Path) -> None:
    """The issue's attack, against a real server behind a proxy (127.0.0.1, trusted) that appends the address it
    saw: whatever X-Forwarded-For a client sends, its requests count as one client's, so its word is not shown."""
    url = fixture_db.url.render_as_string(hide_password=False)
    with running_server(url, tmp_path) as server:
        match = {"stage": 5, "needs": ["regulatory-advice"], "keywords": "software"}

        def ask(spoofed: str, real: str) -> None:
            headers = {"X-Forwarded-For": f"{spoofed}, {real}"}
            assert httpx.post(server.url + "/v1/match", json=match, headers=headers).status_code == 200

        for n in range(5):
            ask(f"203.0.113.{n}", "198.51.100.20")

        def report(sent: int) -> dict[str, object]:
            # The recorder writes in batches about every second: wait (boundedly) for every request to be in.
            deadline = time.monotonic() + 15
            while True:
                body: dict[str, object] = httpx.get(server.url + "/v1/insights/demand").json()
                if body["requests"] == sent or time.monotonic() > deadline:
                    return body
                time.sleep(0.2)

        seeded = report(5)
        assert seeded["requests"] == 5
        assert seeded["keyword_terms"] == [], "five requests from one client"
        for n in (21, 22):  # two more clients make three
            ask("203.0.113.99", f"198.51.100.{n}")
        # Every term of the search (the word and what the synonyms expand it to) is shown, each counted 7 times.
        shown = report(7)["keyword_terms"]
        assert shown and {term["requests"] for term in shown} == {7}  # type: ignore[union-attr,index]

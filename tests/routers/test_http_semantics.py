"""What HTTP tools expect: HEAD on every GET route, 405 with a true Allow, gzip, 415, offline docs, problem pages."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from app.errors import problem_types
from app.routers.docs import ASSETS
from app.services.insights.demand import demand_recorder
from app.services.store.snapshot import snapshot_cache
from tests.conftest import make_client


def _get_paths(client: TestClient) -> list[str]:
    """Every GET path of the document with its example path parameters filled in from the catalogue."""
    offer = client.get("/v1/offers?limit=1").json()["items"][0]["slug"]
    provider = client.get("/v1/providers?limit=1").json()["items"][0]["slug"]
    service = client.get("/hsds/services?per_page=1").json()["contents"][0]["id"]
    fill = {"/v1/offers/{slug}": offer, "/v1/providers/{slug}": provider, "/hsds/services/{id}": service}
    paths = []
    for path, item in client.get("/openapi.json").json()["paths"].items():
        if "get" not in item or path.startswith("/v1/admin"):
            continue
        if "{" in path:
            if path not in fill:
                continue
            path = re.sub(r"\{[^}]+\}", fill[path], path)
        paths.append(path + ("?stage=5" if path in ("/v1/match", "/v1/pathway") else ""))
    return [*paths, "/docs", "/redoc", "/favicon.ico", "/problems/not-found"]


def test_head_answers_every_get_route_with_the_get_headers_and_no_body(client: TestClient) -> None:
    paths = _get_paths(client)
    assert len(paths) > 25
    for path in paths:
        # The demand an earlier path recorded is written by a background thread: written before the pair, so the
        # demand report holds the same rows for its GET and its HEAD.
        assert demand_recorder.flush()
        got = client.get(path)
        head = client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"", path
        for name in ("content-type", "etag", "cache-control"):
            assert head.headers.get(name) == got.headers.get(name), (path, name)
        if "content-length" in got.headers and path != "/metrics":  # the metrics move between the two requests
            assert head.headers["content-length"] == got.headers["content-length"], path


def test_head_is_conditional_like_get(client: TestClient) -> None:
    etag = client.get("/v1/needs").headers["etag"]
    assert client.head("/v1/needs", headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/healthz", "GET, HEAD"),
        ("PUT", "/v1/match", "GET, HEAD, POST"),
        ("POST", "/v1/offers/propel-yh", "GET, HEAD"),
        ("HEAD", "/v1/admin/keys/someone", "DELETE"),
        ("GET", "/v1/admin/offers", "POST"),
    ],
)
def test_405_names_every_allowed_method(client: TestClient, method: str, path: str, allowed: str) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allowed
    if method != "HEAD":
        assert response.json()["detail"] == f"{method} is not allowed on {path}."


def test_large_bodies_are_gzipped_when_accepted(client: TestClient) -> None:
    plain = client.get("/v1/offers?limit=100", headers={"Accept-Encoding": "identity"})
    zipped = client.get("/v1/offers?limit=100", headers={"Accept-Encoding": "gzip"})
    assert len(plain.content) > 1000
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["vary"] and "Accept-Encoding" in plain.headers["vary"]
    assert int(zipped.headers["content-length"]) < len(plain.content)
    assert zipped.json() == plain.json()  # httpx decodes the gzip body


def test_small_bodies_and_streams_stay_correct(client: TestClient) -> None:
    small = client.get("/healthz", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers
    with client.stream("GET", "/v1/offers?format=ndjson", headers={"Accept-Encoding": "gzip"}) as stream:
        raw = b"".join(stream.iter_raw())
        encoding = stream.headers.get("content-encoding")
    body = gzip.decompress(raw) if encoding == "gzip" else raw
    assert body.decode().count("\n") == client.get("/v1/offers?limit=1").json()["total"]


@pytest.mark.parametrize("path", ["/v1/match", "/v1/pathway"])
def test_a_non_json_body_is_415(client: TestClient, path: str) -> None:
    response = client.post(path, content=b'{"stage": 5}', headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    problem = response.json()
    assert problem["type"] == "/problems/unsupported-media-type" and "application/json" in problem["detail"]
    assert client.post(path, json={"stage": 5}).status_code == 200


@pytest.mark.parametrize(("path", "body"), [("/v1/match", b'{"stage": 5}'), ("/v1/intake", b'{"description": "x"}')])
def test_with_no_catalogue_a_non_json_body_is_still_415_and_a_malformed_one_422(
    path: str, body: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The direct JSON routes check the content type first, read the body next and ask for the snapshot last,
    so a client that sent the wrong thing hears so even while the catalogue cannot be loaded (a 503)."""
    snapshot_cache.clear()
    bare = create_engine(f"sqlite:///{tmp_path / 'never-migrated.db'}")
    with make_client(bare, monkeypatch) as client:
        wrong_type = client.post(path, content=body, headers={"Content-Type": "text/plain"})
        malformed = client.post(path, content=b'{"stage": ', headers={"Content-Type": "application/json"})
        fine = client.post(path, content=body, headers={"Content-Type": "application/json"})
    bare.dispose()
    assert wrong_type.status_code == 415, wrong_type.text
    assert wrong_type.json()["type"] == "/problems/unsupported-media-type"
    assert malformed.status_code == 422, malformed.text
    assert fine.status_code == 503, fine.text


def test_docs_pages_reference_no_other_host(client: TestClient) -> None:
    for path in ("/docs", "/redoc"):
        page = client.get(path)
        assert page.status_code == 200
        assert not re.search(r"(src|href|url)=[\"']?(https?:)?//", page.text), page.text
        csp = page.headers["content-security-policy"]
        assert "http" not in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("style-src")[0]
        for asset in re.findall(r'(?:src|href)="(/static/docs/[^"]+)"', page.text):
            assert client.get(asset).status_code == 200, asset
    assert b"cdn.redoc.ly" not in client.get("/static/docs/redoc.standalone.js").content
    assert client.get("/favicon.ico").headers["content-type"] == "image/png"
    assert client.get("/static/docs/not-there.js").status_code == 404
    assert set(ASSETS) >= {"swagger-ui-bundle.js", "redoc.standalone.js"}


def test_every_problem_type_the_api_sends_has_a_page(client: TestClient) -> None:
    types = problem_types()
    assert "/problems/validation-error" in types and len(types) >= 14
    for problem_type in sorted(types):
        html = client.get(problem_type)
        assert html.status_code == 200, problem_type
        assert html.headers["content-type"].startswith("text/html")
        as_json = client.get(problem_type, headers={"Accept": "application/json"})
        page = as_json.json()
        assert page["type"] == problem_type and page["what_to_do"] and page["meaning"]
        assert page["title"] in html.text and str(page["status"]) in html.text
    listing = client.get("/problems", headers={"Accept": "application/json"}).json()
    assert {p["type"] for p in listing} == types


def test_a_real_error_links_to_its_page(client: TestClient) -> None:
    problem = client.get("/v1/offers?need=regulatory").json()
    page = client.get(problem["type"], headers={"Accept": "application/json"}).json()
    assert page["status"] == problem["status"] == 422
    assert client.get("/problems/no-such-problem").status_code == 404

"""Who may call the admin API: the full key matrix on every admin route, key management, and a read-only audit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.db import get_engine, reset_engine
from app.main import create_app
from app.models import ApiKey, AuditEvent
from app.services.editing.auth import hash_secret
from tests.conftest import make_client
from tests.curators import bearer, issue_key

PROBLEM = "application/problem+json"
SAMPLE_PATHS = {"{slug}": "alpha-lab", "{name}": "spare"}


def every_route() -> list[tuple[str, str]]:
    """(method, path) of every route of the app, included routers expanded (FastAPI 0.165 nests them)."""
    found: list[tuple[str, str]] = []
    for route in create_app().routes:
        contexts = route.effective_route_contexts() if hasattr(route, "effective_route_contexts") else [route]
        for context in contexts:
            found += [(method, context.path) for method in sorted(getattr(context, "methods", None) or ())]
    return found


def admin_routes() -> list[tuple[str, str]]:
    return [(method, path) for method, path in every_route() if path.startswith("/v1/admin") and method != "HEAD"]


ADMIN_ROUTES = admin_routes()


def concrete(path: str) -> str:
    if "/providers/" in path:
        path = path.replace("{slug}", "alpha-university")
    for placeholder, value in SAMPLE_PATHS.items():
        path = path.replace(placeholder, value)
    return path


@pytest.fixture
def keyed(fixture_db: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[TestClient, dict[str, str]]]:
    keys = {
        "editor": issue_key(fixture_db, "curator", "editor"),
        "admin": issue_key(fixture_db, "boss", "admin"),
        "revoked": issue_key(fixture_db, "former", "admin", revoked=True),
        "spare": issue_key(fixture_db, "spare", "editor"),
    }
    with make_client(fixture_db, monkeypatch) as client:
        yield client, keys
    get_settings.cache_clear()
    reset_engine()


def test_every_admin_route_is_listed() -> None:
    paths = {path for _, path in ADMIN_ROUTES}
    assert {"/v1/admin/offers", "/v1/admin/offers/{slug}", "/v1/admin/providers/{slug}", "/v1/admin/keys"} <= paths
    assert len(ADMIN_ROUTES) >= 18


@pytest.mark.parametrize(("method", "path"), ADMIN_ROUTES, ids=[f"{m} {p}" for m, p in ADMIN_ROUTES])
def test_auth_matrix(method: str, path: str, keyed: tuple[TestClient, dict[str, str]]) -> None:
    client, keys = keyed
    url = concrete(path)
    body = {"json": {}} if method in {"POST", "PUT", "PATCH"} else {}
    base = {"If-Match": "*"}

    def call(headers: dict[str, str]) -> int:
        response = client.request(method, url, headers=base | headers, **body)  # type: ignore[arg-type]
        if response.status_code >= 400:
            assert response.headers["content-type"] == PROBLEM, response.text
        if response.status_code == 401:
            assert response.headers["www-authenticate"].startswith('Bearer realm="navigator"')
        return response.status_code

    assert call({}) == 401
    assert call(bearer("nav_000000000000_" + "x" * 43)) == 401
    assert call(bearer("not-a-key")) == 401
    assert call({"Authorization": "Basic dXNlcjpwYXNz"}) == 401
    assert call(bearer(keys["revoked"])) == 401
    admin_only = path.startswith("/v1/admin/keys")
    editor_status = call(bearer(keys["editor"]))
    assert editor_status == 403 if admin_only else editor_status not in {401, 403}
    assert call({"X-API-Key": keys["admin"]}) not in {401, 403}


def test_keys_are_stored_as_salted_hashes_and_record_last_use(
    keyed: tuple[TestClient, dict[str, str]], fixture_db: Engine
) -> None:
    client, keys = keyed
    engine = fixture_db
    with Session(engine) as session:
        row = session.exec(select(ApiKey).where(ApiKey.name == "curator")).one()
        assert row.last_used_at is None
        secret = keys["editor"].split("_", 2)[2]
        assert secret not in (row.secret_hash, row.salt) and row.secret_hash == hash_secret(secret, row.salt)
        other = session.exec(select(ApiKey).where(ApiKey.name == "spare")).one()
        assert other.salt != row.salt
    # A request that fails (404) still records the use of a valid key.
    assert client.get("/v1/admin/offers/nothing", headers=bearer(keys["editor"])).status_code == 404
    with Session(engine) as session:
        assert session.exec(select(ApiKey.last_used_at).where(ApiKey.name == "curator")).one() is not None


def test_admins_manage_keys_over_http(keyed: tuple[TestClient, dict[str, str]]) -> None:
    client, keys = keyed
    admin = bearer(keys["admin"])
    created = client.post("/v1/admin/keys", json={"name": "partner-editor", "role": "editor"}, headers=admin)
    assert created.status_code == 201, created.text
    new_key = created.json()["key"]
    assert new_key.startswith("nav_") and created.headers["cache-control"] == "no-store"
    assert (
        client.post("/v1/admin/keys", json={"name": "partner-editor", "role": "editor"}, headers=admin).status_code
        == 409
    )
    assert client.post("/v1/admin/keys", json={"name": "x", "role": "owner"}, headers=admin).status_code == 422
    assert client.get("/v1/admin/offers/alpha-lab", headers=bearer(new_key)).status_code == 200

    listed = client.get("/v1/admin/keys", headers=admin).json()["items"]
    assert [k["name"] for k in listed] == ["boss", "curator", "former", "partner-editor", "spare"]
    assert all("key" not in k and "secret_hash" not in k for k in listed)

    revoked = client.delete("/v1/admin/keys/partner-editor", headers=admin)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    assert client.get("/v1/admin/offers/alpha-lab", headers=bearer(new_key)).status_code == 401
    assert client.delete("/v1/admin/keys/nobody", headers=admin).status_code == 404
    events = client.get("/v1/admin/audit", params={"entity_type": "api_key"}, headers=admin).json()["items"]
    assert [(e["action"], e["entity_slug"], e["key_name"]) for e in events[:2]] == [
        ("revoke", "partner-editor", "boss"),
        ("create", "partner-editor", "boss"),
    ]
    assert "key" not in events[1]["after"]


def test_no_route_can_change_the_audit_trail(keyed: tuple[TestClient, dict[str, str]], fixture_db: Engine) -> None:
    client, keys = keyed
    audit_routes = [(method, path) for method, path in every_route() if "audit" in path]
    assert audit_routes and all(method in {"GET", "HEAD"} for method, _ in audit_routes), audit_routes
    admin = bearer(keys["admin"])
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        for url in ("/v1/admin/audit", "/v1/admin/audit/1"):
            assert client.request(method, url, headers=admin).status_code in {404, 405}
    with Session(fixture_db) as session:
        assert session.exec(select(AuditEvent)).all()  # the keys issued above were recorded


def test_audit_filters_and_pages(keyed: tuple[TestClient, dict[str, str]]) -> None:
    client, keys = keyed
    editor = bearer(keys["editor"])
    for status in ("closed", "active", "closed"):
        client.patch("/v1/admin/offers/alpha-lab", json={"status": status}, headers=editor | {"If-Match": "*"})
    page = client.get("/v1/admin/audit", params={"entity_slug": "alpha-lab", "limit": 2}, headers=editor)
    body = page.json()
    assert body["total"] == 3 and len(body["items"]) == 2 and body["links"]["next"]
    assert 'rel="next"' in page.headers["link"]
    assert [e["after"]["status"] for e in body["items"]] == ["closed", "active"]
    rest = client.get(body["links"]["next"], headers=editor).json()
    assert [e["before"]["status"] for e in rest["items"]] == ["active"]
    assert (
        client.get("/v1/admin/audit", params={"key_name": "curator", "action": "update"}, headers=editor).json()[
            "total"
        ]
        == 3
    )
    future = client.get("/v1/admin/audit", params={"since": "2999-01-01T00:00:00"}, headers=editor).json()
    assert future["total"] == 0
    assert client.get("/v1/admin/audit", params={"until": "2999-01-01T00:00:00Z"}, headers=editor).json()["total"] >= 3
    bad = client.get("/v1/admin/audit", params={"entity": "offer"}, headers=editor)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "entity"


def test_the_keys_command(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    reset_engine()
    runner = CliRunner()
    created = runner.invoke(cli, ["keys", "create", "--name", "lahp-curator", "--role", "editor"])
    assert created.exit_code == 0, created.output
    key = created.output.strip().splitlines()[-1]
    assert key.startswith("nav_") and len(key) == 4 + 12 + 1 + 43
    assert runner.invoke(cli, ["keys", "create", "--name", "lahp-curator"]).exit_code == 1
    assert runner.invoke(cli, ["keys", "create", "--name", "x", "--role", "owner"]).exit_code == 2
    listed = runner.invoke(cli, ["keys", "list"])
    assert "lahp-curator\teditor" in listed.output and "active" in listed.output and key not in listed.output
    assert runner.invoke(cli, ["keys", "revoke", "lahp-curator"]).exit_code == 0
    assert "revoked" in runner.invoke(cli, ["keys", "list"]).output
    assert runner.invoke(cli, ["keys", "revoke", "nobody"]).exit_code == 1
    get_engine().dispose()
    reset_engine()
    get_settings.cache_clear()

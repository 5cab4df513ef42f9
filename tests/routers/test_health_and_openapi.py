"""Probes, common headers, and an OpenAPI document that declares every status with descriptions and examples."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from tests.conftest import make_client


def test_probes(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["database"] in {"sqlite", "postgresql"}
    assert len(ready["catalogue_version"]) == 16


def test_readyz_is_503_without_a_catalogue(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    with make_client(engine, monkeypatch) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"


def test_request_id_and_security_headers(client: TestClient) -> None:
    echoed = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    generated = client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
    assert generated.headers["x-request-id"] != "bad id with spaces" and len(generated.headers["x-request-id"]) == 32
    for header in ("x-content-type-options", "referrer-policy", "content-security-policy", "x-frame-options"):
        assert header in echoed.headers


def test_openapi_declares_statuses_descriptions_and_examples(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert "Problem" in document["components"]["schemas"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert operation.get("description") or operation.get("summary"), where
            assert "500" in operation["responses"], f"{where} does not declare 500"
            if operation.get("parameters") or operation.get("requestBody"):
                assert "422" in operation["responses"], f"{where} does not declare 422"
            if path.startswith("/v1/") and method == "get":
                content = operation["responses"]["200"]["content"]
                if "application/json" not in content:  # an image (the coverage heatmap) has no JSON model
                    assert path.endswith(".svg") and "image/svg+xml" in content, where
                    continue
                assert "$ref" in content["application/json"]["schema"], f"{where} has no response model"

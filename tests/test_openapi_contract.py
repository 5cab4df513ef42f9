"""The OpenAPI document tells the truth: valid, every operation explained, every status declared, real examples.

These checks are generic on purpose: a route added later (by anyone) fails here until it has a summary, a
description, an example for each JSON answer, and the statuses every public route can send.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from app.main import create_app
from app.middleware.ratelimit import EXEMPT_PATHS
from app.openapi import recorded_examples

METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return create_app().openapi()


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(p, m, op) for p, item in document["paths"].items() for m, op in item.items() if m in METHODS]


def test_the_document_is_valid_openapi(document: dict[str, Any]) -> None:
    validate(document)


def test_every_operation_has_a_human_summary_and_a_description(document: dict[str, Any]) -> None:
    missing = []
    for path, method, operation in _operations(document):
        # FastAPI's generated summaries are the function name in Title Case ("Match Post"); ours are sentences.
        summary = operation.get("summary", "")
        if not summary or not any(word[0].islower() for word in summary.split()[1:]):
            missing.append(f"{method.upper()} {path}: summary {summary!r}")
        if len(operation.get("description", "")) < 20:
            missing.append(f"{method.upper()} {path}: no description")
    assert missing == []


def test_every_operation_declares_the_statuses_it_can_send(document: dict[str, Any]) -> None:
    missing = []
    for path, method, operation in _operations(document):
        declared = set(operation["responses"])
        needed = {"500", "503"} | ({"429"} if path not in EXEMPT_PATHS else set())
        if "requestBody" in operation:
            needed |= {"413", "415", "422"}
        if operation.get("parameters"):
            needed.add("422")
        if not any(s.startswith("2") for s in declared):
            missing.append(f"{method.upper()} {path}: no success status")
        if needed - declared:
            missing.append(f"{method.upper()} {path}: {sorted(needed - declared)}")
    assert missing == []


def test_every_json_answer_has_an_example(document: dict[str, Any]) -> None:
    missing = []
    for path, method, operation in _operations(document):
        for status, response in operation["responses"].items():
            for media, content in (response.get("content") or {}).items():
                if "json" in media and "example" not in content and "examples" not in content:
                    missing.append(f"{method.upper()} {path} {status} {media}")
    assert missing == []


def test_recorded_examples_fit_their_response_schemas(document: dict[str, Any]) -> None:
    operations = {f"{m.upper()} {p}": op for p, m, op in _operations(document)}
    assert set(recorded_examples()) <= set(operations), "an example for an operation that no longer exists"
    for name, example in recorded_examples().items():
        success = [r for s, r in operations[name]["responses"].items() if s.startswith("2")]
        schema = success[0].get("content", {}).get("application/json", {}).get("schema")
        if not schema or schema == {}:
            continue
        wrapped = {**schema, "components": document["components"]}
        jsonschema.Draft202012Validator(wrapped).validate(example)


def test_vocabulary_parameters_carry_enums_or_slug_patterns(document: dict[str, Any]) -> None:
    params = {p["name"]: p["schema"] for p in document["paths"]["/v1/offers"]["get"]["parameters"]}
    assert "leeds" in params["location"]["items"]["enum"]
    assert "startup" in params["organisation_type"]["items"]["enum"]
    assert params["need"]["items"]["pattern"] and params["sector"]["items"]["minLength"] == 1
    match = document["components"]["schemas"]["MatchRequest"]["properties"]
    assert "leeds" in match["location"]["anyOf"][0]["enum"]
    assert match["needs"]["items"]["pattern"]


def test_rate_limited_answers_carry_the_ratelimit_fields(client: TestClient) -> None:
    answer = client.get("/v1/needs")
    assert answer.headers["ratelimit-policy"] == '"addr";q=600;w=60'
    remaining = answer.headers["ratelimit"]
    assert remaining.startswith('"addr";r=') and ";t=" in remaining
    left = int(remaining.split("r=")[1].split(";")[0])
    assert int(client.get("/v1/needs").headers["ratelimit"].split("r=")[1].split(";")[0]) == left - 1
    assert "ratelimit" not in client.get("/healthz").headers

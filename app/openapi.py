"""The OpenAPI document, completed in one place: the statuses every route can send, rate-limit headers,
vocabulary enums and patterns, and problem examples, so a new route gets them without declaring them itself."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from app.errors import PROBLEM_MEDIA_TYPE, problem_pages
from app.middleware.ratelimit import EXEMPT_PATHS
from app.models.catalogue import SLUG_PATTERN

# Fixed vocabularies (taxonomy.yaml key) become enums; the extensible ones (needs grow under /v1/admin/needs,
# sectors and provider kinds are extended by curators) a slug pattern, so a client never sends an empty value.
ENUM_FIELDS = {"location": "locations", "organisation_type": "organisation_types"}
SLUG_FIELDS = frozenset({"need", "needs", "sector", "provider", "kind"})
RATE_LIMIT_HEADERS = {
    "RateLimit-Policy": {
        "description": 'Each quota and its window in seconds (IETF draft), e.g. `"addr";q=600;w=60`.',
        "schema": {"type": "string"},
    },
    "RateLimit": {
        "description": 'What is left of each quota and the seconds until it resets, e.g. `"addr";r=599;t=37`.',
        "schema": {"type": "string"},
    },
}
METHODS = ("get", "put", "post", "delete", "patch")


@cache
def recorded_examples() -> dict[str, Any]:
    """Real answers by `METHOD /path`, recorded by scripts/record_openapi_examples.py (`make examples`)."""
    text = resources.files("app").joinpath("openapi_examples.json").read_text(encoding="utf-8")
    examples: dict[str, Any] = json.loads(text)
    return examples


def _vocabulary_values(data_dir: Path) -> dict[str, list[str]]:
    """The slugs of the fixed vocabularies in the catalogue's taxonomy file (none when it cannot be read)."""
    try:
        document = yaml.safe_load((data_dir / "taxonomy.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    return {field: [str(t["slug"]) for t in document.get(key) or []] for field, key in ENUM_FIELDS.items()}


def _string_schemas(schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The string schemas a field's schema holds: itself, its array items, its anyOf branches."""
    if schema.get("type") == "string":
        yield schema
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        yield from _string_schemas(schema["items"])
    for branch in schema.get("anyOf", []):
        yield from _string_schemas(branch)


def _constrain(name: str, schema: dict[str, Any], enums: dict[str, list[str]]) -> None:
    for string in _string_schemas(schema):
        if name in enums and enums[name] and "enum" not in string:
            string["enum"] = enums[name]
        elif name in SLUG_FIELDS and "pattern" not in string and "enum" not in string:
            string["pattern"] = SLUG_PATTERN
            string.setdefault("minLength", 1)


def _problem(status: int) -> dict[str, Any]:
    pages = {page.status: page for page in problem_pages().values()}
    page = pages.get(status)
    example = {
        "type": page.type if page else "about:blank",
        "title": page.title if page else HTTPStatus(status).phrase,
        "status": status,
        "detail": page.meaning if page else HTTPStatus(status).description,
    }
    return {
        "description": HTTPStatus(status).phrase,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}, "example": example}},
    }


def _complete_operation(path: str, method: str, operation: dict[str, Any], enums: dict[str, list[str]]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    common = [500, 503]
    rate_limited = path not in EXEMPT_PATHS
    if rate_limited:
        common.append(429)
    if "requestBody" in operation:
        common += [413, 415]
    if operation.get("parameters") or "requestBody" in operation:
        common.append(422)
    for code in common:
        responses.setdefault(str(code), _problem(code))
    recorded = recorded_examples().get(f"{method.upper()} {path}")
    for status, response in responses.items():
        content_types = response.get("content") or {}
        if not status.startswith("2") and PROBLEM_MEDIA_TYPE in content_types:
            content_types.pop("application/json", None)  # errors are problem+json only (FastAPI adds both)
        for media, content in (response.get("content") or {}).items():
            if (
                media == "application/json"
                and status.startswith("2")
                and recorded is not None
                and "examples" not in content
            ):
                content["example"] = recorded  # a real answer beats a hand-written one
            if media == PROBLEM_MEDIA_TYPE and "example" not in content and "examples" not in content:
                content["example"] = _problem(int(status))["content"][PROBLEM_MEDIA_TYPE]["example"]
        if rate_limited and (status.startswith("2") or status == "429"):
            headers = response.setdefault("headers", {})
            for name in RATE_LIMIT_HEADERS:
                headers.setdefault(name, {"$ref": f"#/components/headers/{name}"})
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "query":
            _constrain(parameter["name"], parameter.get("schema", {}), enums)


def complete_document(document: dict[str, Any], data_dir: Path) -> dict[str, Any]:
    """Add to a FastAPI-generated document what every route shares (see the module docstring)."""
    enums = _vocabulary_values(data_dir)
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                _complete_operation(path, method, item[method], enums)
    components = document.setdefault("components", {})
    components.setdefault("headers", {}).update(RATE_LIMIT_HEADERS)
    for schema in components.get("schemas", {}).values():
        for name, field in (schema.get("properties") or {}).items():
            _constrain(name, field, enums)
    return document


def install_openapi(app: FastAPI, data_dir: Path) -> None:
    """Serve the completed document at /openapi.json (built once, on first request)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                openapi_version=app.openapi_version,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
                servers=app.servers,
            )
            app.openapi_schema = complete_document(document, data_dir)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def operation_id(route: APIRoute) -> str:
    """Operation ids are the endpoint's function name (`match_post`, `list_offers`), so generated clients read
    well; the curators' API, whose functions share names with the public ones, gets an `admin_` prefix."""
    return f"admin_{route.name}" if "admin" in route.tags else route.name

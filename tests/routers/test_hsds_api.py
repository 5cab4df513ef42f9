"""The /hsds/ API: every response validates against the shared HSDS 3.0 schemas (refs resolved locally)."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from app.config import PROJECT_ROOT
from app.services.hsds.mapping import stable_id

# ../shared/hsds-3.0 next to the repository (or next to the worktrees' folder); NAVIGATOR_HSDS_SCHEMAS overrides.
_CANDIDATES = [
    os.environ.get("NAVIGATOR_HSDS_SCHEMAS", ""),
    PROJECT_ROOT.parent / "shared" / "hsds-3.0",
    PROJECT_ROOT.parent.parent / "shared" / "hsds-3.0",
]
HSDS_DIR = next((Path(c) for c in _CANDIDATES if c and (Path(c) / "openapi.json").is_file()), Path("missing"))
assert HSDS_DIR.is_dir(), f"The HSDS 3.0 schemas are not in any of {_CANDIDATES[1:]}; set NAVIGATOR_HSDS_SCHEMAS."
SPEC_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI_URI = SPEC_BASE + "openapi.json"


def _registry() -> Registry:
    resources = []
    for path in sorted(HSDS_DIR.glob("*.json")) + sorted(HSDS_DIR.glob("compiled/*.json")):
        uri = SPEC_BASE + path.relative_to(HSDS_DIR).as_posix()
        contents = json.loads(path.read_text())
        resources.append((uri, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


REGISTRY = _registry()
OPENAPI = json.loads((HSDS_DIR / "openapi.json").read_text())


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def response_schema(path: str) -> dict[str, Any]:
    """The 200 response schema of one path of the HSDS OpenAPI document, its $refs resolvable here."""
    pointer = _pointer("paths", path, "get", "responses", "200", "content", "application/json", "schema")
    return {"$ref": f"{OPENAPI_URI}#/{pointer}"}


def validate(document: Any, schema: dict[str, Any]) -> None:
    validator = Draft202012Validator(schema, registry=REGISTRY, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


PAGE_REQUIRED = ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents")


def validate_page(body: dict[str, Any], path: str) -> None:
    validate(body, response_schema(path))
    assert all(key in body for key in PAGE_REQUIRED)


def test_the_schemas_themselves_are_resolvable_and_reject_nonsense() -> None:
    with pytest.raises(AssertionError):
        validate({"name": "no id or status"}, response_schema("/services/{id}"))
    with pytest.raises(AssertionError):
        validate(
            {"total_items": 1, "contents": [{"id": "not-a-uuid", "name": "x", "status": "active"}]},
            response_schema("/services"),
        )


def test_root_names_version_profile_and_openapi(client: TestClient) -> None:
    body = client.get("/hsds/").json()
    validate(body, response_schema("/"))
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/openapi.json")
    assert client.get(body["openapi_url"].replace("http://testserver", "")).status_code == 200


def test_services_pages_validate_and_cover_every_offer(client: TestClient) -> None:
    first = client.get("/hsds/services", params={"per_page": 3}).json()
    validate_page(first, "/services")
    assert first["total_items"] == 7  # every live offer, closed and forthcoming included (as inactive)
    assert (first["total_pages"], first["page_number"], first["size"], first["first_page"]) == (3, 1, 3, True)
    ids = []
    for page in (1, 2, 3):
        body = client.get("/hsds/services", params={"per_page": 3, "page": page}).json()
        validate_page(body, "/services")
        ids += [s["id"] for s in body["contents"]]
    assert body["last_page"] is True
    assert len(set(ids)) == 7
    assert stable_id("offer", "beta-regulatory") in ids
    beyond = client.get("/hsds/services", params={"per_page": 3, "page": 9}).json()
    validate_page(beyond, "/services")
    assert beyond["contents"] == []
    assert beyond["size"] == 0


def test_service_ids_are_stable_uuids_from_slugs(client: TestClient) -> None:
    sid = stable_id("offer", "beta-regulatory")
    assert uuid.UUID(sid).version == 5
    assert sid == stable_id("offer", "beta-regulatory")
    body = client.get(f"/hsds/services/{sid}").json()
    validate(body, response_schema("/services/{id}"))
    assert body["name"] == "Beta regulatory advice for software"
    assert body["status"] == "active"
    assert body["organization_id"] == stable_id("provider", "beta-advisors")
    linked = {(a["link_type"], a["value"]) for a in body["attributes"]}
    assert {
        ("support_need", "regulatory-advice"),
        ("pathway_stage", "clearance-and-trials"),
        ("sector", "digital-health"),
        ("offer_kind", "advice"),
    } <= linked
    assert all(a["taxonomy_term"]["id"] == a["taxonomy_term_id"] for a in body["attributes"])


def test_closed_and_forthcoming_offers_are_inactive_with_an_alert(client: TestClient) -> None:
    for slug in ("gamma-closed", "gamma-soon"):
        body = client.get(f"/hsds/services/{stable_id('offer', slug)}").json()
        validate(body, response_schema("/services/{id}"))
        assert body["status"] == "inactive"
        assert body["alert"]


def test_full_services_list_validates(client: TestClient) -> None:
    body = client.get("/hsds/services", params={"full": "true"}).json()
    validate_page(body, "/services")
    for service in body["contents"]:
        validate(service, response_schema("/services/{id}"))


def test_service_filters(client: TestClient) -> None:
    def names(**params: Any) -> set[str]:
        body = client.get("/hsds/services", params=params).json()
        validate_page(body, "/services")
        return {s["alternate_name"] for s in body["contents"]}

    parent = stable_id("term:need", "professional-advice")
    assert names(taxonomy_term_id=parent) == {"beta-regulatory", "beta-general"}
    assert names(taxonomy_term_id=stable_id("term:need", "regulatory-advice")) == {"beta-regulatory"}
    assert names(organization_id=stable_id("provider", "gamma-fund")) == {"gamma-seed", "gamma-closed", "gamma-soon"}
    assert names(search="regulatory software") == {"beta-regulatory"}
    assert names(taxonomy_id=stable_id("taxonomy", "sectors")) == {"alpha-trials", "beta-regulatory"}
    assert names(modified_after="2999-01-01T00:00:00Z") == set()
    assert len(names(modified_after="2000-01-01T00:00:00Z")) == 7


def test_unknown_ids_are_404_and_filter_on_nothing(client: TestClient) -> None:
    missing = client.get(f"/hsds/services/{uuid.uuid4()}")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert client.get(f"/hsds/organizations/{uuid.uuid4()}").status_code == 404
    assert client.get(f"/hsds/taxonomy_terms/{uuid.uuid4()}").status_code == 404
    # A filter on an id no record has selects nothing: an empty page, not an error.
    for params in ({"taxonomy_term_id": "nope"}, {"taxonomy_id": str(uuid.uuid4())}, {"organization_id": "x"}):
        page = client.get("/hsds/services", params=params)
        assert page.status_code == 200 and page.json()["total_items"] == 0 and page.json()["empty"] is True
    assert client.get("/hsds/taxonomy_terms", params={"parent_id": "nope"}).json()["contents"] == []
    known = client.get("/hsds/taxonomy_terms", params={"per_page": 1}).json()["contents"][0]["id"]
    mixed = client.get("/hsds/services", params={"taxonomy_term_id": f"nope,{known}"}).json()["total_items"]
    assert mixed == client.get("/hsds/services", params={"taxonomy_term_id": known}).json()["total_items"]
    assert client.get("/hsds/services", params={"per_page": 0}).status_code == 422


def test_services_as_ndjson_stream_every_result_without_pages(client: TestClient) -> None:
    response = client.get("/hsds/services", params={"format": "ndjson", "per_page": 1})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == 7
    schema = {"$ref": SPEC_BASE + "compiled/service_list.json"}
    for line in lines:
        validate(line, schema)


def test_organizations_list_and_detail_validate(client: TestClient) -> None:
    body = client.get("/hsds/organizations").json()
    validate_page(body, "/organizations")
    assert [o["name"] for o in body["contents"]] == ["Alpha University", "Beta Advisors", "Gamma Fund"]
    full = client.get("/hsds/organizations", params={"full": "true", "full_service": "true"}).json()
    validate_page(full, "/organizations")
    for organization in full["contents"]:
        validate(organization, response_schema("/organizations/{id}"))
    oid = stable_id("provider", "gamma-fund")
    detail = client.get(f"/hsds/organizations/{oid}").json()
    validate(detail, response_schema("/organizations/{id}"))
    assert len(detail["services"]) == 3
    nested = client.get(f"/hsds/organizations/{oid}", params={"full_service": "true"}).json()
    validate(nested, response_schema("/organizations/{id}"))
    assert all(s["attributes"] for s in nested["services"])
    searched = client.get("/hsds/organizations", params={"search": "regulatory"}).json()
    assert [o["name"] for o in searched["contents"]] == ["Beta Advisors"]
    lines = client.get("/hsds/organizations", params={"format": "ndjson"}).text.splitlines()
    for line in lines:
        validate(json.loads(line), {"$ref": SPEC_BASE + "compiled/organization_list.json"})
    assert len(lines) == 3


def test_taxonomies_and_terms_validate(client: TestClient) -> None:
    taxonomies = client.get("/hsds/taxonomies").json()
    validate_page(taxonomies, "/taxonomies")
    names = {t["name"] for t in taxonomies["contents"]}
    assert {"Support needs", "Innovation pathway stages", "Sectors"} <= names
    needs_id = stable_id("taxonomy", "support-needs")
    one = client.get(f"/hsds/taxonomies/{needs_id}").json()
    validate(one, response_schema("/taxonomies/{id}"))

    top = client.get("/hsds/taxonomy_terms", params={"taxonomy_id": needs_id, "top_only": "true"}).json()
    validate_page(top, "/taxonomy_terms")
    assert top["total_items"] == 9
    assert all("parent_id" not in t for t in top["contents"])

    parent = stable_id("term:need", "professional-advice")
    children = client.get("/hsds/taxonomy_terms", params={"parent_id": parent}).json()
    validate_page(children, "/taxonomy_terms")
    assert {t["code"] for t in children["contents"]} == {"regulatory-advice", "legal-advice", "financial-advice"}

    every = client.get("/hsds/taxonomy_terms", params={"per_page": 1000}).json()
    validate_page(every, "/taxonomy_terms")
    for term in every["contents"]:
        validate(term, response_schema("/taxonomy_terms/{id}"))
        if "parent_id" in term:
            assert client.get(f"/hsds/taxonomy_terms/{term['parent_id']}").status_code == 200
    stage = client.get(f"/hsds/taxonomy_terms/{stable_id('term:stage', 'clearance-and-trials')}").json()
    validate(stage, response_schema("/taxonomy_terms/{id}"))
    assert "TRL 6-8" in stage["description"]
    lines = client.get("/hsds/taxonomy_terms", params={"format": "ndjson"}).text.splitlines()
    assert len(lines) == every["total_items"]


def test_hsds_reads_are_cacheable(client: TestClient) -> None:
    first = client.get("/hsds/services")
    etag = first.headers["etag"]
    assert client.get("/hsds/services", headers={"If-None-Match": etag}).status_code == 304
    ndjson = client.get("/hsds/services", params={"format": "ndjson"})
    assert ndjson.headers["etag"] != etag


def test_real_catalogue_validates_everywhere(real_client: TestClient) -> None:
    services = real_client.get("/hsds/services", params={"full": "true", "per_page": 1000}).json()
    validate_page(services, "/services")
    assert services["total_items"] >= 1
    for service in services["contents"]:
        validate(service, response_schema("/services/{id}"))
    organizations = real_client.get("/hsds/organizations", params={"full": "true", "per_page": 1000}).json()
    validate_page(organizations, "/organizations")
    for organization in organizations["contents"]:
        validate(organization, response_schema("/organizations/{id}"))

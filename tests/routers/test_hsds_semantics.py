"""The HSDS filters mean what they say: search as /v1/offers?q searches, modified_after over real edits,
service_at_locations for the services whose provider has a known base, and a root a profile validator can follow."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from app.services.hsds.mapping import stable_id
from tests.curators import bearer, issue_key
from tests.routers.test_hsds_api import response_schema, validate, validate_page


def _services(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    body = client.get("/hsds/services", params={"per_page": 100, **params}).json()
    validate_page(body, "/services")
    return list(body["contents"])


def _offers_found(client: TestClient, q: str) -> set[str]:
    params = {"q": q, "status": ["active", "forthcoming", "closed"], "limit": 100}
    return {offer["slug"] for offer in client.get("/v1/offers", params=params).json()["items"]}


def test_search_finds_what_offers_q_finds(client: TestClient) -> None:
    """One text index: a service is found by the words of its offer's name and keywords, stemmed, and a search
    finds exactly the services whose offers `/v1/offers?q` finds for the same words."""
    services = _services(client)
    checked = 0
    for service in services:
        offer = client.get(f"/v1/offers/{service['alternate_name']}").json()
        for words in [*offer["keywords"], *re.findall(r"[a-z]{4,}", service["name"].casefold())]:
            found = _services(client, search=words)
            assert service["id"] in {s["id"] for s in found}, words
            assert {s["alternate_name"] for s in found} == _offers_found(client, words), words
            checked += 1
    assert checked > len(services), "too few searches: the test would prove little"
    # Every word must be held (AND), stemmed as match keywords are: 'trial' finds what 'trials' finds.
    assert {s["alternate_name"] for s in _services(client, search="regulatory software")} == {"beta-regulatory"}
    assert _services(client, search="trial") == _services(client, search="trials") != []


def test_a_search_of_only_stop_words_is_a_422_naming_it(client: TestClient) -> None:
    for path, field in (("/hsds/services", "search"), ("/v1/offers", "q")):
        answer = client.get(path, params={field: "the and of"})
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert [error["field"] for error in answer.json()["errors"]] == [field]
    assert client.get("/hsds/services", params={"search": " "}).json()["total_items"] == len(_services(client))


def test_last_modified_and_modified_after_follow_each_records_own_edits(client: TestClient, fixture_db: Engine) -> None:
    key = issue_key(fixture_db, "hsds-editor", "editor")
    before = {s["alternate_name"]: s["last_modified"] for s in _services(client)}
    time.sleep(1.1)  # last_modified has whole seconds at most: the edit must land in a later second
    cut = datetime.now(UTC).isoformat()
    edited = client.patch("/v1/admin/offers/alpha-lab", json={"cost": "paid"}, headers={**bearer(key), "If-Match": "*"})
    assert edited.status_code == 200, edited.text
    after = {s["alternate_name"]: s["last_modified"] for s in _services(client)}
    assert after["alpha-lab"] > before["alpha-lab"]
    assert {slug for slug in after if after[slug] != before[slug]} == {"alpha-lab"}
    assert [s["alternate_name"] for s in _services(client, modified_after=cut)] == ["alpha-lab"]
    # A change to a provider changes the records of its services, which nest it.
    provider = client.patch(
        "/v1/admin/providers/gamma-fund",
        json={"description": "A seed fund for health technology start-ups in the region."},
        headers={**bearer(key), "If-Match": "*"},
    )
    assert provider.status_code == 200, provider.text
    changed = {s["alternate_name"] for s in _services(client, modified_after=cut)}
    assert changed == {"alpha-lab", "gamma-seed", "gamma-closed", "gamma-soon"}


def test_service_at_locations_cover_services_whose_provider_has_a_base(client: TestClient) -> None:
    body = client.get("/hsds/service_at_locations", params={"per_page": 100}).json()
    validate_page(body, "/service_at_locations")
    providers = {p["slug"]: p for p in client.get("/v1/providers").json()["items"]}
    services = {s["id"]: s for s in _services(client)}
    based = {
        sid
        for sid, s in services.items()
        if providers[client.get(f"/v1/offers/{s['alternate_name']}").json()["provider"]["slug"]]["base_location"]
    }
    assert based and {link["service_id"] for link in body["contents"]} == based
    for link in body["contents"]:
        assert link["location"]["location_type"] == "physical" and "Based in" in link["location"]["description"]
        one = client.get(f"/hsds/service_at_locations/{link['id']}").json()
        validate(one, response_schema("/service_at_locations/{id}"))  # HSDS 3.0 answers the nested service here
        assert one["id"] == link["service_id"]
        assert [a["id"] for a in one["service_at_locations"]] == [link["id"]]
        assert one == client.get(f"/hsds/services/{link['service_id']}").json()
    # The filters select the same services as /hsds/services.
    term = stable_id("term:need", "professional-advice")
    filtered = client.get("/hsds/service_at_locations", params={"taxonomy_term_id": term}).json()["contents"]
    assert {link["service_id"] for link in filtered} == {
        s["id"] for s in _services(client, taxonomy_term_id=term)
    } & based
    assert client.get("/hsds/service_at_locations/" + stable_id("x", "y")).status_code == 404


def test_root_points_at_an_hsds_document_whose_paths_resolve_under_its_server(client: TestClient) -> None:
    root = client.get("/hsds/").json()
    validate(root, response_schema("/"))
    assert root["version"] == "3.0" and root["openapi_url"] == "http://testserver/hsds/openapi.json"
    document = client.get("/hsds/openapi.json").json()
    server = document["servers"][0]["url"]
    assert server == "http://testserver/hsds"
    assert {
        "/services",
        "/services/{id}",
        "/organizations",
        "/taxonomies",
        "/taxonomy_terms",
        "/service_at_locations",
    } <= set(document["paths"])
    for path in document["paths"]:
        if "{" not in path:
            assert client.get(server.removeprefix("http://testserver") + path).status_code == 200, path

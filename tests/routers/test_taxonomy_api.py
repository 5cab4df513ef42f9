"""Vocabulary endpoints: the contract's slugs, the TRL crosswalk as data, caching headers."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_stages_with_the_trl_crosswalk(client: TestClient) -> None:
    body = client.get("/v1/stages").json()
    assert [(s["number"], s["slug"], s["trl_band"]) for s in body["stages"]] == [
        (1, "needs-identification", [1, 2]),
        (2, "solution-development", [2, 4]),
        (3, "validating-concept", [4, 5]),
        (4, "investment-validation", [5, 6]),
        (5, "clearance-and-trials", [6, 8]),
        (6, "launch-and-evaluation", [8, 9]),
        (7, "post-launch-development", [9, 9]),
    ]
    crosswalk = {t["level"]: t["stages"] for t in body["trls"]}
    assert crosswalk[2] == [1, 2] and crosswalk[9] == [6, 7] and crosswalk[7] == [5]
    assert body["taxonomy_version"]


def test_needs_tree(client: TestClient) -> None:
    needs = client.get("/v1/needs").json()["needs"]
    assert len(needs) == 9
    professional = next(n for n in needs if n["slug"] == "professional-advice")
    assert professional["name"] == "Professional advice (regulatory, legal, financial)"
    children = {c["slug"]: c for c in professional["children"]}
    assert {"regulatory-advice", "legal-advice", "financial-advice"} <= set(children)
    assert children["regulatory-advice"]["parent"] == "professional-advice"
    assert children["regulatory-advice"]["source"] == "support-table"


def test_flat_vocabularies_and_locations(client: TestClient) -> None:
    sectors = [t["slug"] for t in client.get("/v1/sectors").json()["terms"]]
    assert sectors[:5] == ["medtech", "digital-health", "diagnostics", "ai-and-data", "biotech"]
    types = [t["slug"] for t in client.get("/v1/organisation-types").json()["terms"]]
    assert types == ["startup", "sme", "large-company", "academic", "nhs", "charity", "individual"]
    locations = {loc["slug"]: loc for loc in client.get("/v1/locations").json()["locations"]}
    assert locations["leeds"]["within"] == ["west-yorkshire", "yorkshire-and-humber", "uk"]
    assert locations["international"]["parent"] is None
    kinds = [t["slug"] for t in client.get("/v1/provider-kinds").json()["terms"]]
    assert "university" in kinds and "investor" in kinds


def test_taxonomy_is_cacheable(client: TestClient) -> None:
    response = client.get("/v1/needs")
    assert "max-age=300" in response.headers["cache-control"]
    again = client.get("/v1/needs", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    assert client.get("/v1/sectors").headers["etag"] != response.headers["etag"]


def test_cors_for_partner_sites(client: TestClient) -> None:
    response = client.get("/v1/needs", headers={"Origin": "https://partner.example"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert "ETag" in response.headers["access-control-expose-headers"]
    preflight = client.options(
        "/v1/offers", headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "GET"}
    )
    assert preflight.status_code == 200

"""Facets and coverage counts, checked against the hand-made catalogue; the heatmap; taxonomy exports."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient


def _facet(body: dict, name: str) -> dict[str, int]:  # type: ignore[type-arg]
    return {f["value"]: f["count"] for f in body[name]}


def test_facets_count_the_live_catalogue(client: TestClient) -> None:
    body = client.get("/v1/offers/facets").json()
    # Live offers: alpha-lab, alpha-trials, beta-regulatory, beta-general, gamma-seed, gamma-soon (closed excluded).
    assert body["total"] == 6
    needs = _facet(body, "need")
    assert needs["professional-advice"] == 2  # beta-general, and beta-regulatory through its child need
    assert needs["regulatory-advice"] == 1
    assert needs["work-space"] == 1 and needs["lab-space"] == 1
    assert needs["market-access-and-venture-investment"] == 1  # gamma-soon
    assert needs["evaluation-expertise"] == 0
    assert _facet(body, "stage") == {1: 0, 2: 1, 3: 3, 4: 3, 5: 3, 6: 2, 7: 1}  # numbers, as everywhere
    sectors = _facet(body, "sector")
    assert sectors["medtech"] == 5  # alpha-trials plus the four offers serving every sector
    assert sectors["digital-health"] == 5
    assert sectors["biotech"] == 4
    assert _facet(body, "kind") == {
        "programme": 0,
        "service": 1,
        "facility": 1,
        "network": 0,
        "funding": 2,
        "advice": 2,
        "workspace": 0,
    }
    assert _facet(body, "cost") == {"free": 1, "paid": 2, "equity": 2, "varies": 1}
    provider_kinds = _facet(body, "provider_kind")
    assert (provider_kinds["university"], provider_kinds["advisory-firm"], provider_kinds["investor"]) == (2, 2, 2)


def test_facets_follow_the_filters_and_agree_with_the_list(client: TestClient) -> None:
    params = {"location": "leeds", "stage": 4}
    body = client.get("/v1/offers/facets", params=params).json()
    listed = client.get("/v1/offers", params=params).json()
    assert body["total"] == listed["total"] == 3  # beta-regulatory, beta-general, gamma-seed
    for need, count in _facet(body, "need").items():
        with_need = client.get("/v1/offers", params={**params, "need": need}).json()["total"]
        assert count == with_need, need
    assert client.get("/v1/offers/facets", params={"need": "nope"}).status_code == 422
    assert client.get("/v1/offers/facets", params={"limit": 5}).status_code == 422


def _cell(body: dict, stage: int, need: str) -> dict:  # type: ignore[type-arg]
    return next(c for c in body["cells"] if c["stage"] == stage and c["need"] == need)


def test_coverage_matrix_counts_active_offers(client: TestClient) -> None:
    body = client.get("/v1/insights/coverage").json()
    assert body["offer_count"] == 5  # active only: gamma-soon (forthcoming) and gamma-closed are not support today
    assert len(body["stages"]) == 7 and len(body["needs"]) == 9
    assert _cell(body, 5, "professional-advice")["offers"] == ["beta-general", "beta-regulatory"]
    assert _cell(body, 5, "patient-and-user-access")["offers"] == ["alpha-trials"]
    assert _cell(body, 3, "work-space")["offers"] == ["alpha-lab"]
    assert _cell(body, 4, "seed-investment")["count"] == 1
    assert _cell(body, 7, "market-access-and-venture-investment")["count"] == 0
    total = sum(sum(row) for row in body["matrix"])
    assert total == sum(c["count"] for c in body["cells"]) == 2 + 1 + 3 + 3 + 2  # stage x need pairs per offer
    gaps = {(g["stage"], g["need"]) for g in body["gaps"]}
    assert (5, "professional-advice") not in gaps
    assert (5, "patient-and-user-access") in gaps
    assert len(gaps) == 63 - sum(1 for c in body["cells"] if c["count"] > 1)
    assert body["gaps"][0]["count"] == 0


def test_coverage_filters_by_sector_and_location(client: TestClient) -> None:
    medtech = client.get("/v1/insights/coverage", params={"sector": "medtech"}).json()
    assert medtech["offer_count"] == 4  # beta-regulatory is for digital health only
    assert _cell(medtech, 5, "professional-advice")["offers"] == ["beta-general"]
    abroad = client.get("/v1/insights/coverage", params={"location": "international"}).json()
    assert abroad["offer_count"] == 3  # alpha-trials (uk) and gamma-seed (yorkshire) are out
    bad = client.get("/v1/insights/coverage", params={"sector": "space"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "sector"


def test_coverage_csv_has_a_row_per_cell(client: TestClient) -> None:
    response = client.get("/v1/insights/coverage", params={"format": "csv"})
    assert response.headers["content-disposition"] == 'attachment; filename="coverage.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 63
    row = next(r for r in rows if r["stage"] == "5" and r["need"] == "professional-advice")
    assert (row["count"], row["gap"], row["offers"]) == ("2", "false", "beta-general; beta-regulatory")


def test_coverage_heatmap_is_accessible_svg(client: TestClient) -> None:
    response = client.get("/v1/insights/coverage.svg", params={"sector": "medtech"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(response.text)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert "medtech" in root.find(f"{ns}title").text  # type: ignore[union-attr]
    assert "Gaps:" in root.find(f"{ns}desc").text  # type: ignore[union-attr]
    cell_titles = [g.find(f"{ns}title").text for g in root.iter(f"{ns}g")]  # type: ignore[union-attr]
    assert len(cell_titles) == 63
    assert any("Clearance and trials" in t and ": 1 offer" in t for t in cell_titles)  # type: ignore[operator]
    texts = {t.text for t in root.iter(f"{ns}text")}
    assert "Work space" in texts
    etag = response.headers["etag"]
    assert (
        client.get(
            "/v1/insights/coverage.svg", params={"sector": "medtech"}, headers={"If-None-Match": etag}
        ).status_code
        == 304
    )


def test_vocabularies_export_as_csv_and_ndjson(client: TestClient) -> None:
    stages = list(csv.DictReader(io.StringIO(client.get("/v1/stages", params={"format": "csv"}).text)))
    assert [r["slug"] for r in stages][:2] == ["needs-identification", "solution-development"]
    assert (stages[4]["trl_min"], stages[4]["trl_max"]) == ("6", "8")
    needs = client.get("/v1/needs", headers={"Accept": "application/x-ndjson"}).text.splitlines()
    assert len(needs) == len(client.get("/v1/needs", params={"format": "csv"}).text.splitlines()) - 1
    assert (
        client.get("/v1/sectors", params={"format": "csv"})
        .headers["content-disposition"]
        .endswith('filename="sectors.csv"')
    )
    assert client.get("/v1/locations", headers={"Accept": "image/png"}).status_code == 406

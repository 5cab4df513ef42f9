"""Every list endpoint in JSON, CSV and NDJSON carries the same records for the same filters."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.models.base import utcnow
from app.models.catalogue_tables import Offer
from app.services.store.state import bump_stamp

FILTERS: list[dict[str, Any]] = [
    {},
    {"need": "professional-advice"},
    {"stage": [5, 6], "sort": "-name"},
    {"location": "leeds", "status": ["active", "closed"]},
    {"q": "regulatory"},
]


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _all_json(client: TestClient, path: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return client.get(path, params={**params, "limit": 100}).json()["items"]


@pytest.mark.parametrize("params", FILTERS)
def test_offer_renditions_carry_the_same_records(client: TestClient, params: dict[str, Any]) -> None:
    expected = _all_json(client, "/v1/offers", params)
    as_csv = client.get("/v1/offers", params={**params, "format": "csv"})
    assert as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert as_csv.headers["content-disposition"] == 'attachment; filename="offers.csv"'
    rows = _csv(as_csv.text)
    assert [r["slug"] for r in rows] == [o["slug"] for o in expected]
    for row, offer in zip(rows, expected, strict=True):
        assert row["name"] == offer["name"]
        assert row["needs"] == "; ".join(offer["needs"])
        assert row["stages"] == "; ".join(str(s) for s in offer["stages"])
        assert row["provider_slug"] == offer["provider"]["slug"]
        assert (int(row["trl_min"]), int(row["trl_max"])) == tuple(offer["trl_band"])
    as_ndjson = client.get("/v1/offers", params=params, headers={"Accept": "application/x-ndjson"})
    assert as_ndjson.headers["content-type"].startswith("application/x-ndjson")
    assert [json.loads(line) for line in as_ndjson.text.splitlines()] == expected


def test_accept_header_chooses_csv_and_an_unsupported_one_is_406(client: TestClient) -> None:
    by_header = client.get("/v1/offers", headers={"Accept": "text/csv"})
    assert by_header.headers["content-type"].startswith("text/csv")
    refused = client.get("/v1/offers", headers={"Accept": "application/xml"})
    assert refused.status_code == 406
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert client.get("/v1/offers", params={"format": "xml"}).status_code == 422


def test_exports_return_every_row_unless_paged_explicitly(client: TestClient) -> None:
    everything = _csv(client.get("/v1/offers", params={"format": "csv"}).text)
    assert len(everything) == 6  # every live offer (closed ones only on request)
    assert client.get("/v1/offers").json()["limit"] == 20
    paged = _csv(client.get("/v1/offers", params={"format": "csv", "limit": 2, "offset": 1}).text)
    assert [r["slug"] for r in paged] == [r["slug"] for r in everything[1:3]]


def test_each_representation_has_its_own_etag(client: TestClient) -> None:
    tags = {fmt: client.get("/v1/offers", params={"format": fmt}).headers["etag"] for fmt in ("json", "csv", "ndjson")}
    assert len(set(tags.values())) == 3
    by_header = client.get("/v1/offers", headers={"Accept": "text/csv"}).headers["etag"]
    assert by_header not in (tags["json"],)
    assert client.get("/v1/offers", headers={"Accept": "text/csv", "If-None-Match": by_header}).status_code == 304


def test_csv_cells_are_escaped_against_formula_injection(client: TestClient, fixture_db: Engine) -> None:
    with Session(fixture_db) as session:
        session.execute(
            update(Offer)
            .where(Offer.slug == "alpha-lab")
            .values(  # type: ignore[arg-type]
                name='=HYPERLINK("http://evil.example","click")', summary="+44 123", keywords=["@cmd", "-1"]
            )
        )
        bump_stamp(session)
        session.commit()
    rows = {r["slug"]: r for r in _csv(client.get("/v1/offers", params={"format": "csv"}).text)}
    row = rows["alpha-lab"]
    assert row["name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["summary"] == "'+44 123"
    assert row["keywords"] == "'@cmd; -1"


def test_modified_after_is_a_change_feed(client: TestClient, fixture_db: Engine) -> None:
    offers = client.get("/v1/offers", params={"sort": "updated_at"}).json()["items"]
    newest = offers[-1]["updated_at"]
    assert client.get("/v1/offers", params={"modified_after": newest, "format": "csv"}).text.count("\n") == 1
    with Session(fixture_db) as session:
        session.execute(
            update(Offer)
            .where(Offer.slug == "gamma-seed")
            .values(  # type: ignore[arg-type]
                summary="Seed investment, now with more.", updated_at=utcnow()
            )
        )
        bump_stamp(session)
        session.commit()
    feed = _csv(client.get("/v1/offers", params={"modified_after": newest, "format": "csv"}).text)
    assert [r["slug"] for r in feed] == ["gamma-seed"]


def test_provider_renditions_carry_the_same_records(client: TestClient) -> None:
    expected = client.get("/v1/providers", params={"kind": ["investor", "university"]}).json()["items"]
    rows = _csv(client.get("/v1/providers", params={"kind": ["investor", "university"], "format": "csv"}).text)
    assert [(r["slug"], int(r["offer_count"])) for r in rows] == [(p["slug"], p["offer_count"]) for p in expected]
    lines = client.get("/v1/providers", params={"kind": ["investor", "university"], "format": "ndjson"}).text
    assert [json.loads(line) for line in lines.splitlines()] == expected
    disposition = client.get("/v1/providers", params={"format": "csv"}).headers["content-disposition"]
    assert disposition == 'attachment; filename="providers.csv"'

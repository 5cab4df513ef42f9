"""The read API over the hand-made catalogue: every filter, pagination edge, ETag/304 and error status."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.models import Offer
from app.models.base import utcnow
from app.services.store.state import bump_stamp

PROBLEM = "application/problem+json"


def slugs(client: TestClient, query: str) -> list[str]:
    response = client.get(f"/v1/offers?{query}&sort=slug")
    assert response.status_code == 200, response.text
    return [item["slug"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["alpha-lab", "alpha-trials", "beta-general", "beta-regulatory", "gamma-seed", "gamma-soon"]),
        ("stage=2", ["alpha-lab"]),
        ("stage=2&stage=6", ["alpha-lab", "beta-regulatory", "gamma-soon"]),
        ("trl=9", ["beta-regulatory", "gamma-soon"]),
        ("trl=1", []),
        ("need=professional-advice", ["beta-general", "beta-regulatory"]),
        ("need=regulatory-advice", ["beta-regulatory"]),
        ("need=work-space", ["alpha-lab"]),
        ("need=seed-investment&need=lab-space", ["alpha-lab", "gamma-seed"]),
        ("sector=medtech", ["alpha-lab", "alpha-trials", "beta-general", "gamma-seed", "gamma-soon"]),
        ("sector=digital-health&need=professional-advice", ["beta-general", "beta-regulatory"]),
        ("organisation_type=academic", ["alpha-lab", "beta-general", "beta-regulatory", "gamma-seed", "gamma-soon"]),
        (
            "organisation_type=sme",
            ["alpha-lab", "alpha-trials", "beta-general", "beta-regulatory", "gamma-seed", "gamma-soon"],
        ),
        (
            "location=leeds",
            ["alpha-lab", "alpha-trials", "beta-general", "beta-regulatory", "gamma-seed", "gamma-soon"],
        ),
        ("location=uk", ["alpha-lab", "alpha-trials", "beta-general", "beta-regulatory"]),
        ("location=international", ["alpha-lab", "beta-general", "beta-regulatory"]),
        (
            "location=yorkshire-and-humber",
            ["alpha-lab", "alpha-trials", "beta-general", "beta-regulatory", "gamma-seed"],
        ),
        ("provider=gamma-fund", ["gamma-seed", "gamma-soon"]),
        ("kind=advice&kind=facility", ["alpha-lab", "beta-general", "beta-regulatory"]),
        ("cost=equity", ["gamma-seed", "gamma-soon"]),
        ("status=closed", ["gamma-closed"]),
        ("status=forthcoming&status=closed", ["gamma-closed", "gamma-soon"]),
        ("q=software", ["beta-regulatory"]),
        ("q=trials+devices", ["alpha-trials"]),
        ("q=prototypes", ["alpha-lab"]),
        ("q=Laboratory", ["alpha-lab"]),
        ("q=nothing+like+this", []),
        ("stage=5&need=professional-advice&location=leeds", ["beta-general", "beta-regulatory"]),
    ],
)
def test_filters(client: TestClient, query: str, expected: list[str]) -> None:
    assert slugs(client, query) == expected


def test_default_sort_is_by_name_and_relevance_with_q(client: TestClient) -> None:
    names = [o["name"] for o in client.get("/v1/offers").json()["items"]]
    assert names == sorted(names, key=str.casefold)
    ranked = client.get("/v1/offers?q=advice").json()["items"]
    # The matcher's BM25: 'advice' in the keywords and summary of a short record (beta-general, all about advice)
    # outranks 'advice' in the name and summary of a longer one about regulation (beta-regulatory).
    assert [o["slug"] for o in ranked] == ["beta-general", "beta-regulatory"]
    descending = [o["slug"] for o in client.get("/v1/offers?sort=-slug").json()["items"]]
    assert descending == sorted(descending, reverse=True)


def test_offer_shape(client: TestClient) -> None:
    offer = client.get("/v1/offers/alpha-trials").json()
    assert offer["provider"] == {"slug": "alpha-university", "name": "Alpha University"}
    assert offer["trl_band"] == [6, 8]
    assert offer["stages"] == [5]
    assert offer["application"] == {"mode": "rolling", "next_deadline": None}
    assert offer["provenance"]["source"] == "curator"
    assert offer["updated_at"].endswith(("Z", "+00:00"))


def test_pagination_edges_and_link_header(client: TestClient) -> None:
    first = client.get("/v1/offers?limit=4&sort=slug")
    body = first.json()
    assert (body["total"], body["limit"], body["offset"], len(body["items"])) == (6, 4, 0, 4)
    assert body["links"]["prev"] is None
    assert "offset=4" in body["links"]["next"]
    link = first.headers["link"]
    assert 'rel="next"' in link and 'rel="last"' in link and 'rel="first"' in link and 'rel="prev"' not in link
    assert "sort=slug" in body["links"]["next"], "links keep the filters"
    second = client.get(body["links"]["next"]).json()
    assert [o["slug"] for o in second["items"]] == ["gamma-seed", "gamma-soon"]
    assert second["links"]["next"] is None and "offset=0" in second["links"]["prev"]
    beyond = client.get("/v1/offers?offset=100").json()
    assert beyond["items"] == [] and beyond["total"] == 6
    exact = client.get("/v1/offers?limit=6").json()
    assert exact["links"]["next"] is None and len(exact["items"]) == 6
    assert "offset=5&limit=1" in client.get("/v1/offers?limit=1").json()["links"]["last"]
    assert client.get("/v1/offers?offset=1000000000").json()["offset"] == 1_000_000_000


@pytest.mark.parametrize("path", ["/v1/offers", "/v1/providers"])
def test_an_offset_past_any_catalogue_is_a_422_not_a_500(client: TestClient, path: str) -> None:
    """Found by the fuzzer: 2**64 as an offset could not be written back into the page's JSON."""
    response = client.get(path, params={"offset": str(2**64)})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "offset" in response.text


@pytest.mark.parametrize(
    ("query", "field", "fragment"),
    [
        ("limit=0", "limit", "greater than or equal to 1"),
        ("limit=101", "limit", "less than or equal to 100"),
        ("offset=-1", "offset", "greater than or equal to 0"),
        ("stage=8", "stage[0]", "less than or equal to 7"),
        ("trl=x", "trl[0]", "valid integer"),
        ("need=regulatory", "need", "Valid values: research-expertise"),
        ("sector=robots", "sector", "Valid values: medtech, digital-health"),
        ("location=mars", "location", "Valid values: uk, yorkshire-and-humber, west-yorkshire, leeds, international"),
        ("organisation_type=club", "organisation_type", "Valid values: startup"),
        ("provider=nobody", "provider", "Unknown provider 'nobody'"),
        ("kind=party", "kind[0]", "'programme', 'service'"),
        ("status=open", "status[0]", "'active', 'forthcoming' or 'closed'"),
        ("sort=random", "sort", "'name', '-name'"),
        ("needs=work-space", "needs", "Unknown field 'needs'. Valid fields: stage, trl, need"),
        ("q=" + "x" * 201, "q", "at most 200 characters"),
        ("modified_after=yesterday", "modified_after", "datetime"),
    ],
)
def test_bad_filters_are_422_problems_naming_field_and_valid_values(
    client: TestClient, query: str, field: str, fragment: str
) -> None:
    response = client.get(f"/v1/offers?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == 422 and body["title"] and body["type"] == "/problems/validation-error"
    assert [e["field"] for e in body["errors"]] == [field]
    assert fragment in body["errors"][0]["message"]


def test_etag_and_304_until_the_catalogue_changes(client: TestClient, fixture_db: Engine) -> None:
    first = client.get("/v1/offers?need=work-space")
    etag = first.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert first.headers["cache-control"] == "public, no-cache"
    not_modified = client.get("/v1/offers?need=work-space", headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified.headers["etag"] == etag
    assert client.get("/v1/offers?need=work-space", headers={"If-None-Match": '"other", ' + etag}).status_code == 304
    other_url = client.get("/v1/offers?need=seed-investment")
    assert other_url.headers["etag"] != etag
    with Session(fixture_db) as session:
        session.exec(
            update(Offer).where(Offer.slug == "alpha-lab").values(name="Alpha lab renamed", updated_at=utcnow())
        )  # type: ignore[call-overload]
        bump_stamp(session)
        session.commit()
    changed = client.get("/v1/offers?need=work-space", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    assert changed.json()["items"][0]["name"] == "Alpha lab renamed"


def test_modified_after_is_a_change_feed(client: TestClient, fixture_db: Engine) -> None:
    cutoff = utcnow()
    assert slugs(client, f"modified_after={cutoff.isoformat().replace('+00:00', 'Z')}") == []
    with Session(fixture_db) as session:
        session.exec(update(Offer).where(Offer.slug == "gamma-seed").values(summary="New summary", updated_at=utcnow()))  # type: ignore[call-overload]
        bump_stamp(session)
        session.commit()
    assert slugs(client, f"modified_after={cutoff.isoformat().replace('+00:00', 'Z')}") == ["gamma-seed"]


def test_offer_detail_404_and_410(client: TestClient, fixture_db: Engine) -> None:
    missing = client.get("/v1/offers/no-such-offer")
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    assert "no-such-offer" in missing.json()["detail"]
    assert client.get("/v1/offers/Not_A_Slug").status_code == 422
    with Session(fixture_db) as session:
        session.exec(update(Offer).where(Offer.slug == "alpha-lab").values(withdrawn_at=utcnow()))  # type: ignore[call-overload]
        bump_stamp(session)
        session.commit()
    gone = client.get("/v1/offers/alpha-lab")
    assert gone.status_code == 410 and gone.json()["title"] == "Withdrawn"
    assert "alpha-lab" not in slugs(client, "")
    closed = client.get("/v1/offers/gamma-closed")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"


def test_providers(client: TestClient) -> None:
    page = client.get("/v1/providers").json()
    assert [p["slug"] for p in page["items"]] == ["alpha-university", "beta-advisors", "gamma-fund"]
    assert [p["offer_count"] for p in page["items"]] == [2, 2, 2]  # closed offers are not counted
    assert [p["slug"] for p in client.get("/v1/providers?kind=investor").json()["items"]] == ["gamma-fund"]
    bad = client.get("/v1/providers?kind=castle")
    assert bad.status_code == 422 and "Valid values: university" in bad.json()["errors"][0]["message"]
    detail = client.get("/v1/providers/gamma-fund").json()
    assert [o["slug"] for o in detail["offers"]] == ["gamma-closed", "gamma-seed", "gamma-soon"]
    assert client.get("/v1/providers/nobody").status_code == 404


def test_method_not_allowed_and_unknown_path_are_problems(client: TestClient) -> None:
    wrong = client.delete("/v1/offers")
    assert wrong.status_code == 405 and wrong.headers["content-type"] == PROBLEM
    assert "DELETE is not allowed" in wrong.json()["detail"]
    nowhere = client.get("/v2/anything")
    assert nowhere.status_code == 404 and nowhere.headers["content-type"] == PROBLEM


def test_unexpected_failure_is_a_500_problem_without_a_stack_trace(client: TestClient) -> None:
    from app.deps import get_snapshot

    def broken() -> None:
        raise RuntimeError("secret internal detail")

    client.app.dependency_overrides[get_snapshot] = broken  # type: ignore[attr-defined]
    response = client.get("/v1/offers")
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    assert "secret internal detail" not in response.text and "Traceback" not in response.text
    assert response.json()["title"] == "Internal server error"


def test_every_listed_offer_carries_its_next_step(real_client: TestClient) -> None:
    response = real_client.get("/v1/offers?limit=100")
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert len(items) == response.json()["total"] >= 55
    for item in items:
        assert str(item["url"]).startswith(("https://", "http://")), item["slug"]
        assert str(item["contact_route"]).strip(), item["slug"]
    assert len({item["url"] for item in items}) >= 30
    detail = real_client.get("/v1/offers/propel-yh").json()
    assert detail["url"] and detail["contact_route"]
    assert detail["provenance"]["pages"][0]["dated"] == "2025-04-16"
    assert detail["last_verified_at"] is not None
    closed = real_client.get("/v1/offers?status=closed").json()["items"]
    assert [o["slug"] for o in closed] == ["nihr-medtech-ivd-cooperatives"]


def test_providers_show_what_no_source_states(real_client: TestClient) -> None:
    kpmg = real_client.get("/v1/providers/kpmg").json()
    assert kpmg["base_location"] is None and "curator_judgement" in kpmg
    bradford = real_client.get("/v1/providers/university-of-bradford").json()
    assert "base_location" in bradford["curator_judgement"]

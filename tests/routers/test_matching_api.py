"""POST/GET /v1/match and /v1/pathway over the hand-made catalogue: contract shape, explanations, every error."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.models import Offer
from app.models.base import utcnow
from app.services.store.state import bump_stamp

PROBLEM = "application/problem+json"


def test_match_follows_the_contract(client: TestClient) -> None:
    response = client.post("/v1/match", json={"stage": 5, "trl": 7, "needs": ["regulatory-advice"], "limit": 10})
    assert response.status_code == 200
    body = response.json()
    assert body["profile"]["stage"] == 5 and body["profile"]["trl_band"] == [6, 8]
    assert body["profile"]["needs"] == ["regulatory-advice"]
    assert body["ruleset_version"] and body["catalogue_version"]
    results = body["results"]
    assert [r["rank"] for r in results] == list(range(1, len(results) + 1))
    assert [r["offer"]["slug"] for r in results] == ["beta-regulatory", "beta-general"]  # child beats parent
    first = results[0]
    assert 0 < first["score"] <= 1 and first["score"] > results[1]["score"]
    assert set(first["offer"]) >= {"slug", "name", "summary", "url", "provider", "needs", "stages"}
    assert first["offer"]["provider"] == {"slug": "beta-advisors", "name": "Beta Advisors"}
    codes = [reason["code"] for reason in first["reasons"]]
    assert "need-match" in codes and "stage-fit" in codes
    assert "regulatory advice" in first["reasons"][0]["text"].lower()
    assert results[1]["reasons"][0]["code"] == "need-parent"
    assert "components" not in first or first["components"] is None


def test_same_request_same_answer_and_get_equals_post(client: TestClient) -> None:
    request = {
        "stage": 3,
        "needs": ["professional-advice", "seed-investment"],
        "location": "leeds",
        "keywords": "equity",
    }
    first = client.post("/v1/match", json=request).json()
    assert client.post("/v1/match", json=request).json() == first
    shared = client.get(
        "/v1/match?stage=3&needs=professional-advice&needs=seed-investment&location=leeds&keywords=equity"
    )
    assert shared.status_code == 200
    assert shared.json() == first
    etag = shared.headers["etag"]
    again = client.get(
        "/v1/match?stage=3&needs=professional-advice&needs=seed-investment&location=leeds&keywords=equity",
        headers={"If-None-Match": etag},
    )
    assert again.status_code == 304


def test_hard_filters_and_forthcoming_label(client: TestClient) -> None:
    body = client.post("/v1/match", json={"stage": 6, "needs": ["venture-investment"], "location": "leeds"}).json()
    assert [r["offer"]["slug"] for r in body["results"]] == ["gamma-soon"]  # the closed fund never matches
    assert body["results"][0]["forthcoming"] is True
    assert "forthcoming" in [r["code"] for r in body["results"][0]["reasons"]]
    abroad = client.post("/v1/match", json={"stage": 6, "needs": ["venture-investment"], "location": "international"})
    assert abroad.json()["results"] == []


def test_explain_full_gives_components_and_supportive_near_misses(client: TestClient) -> None:
    body = client.post(
        "/v1/match",
        json={"stage": 5, "needs": ["clinical-trials"], "location": "international", "explain": "full"},
    ).json()
    assert body["results"] == []
    misses = {m["offer"]["slug"]: m for m in body["near_misses"]}
    assert misses["alpha-trials"]["criterion"] == "location"
    assert (
        "united kingdom" in misses["alpha-trials"]["hint"].lower()
        and "ineligible" not in misses["alpha-trials"]["hint"].lower()
    )
    ranked = client.get("/v1/match?stage=5&needs=clinical-trials&sector=medtech&explain=full").json()
    components = ranked["results"][0]["components"]
    assert set(components) >= {"need", "stage", "sector"} and components["need"] == 1.0
    assert ranked["near_misses"] == []


def test_pathway_shows_the_route_ahead(client: TestClient) -> None:
    body = client.get("/v1/pathway?stage=3&needs=seed-investment&needs=venture-investment&location=leeds").json()
    steps = body["stages"]
    assert [s["stage"]["number"] for s in steps] == [3, 4, 5, 6, 7]
    assert steps[0]["is_current"] is True and not any(s["is_current"] for s in steps[1:])
    assert [r["offer"]["slug"] for r in steps[0]["results"]] == ["gamma-seed"]
    later = [r["offer"]["slug"] for s in steps[1:] for r in s["results"]]
    assert "gamma-soon" in later
    posted = client.post(
        "/v1/pathway", json={"stage": 3, "needs": ["seed-investment", "venture-investment"], "location": "leeds"}
    )
    assert posted.json() == body
    assert client.post("/v1/pathway", json={"per_stage": 3}).status_code == 422
    assert client.get("/v1/pathway", params={"keywords": "!!!"}).status_code == 422


def test_index_refreshes_when_the_catalogue_changes(client: TestClient, fixture_db: Engine) -> None:
    before = client.post("/v1/match", json={"needs": ["lab-space"]}).json()
    assert [r["offer"]["slug"] for r in before["results"]] == ["alpha-lab"]
    with Session(fixture_db) as session:
        session.exec(update(Offer).where(Offer.slug == "alpha-lab").values(status="closed", updated_at=utcnow()))  # type: ignore[call-overload]
        bump_stamp(session)
        session.commit()
    after = client.post("/v1/match", json={"needs": ["lab-space"]}).json()
    assert after["results"] == []
    assert after["catalogue_version"] != before["catalogue_version"]


BAD: list[tuple[Any, str, str]] = [
    ({}, "stage", "at least one of stage, trl, needs or keywords"),
    ({"keywords": "the and of"}, "keywords", "at least one word that says what you are looking for"),
    ({"keywords": "?! ... -- !!"}, "keywords", "at least one word that says what you are looking for"),
    ({"stage": 3, "keywords": "help me find something"}, "keywords", "at least one word"),
    ({"keywords": "lab " * 60}, "keywords", "at most 200 characters"),
    ({"stage": 8}, "stage", "less than or equal to 7"),
    ({"stage": 0}, "stage", "greater than or equal to 1"),
    ({"trl": 10}, "trl", "less than or equal to 9"),
    ({"stage": 5, "trl": 3}, "trl", "stage 5 covers TRL 6-8"),
    ({"needs": ["regulatory"]}, "needs[0]", "research-expertise"),
    ({"stage": 2, "sector": "robots"}, "sector", "medtech"),
    ({"stage": 2, "location": "mars"}, "location", "leeds"),
    ({"stage": 2, "organisation_type": "club"}, "organisation_type", "startup"),
    ({"stage": 2, "keywords": "x" * 201}, "keywords", "at most 200 characters"),
    ({"stage": 2, "limit": 0}, "limit", "greater than or equal to 1"),
    ({"stage": 2, "limit": 51}, "limit", "less than or equal to 50"),
    ({"stage": 2, "colour": "blue"}, "colour", "Valid fields: stage, trl, needs"),
    ({"stage": "5"}, "stage", "valid integer"),
    ({"stage": 5.5}, "stage", "valid integer"),
    ({"stage": True}, "stage", "valid integer"),
    ({"needs": "regulatory-advice"}, "needs", "valid list"),
    ({"stage": 2, "explain": "some"}, "explain", "'none' or 'full'"),
    ([1, 2], "body", "valid dictionary"),
]


@pytest.mark.parametrize(("body", "field", "fragment"), BAD, ids=[f"{b[1]}:{b[2][:30]}" for b in BAD])
def test_bad_match_requests_are_422_problems(client: TestClient, body: Any, field: str, fragment: str) -> None:
    response = client.post("/v1/match", json=body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert field in [e["field"] for e in problem["errors"]]
    message = next(e["message"] for e in problem["errors"] if e["field"] == field)
    assert fragment in message


def test_several_errors_are_reported_together(client: TestClient) -> None:
    problem = client.post("/v1/match", json={"needs": ["nope", "regulatory-advice", "nada"], "sector": "x"}).json()
    assert {e["field"] for e in problem["errors"]} == {"needs[0]", "needs[2]", "sector"}


def test_malformed_json_and_wrong_content_type(client: TestClient) -> None:
    broken = client.post("/v1/match", content=b'{"stage": 5,', headers={"content-type": "application/json"})
    assert broken.status_code == 422 and broken.headers["content-type"] == PROBLEM
    assert "not valid JSON" in broken.json()["errors"][0]["message"]
    text = client.post("/v1/match", content=b"stage=5", headers={"content-type": "text/plain"})
    assert text.status_code in (415, 422) and text.headers["content-type"] == PROBLEM


def test_get_match_errors_name_the_field(client: TestClient) -> None:
    problem = client.get("/v1/match?stage=9&needs=x").json()
    assert {e["field"] for e in problem["errors"]} == {"stage"}
    unknown = client.get("/v1/match?stage=2&need=lab-space").json()
    assert unknown["errors"][0]["field"] == "need" and "Valid fields" in unknown["errors"][0]["message"]
    slug = client.get("/v1/match?needs=lab-space&needs=nope").json()
    assert slug["errors"][0]["field"] == "needs[1]"


def test_match_before_any_catalogue_is_loaded_is_503(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import make_client

    with make_client(engine, monkeypatch) as empty:
        response = empty.post("/v1/match", json={"stage": 2})
    assert response.status_code == 503
    assert response.headers["content-type"] == PROBLEM
    assert "not been loaded" in response.json()["detail"]


def test_keywords_alone_are_a_search_in_plain_words(client: TestClient) -> None:
    """No stage, no needs: "money" reaches investor networks through the reviewed synonyms (data/synonyms.yaml)."""
    body = client.get("/v1/match", params={"keywords": "money for my start-up"}).json()
    assert body["profile"]["keyword_needs"][0] == {"need": "seed-investment", "word": "money"}
    slugs = [r["offer"]["slug"] for r in body["results"]]
    assert slugs and slugs[0] == "gamma-seed"
    (reason,) = [r for r in body["results"][0]["reasons"] if r["code"] == "keyword-match"]
    assert reason["text"].startswith("Offers investor networks (seed), which matches \u201cmoney\u201d in your search")
    posted = client.post("/v1/match", json={"keywords": "money for my start-up"}).json()
    assert posted == body
    words = client.post("/v1/match", json={"keywords": "software"}).json()
    assert [r["offer"]["slug"] for r in words["results"]] == ["beta-regulatory"]
    assert [r["text"] for r in words["results"][0]["reasons"]] == ["Mentions software, which you searched for"]


def test_a_request_nothing_fits_gets_no_results_never_filler(client: TestClient) -> None:
    body = client.post("/v1/match", json={"stage": 5, "keywords": "wound dressings", "explain": "full"}).json()
    assert body["results"] == [] and body["near_misses"] == []
    restricted = client.post(
        "/v1/match", json={"keywords": "randomised trials", "location": "international", "explain": "full"}
    ).json()
    assert restricted["results"] == []
    (miss,) = restricted["near_misses"]
    assert miss["offer"]["slug"] == "alpha-trials" and miss["criterion"] == "location"
    assert miss["hint"] == "Only for organisations based in the United Kingdom"


def test_every_result_carries_its_next_step(client: TestClient) -> None:
    body = client.post("/v1/match", json={"needs": ["lab-space", "regulatory-advice"]}).json()
    offers = {r["offer"]["slug"]: r["offer"] for r in body["results"]}
    # The catalogue lint now gives every offer a page of its own (or its provider's, or the front door's).
    assert offers["alpha-lab"]["url"] == "https://example.org/alpha-lab"
    assert all(offer["url"].startswith(("https://", "http://")) for offer in offers.values())
    assert all(offer["contact_route"] for offer in offers.values())


def test_the_front_door_comes_back_apart(real_client: TestClient) -> None:
    for request in ({"stage": 3, "needs": ["seed-investment"], "trl": 4}, {"keywords": "desk space"}, {"stage": 6}):
        body = real_client.post("/v1/match", json=request).json()
        assert "lahp-navigator" not in [r["offer"]["slug"] for r in body["results"]]
        (door,) = body["front_door"]
        assert door["offer"]["slug"] == "lahp-navigator" and door["offer"]["url"].startswith("https://")
        (reason,) = door["reasons"]
        assert reason["code"] == "front-door" and reason["text"].startswith("Can point you to")
    route = real_client.get("/v1/pathway", params={"stage": 3, "needs": "seed-investment"}).json()
    assert [door["offer"]["slug"] for door in route["front_door"]] == ["lahp-navigator"]


def test_focus_is_not_eligibility_on_the_real_catalogue(real_client: TestClient) -> None:
    """Issue 12: NPIC (focused on diagnostics and AI) was hidden from a digital-health innovator."""
    body = real_client.post("/v1/match", json={"sector": "digital-health", "keywords": "digital pathology"}).json()
    first = body["results"][0]
    assert first["offer"]["slug"] == "npic-digital-pathology"
    texts = [r["text"] for r in first["reasons"]]
    assert "Mainly for diagnostics and AI and data" in texts


def test_reasons_keep_proper_names_and_name_the_words(real_client: TestClient) -> None:
    body = real_client.post("/v1/match", json={"stage": 5, "keywords": "ai breast screening"}).json()
    assert body["results"]
    for result in body["results"]:
        keyword = [r["text"] for r in result["reasons"] if r["code"] == "keyword-match"]
        assert len(keyword) <= 1
        assert all(" ai" not in text for text in keyword)
    assert any("AI" in r["text"] for r in body["results"][0]["reasons"])


def test_the_route_ahead_on_the_real_catalogue(real_client: TestClient) -> None:
    body = real_client.get("/v1/pathway", params={"stage": 3, "needs": "seed-investment"}).json()
    steps = {step["stage"]["number"]: step for step in body["stages"]}
    assert list(steps) == [3, 4, 5, 6, 7]
    for number in (5, 6, 7):
        assert steps[number]["results"], number  # issue 12: these were empty
        assert steps[number]["note"] is None
    texts = {n: [r["text"] for x in step["results"] for r in x["reasons"]] for n, step in steps.items()}
    assert any("where you are now" in text for text in texts[3])
    assert not any("where you are now" in text for n in (4, 5, 6, 7) for text in texts[n])
    assert any(r["code"] == "need-typical" for x in steps[5]["results"] for r in x["reasons"])
    seen = [x["offer"]["slug"] for step in steps.values() for x in step["results"]]
    assert len(seen) > len(set(seen)), "an offer may recur at several stages"

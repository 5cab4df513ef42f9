"""Curators' writes over HTTP: create, replace, patch, withdraw, restore; validation, preconditions, audit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from app.config import get_settings
from app.db import reset_engine
from tests.conftest import make_client
from tests.curators import bearer, issue_key, new_offer, new_provider

PROBLEM = "application/problem+json"


@pytest.fixture
def editor(fixture_db: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """A client whose every request carries an editor key named `curator`."""
    key = issue_key(fixture_db, "curator", "editor")
    with make_client(fixture_db, monkeypatch) as client:
        client.headers.update(bearer(key))
        yield client
    get_settings.cache_clear()
    reset_engine()


def offer_slugs(client: TestClient, query: str = "") -> list[str]:
    return [item["slug"] for item in client.get(f"/v1/offers?limit=100&{query}").json()["items"]]


def audit(client: TestClient, **filters: Any) -> list[dict[str, Any]]:
    response = client.get("/v1/admin/audit", params=filters)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_create_offer_appears_in_the_public_api(editor: TestClient) -> None:
    listing_etag = editor.get("/v1/offers").headers["etag"]
    created = editor.post("/v1/admin/offers", json=new_offer())
    assert created.status_code == 201, created.text
    assert created.headers["etag"] == '"offer-delta-accelerator-v1"'
    assert created.headers["location"] == "/v1/admin/offers/delta-accelerator"
    body = created.json()
    assert body["version"] == 1 and body["entry"]["provider"] == "beta-advisors"
    assert body["entry"]["trl_min"] is None  # derived from the stages, as in the curated files
    public = editor.get("/v1/offers/delta-accelerator")
    assert public.status_code == 200 and public.json()["trl_band"] == [5, 8]
    assert "delta-accelerator" in offer_slugs(editor, "need=professional-advice&stage=5")
    assert editor.get("/v1/offers").headers["etag"] != listing_etag  # the stamp moved, caches refresh
    [event] = audit(editor, entity_slug="delta-accelerator")
    assert event["action"] == "create" and event["key_name"] == "curator" and event["before"] is None
    assert event["after"]["name"] == "Delta digital accelerator"
    assert event["request_id"] == created.headers["x-request-id"]


def test_create_refuses_a_taken_slug_unknown_references_and_unknown_fields(editor: TestClient) -> None:
    clash = editor.post("/v1/admin/offers", json=new_offer("alpha-lab"))
    assert clash.status_code == 409 and clash.headers["content-type"] == PROBLEM
    unknown = editor.post(
        "/v1/admin/offers", json=new_offer(provider="nobody", needs=["regulatory-advice", "time-travel"])
    )
    assert unknown.status_code == 422
    errors = {e["field"]: e["message"] for e in unknown.json()["errors"]}
    assert "Unknown provider 'nobody'" in errors["provider"]
    assert "Unknown need 'time-travel'" in errors["needs[1]"] and "regulatory-advice" in errors["needs[1]"]
    extra = editor.post("/v1/admin/offers", json=new_offer(colour="blue"))
    assert extra.status_code == 422 and extra.json()["errors"][0]["field"] == "colour"
    assert editor.get("/v1/offers/delta-accelerator").status_code == 404
    assert audit(editor, entity_type="offer") == []


def test_bodies_that_are_not_json_get_clear_problems(editor: TestClient) -> None:
    wrong_type = editor.post("/v1/admin/offers", content="slug=x", headers={"Content-Type": "text/plain"})
    assert wrong_type.status_code == 415 and wrong_type.headers["content-type"] == PROBLEM
    broken = editor.post("/v1/admin/offers", content="{not json", headers={"Content-Type": "application/json"})
    assert broken.status_code == 422 and "not valid JSON" in broken.json()["detail"]
    not_object = editor.post("/v1/admin/offers", json=[1, 2])
    assert not_object.status_code == 422


def test_patch_needs_a_current_if_match(editor: TestClient) -> None:
    current = editor.get("/v1/admin/offers/alpha-lab")
    etag = current.headers["etag"]
    assert etag == '"offer-alpha-lab-v1"' and current.json()["entry"]["slug"] == "alpha-lab"

    missing = editor.patch("/v1/admin/offers/alpha-lab", json={"status": "closed"})
    assert missing.status_code == 428 and missing.headers["content-type"] == PROBLEM
    malformed = editor.patch("/v1/admin/offers/alpha-lab", json={"status": "closed"}, headers={"If-Match": "v1"})
    assert malformed.status_code == 400
    weak = editor.patch("/v1/admin/offers/alpha-lab", json={"status": "closed"}, headers={"If-Match": f"W/{etag}"})
    assert weak.status_code == 412

    changed = editor.patch("/v1/admin/offers/alpha-lab", json={"status": "closed"}, headers={"If-Match": etag})
    assert changed.status_code == 200, changed.text
    assert changed.headers["etag"] == '"offer-alpha-lab-v2"' and changed.json()["entry"]["status"] == "closed"
    assert "alpha-lab" not in offer_slugs(editor)
    assert "alpha-lab" in offer_slugs(editor, "status=closed")

    stale = editor.patch("/v1/admin/offers/alpha-lab", json={"status": "active"}, headers={"If-Match": etag})
    assert stale.status_code == 412 and stale.headers["etag"] == '"offer-alpha-lab-v2"'
    assert "changed by someone else" in stale.json()["detail"]
    assert editor.get("/v1/offers/alpha-lab").json()["status"] == "closed"

    [event] = audit(editor, entity_slug="alpha-lab")
    assert (
        event["action"] == "update" and event["before"]["status"] == "active" and event["after"]["status"] == "closed"
    )
    any_version = editor.patch(
        "/v1/admin/offers/alpha-lab", json={"keywords": ["laboratory"]}, headers={"If-Match": "*"}
    )
    assert any_version.status_code == 200


def test_patch_validates_the_result_as_a_whole(editor: TestClient) -> None:
    etag = editor.get("/v1/admin/offers/alpha-lab").headers["etag"]
    for body, field in (
        ({"needs": ["nonsense"]}, "needs[0]"),
        ({"name": None}, "name"),
        ({"stages": [9]}, "stages[0]"),
        ({"provider": "nobody"}, "provider"),
        ({"slug": "renamed"}, "slug"),
    ):
        response = editor.patch("/v1/admin/offers/alpha-lab", json=body, headers={"If-Match": etag})
        assert response.status_code == 422, (body, response.text)
        assert response.json()["errors"][0]["field"] == field, body
    assert editor.get("/v1/admin/offers/alpha-lab").headers["etag"] == etag  # nothing was written


def test_put_replaces_and_keeps_the_slug(editor: TestClient) -> None:
    current = editor.get("/v1/admin/offers/beta-general")
    entry = current.json()["entry"] | {"summary": "Legal, financial and regulatory signposting."}
    replaced = editor.put("/v1/admin/offers/beta-general", json=entry, headers={"If-Match": current.headers["etag"]})
    assert replaced.status_code == 200, replaced.text
    assert editor.get("/v1/offers/beta-general").json()["summary"] == "Legal, financial and regulatory signposting."
    renamed = editor.put(
        "/v1/admin/offers/beta-general",
        json=entry | {"slug": "beta-other"},
        headers={"If-Match": replaced.headers["etag"]},
    )
    assert renamed.status_code == 422 and renamed.json()["errors"][0]["field"] == "slug"
    assert audit(editor, entity_slug="beta-general", action="replace")[0]["before"]["summary"].startswith("General")


def test_withdraw_keeps_the_offer_and_the_public_page_answers_410(editor: TestClient) -> None:
    etag = editor.get("/v1/admin/offers/gamma-seed").headers["etag"]
    assert editor.delete("/v1/admin/offers/gamma-seed").status_code == 428
    withdrawn = editor.delete("/v1/admin/offers/gamma-seed", headers={"If-Match": etag})
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn_at"] is not None
    assert editor.get("/v1/offers/gamma-seed").status_code == 410
    assert "gamma-seed" not in offer_slugs(editor)
    record = editor.get("/v1/admin/offers/gamma-seed")
    assert record.status_code == 200 and record.json()["withdrawn_at"] is not None
    changed = editor.patch("/v1/admin/offers/gamma-seed", json={"status": "closed"}, headers={"If-Match": "*"})
    assert changed.status_code == 409 and "restore" in changed.json()["detail"]
    assert editor.post("/v1/admin/offers", json=new_offer("gamma-seed")).status_code == 409

    restored = editor.post("/v1/admin/offers/gamma-seed/restore", headers={"If-Match": record.headers["etag"]})
    assert restored.status_code == 200 and restored.json()["withdrawn_at"] is None
    assert editor.get("/v1/offers/gamma-seed").status_code == 200
    actions = [event["action"] for event in audit(editor, entity_slug="gamma-seed")]
    assert actions == ["restore", "withdraw"]
    assert audit(editor, action="withdraw")[0]["after"] is None


def test_verify_sets_last_verified_at(editor: TestClient) -> None:
    etag = editor.get("/v1/admin/offers/alpha-trials").headers["etag"]
    verified = editor.post("/v1/admin/offers/alpha-trials/verify", headers={"If-Match": etag})
    assert verified.status_code == 200, verified.text
    assert verified.json()["entry"]["last_verified_at"] is not None
    assert editor.get("/v1/offers/alpha-trials").json()["last_verified_at"] is not None
    chosen = editor.post(
        "/v1/admin/offers/alpha-trials/verify",
        json={"verified_at": "2026-11-01T09:30:00Z"},
        headers={"If-Match": verified.headers["etag"]},
    )
    assert chosen.json()["entry"]["last_verified_at"] == "2026-11-01T09:30:00Z"
    assert audit(editor, action="verify")[0]["entity_slug"] == "alpha-trials"


def test_unknown_records_are_404(editor: TestClient) -> None:
    assert editor.get("/v1/admin/offers/nothing-here").status_code == 404
    assert editor.patch("/v1/admin/offers/nothing-here", json={}, headers={"If-Match": "*"}).status_code == 404
    assert editor.get("/v1/admin/providers/nothing-here").status_code == 404


def test_providers_are_edited_the_same_way(editor: TestClient) -> None:
    created = editor.post("/v1/admin/providers", json=new_provider())
    assert created.status_code == 201 and created.headers["etag"] == '"provider-delta-hub-v1"'
    assert editor.get("/v1/providers/delta-hub").status_code == 200
    assert editor.post("/v1/admin/providers", json=new_provider()).status_code == 409
    bad = editor.post("/v1/admin/providers", json=new_provider("epsilon", kind="wizard", base_location="mars"))
    assert {e["field"] for e in bad.json()["errors"]} == {"kind", "base_location"}

    patched = editor.patch(
        "/v1/admin/providers/delta-hub", json={"name": "Delta Hub Leeds"}, headers={"If-Match": created.headers["etag"]}
    )
    assert patched.status_code == 200 and patched.json()["entry"]["name"] == "Delta Hub Leeds"
    offer = editor.post("/v1/admin/offers", json=new_offer(provider="delta-hub"))
    assert offer.json()["entry"]["provider"] == "delta-hub"

    blocked = editor.delete("/v1/admin/providers/delta-hub", headers={"If-Match": patched.headers["etag"]})
    assert blocked.status_code == 409 and "delta-accelerator" in blocked.json()["detail"]
    editor.delete("/v1/admin/offers/delta-accelerator", headers={"If-Match": offer.headers["etag"]})
    withdrawn = editor.delete("/v1/admin/providers/delta-hub", headers={"If-Match": patched.headers["etag"]})
    assert withdrawn.status_code == 200
    assert editor.get("/v1/providers/delta-hub").status_code == 410
    put_stale = editor.put(
        "/v1/admin/providers/beta-advisors",
        json=new_provider("beta-advisors"),
        headers={"If-Match": '"provider-beta-advisors-v7"'},
    )
    assert put_stale.status_code == 412
    restored = editor.post("/v1/admin/providers/delta-hub/restore", headers={"If-Match": withdrawn.headers["etag"]})
    assert restored.status_code == 200 and restored.json()["live_offers"] == []
    assert [e["action"] for e in audit(editor, entity_type="provider")] == ["restore", "withdraw", "update", "create"]


def test_child_needs_can_be_added_and_used(editor: TestClient) -> None:
    needs_etag = editor.get("/v1/needs").headers["etag"]
    added = editor.post(
        "/v1/admin/needs", json={"slug": "samd-advice", "name": "SaMD advice", "parent": "professional-advice"}
    )
    assert added.status_code == 201, added.text
    assert editor.get("/v1/needs").headers["etag"] != needs_etag
    professional = next(n for n in editor.get("/v1/needs").json()["needs"] if n["slug"] == "professional-advice")
    assert "samd-advice" in [child["slug"] for child in professional["children"]]
    assert editor.post("/v1/admin/offers", json=new_offer(needs=["samd-advice"])).status_code == 201
    assert "delta-accelerator" in offer_slugs(editor, "need=professional-advice")

    assert (
        editor.post("/v1/admin/needs", json={"slug": "samd-advice", "name": "x", "parent": "work-space"}).status_code
        == 409
    )
    nested = editor.post("/v1/admin/needs", json={"slug": "deeper", "name": "x", "parent": "regulatory-advice"})
    assert nested.status_code == 422 and nested.json()["errors"][0]["field"] == "parent"
    assert audit(editor, entity_type="need")[0]["after"]["parent"] == "professional-advice"


def test_nul_characters_are_refused_the_same_on_every_backend(editor: TestClient) -> None:
    offer = new_offer()
    offer["description"] = "Lab space\u0000 with a NUL"
    created = editor.post("/v1/admin/offers", json=offer)
    assert created.status_code == 422, created.text
    assert "NUL" in created.json()["detail"]
    audit_filter = editor.get("/v1/admin/audit", params={"entity_slug": "propel\u0000yh"})
    assert audit_filter.status_code == 422
    assert audit_filter.json()["errors"][0]["field"] == "entity_slug"
    assert editor.get("/v1/admin/audit", params={"key_name": "cli:import"}).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field", "rule"),
    [
        ({"summary": "Listed in the support table under professional advice."}, "summary", "source-talk"),
        ({"summary": "A" * 201}, "summary", "summary-too-long"),
        ({"url": None}, "url", "no-next-step"),
        ({"contact_route": None}, "contact_route", "no-next-step"),
        ({"url": "https://made-up.example.com/accelerator"}, "url", "unsupported-address"),
        (
            {"curator_judgement": ["provider", "kind", "needs", "stages", "cost", "status", "application"]},
            "sectors",
            "unstated-field",
        ),
    ],
)
def test_writes_that_break_a_lint_rule_are_422_naming_field_and_rule(
    editor: TestClient, changes: dict[str, Any], field: str, rule: str
) -> None:
    created = editor.post("/v1/admin/offers", json=new_offer(**changes))
    assert created.status_code == 422 and created.headers["content-type"] == PROBLEM
    errors = {e["field"]: e["message"] for e in created.json()["errors"]}
    assert f"Rule '{rule}'" in errors[field] and "delta-accelerator" in errors[field]
    assert editor.get("/v1/admin/offers/delta-accelerator").status_code == 404, "nothing is written"

    etag = editor.get("/v1/admin/offers/alpha-lab").headers["etag"]
    patched = editor.patch("/v1/admin/offers/alpha-lab", json=changes, headers={"If-Match": etag})
    if field != "sectors":  # alpha-lab has no sectors, so that judgement list is complete for it
        assert patched.status_code == 422 and f"Rule '{rule}'" in patched.json()["errors"][0]["message"]
        assert editor.get("/v1/admin/offers/alpha-lab").headers["etag"] == etag, "nothing is written"
    assert audit(editor, entity_type="offer") == []


def test_provider_writes_are_linted_too(editor: TestClient) -> None:
    guessed = editor.post("/v1/admin/providers", json=new_provider(website="https://guessed.example.com"))
    assert guessed.status_code == 422
    assert "Rule 'unsupported-address'" in {e["field"]: e["message"] for e in guessed.json()["errors"]}["website"]
    unmarked = editor.post("/v1/admin/providers", json=new_provider(curator_judgement=["kind"]))
    assert unmarked.status_code == 422
    assert "Rule 'unstated-field'" in {e["field"]: e["message"] for e in unmarked.json()["errors"]}["base_location"]
    assert editor.get("/v1/admin/providers/delta-hub").status_code == 404

    created = editor.post("/v1/admin/providers", json=new_provider())
    assert created.status_code == 201, created.text
    assert created.json()["entry"]["curator_judgement"] == ["kind", "base_location"]
    etag = created.headers["etag"]
    talk = editor.patch(
        "/v1/admin/providers/delta-hub",
        json={"description": "The seed does not say who runs it."},
        headers={"If-Match": etag},
    )
    assert talk.status_code == 422 and "Rule 'source-talk'" in talk.json()["errors"][0]["message"]
    public = editor.get("/v1/providers/delta-hub").json()
    assert public["curator_judgement"] == ["kind", "base_location"]
    assert public["provenance"]["pages"][0]["url"] == "https://delta.example.org"

"""Anonymous demand: what is stored (and what never is), the queue, pruning, and the report's figures."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session
from typer.testing import CliRunner

from app.cli import cli
from app.clients import client_address
from app.config import get_settings
from app.db import get_engine, reset_engine
from app.matching.text import analyse
from app.models.base import utcnow
from app.models.demand import MatchEvent
from app.services.insights.demand import DemandRecorder, demand_recorder, normalise_event, record_match
from app.services.store.snapshot import snapshot_cache


def _events(engine: Engine) -> list[MatchEvent]:
    with Session(engine) as session:
        return list(session.execute(select(MatchEvent).order_by(MatchEvent.id)).scalars())  # type: ignore[arg-type]


def _profile(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "stage": None,
        "stages": [],
        "needs": [],
        "sector": None,
        "organisation_type": None,
        "location": None,
        "keyword_terms": [],
    }
    return {**base, **fields}


@pytest.fixture
def recorded(client: TestClient, fixture_db: Engine) -> Iterator[TestClient]:
    """The API client, with the global recorder writing to the test database."""
    demand_recorder.flush()
    demand_recorder.bind(fixture_db)
    yield client
    demand_recorder.flush()
    demand_recorder.bind(None)


def test_only_the_normalised_profile_is_stored(recorded: TestClient, fixture_db: Engine) -> None:
    recorded.get("/v1/offers")  # builds the snapshot whose vocabulary filters keyword terms
    profile = _profile(
        stage=5,
        stages=[5],
        needs=["regulatory-advice"],
        sector="digital-health",
        organisation_type="startup",
        location="leeds",
        keyword_terms=analyse("regulatory software Jane Smith 07700900123"),
        client_address="203.0.113.9",
        api_key="nav_secret_key",
        keywords="Jane Smith 07700900123 software",
    )
    record_match(profile, ["beta-regulatory", "beta-general"])
    assert demand_recorder.flush()
    (event,) = _events(fixture_db)
    assert (event.stage, event.stages, event.needs) == (5, [5], ["regulatory-advice"])
    assert (event.sector, event.organisation_type, event.location) == ("digital-health", "startup", "leeds")
    assert event.offer_slugs == ["beta-regulatory", "beta-general"]
    assert event.keyword_terms == analyse("regulatory software")  # words of the catalogue only: no names, no numbers
    stored = repr({c.name: getattr(event, c.name) for c in MatchEvent.__table__.columns})  # type: ignore[attr-defined]
    for secret in ("203.0.113.9", "nav_secret_key", "jane", "Jane", "smith", "07700900123", "testclient"):
        assert secret not in stored


def test_record_never_blocks_and_counts_what_it_drops(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = DemandRecorder(engine, queue_size=2)
    monkeypatch.setattr(recorder, "_ensure_writer", lambda: None)  # no writer: the queue can only fill up
    event = normalise_event(_profile(stage=1), [], at=utcnow())
    assert [recorder.record(event) for _ in range(4)] == [True, True, False, False]
    assert (recorder.recorded, recorder.dropped) == (2, 2)


def test_recorder_writes_batches_and_restarts_after_close(engine: Engine) -> None:
    recorder = DemandRecorder(engine, queue_size=100, batch_size=7)
    for stage in range(1, 8):
        for _ in range(5):
            recorder.record(normalise_event(_profile(stage=stage), ["alpha-lab"], at=utcnow()))
    assert recorder.flush()
    recorder.close()
    recorder.record(normalise_event(_profile(stage=2), [], at=utcnow()))
    recorder.close()
    assert recorder.written == 36
    assert len(_events(engine)) == 36


def test_recording_can_be_switched_off(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAVIGATOR_DEMAND_RECORDING", "false")
    get_settings.cache_clear()
    before = demand_recorder.recorded
    record_match(_profile(stage=3), [])
    assert demand_recorder.recorded == before
    get_settings.cache_clear()


def test_a_failing_database_loses_events_without_raising(engine: Engine) -> None:
    recorder = DemandRecorder(engine, queue_size=10)
    recorder.record({"occurred_at": utcnow(), "not_a_column": 1, "keyword_terms": []})
    assert recorder.flush()
    assert recorder.failed == 1
    recorder.close()


@contextmanager
def _from(address: str) -> Iterator[None]:
    """Record as the request of the client at this address would (RequestContextMiddleware sets it)."""
    token = client_address.set(address)
    try:
        yield
    finally:
        client_address.reset(token)


def _script(snapshot_terms: bool = True) -> None:
    """A scripted series of match requests (as the match endpoint records them), each from its own client."""
    clients = (f"203.0.113.{n}" for n in range(1, 100))
    for _ in range(3):
        with _from(next(clients)):
            record_match(
                _profile(
                    stage=5,
                    stages=[5],
                    needs=["regulatory-advice"],
                    sector="digital-health",
                    location="leeds",
                    keyword_terms=analyse("software regulation"),
                ),
                ["beta-regulatory", "beta-general"],
            )
    for _ in range(2):
        with _from(next(clients)):
            record_match(
                _profile(
                    stages=[6, 7],
                    needs=["venture-investment"],
                    sector="medtech",
                    organisation_type="sme",
                    keyword_terms=analyse("software zyzzyva"),
                ),
                ["gamma-soon"],
            )
    with _from(next(clients)):
        record_match(_profile(stage=2, stages=[2], needs=[], location="leeds"), ["alpha-lab"])
    with _from(next(clients)):
        record_match(_profile(needs=["evaluation-expertise", "clinical-trials"]), [])


def test_demand_report_figures_after_scripted_requests(recorded: TestClient) -> None:
    recorded.get("/v1/offers")
    _script()
    assert demand_recorder.flush()
    body = recorded.get("/v1/insights/demand").json()
    assert body["requests"] == 7
    assert (body["requests_without_stage"], body["requests_without_needs"]) == (1, 1)
    cells = {(c["stage"], c["need"]): c for c in body["cells"]}
    assert cells[(5, "professional-advice")]["demand"] == 3
    assert cells[(5, "professional-advice")]["supply"] == 2
    assert cells[(5, "professional-advice")]["demand_per_offer"] == 1.5
    for stage in (6, 7):
        cell = cells[(stage, "market-access-and-venture-investment")]
        assert (cell["demand"], cell["supply"]) == (2, 0)  # gamma-soon is forthcoming, not supply today
    assert sum(sum(row) for row in body["matrix"]) == 3 + 2 + 2
    under = [(c["stage"], c["need"], c["demand"]) for c in body["under_served"]]
    assert under == [(6, "market-access-and-venture-investment", 2), (7, "market-access-and-venture-investment", 2)]
    top_needs = [(n["value"], n["requests"]) for n in body["top_needs"]]
    assert top_needs[:2] == [("regulatory-advice", 3), ("venture-investment", 2)]
    assert {("evaluation-expertise", 1), ("clinical-trials", 1)} <= set(top_needs)
    top_offers = [(o["slug"], o["recommended"]) for o in body["top_offers"]]
    assert top_offers == [("beta-general", 3), ("beta-regulatory", 3), ("gamma-soon", 2), ("alpha-lab", 1)]
    assert [(s["value"], s["requests"]) for s in body["sectors"]] == [("digital-health", 3), ("medtech", 2)]
    assert [(s["value"], s["requests"]) for s in body["locations"]] == [("leeds", 4)]
    # Only terms of the catalogue's own text are stored, and only those in >= 3 requests from >= 3 clients shown.
    terms = {t["value"]: t["requests"] for t in body["keyword_terms"]}
    software, regulation = analyse("software regulation")
    assert terms == {software: 5, regulation: 3}

    medtech = recorded.get("/v1/insights/demand", params={"sector": "medtech"}).json()
    assert medtech["requests"] == 2
    yesterday = (utcnow() - timedelta(days=1)).date().isoformat()
    assert recorded.get("/v1/insights/demand", params={"until": yesterday}).json()["requests"] == 0
    bad = recorded.get("/v1/insights/demand", params={"since": "2030-01-02", "until": "2030-01-01"})
    assert bad.status_code == 422

    csv_text = recorded.get("/v1/insights/demand", params={"format": "csv"}).text
    assert csv_text.splitlines()[0] == "stage,stage_name,need,need_name,demand,supply,demand_per_offer,under_served"
    assert len(csv_text.splitlines()) == 64
    assert any(line.startswith("6,") and line.endswith(",2,0,2.0,true") for line in csv_text.splitlines())


def test_prune_deletes_events_older_than_the_retention(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    now = utcnow()
    recorder = DemandRecorder(engine, queue_size=10)
    for age in (1, 100, 400, 800):
        recorder.record(normalise_event(_profile(stage=1), [], at=now - timedelta(days=age)))
    recorder.close()
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("NAVIGATOR_DEMAND_RETENTION_DAYS", "365")
    get_settings.cache_clear()
    reset_engine()
    result = CliRunner().invoke(cli, ["insights", "prune"])
    assert result.exit_code == 0, result.output
    assert "Deleted 2 match event(s) older than 365 days" in result.output
    assert len(_events(engine)) == 2
    again = CliRunner().invoke(cli, ["insights", "prune", "--days", "30"])
    assert "Deleted 1 match event(s)" in again.output
    get_engine().dispose()
    get_settings.cache_clear()
    reset_engine()
    snapshot_cache.clear()


def test_real_match_traffic_becomes_demand_and_stores_no_address_or_key(
    recorded: TestClient, fixture_db: Engine
) -> None:
    script = [
        {"stage": 5, "needs": ["regulatory-advice"], "location": "leeds", "keywords": "software Jane"},
        {"stage": 5, "needs": ["regulatory-advice"], "sector": "digital-health"},
        {"stage": 5, "needs": ["clinical-trials"], "organisation_type": "startup"},
        {"stage": 3, "needs": ["seed-investment"], "location": "leeds"},
    ]
    for body in script:
        assert recorded.post("/v1/match", json=body, headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 200
    shared = "/v1/match?trl=7&needs=regulatory-advice&keywords=software"
    assert recorded.get(shared, headers={"Authorization": "Bearer nav_abc_secret"}).status_code == 200
    assert recorded.post("/v1/match", json={"stage": 9}).status_code == 422  # refused requests are not demand
    assert demand_recorder.flush()

    events = _events(fixture_db)
    assert len(events) == 5
    assert [e.offer_slugs for e in events][:2] == [["beta-regulatory", "beta-general"]] * 2
    stored = repr([{c.name: getattr(e, c.name) for c in MatchEvent.__table__.columns} for e in events])  # type: ignore[attr-defined]
    for secret in ("198.51.100.7", "testclient", "nav_abc_secret", "Jane", "jane"):
        assert secret not in stored

    report = recorded.get("/v1/insights/demand").json()
    assert report["requests"] == 5
    cells = {(c["stage"], c["need"]): c for c in report["cells"]}
    assert cells[(5, "professional-advice")]["demand"] == 3  # two by stage, one by TRL 7 (stage 5)
    assert cells[(5, "professional-advice")]["supply"] == 2
    assert cells[(5, "patient-and-user-access")]["demand"] == 1
    assert cells[(3, "seed-investment")]["demand"] == 1
    top = {n["value"]: n["requests"] for n in report["top_needs"]}
    assert top["regulatory-advice"] == 3
    recommended = [(o["slug"], o["recommended"]) for o in report["top_offers"]]
    assert recommended[:2] == [("beta-general", 3), ("beta-regulatory", 3)]  # ties in slug order
    under = {(c["stage"], c["need"]) for c in report["under_served"]}
    assert (5, "patient-and-user-access") in under and (5, "professional-advice") not in under


def test_a_term_needs_distinct_clients_not_just_requests(recorded: TestClient) -> None:
    recorded.get("/v1/offers")
    software = analyse("software")
    for _ in range(5):  # one client, repeating itself
        with _from("198.51.100.1"):
            record_match(_profile(stage=5, keyword_terms=software), [])
    with _from("198.51.100.2"):
        record_match(_profile(stage=5, keyword_terms=software), [])
    assert demand_recorder.flush()
    report = recorded.get("/v1/insights/demand").json()
    assert (report["min_term_requests"], report["min_term_clients"]) == (3, 3)
    assert report["keyword_terms"] == [], "six requests, but from two clients"
    with _from("2001:db8:5::1"):
        record_match(_profile(stage=5, keyword_terms=software), [])
    with _from("2001:db8:5::2"):  # the same IPv6 /64: the same client
        record_match(_profile(stage=5, keyword_terms=software), [])
    assert demand_recorder.flush()
    assert recorded.get("/v1/insights/demand").json()["keyword_terms"] == [
        {"value": software[0], "name": software[0], "requests": 8}
    ]


def test_the_daily_pseudonym_names_nobody_and_changes_every_day() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    from app.clients import daily_pseudonym

    monday, tuesday = datetime(2026, 11, 30, 9, tzinfo=UTC), datetime(2026, 12, 1, 9, tzinfo=UTC)
    key = daily_pseudonym("203.0.113.9", now=monday)
    assert key is not None and len(key) == 16 and "203" not in key
    assert daily_pseudonym("203.0.113.9", now=monday.replace(hour=23)) == key
    assert daily_pseudonym("203.0.113.9", now=tuesday) != key
    assert daily_pseudonym("203.0.113.10", now=monday) != key
    assert daily_pseudonym("::ffff:203.0.113.9", now=monday) == key
    assert daily_pseudonym("2001:db8::1", now=monday) == daily_pseudonym("2001:db8::ffff", now=monday)
    assert daily_pseudonym("2001:db8:0:1::1", now=monday) != daily_pseudonym("2001:db8::1", now=monday)
    assert daily_pseudonym("testclient") is None and daily_pseudonym(None) is None
    # The day is the UTC day, however the time is given: 00:30 at UTC+2 is still Monday in UTC.
    tuesday_early_east = datetime(2026, 12, 1, 0, 30, tzinfo=timezone(timedelta(hours=2)))
    assert daily_pseudonym("203.0.113.9", now=tuesday_early_east) == key
    assert daily_pseudonym("203.0.113.9", now=datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC)) == key
    assert daily_pseudonym("203.0.113.9", now=datetime(2026, 12, 1, tzinfo=UTC)) != key

"""The worker's catalogue snapshot: one stamp check shared by the requests that need it, and reads of own writes."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from sqlalchemy import event, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from app.config import get_settings
from app.db import reset_engine
from app.main import create_app
from app.models.catalogue_tables import CatalogueState
from app.services.store.snapshot import snapshot_cache
from app.services.store.state import bump_stamp, current_stamp


@pytest.fixture
def stamp_reads() -> Iterator[list[str]]:
    """Every statement any engine runs that reads the catalogue stamp, each made to take 0.2 s (a slow database),
    so that every request of a burst arrives while the first check is still running, however busy the machine."""
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "catalogue_state.stamp" in statement:
            seen.append(statement)
            time.sleep(0.2)

    event.listen(Engine, "before_cursor_execute", listen)
    yield seen
    event.remove(Engine, "before_cursor_execute", listen)


def test_concurrent_requests_share_one_stamp_check(
    fixture_db: Engine, monkeypatch: pytest.MonkeyPatch, stamp_reads: list[str]
) -> None:
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", fixture_db.url.render_as_string(hide_password=False))
    # Every request finds the snapshot due for a check: without sharing, 40 requests would make 40 queries.
    monkeypatch.setenv("NAVIGATOR_CATALOGUE_CHECK_SECONDS", "0")
    monkeypatch.setenv("NAVIGATOR_DEMAND_RECORDING", "false")
    get_settings.cache_clear()
    reset_engine()
    app = create_app()

    async def burst() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            await client.post("/v1/match", json={"needs": ["lab-space"]})  # builds the snapshot
            stamp_reads.clear()
            responses = await asyncio.gather(
                *(client.post("/v1/match", json={"needs": ["lab-space"]}) for _ in range(40))
            )
        return [r.status_code for r in responses]

    try:
        # A loop of its own in a thread of its own: the browser tests' Playwright keeps a loop running in this one.
        with ThreadPoolExecutor(max_workers=1) as runner:
            statuses = runner.submit(asyncio.run, burst()).result()
    finally:
        get_settings.cache_clear()
        reset_engine()
    assert statuses == [200] * 40
    assert len(stamp_reads) <= 2, len(stamp_reads)  # one check, or two on a very slow machine; 40 unshared


def test_a_check_that_overlaps_a_local_write_is_not_kept(fixture_db: Engine) -> None:
    """The check reads the stamp, then this process commits a write before the check is kept: the snapshot it
    built answers its own caller, but the next reader must check again and see the write."""
    with Session(fixture_db) as session:
        before = snapshot_cache.get(session)
    writes = 0

    def write_during_check(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal writes
        if writes == 0 and "catalogue_state.stamp" in statement and statement.lstrip().upper().startswith("SELECT"):
            writes += 1
            with Session(fixture_db) as writer:
                bump_stamp(writer)
                writer.commit()  # after_commit marks the snapshot stale, as an admin write does

    event.listen(fixture_db, "after_cursor_execute", write_during_check)
    try:
        with Session(fixture_db) as session:
            during = snapshot_cache.get(session)
    finally:
        event.remove(fixture_db, "after_cursor_execute", write_during_check)
    assert writes == 1
    assert during.stamp == before.stamp  # the caller's view: the stamp as its query read it
    assert snapshot_cache.fresh(3600) is None  # not kept as fresh: the write came after that read
    with Session(fixture_db) as session:
        after = snapshot_cache.get(session)
        assert after.stamp == current_stamp(session) != before.stamp
    assert snapshot_cache.fresh(3600) is after


def test_past_half_the_window_a_reader_starts_the_check_and_answers_from_memory(
    fixture_db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stale while revalidate, inside the window: a request arriving after half of NAVIGATOR_CATALOGUE_CHECK_SECONDS
    starts the stamp check and is answered at once from the snapshot in hand (not marked stale), even while the
    check is held up; the next reader after the check sees another worker's write."""
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", fixture_db.url.render_as_string(hide_password=False))
    monkeypatch.setenv("NAVIGATOR_CATALOGUE_CHECK_SECONDS", "4")
    monkeypatch.setenv("NAVIGATOR_CATALOGUE_CHECK_TIMEOUT_SECONDS", "30")  # a waiting reader would wait 30 s
    monkeypatch.setenv("NAVIGATOR_DEMAND_RECORDING", "false")
    get_settings.cache_clear()
    reset_engine()
    snapshot_cache.clear()
    app = create_app()
    held = threading.Event()
    release = threading.Event()

    def hold(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if held.is_set() or not statement.lstrip().upper().startswith("SELECT"):
            return
        if "catalogue_state.stamp" in statement and armed:
            held.set()
            release.wait(20)

    armed = False
    event.listen(Engine, "before_cursor_execute", hold)

    async def run() -> tuple[httpx.Response, bool, str, str]:
        nonlocal armed
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            first = await client.post("/v1/match", json={"needs": ["lab-space"]})
            with Session(fixture_db) as writer:  # another worker's write: nothing in this process is told
                writer.exec(update(CatalogueState).where(col(CatalogueState.id) == 1).values(stamp="0" * 16))
                writer.commit()
            await asyncio.sleep(2.2)  # past half of the 4 s window, well inside it
            armed = True
            during = await asyncio.wait_for(client.post("/v1/match", json={"needs": ["lab-space"]}), timeout=15)
            check_held = await asyncio.to_thread(held.wait, 10)
            release.set()
            for _ in range(100):  # the check finishes in the background; the next reader gets its snapshot
                after = await client.post("/v1/match", json={"needs": ["lab-space"]})
                if after.json()["catalogue_version"] != first.json()["catalogue_version"]:
                    break
                await asyncio.sleep(0.05)
        return during, check_held, first.json()["catalogue_version"], after.json()["catalogue_version"]

    try:
        with ThreadPoolExecutor(max_workers=1) as runner:
            during, check_held, before, after = runner.submit(asyncio.run, run()).result()
    finally:
        release.set()
        event.remove(Engine, "before_cursor_execute", hold)
        get_settings.cache_clear()
        reset_engine()
        snapshot_cache.clear()
    assert check_held, "the reader past half the window started a stamp check"
    assert during.status_code == 200
    assert "x-catalogue-stale" not in during.headers
    assert during.json()["catalogue_version"] == before  # answered from memory while the check was held up
    assert after == "0" * 16  # the write another worker made, seen once the check was done

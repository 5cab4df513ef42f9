"""Request dependencies shared by routers: the catalogue snapshot, the JSON body check and the admin-key check."""

from __future__ import annotations

import asyncio
import math
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.config import Settings, get_settings
from app.db import SessionDep, get_engine, transaction
from app.middleware.context import STALE_STATE
from app.middleware.observability import catalogue_watch
from app.models.access import Role
from app.services.editing.auth import Principal, authenticate, authorize
from app.services.store.snapshot import CatalogueSnapshot, snapshot_cache


def _checked_snapshot(answered: threading.Event) -> CatalogueSnapshot:
    with Session(get_engine()) as session:
        return snapshot_cache.get(session, on_stamp=answered.set)


@dataclass(eq=False)
class _Check:
    task: asyncio.Task[CatalogueSnapshot]
    generation: int
    started_at: float
    answered: threading.Event
    """Set once the database has answered the stamp query: the rest is a rebuild, waited for in full."""


REVALIDATE_AFTER = 0.5
"""Share of NAVIGATOR_CATALOGUE_CHECK_SECONDS after which a reader starts the stamp check in the background."""

_checks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Check] = weakref.WeakKeyDictionary()


def _retrieve(task: asyncio.Task[CatalogueSnapshot]) -> None:
    """Consume a check's failure even when every request waiting on it has gone (no "never retrieved" noise)."""
    if not task.cancelled():
        task.exception()


def _shared_check(loop: asyncio.AbstractEventLoop, *, retry_after: float) -> _Check:
    """The stamp check running now for every request that needs one: the first starts it, the rest wait on it.

    Without this, every request arriving while the snapshot is due for a check would query the database at
    once (32 connections, 32 queries, every half second). A check started before this process's own last
    write is not shared with later readers, so a writer still reads its own write. While the database is
    failing, a new check starts at most every `retry_after` seconds.
    """
    generation = snapshot_cache.generation
    check = _checks.get(loop)
    now = time.monotonic()
    failed_at = snapshot_cache.failed_at
    due = failed_at is None or now - failed_at >= retry_after
    if check is None or check.generation != generation or (check.task.done() and due):
        answered = threading.Event()
        task = loop.create_task(run_in_threadpool(_checked_snapshot, answered))
        task.add_done_callback(_retrieve)
        check = _Check(task, generation, now, answered)
        _checks[loop] = check
    return check


async def get_snapshot(request: Request) -> CatalogueSnapshot:
    """The catalogue snapshot, checked against the database at most every NAVIGATOR_CATALOGUE_CHECK_SECONDS.

    Within that window no request waits for the database, so the matcher and the read endpoints answer from
    memory: once half of it has passed, the first request starts the check in the background and answers from
    the snapshot in hand, so under load the check is done before any request is due to wait for it (stale
    while revalidate, within the window: no answer comes from a snapshot checked longer ago than the window).
    A write in this process marks the snapshot stale at once (see services.snapshot). A check has its
    own deadline (NAVIGATOR_CATALOGUE_CHECK_TIMEOUT_SECONDS): when it fails or runs late, and the snapshot was
    confirmed within NAVIGATOR_CATALOGUE_STALE_SECONDS, the answer comes from it (marked X-Catalogue-Stale);
    while the database stays unreachable, readers get that answer at once instead of waiting on each retry.
    """
    settings = get_settings()
    interval = settings.catalogue_check_seconds
    snapshot = snapshot_cache.fresh(interval)
    if snapshot is None:
        snapshot = await _checked_or_stale(request, interval, settings)
    elif snapshot_cache.fresh(interval * REVALIDATE_AFTER) is None:
        _shared_check(asyncio.get_running_loop(), retry_after=interval)  # not awaited: the next readers get it
    catalogue_watch.observe(snapshot.stamp, len(snapshot.offers))
    return snapshot


async def _checked_or_stale(request: Request, retry_after: float, settings: Settings) -> CatalogueSnapshot:
    """The checked snapshot; or, when the database fails or has not answered the stamp query by the deadline, the
    one held in memory (if it may still stand in: see SnapshotCache.stale), marked in the request's state."""
    check = _shared_check(asyncio.get_running_loop(), retry_after=retry_after)
    stand_in = snapshot_cache.stale(settings.catalogue_stale_seconds)
    if stand_in is None:
        # Nothing may stand in (a cold worker, a local write since, or too old): wait for the database, whose
        # every wait is bounded by NAVIGATOR_DB_TIMEOUT_SECONDS; its failure is a 503.
        return await asyncio.shield(check.task)
    failing = snapshot_cache.failed_at is not None
    wait = 0.0 if failing else check.started_at + settings.catalogue_check_timeout_seconds - time.monotonic()
    try:
        return await asyncio.wait_for(asyncio.shield(check.task), timeout=max(0.0, wait))
    except TimeoutError:
        if check.answered.is_set():  # the database is there, and the snapshot is being rebuilt: wait for it
            return await asyncio.shield(check.task)
    except SQLAlchemyError:
        pass
    snapshot, age = stand_in
    request.scope.setdefault("state", {})[STALE_STATE] = max(1, math.ceil(age))
    return snapshot


SnapshotDep = Annotated[CatalogueSnapshot, Depends(get_snapshot)]


# ---- admin keys -----------------------------------------------------------------------------------------------


def presented_key(request: Request) -> str | None:
    """The key sent as `Authorization: Bearer …` or `X-API-Key`."""
    authorization = request.headers.get("authorization", "")
    scheme, _, credentials = authorization.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    api_key = request.headers.get("x-api-key", "").strip()
    return api_key or None


def require_role(role: Role) -> Callable[..., Principal]:
    """A dependency admitting keys of this role or a higher one: 401 without a valid key, 403 with too low a role."""

    def dependency(request: Request, session: SessionDep) -> Principal:
        # A short transaction of its own, so last_used_at is kept even when the request itself fails and rolls back.
        with transaction(session.get_bind()) as own:
            principal = authenticate(session=own, key=presented_key(request))
        authorize(principal, role)
        request.state.principal = principal.name
        return principal

    return dependency

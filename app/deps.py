"""Request dependencies shared by routers: the catalogue snapshot and conditional GET (ETag / 304)."""

from __future__ import annotations

import asyncio
import hashlib
import weakref
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlmodel import Session

from app.config import get_settings
from app.db import get_engine
from app.errors import NotModified, UnsupportedMediaType
from app.observability import catalogue_watch
from app.services.snapshot import CatalogueSnapshot, snapshot_cache

TAXONOMY_CACHE = "public, max-age=300, stale-while-revalidate=60"
CATALOGUE_CACHE = "public, no-cache"
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Your cached copy (If-None-Match) is current."}}


def _checked_snapshot() -> CatalogueSnapshot:
    with Session(get_engine()) as session:
        return snapshot_cache.get(session)


@dataclass(eq=False)
class _Check:
    task: asyncio.Task[CatalogueSnapshot]
    generation: int


_checks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Check] = weakref.WeakKeyDictionary()


def _retrieve(task: asyncio.Task[CatalogueSnapshot]) -> None:
    """Consume a check's failure even when every request waiting on it has gone (no "never retrieved" noise)."""
    if not task.cancelled():
        task.exception()


async def _shared_check() -> CatalogueSnapshot:
    """Check the stamp once for all the requests that need it now: the first starts it, the rest wait on it.

    Without this, every request arriving while the snapshot is due for a check would query the database at
    once (32 connections, 32 queries, every half second). A check started before this process's own last
    write is not shared with later readers, so a writer still reads its own write.
    """
    loop = asyncio.get_running_loop()
    generation = snapshot_cache.generation
    check = _checks.get(loop)
    if check is None or check.task.done() or check.generation != generation:
        task = loop.create_task(run_in_threadpool(_checked_snapshot))
        task.add_done_callback(_retrieve)
        check = _Check(task, generation)
        _checks[loop] = check
    return await asyncio.shield(check.task)


async def get_snapshot() -> CatalogueSnapshot:
    """The catalogue snapshot, checked against the database at most every NAVIGATOR_CATALOGUE_CHECK_SECONDS.

    Within that window no database work is done at all, so the matcher and the read endpoints answer from
    memory; a write in this process marks the snapshot stale at once (see services.snapshot).
    """
    snapshot = snapshot_cache.fresh(get_settings().catalogue_check_seconds)
    if snapshot is None:
        snapshot = await _shared_check()
    catalogue_watch.observe(snapshot.stamp, len(snapshot.offers))
    return snapshot


SnapshotDep = Annotated[CatalogueSnapshot, Depends(get_snapshot)]


def representation_etag(stamp: str, request: Request, variant: str = "json") -> str:
    """A strong ETag for one representation of one URL at one catalogue version."""
    query = "&".join(sorted(f"{k}={v}" for k, v in request.query_params.multi_items()))
    key = f"{stamp}|{request.method}|{request.url.path}|{query}|{variant}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def _matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    candidates = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return etag in candidates


def conditional_get(
    request: Request,
    response: Response,
    stamp: str,
    *,
    cache_control: str = CATALOGUE_CACHE,
    variant: str = "json",
) -> None:
    """Set ETag and Cache-Control; answer 304 when the client's copy is current."""
    etag = representation_etag(stamp, request, variant)
    headers = {"ETag": etag, "Cache-Control": cache_control}
    if_none_match = request.headers.get("if-none-match")
    if if_none_match and _matches(if_none_match, etag):
        raise NotModified(headers)
    response.headers.update(headers)


def json_content(request: Request) -> None:
    """415 for a body that is not JSON (before the body is parsed, so the answer says what to send)."""
    has_body = request.headers.get("content-length", "0") != "0" or "transfer-encoding" in request.headers
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if has_body and not (content_type == "application/json" or content_type.endswith("+json")):
        raise UnsupportedMediaType(
            f"Send the body as JSON with `Content-Type: application/json` (got {content_type or 'none'!r})."
        )


JsonContent = Depends(json_content)

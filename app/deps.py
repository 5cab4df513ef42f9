"""Request dependencies shared by routers: the catalogue snapshot and conditional GET (ETag / 304)."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlmodel import Session

from app.config import get_settings
from app.db import get_engine
from app.errors import NotModified
from app.observability import catalogue_watch
from app.services.snapshot import CatalogueSnapshot, snapshot_cache

TAXONOMY_CACHE = "public, max-age=300, stale-while-revalidate=60"
CATALOGUE_CACHE = "public, no-cache"
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Your cached copy (If-None-Match) is current."}}


def _checked_snapshot() -> CatalogueSnapshot:
    with Session(get_engine()) as session:
        return snapshot_cache.get(session)


async def get_snapshot() -> CatalogueSnapshot:
    """The catalogue snapshot, checked against the database at most every NAVIGATOR_CATALOGUE_CHECK_SECONDS.

    Within that window no database work is done at all, so the matcher and the read endpoints answer from
    memory; a write in this process marks the snapshot stale at once (see services.snapshot).
    """
    snapshot = snapshot_cache.fresh(get_settings().catalogue_check_seconds)
    if snapshot is None:
        snapshot = await run_in_threadpool(_checked_snapshot)
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

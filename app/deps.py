"""Request dependencies shared by routers: the catalogue snapshot, the JSON body check and the admin-key check."""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
import weakref
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, TypeVar, get_origin

import orjson
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute, request_response
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session
from starlette.types import ASGIApp, Receive, Scope, Send

from app.config import Settings, get_settings
from app.db import SessionDep, get_engine, transaction
from app.errors import UnsupportedMediaType
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

    Within that window no database work is done at all, so the matcher and the read endpoints answer from
    memory; a write in this process marks the snapshot stale at once (see services.snapshot). A check has its
    own deadline (NAVIGATOR_CATALOGUE_CHECK_TIMEOUT_SECONDS): when it fails or runs late, and the snapshot was
    confirmed within NAVIGATOR_CATALOGUE_STALE_SECONDS, the answer comes from it (marked X-Catalogue-Stale);
    while the database stays unreachable, readers get that answer at once instead of waiting on each retry.
    """
    settings = get_settings()
    snapshot = snapshot_cache.fresh(settings.catalogue_check_seconds)
    if snapshot is None:
        snapshot = await _checked_or_stale(request, settings.catalogue_check_seconds, settings)
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


def json_content(request: Request) -> None:
    """415 for a body that is not JSON (before the body is parsed, so the answer says what to send)."""
    has_body = request.headers.get("content-length", "0") != "0" or "transfer-encoding" in request.headers
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if has_body and not (content_type == "application/json" or content_type.endswith("+json")):
        raise UnsupportedMediaType(
            f"Send the body as JSON with `Content-Type: application/json` (got {content_type or 'none'!r})."
        )


JsonContent = Depends(json_content)


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


Handler = Callable[[Request], Coroutine[Any, Any, Response]]
Model = TypeVar("Model", bound=BaseModel)
DIRECT = "navigator_direct"


class DirectRoute(APIRoute):
    """A route documented by FastAPI from its endpoint's signature as usual, but served by the endpoint's direct
    handler (request in, response out) when it has one (see `served_by`): no dependency injection, and the body
    parsed once, from bytes, by pydantic. For the hottest routes only; the handler makes the same checks as the
    signature declares and raises the same errors, so the OpenAPI document stays true.
    """

    def get_route_handler(self) -> Handler:
        standard = super().get_route_handler()
        direct: Handler | None = getattr(self.endpoint, DIRECT, None)
        if direct is None:
            return standard

        uses = _calls(self.dependant)

        async def handler(request: Request) -> Response:
            overrides = request.app.dependency_overrides
            if overrides and not uses.isdisjoint(overrides):  # a test replacing one: FastAPI's own handling
                return await standard(request)
            return await direct(request)

        return handler


class DirectPaths:
    """In front of the app's router: a request for the exact path and method of a direct route (one without path
    parameters) goes straight to its direct handler, without FastAPI's search through every included router.

    The scope gets what the router would have set (the route, its endpoint, no path parameters), so the metrics'
    route label and the error pages are those of the routed request (other methods take the router, which answers
    405). While a dependency of the route is overridden (tests), its requests take the router, so the override
    applies.
    """

    def __init__(self, app: FastAPI, routers: Iterable[APIRouter]) -> None:
        self.app = app
        self.routed: ASGIApp = app.router.middleware_stack
        self.paths: dict[tuple[str, str], tuple[APIRoute, ASGIApp, frozenset[Callable[..., Any]]]] = {}
        for router in routers:
            for route in router.routes:
                handler: Handler | None = getattr(getattr(route, "endpoint", None), DIRECT, None)
                if isinstance(route, DirectRoute) and handler is not None and not route.param_convertors:
                    entry = (route, request_response(handler), _calls(route.dependant))
                    self.paths.update({(method, route.path): entry for method in route.methods or ()})

    @classmethod
    def install(cls, app: FastAPI, routers: Iterable[APIRouter]) -> None:
        """Put the direct paths in front of `app`'s router (after every router is included)."""
        app.router.middleware_stack = cls(app, routers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = self.paths.get((scope.get("method", ""), scope.get("path", "")))
        overrides = self.app.dependency_overrides
        if found is None or (overrides and not found[2].isdisjoint(overrides)):
            await self.routed(scope, receive, send)
            return
        route, served, _ = found
        scope.setdefault("router", self.app.router)
        scope["route"], scope["endpoint"], scope["path_params"] = route, route.endpoint, {}
        await served(scope, receive, send)


def _calls(dependant: Dependant) -> frozenset[Callable[..., Any]]:
    """Every dependency the route declares, however deep."""
    found: set[Callable[..., Any]] = set()
    pending = list(dependant.dependencies)
    while pending:
        sub = pending.pop()
        if sub.call is not None:
            found.add(sub.call)
        pending.extend(sub.dependencies)
    return frozenset(found)


def served_by(handler: Handler) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark an endpoint of a DirectRoute router as served by `handler`."""

    def attach(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        setattr(endpoint, DIRECT, handler)
        return endpoint

    return attach


def json_body(body: bytes, model: type[Model]) -> Model:
    """The JSON body validated as `model`, with exactly the answers FastAPI's own body reading gives.

    orjson reads the bytes (several times faster than json.loads) and pydantic validates the value as FastAPI
    does, so messages are the same word for word. A body orjson refuses is read again with json.loads as FastAPI
    does, so malformed, deeply nested or non-UTF-8 bodies get the same answers as on every other route (that
    second reading costs only requests that fail, or use what only json.loads accepts, such as NaN).
    """
    if not body:
        raise RequestValidationError([{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}])
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError:
        value = _fastapi_json(body)
    try:
        # from_attributes as FastAPI validates a body field: a body that is not an object gets its words
        # ("a valid dictionary or object to extract fields from").
        return model.model_validate(value, from_attributes=True)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None


def _fastapi_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except json.JSONDecodeError as error:
        problem = {"type": "json_invalid", "loc": ("body", error.pos), "msg": "JSON decode error", "input": {}}
        raise RequestValidationError([{**problem, "ctx": {"error": error.msg}}]) from error
    except Exception as error:  # RecursionError, UnicodeDecodeError: as FastAPI answers them
        raise HTTPException(status_code=400, detail="There was an error parsing the body") from error


@lru_cache
def _query_fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """Each field's name and whether it repeats (a list: every value of the parameter, not the last)."""
    return tuple((name, get_origin(field.annotation) is list) for name, field in model.model_fields.items())


def query_model(request: Request, model: type[Model]) -> Model:
    """The query string validated as `model` the way FastAPI reads a `Query()` model, errors included: a list
    field takes every value of its parameter, another field the last one, and unknown parameters are passed on
    (so a model that forbids extras names them)."""
    params = request.query_params
    values: dict[str, Any] = {}
    names = set()
    for name, repeats in _query_fields(model):
        names.add(name)
        if repeats:
            given = params.getlist(name)
            if given:
                values[name] = given
        elif (value := params.get(name)) is not None:
            values[name] = value
    for key in params:
        if key not in names:
            extra = params.getlist(key)
            values[key] = extra[0] if len(extra) == 1 else extra
    try:
        return model.model_validate(values)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in errors]) from None

"""Routes served without dependency injection: FastAPI documents them from their signatures as usual, and a
direct handler (request in, response out) serves them, with the body read once by orjson and validated by
pydantic, or the query read in one pass, giving the same errors FastAPI would (issue 18; docs/performance.md).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Collection, Coroutine, Iterator, Sequence
from functools import lru_cache
from typing import Any, TypeVar, get_origin

import orjson
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import UnsupportedMediaType

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])
Model = TypeVar("Model", bound=BaseModel)
Found = TypeVar("Found")
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
    parameters) goes straight to that route, without FastAPI's search through every included router.

    The scope gets what the router would have set (the route, its endpoint, no path parameters), so the metrics'
    route label and the error pages are those of the routed request (other methods take the router, which answers
    405). The route's own handler (`DirectRoute`) decides between its direct handler and FastAPI's, so an overridden
    dependency (tests) still applies.
    """

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.routed: ASGIApp = app.router.middleware_stack
        self.paths: dict[tuple[str, str], tuple[APIRoute, ASGIApp]] = {}
        for route, path, methods, serving in _served_routes(app.router.routes):
            if isinstance(route, DirectRoute) and hasattr(route.endpoint, DIRECT) and "{" not in path:
                self.paths.update({(method, path): (route, serving) for method in methods})

    @classmethod
    def install(cls, app: FastAPI) -> None:
        """Put the direct paths in front of `app`'s router (after every router is included)."""
        app.router.middleware_stack = cls(app)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = self.paths.get((scope.get("method", ""), scope.get("path", "")))
        if found is None:
            await self.routed(scope, receive, send)
            return
        route, serving = found
        scope.setdefault("router", self.app.router)
        scope["route"], scope["endpoint"], scope["path_params"] = route, route.endpoint, {}
        await serving(scope, receive, send)


def _served_routes(routes: Sequence[BaseRoute]) -> Iterator[tuple[BaseRoute, str, Collection[str], ASGIApp]]:
    """Each route of the app with its full path, its methods and the ASGI app FastAPI serves it with.

    FastAPI up to 0.15x copied an included router's routes into the app's; since, it keeps each included router
    as a branch (`effective_route_contexts`) whose routes are served by an app built for them as included (the
    app's dependency overrides apply there). Both are read, so the direct paths are found on either.
    """
    for route in routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is None:
            if isinstance(route, APIRoute):
                yield route, route.path, route.methods or (), route.app
            continue
        for context in contexts():
            if context.app is not None:
                yield context.original_route, context.path, context.methods or (), context.app


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


def json_post_route(
    router: APIRouter,
    path: str,
    direct: Handler,
    *,
    summary: str,
    response_model: type[BaseModel],
    curl_sample: str,
) -> Callable[[Endpoint], Endpoint]:
    """Declare `router`'s POST `path` taking a JSON body: documented from the endpoint's signature, with
    `json_content` as a dependency (the 415) and `curl_sample` as its code sample, and served by `direct`
    (which runs `json_post`, making the same check)."""

    def declare(endpoint: Endpoint) -> Endpoint:
        served_by(direct)(endpoint)
        code_samples = {"x-codeSamples": [{"lang": "curl", "source": curl_sample}]}
        route = router.post(
            path,
            summary=summary,
            response_model=response_model,
            dependencies=[JsonContent],
            openapi_extra=code_samples,
        )
        return route(endpoint)

    return declare


def json_content(request: Request) -> None:
    """415 for a body that is not JSON (before the body is parsed, so the answer says what to send)."""
    has_body = request.headers.get("content-length", "0") != "0" or "transfer-encoding" in request.headers
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if has_body and not (content_type == "application/json" or content_type.endswith("+json")):
        raise UnsupportedMediaType(
            f"Send the body as JSON with `Content-Type: application/json` (got {content_type or 'none'!r})."
        )


JsonContent = Depends(json_content)
"""The 415 check as a route dependency, for JSON-bodied routes served by FastAPI itself."""


async def json_post(
    request: Request, model: type[Model], dependency: Callable[[Request], Awaitable[Found]]
) -> tuple[Found, Model]:
    """What a direct JSON POST handler needs, in one order for every such route: `json_content` first (the 415
    for a body that is not JSON, before anything is read), then the body read and parsed (a malformed body is a
    422 whatever else fails), then the route's `dependency` (the catalogue snapshot, which may be a 503), then
    the body validated as `model` (its 422s), as FastAPI orders its own handling of the same signature."""
    json_content(request)
    value = _json_value(await request.body())
    found = await dependency(request)
    return found, _validated(value, model)


_NO_BODY: Any = object()


def _json_value(body: bytes) -> Any:
    """The body's JSON value (`_NO_BODY` for none).

    orjson reads the bytes (several times faster than json.loads); a body orjson refuses is read again with
    json.loads as FastAPI does, so malformed, deeply nested or non-UTF-8 bodies get the same answers as on every
    other route (that second reading costs only requests that fail, or use what only json.loads accepts, such as
    NaN).
    """
    if not body:
        return _NO_BODY
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return _fastapi_json(body)


def _validated(value: Any, model: type[Model]) -> Model:
    """`value` validated by pydantic as FastAPI validates a body field, so messages are the same word for word."""
    if value is _NO_BODY:
        raise RequestValidationError([{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}])
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
def _repeated_fields(model: type[BaseModel]) -> dict[str, bool]:
    """Each field's name and whether it repeats (a list: every value of the parameter, not the last)."""
    return {name: get_origin(field.annotation) is list for name, field in model.model_fields.items()}


def query_model(request: Request, model: type[Model]) -> Model:
    """The query string validated as `model` the way FastAPI reads a `Query()` model, errors included: a list
    field takes every value of its parameter, another field the last one, and unknown parameters are passed on
    (so a model that forbids extras names them). One pass over the parameters given, not one look-up per field."""
    given: dict[str, list[str]] = {}
    for name, value in request.query_params.multi_items():
        given.setdefault(name, []).append(value)
    fields = _repeated_fields(model)
    values: dict[str, Any] = {}
    for name, all_values in given.items():
        repeats = fields.get(name)
        if repeats is None:  # unknown: passed on as FastAPI does, one value or the list
            values[name] = all_values[0] if len(all_values) == 1 else all_values
        else:
            values[name] = all_values if repeats else all_values[-1]
    try:
        return model.model_validate(values)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in errors]) from None

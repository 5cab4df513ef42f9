"""The handlers that turn every failure, expected or not, into RFC 9457 problem+json."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.errors.types import (
    AppError,
    Conflict,
    FieldProblem,
    NotModified,
    ServiceUnavailable,
    ValidationProblem,
    field_path,
    problem_response,
)

NESTED_TOO_DEEPLY = (
    "The JSON body is nested too deeply to read (arrays and objects inside each other, about a thousand levels); "
    "no field of this API nests more than a few levels."
)
logger = logging.getLogger("app.errors")


def _allowed_fields(request: Request, location: str) -> list[str]:
    """The field names a route accepts in the body or the query string (model parameters expanded)."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    if dependant is None:
        return []
    params = getattr(dependant, "body_params" if location == "body" else "query_params", [])
    names: list[str] = []
    for param in params:
        fields = getattr(getattr(param.field_info, "annotation", None), "model_fields", None)
        names.extend(fields.keys() if fields else [param.alias])
    return names


def _validation_message(request: Request, error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    loc = error.get("loc", ())
    if kind == "extra_forbidden":
        allowed = _allowed_fields(request, str(loc[0]) if loc else "body")
        name = field_path(loc)
        return f"Unknown field '{name}'." + (f" Valid fields: {', '.join(allowed)}." if allowed else "")
    if kind == "missing":
        return "This field is required."
    if kind == "json_invalid":
        return f"The body is not valid JSON ({error.get('ctx', {}).get('error', 'parse error')})."
    message = str(error.get("msg", "Invalid value."))
    return message if message.endswith(".") else message + "."


async def _on_app_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AppError)
    return problem_response(
        exc.status,
        exc.detail,
        title=exc.title,
        type_=exc.type,
        instance=request.url.path,
        errors=exc.errors,
        headers=exc.headers,
    )


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [
        FieldProblem(field=field_path(err.get("loc", ())), message=_validation_message(request, err))
        for err in exc.errors()
    ]
    error = ValidationProblem(problems)
    return await _on_app_error(request, error)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if status == 400 and exc.detail == "There was an error parsing the body":
        # FastAPI's answer to a body its JSON parser could not read; malformed JSON is a 422, so this is too.
        message = (
            NESTED_TOO_DEEPLY
            if isinstance(exc.__cause__, RecursionError)
            else "The body is not valid JSON (it must be UTF-8 text)."
        )
        return await _on_app_error(request, ValidationProblem([FieldProblem(field="body", message=message)]))
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(status).description
    if status == 404 and exc.detail == "Not Found":
        detail = f"There is nothing at {request.url.path}. See /docs for the API."
    headers = dict(getattr(exc, "headers", None) or {})
    if status == 405:
        method = request.scope.get("navigator.original_method", request.method)
        detail = f"{method} is not allowed on {request.url.path}."
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return problem_response(status, detail, type_="about:blank", instance=request.url.path, headers=headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path (Starlette's own Allow names only the first such route's).

    Each method is tried against the router's top-level routes, so included routers are asked too.
    """
    methods: set[str] = set()
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        scope = {**request.scope, "type": "http", "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            methods.add(method)
    if "GET" in methods:
        methods.add("HEAD")  # app.middleware.head.HeadMiddleware answers HEAD wherever GET is served
    return sorted(methods)


async def _on_not_modified(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotModified)
    return Response(status_code=304, headers=exc.headers)


async def _on_database_unavailable(request: Request, exc: Exception) -> Response:
    logger.warning("database unavailable: %s", type(exc).__name__)
    return await _on_app_error(
        request, ServiceUnavailable("The catalogue database is not answering. Please try again shortly.")
    )


async def _on_integrity_error(request: Request, exc: Exception) -> Response:
    logger.info("integrity error on %s: %s", request.url.path, type(exc).__name__)
    clash = "The change clashes with data saved at the same moment (for example a slug just taken). Reload and retry."
    return await _on_app_error(request, Conflict(clash))


async def _on_unstorable_value(request: Request, exc: Exception) -> Response:
    logger.info("value refused by the database on %s: %s", request.url.path, type(exc).__name__)
    problem = FieldProblem(
        field="request",
        message="A value cannot be stored or compared by the database (for example a NUL character or a number "
        "out of range).",
    )
    return await _on_app_error(request, ValidationProblem([problem]))


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        500,
        "Something went wrong on our side. It has been logged; please try again.",
        title="Internal server error",
        instance=request.url.path,
    )


def install_error_handlers(app: FastAPI) -> None:
    """Map every failure, expected or not, to problem+json."""
    app.add_exception_handler(AppError, _on_app_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(NotModified, _on_not_modified)
    app.add_exception_handler(OperationalError, _on_database_unavailable)
    app.add_exception_handler(PoolTimeoutError, _on_database_unavailable)
    app.add_exception_handler(IntegrityError, _on_integrity_error)
    app.add_exception_handler(DataError, _on_unstorable_value)
    app.add_exception_handler(DBAPIError, _on_database_unavailable)
    app.add_exception_handler(Exception, _on_unexpected)

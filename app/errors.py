"""One error family (AppError) and the handlers that turn every failure into RFC 9457 problem+json."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

PROBLEM_MEDIA_TYPE = "application/problem+json"
RETRY_AFTER_SECONDS = "2"
"""Retry-After on every 503: long enough for a database blip to pass or a failover to finish."""
NESTED_TOO_DEEPLY = (
    "The JSON body is nested too deeply to read (arrays and objects inside each other, about a thousand levels); "
    "no field of this API nests more than a few levels."
)
logger = logging.getLogger("app.errors")


class FieldProblem(BaseModel):
    """One invalid input: where it is and what is wrong, naming the valid values."""

    field: str = Field(examples=["needs[0]"])
    message: str = Field(examples=["Unknown need 'regulatory'. Valid values: research-expertise, …"])


class Problem(BaseModel):
    """An RFC 9457 problem details body."""

    type: str = Field(default="about:blank", examples=["/problems/validation-error"])
    title: str = Field(examples=["Your request has invalid fields"])
    status: int = Field(examples=[422])
    detail: str = Field(examples=["needs[0]: Unknown need 'regulatory'."])
    instance: str | None = Field(default=None, examples=["/v1/match"])
    errors: list[FieldProblem] | None = None


class AppError(Exception):
    """Base of every error the service raises on purpose; rendered as problem+json."""

    status: int = 500
    title: str = "Internal server error"
    type: str = "about:blank"

    def __init__(
        self,
        detail: str,
        *,
        errors: Sequence[FieldProblem] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors) if errors is not None else None
        self.headers = dict(headers or {})


class BadRequest(AppError):
    status, title, type = 400, "Bad request", "/problems/bad-request"


class Unauthorized(AppError):
    status, title, type = 401, "Authentication required", "/problems/unauthorized"


class Forbidden(AppError):
    status, title, type = 403, "Not allowed for this key", "/problems/forbidden"


class NotFound(AppError):
    status, title, type = 404, "Not found", "/problems/not-found"


class Gone(AppError):
    status, title, type = 410, "Withdrawn", "/problems/gone"


class Conflict(AppError):
    status, title, type = 409, "Conflict", "/problems/conflict"


class PreconditionFailed(AppError):
    status, title, type = 412, "Someone else changed this first", "/problems/precondition-failed"


class PreconditionRequired(AppError):
    status, title, type = 428, "If-Match header required", "/problems/precondition-required"


class PayloadTooLarge(AppError):
    status, title, type = 413, "Request body too large", "/problems/payload-too-large"


class UnsupportedMediaType(AppError):
    status, title, type = 415, "Unsupported media type", "/problems/unsupported-media-type"


class NotAcceptable(AppError):
    status, title, type = 406, "Not acceptable", "/problems/not-acceptable"


class TooManyRequests(AppError):
    status, title, type = 429, "Too many requests", "/problems/too-many-requests"


class ValidationProblem(AppError):
    status, title, type = 422, "Your request has invalid fields", "/problems/validation-error"

    def __init__(self, errors: Sequence[FieldProblem], *, detail: str | None = None) -> None:
        summary = detail or "; ".join(f"{e.field}: {e.message}" for e in errors)
        super().__init__(summary, errors=errors)


class ServiceUnavailable(AppError):
    status, title, type = 503, "Service temporarily unavailable", "/problems/service-unavailable"

    def __init__(self, detail: str, *, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(detail, headers={"Retry-After": RETRY_AFTER_SECONDS, **(headers or {})})


class NotModified(Exception):
    """Not an error: the client's cached copy is current (answered 304 with the validators)."""

    def __init__(self, headers: Mapping[str, str]) -> None:
        super().__init__("not modified")
        self.headers = dict(headers)


def problem_response(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    type_: str = "about:blank",
    instance: str | None = None,
    errors: Sequence[FieldProblem] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """A problem+json response; the one place such bodies are shaped."""
    body = Problem(
        type=type_,
        title=title or HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=instance,
        errors=list(errors) if errors is not None else None,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=dict(headers or {}),
    )


def field_path(loc: Sequence[Any]) -> str:
    """('body', 'needs', 1) -> 'needs[1]'; the request part (body, query, path) is dropped."""
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "body"


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
    return problem_response(
        503,
        "The catalogue database is not answering. Please try again shortly.",
        title=ServiceUnavailable.title,
        type_=ServiceUnavailable.type,
        instance=request.url.path,
        headers={"Retry-After": RETRY_AFTER_SECONDS},
    )


async def _on_integrity_error(request: Request, exc: Exception) -> Response:
    logger.info("integrity error on %s: %s", request.url.path, type(exc).__name__)
    return problem_response(
        409,
        "The change clashes with data saved at the same moment (for example a slug just taken). Reload and retry.",
        title=Conflict.title,
        type_=Conflict.type,
        instance=request.url.path,
    )


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


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI declarations of the problem responses a route can give."""
    declared: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        declared[status] = {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
    return declared


# ---- what each problem type means ---------------------------------------------------------------------------


class ProblemPage(BaseModel):
    """What a problem `type` means and what to do about it (served at the type's own address)."""

    type: str = Field(examples=["/problems/validation-error"])
    title: str = Field(examples=["Your request has invalid fields"])
    status: int = Field(examples=[422])
    meaning: str = Field(examples=["A field is missing, of the wrong type, or not a value the API knows."])
    what_to_do: str = Field(examples=["Read `errors`: each names a field and, for vocabularies, the valid values."])


_PROBLEM_HELP: dict[type[AppError], tuple[str, str]] = {
    BadRequest: (
        "The request could not be read as HTTP the API understands (for example a malformed header).",
        "Check the header or parameter named in `detail` and send the request again.",
    ),
    Unauthorized: (
        "The admin API needs an API key, and none was sent, or the key is unknown or revoked.",
        "Send `Authorization: Bearer <key>` or `X-API-Key: <key>`; a curator gets a key from `navigator keys create`.",
    ),
    Forbidden: (
        "The key is valid but its role may not do this (an editor key cannot manage keys).",
        "Use a key with the `admin` role, or ask an admin to do it.",
    ),
    NotFound: (
        "There is no offer, provider, service or other record at this address.",
        "Check the slug or id; the list endpoints (/v1/offers, /v1/providers, /hsds/services) show the valid ones.",
    ),
    Gone: (
        "The record existed but curators have withdrawn it from the catalogue.",
        "Remove your link to it; /v1/offers lists what is offered now.",
    ),
    Conflict: (
        "The change clashes with the catalogue as it is (a slug already taken, a provider that still has offers).",
        "Read `detail`, reload the record, and send a change that fits.",
    ),
    PreconditionFailed: (
        "Someone changed the record after you read it: your If-Match names an older version.",
        "GET the record again, reapply your change to it, and send it with the new ETag.",
    ),
    PreconditionRequired: (
        "Changes to a record must say which version they change, so two editors never overwrite each other.",
        "GET the record and send its ETag back in an `If-Match` header (or `If-Match: *`).",
    ),
    PayloadTooLarge: (
        "The request body is larger than the server accepts (NAVIGATOR_MAX_BODY_BYTES, 64 KiB by default).",
        "Send a smaller body; a match profile or a catalogue entry is a few kilobytes at most.",
    ),
    UnsupportedMediaType: (
        "The body is not JSON, or its Content-Type does not say it is.",
        "Send the body as JSON with `Content-Type: application/json`.",
    ),
    NotAcceptable: (
        "The Accept header asks only for formats this endpoint cannot produce.",
        "Accept application/json (or text/csv, application/x-ndjson where offered), or add `?format=`.",
    ),
    TooManyRequests: (
        "This address or API key sent more requests in the current window than the rate limit allows.",
        "Wait the seconds given in `Retry-After` (the `RateLimit` header says how many are left), then retry.",
    ),
    ValidationProblem: (
        "A field is missing, of the wrong type, out of range, or not a value of the API's vocabulary.",
        "Read `errors`: each names the field and what is wrong, and for vocabularies the valid values.",
    ),
    ServiceUnavailable: (
        "The catalogue database is not answering, or holds no catalogue yet. Nothing you sent is at fault.",
        "Retry after the seconds in `Retry-After`; if it lasts, tell the service's operators.",
    ),
}


def _error_classes(root: type[AppError] = AppError) -> list[type[AppError]]:
    """Every AppError subclass, however deep."""
    found: list[type[AppError]] = []
    for child in root.__subclasses__():
        found.append(child)
        found.extend(_error_classes(child))
    return found


def problem_pages() -> dict[str, ProblemPage]:
    """Each problem type by its slug (`/problems/<slug>`), from the error classes and their help texts."""
    pages: dict[str, ProblemPage] = {}
    for error in _error_classes():
        if not error.type.startswith("/problems/") or error not in _PROBLEM_HELP:
            continue
        meaning, what_to_do = _PROBLEM_HELP[error]
        slug = error.type.removeprefix("/problems/")
        pages[slug] = ProblemPage(
            type=error.type, title=error.title, status=error.status, meaning=meaning, what_to_do=what_to_do
        )
    return pages


def problem_types() -> set[str]:
    """Every `type` an AppError subclass can send (a test checks each has a page)."""
    return {error.type for error in _error_classes()}

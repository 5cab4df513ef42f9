"""The error family (AppError), the RFC 9457 body (Problem) and the one function that shapes a problem response."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

PROBLEM_MEDIA_TYPE = "application/problem+json"
RETRY_AFTER_SECONDS = "2"
"""Retry-After on every 503: long enough for a database blip to pass or a failover to finish."""


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

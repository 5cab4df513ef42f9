"""What each problem `type` means and what to do about it: the pages served at each type's own address."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.errors.types import (
    AppError,
    BadRequest,
    Conflict,
    Forbidden,
    Gone,
    NotAcceptable,
    NotFound,
    PayloadTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    ServiceUnavailable,
    TooManyRequests,
    Unauthorized,
    UnsupportedMediaType,
    ValidationProblem,
)


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

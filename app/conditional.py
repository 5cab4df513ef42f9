"""Conditional requests in one place: entity tags, If-None-Match (304), If-Match (412, 428) and their answers.

Three kinds of resource carry an ETag, all made here: a catalogue read (strong, from the catalogue's version
stamp and the exact request: `conditional_get`), a file or page served as it is (strong, from its bytes:
`cached_response`), and an editable record (strong, from its version: `entity_etag`, checked by `parse_if_match`
and `check_precondition` before every change).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request, Response

from app.errors import BadRequest, NotModified, PreconditionFailed, PreconditionRequired

TAXONOMY_CACHE = "public, max-age=300, stale-while-revalidate=60"
CATALOGUE_CACHE = "public, no-cache"
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Your cached copy (If-None-Match) is current."}}
"""The OpenAPI declaration of the 304 answer, for every route that honours If-None-Match."""
ENTITY_TAG = re.compile(r'^(W/)?"([\x21\x23-\x7e]*)"$')


# ---- making entity tags ---------------------------------------------------------------------------------------


def strong_etag(content: bytes) -> str:
    """A strong ETag for exactly these bytes."""
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def representation_etag(stamp: str, request: Request, variant: str = "json") -> str:
    """A strong ETag for one representation of one URL at one catalogue version."""
    query = "&".join(sorted(f"{k}={v}" for k, v in request.query_params.multi_items()))
    return strong_etag(f"{stamp}|{request.method}|{request.url.path}|{query}|{variant}".encode())


def entity_etag(entity_type: str, slug: str, version: int) -> str:
    """The strong ETag of one version of one record, e.g. `"offer-propel-yh-v3"`."""
    return f'"{entity_type}-{slug}-v{version}"'


# ---- If-None-Match: 304 ---------------------------------------------------------------------------------------


def none_match(if_none_match: str | None, etag: str) -> bool:
    """True when If-None-Match names this ETag (the weak comparison, as RFC 9110 asks) or is `*`."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return etag in (tag.strip().removeprefix("W/") for tag in if_none_match.split(","))


def not_modified_unless_changed(request: Request, headers: Mapping[str, str]) -> None:
    """Raise the 304 answer (carrying these headers) when the client's copy, by headers["ETag"], is current."""
    if none_match(request.headers.get("if-none-match"), headers["ETag"]):
        raise NotModified(headers)


def conditional_get(
    request: Request,
    response: Response,
    stamp: str,
    *,
    cache_control: str = CATALOGUE_CACHE,
    variant: str = "json",
) -> None:
    """Set ETag and Cache-Control for a catalogue read; answer 304 when the client's copy is current."""
    headers = {"ETag": representation_etag(stamp, request, variant), "Cache-Control": cache_control}
    not_modified_unless_changed(request, headers)
    response.headers.update(headers)


def cached_response(
    request: Request,
    content: bytes,
    media_type: str,
    cache_control: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A file or page with a strong ETag of its bytes (and any further headers), or 304 when the copy is current."""
    validators = {"ETag": strong_etag(content), "Cache-Control": cache_control, **(headers or {})}
    not_modified_unless_changed(request, validators)
    return Response(content, media_type=media_type, headers=validators)


# ---- If-Match: 412 and 428 ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Precondition:
    """A parsed If-Match header: `*` (any current version) or the versions the client last saw."""

    any_version: bool
    versions: frozenset[int]


def parse_if_match(header: str | None, entity_type: str, slug: str) -> Precondition:
    """Parse If-Match for one record: 428 when missing, 400 when it is not a list of entity tags.

    Weak tags never match (If-Match uses the strong comparison), nor do tags of other records.
    """
    if header is None or not header.strip():
        raise PreconditionRequired(
            f"Changing a record needs `If-Match: <ETag>`: GET /v1/admin/{entity_type}s/{slug} and send the ETag "
            "it returns, so a change made by someone else in the meantime is never overwritten."
        )
    if header.strip() == "*":
        return Precondition(any_version=True, versions=frozenset())
    pattern = re.compile(rf"^{re.escape(entity_type)}-{re.escape(slug)}-v(\d{{1,9}})$")
    versions: set[int] = set()
    for raw in header.split(","):
        tag = ENTITY_TAG.match(raw.strip())
        if tag is None:
            raise BadRequest(
                f"If-Match must be `*` or a list of quoted entity tags such as {entity_etag(entity_type, slug, 1)}; "
                f"got {raw.strip()[:80]!r}."
            )
        weak, opaque = tag.groups()
        own = pattern.match(opaque)
        if own is not None and not weak:
            versions.add(int(own.group(1)))
    return Precondition(any_version=False, versions=frozenset(versions))


def check_precondition(precondition: Precondition, entity_type: str, slug: str, current_version: int) -> None:
    """412 unless the client's tag names the current version; the response carries the current ETag."""
    if precondition.any_version or current_version in precondition.versions:
        return
    stale_for(entity_type, slug, current_version)


def stale_for(entity_type: str, slug: str, current_version: int) -> None:
    """Raise the 412 answer for a stale write."""
    current = entity_etag(entity_type, slug, current_version)
    raise PreconditionFailed(
        f"The {entity_type} '{slug}' was changed by someone else since you read it (it is now {current}). "
        f"GET it again, re-apply your change and send the new ETag.",
        headers={"ETag": current},
    )

"""Entity tags of editable records and the If-Match preconditions that guard every change to them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.errors import BadRequest, PreconditionFailed, PreconditionRequired

ENTITY_TAG = re.compile(r'^(W/)?"([\x21\x23-\x7e]*)"$')


def entity_etag(entity_type: str, slug: str, version: int) -> str:
    """The strong ETag of one version of one record, e.g. `"offer-propel-yh-v3"`."""
    return f'"{entity_type}-{slug}-v{version}"'


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

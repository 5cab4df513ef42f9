"""The append-only audit trail: one row per write, recorded in the write's own transaction, never changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models.access import AuditEvent
from app.models.base import IsoDateTime, as_utc, utcnow
from app.models.catalogue import SLUG_PATTERN
from app.services.store.state import catalogue_version_number

EntityType = Literal["offer", "provider", "need", "taxonomy", "api_key"]


@dataclass(frozen=True)
class Actor:
    """Who writes: the key's name (or `cli:<command>`) and the request id, both kept in the trail."""

    key_name: str
    request_id: str | None = None


class AuditFilters(BaseModel):
    """Filters of GET /v1/admin/audit; newest first."""

    model_config = ConfigDict(extra="forbid")

    entity_type: EntityType | None = Field(default=None, description="offer, provider, need, taxonomy or api_key.")
    entity_slug: str | None = Field(default=None, pattern=SLUG_PATTERN, max_length=100, examples=["propel-yh"])
    key_name: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._@:-]{0,99}$",
        description="The name of the key that wrote (`cli:import` and `cli:keys` for the command line).",
    )
    action: str | None = Field(default=None, pattern=r"^[a-z][a-z-]{0,39}$", examples=["update"])
    since: IsoDateTime | None = Field(default=None, description="Events at or after this ISO 8601 time.")
    until: IsoDateTime | None = Field(default=None, description="Events before this ISO 8601 time.")
    limit: int = Field(default=50, ge=1, le=200)
    offset: int = Field(default=0, ge=0, le=1_000_000_000, description="Events to skip (a database integer).")


class AuditEventPublic(BaseModel):
    """One write: who, when, what, and the record before and after (in the curated-file form)."""

    id: int
    occurred_at: datetime
    key_name: str = Field(examples=["lahp-curator"])
    action: str = Field(examples=["update"])
    entity_type: str = Field(examples=["offer"])
    entity_slug: str = Field(examples=["propel-yh"])
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str | None
    catalogue_version: int | None = Field(description="The catalogue's write count after this write.")


def record_event(
    *,
    session: Session,
    actor: Actor,
    action: str,
    entity_type: EntityType,
    entity_slug: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEvent:
    """Append one event in the caller's transaction, so the write and its record commit or fail together."""
    event = AuditEvent(
        occurred_at=utcnow(),
        key_name=actor.key_name,
        action=action,
        entity_type=entity_type,
        entity_slug=entity_slug,
        before=before,
        after=after,
        request_id=actor.request_id,
        catalogue_version=catalogue_version_number(session),
    )
    session.add(event)
    session.flush()
    return event


def event_public(row: AuditEvent) -> AuditEventPublic:
    """The API view of an event."""
    return AuditEventPublic(
        id=row.id or 0,
        occurred_at=as_utc(row.occurred_at),
        key_name=row.key_name,
        action=row.action,
        entity_type=row.entity_type,
        entity_slug=row.entity_slug,
        before=row.before,
        after=row.after,
        request_id=row.request_id,
        catalogue_version=row.catalogue_version,
    )


def _in_utc(value: datetime) -> datetime:
    """A time without a zone is taken as UTC, the zone every stored time is in."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def list_events(*, session: Session, filters: AuditFilters) -> tuple[int, list[AuditEventPublic]]:
    """The total matching the filters and one page of them, newest first."""
    conditions: list[Any] = []
    for name in ("entity_type", "entity_slug", "key_name", "action"):
        value = getattr(filters, name)
        if value is not None:
            conditions.append(getattr(AuditEvent, name) == value)
    if filters.since is not None:
        conditions.append(col(AuditEvent.occurred_at) >= _in_utc(filters.since))
    if filters.until is not None:
        conditions.append(col(AuditEvent.occurred_at) < _in_utc(filters.until))
    total = session.exec(select(func.count()).select_from(AuditEvent).where(*conditions)).one()
    rows = session.exec(
        select(AuditEvent)
        .where(*conditions)
        .order_by(col(AuditEvent.id).desc())
        .offset(filters.offset)
        .limit(filters.limit)
    )
    return int(total), [event_public(row) for row in rows]

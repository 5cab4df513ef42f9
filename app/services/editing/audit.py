"""The append-only audit trail: one row per write, recorded in the write's own transaction, never changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models.access import AuditEvent, AuditEventPublic, AuditFilters, EntityType
from app.models.base import as_utc, utcnow
from app.services.store.state import catalogue_version_number


@dataclass(frozen=True)
class Actor:
    """Who writes: the key's name (or `cli:<command>`) and the request id, both kept in the trail."""

    key_name: str
    request_id: str | None = None


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
    """The API view of an event: its columns by name, the time in UTC."""
    return AuditEventPublic.model_validate(
        row.model_dump() | {"id": row.id or 0, "occurred_at": as_utc(row.occurred_at)}
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

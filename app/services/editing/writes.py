"""Curators' writes to the catalogue: create, replace, patch, withdraw and restore, with compare-and-swap.

One generic function per action serves every kind of record; what differs between offers and providers (their
checks, their record, the guards of a withdrawal or a restore) is in their `RecordKind` (app/services/editing/kinds.py).
Every change is one `UPDATE … WHERE id = :id AND version = :seen` (compare-and-swap), so two editors holding the
same version can never both succeed, on SQLite and on PostgreSQL alike; the stamp bump and the audit row go in the
same transaction, so a change, its record and the caches' invalidation commit or fail together.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from sqlalchemy import update
from sqlmodel import Session, func, select

from app.conditional import Precondition, check_precondition, stale_for
from app.errors import Conflict, FieldProblem, NotFound, ValidationProblem, field_path
from app.models.access import EntityType
from app.models.admin import NeedCreate, NeedCreated, OfferRecord
from app.models.base import utcnow
from app.models.catalogue import OfferUpdate
from app.models.catalogue_tables import TaxonomyTerm
from app.services.editing.audit import Actor, record_event
from app.services.editing.kinds import OFFER, Entry, Record, RecordKind, Row
from app.services.store.state import bump_stamp, lock_for_write

# ---- reads ------------------------------------------------------------------------------------------------------


def _row(kind: RecordKind[Row, Entry, Record], session: Session, slug: str) -> Row:
    row = session.exec(select(kind.table).where(kind.table.slug == slug)).first()
    if row is None:
        raise NotFound(f"There is no {kind.name} '{slug}'.")
    return row


def get(kind: RecordKind[Row, Entry, Record], *, session: Session, slug: str) -> Record:
    """A record for editing, withdrawn or not."""
    return kind.record_of(session, _row(kind, session, slug))


# ---- validation -------------------------------------------------------------------------------------------------


def _validated(schema: type[Entry], data: Mapping[str, Any]) -> Entry:
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise ValidationProblem(_field_problems(exc.errors())) from exc


def _field_problems(errors: list[ErrorDetails]) -> list[FieldProblem]:
    return [FieldProblem(field=field_path(("body", *error["loc"])), message=str(error["msg"])) for error in errors]


def _slug_matches(path_slug: str, body_slug: str) -> None:
    if path_slug != body_slug:
        raise ValidationProblem(
            [
                FieldProblem(
                    field="slug",
                    message=f"The body's slug '{body_slug}' differs from the URL's '{path_slug}'. Slugs are public "
                    "and never change: create a new record and withdraw this one instead.",
                )
            ]
        )


def _not_withdrawn(entity_type: str, row: Any) -> None:
    if row.withdrawn_at is not None:
        raise Conflict(
            f"The {entity_type} '{row.slug}' is withdrawn. POST /v1/admin/{entity_type}s/{row.slug}/restore "
            "to bring it back before changing it."
        )


# ---- writing ----------------------------------------------------------------------------------------------------


def _compare_and_swap(session: Session, row: Any, values: Mapping[str, Any], entity_type: str) -> None:
    """Write the values only if the row still has the version read; 412 otherwise (someone else won)."""
    model = type(row)
    result = session.execute(
        update(model)
        .where(model.id == row.id, model.version == row.version)
        .values(**values, version=row.version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(row)
        stale_for(entity_type, row.slug, row.version)
    session.refresh(row)


Snapshot = dict[str, Any] | None
"""A record's curated-file form as JSON, before or after a change (None where it did not or does not exist)."""


def _written(
    session: Session, actor: Actor, action: str, kind: EntityType, slug: str, before: Snapshot, after: Snapshot
) -> None:
    """Bump the version stamp and append the audit event, in the write's own transaction."""
    bump_stamp(session)
    record_event(
        session=session,
        actor=actor,
        action=action,
        entity_type=kind,
        entity_slug=slug,
        before=before,
        after=after,
    )


def create(kind: RecordKind[Row, Entry, Record], *, session: Session, entry: Entry, actor: Actor) -> Record:
    """Add a record (409 when the slug is taken, 422 naming each unknown reference and broken lint rule)."""
    lock_for_write(session)
    existing = session.exec(select(kind.table).where(kind.table.slug == entry.slug)).first()
    if existing is not None:
        hint = f" by a withdrawn {kind.name}; restore it instead" if existing.withdrawn_at is not None else ""
        raise Conflict(f"The slug '{entry.slug}' is already used{hint}.")
    values = kind.checked_values(session, entry)
    now = utcnow()
    row = kind.table(**values, version=1, created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    record = kind.record_of(session, row)
    _written(session, actor, "create", kind.name, entry.slug, None, record.entry.model_dump(mode="json"))
    return record


def _change(
    kind: RecordKind[Row, Entry, Record],
    session: Session,
    row: Row,
    data: Mapping[str, Any],
    precondition: Precondition,
    actor: Actor,
    action: str,
    current: Entry | None = None,
) -> Record:
    """`current` is the row's curated form when the caller has already built it (a patch merges into it)."""
    check_precondition(precondition, kind.name, row.slug, row.version)
    values = kind.checked_values(session, _validated(kind.schema, data))
    before = (current if current is not None else kind.entry_of(session, row)).model_dump(mode="json")
    values.pop("slug")
    _compare_and_swap(session, row, values, kind.name)
    record = kind.record_of(session, row)
    _written(session, actor, action, kind.name, row.slug, before, record.entry.model_dump(mode="json"))
    return record


def replace(
    kind: RecordKind[Row, Entry, Record],
    *,
    session: Session,
    slug: str,
    entry: Entry,
    precondition: Precondition,
    actor: Actor,
) -> Record:
    """Replace a record wholesale (PUT): the body is the full curated-file form."""
    _slug_matches(slug, entry.slug)
    lock_for_write(session)
    row = _row(kind, session, slug)
    _not_withdrawn(kind.name, row)
    return _change(kind, session, row, entry.model_dump(), precondition, actor, "replace")


def patch(
    kind: RecordKind[Row, Entry, Record],
    *,
    session: Session,
    slug: str,
    changes: BaseModel,
    precondition: Precondition,
    actor: Actor,
    action: str = "update",
) -> Record:
    """Change the fields sent (PATCH); the result is validated as a whole, like a new entry."""
    lock_for_write(session)
    row = _row(kind, session, slug)
    _not_withdrawn(kind.name, row)
    current = kind.entry_of(session, row)
    data = current.model_dump()
    data.update(changes.model_dump(exclude_unset=True))
    return _change(kind, session, row, data, precondition, actor, action, current)


def verify_offer(
    *, session: Session, slug: str, verified_at: datetime | None, precondition: Precondition, actor: Actor
) -> OfferRecord:
    """Record that a curator checked the offer against its source (now, unless a time is given)."""
    changes = OfferUpdate(last_verified_at=verified_at or utcnow())
    return patch(
        OFFER, session=session, slug=slug, changes=changes, precondition=precondition, actor=actor, action="verify"
    )


def withdraw(
    kind: RecordKind[Row, Entry, Record], *, session: Session, slug: str, precondition: Precondition, actor: Actor
) -> Record:
    """Withdraw a record: kept (soft delete), hidden from the public API, whose page for it answers 410."""
    lock_for_write(session)
    row = _row(kind, session, slug)
    _not_withdrawn(kind.name, row)
    check_precondition(precondition, kind.name, slug, row.version)
    kind.before_withdraw(session, row)
    before = kind.entry_of(session, row).model_dump(mode="json")
    _compare_and_swap(session, row, {"withdrawn_at": utcnow()}, kind.name)
    record = kind.record_of(session, row)
    _written(session, actor, "withdraw", kind.name, slug, before, None)
    return record


def restore(
    kind: RecordKind[Row, Entry, Record], *, session: Session, slug: str, precondition: Precondition, actor: Actor
) -> Record:
    """Bring a withdrawn record back."""
    lock_for_write(session)
    row = _row(kind, session, slug)
    check_precondition(precondition, kind.name, slug, row.version)
    if row.withdrawn_at is None:
        raise Conflict(f"The {kind.name} '{slug}' is not withdrawn.")
    kind.before_restore(session, row)
    _compare_and_swap(session, row, {"withdrawn_at": None}, kind.name)
    record = kind.record_of(session, row)
    _written(session, actor, "restore", kind.name, slug, None, record.entry.model_dump(mode="json"))
    return record


def add_need(*, session: Session, need: NeedCreate, actor: Actor) -> NeedCreated:
    """Add a child term under a top-level need (409 when the slug is taken, 422 for a parent that is not top-level)."""
    lock_for_write(session)
    terms = {row.slug: row for row in session.exec(select(TaxonomyTerm).where(TaxonomyTerm.vocabulary == "need"))}
    if need.slug in terms:
        raise Conflict(f"The need '{need.slug}' already exists.")
    parent = terms.get(need.parent)
    if parent is None or parent.parent_slug is not None:
        top_level = sorted(slug for slug, row in terms.items() if row.parent_slug is None)
        raise ValidationProblem(
            [
                FieldProblem(
                    field="parent",
                    message=f"'{need.parent}' is not a top-level need. Valid values: {', '.join(top_level)}.",
                )
            ]
        )
    position = session.exec(select(func.max(TaxonomyTerm.position)).where(TaxonomyTerm.vocabulary == "need")).one()
    now = utcnow()
    session.add(
        TaxonomyTerm(
            vocabulary="need",
            slug=need.slug,
            name=need.name,
            parent_slug=need.parent,
            position=int(position or 0) + 1,
            attributes={},
            source="curator",
            created_at=now,
            updated_at=now,
        )
    )
    session.flush()
    created = NeedCreated(slug=need.slug, name=need.name, parent=need.parent, source="curator")
    _written(session, actor, "create", "need", need.slug, None, created.model_dump(mode="json"))
    return created

"""The catalogue version stamp: one row, changed in the same transaction as every write."""

from __future__ import annotations

import secrets

from sqlalchemy import text, update
from sqlmodel import Session, col, select

from app.models.base import utcnow
from app.models.catalogue import CatalogueState

EMPTY_STAMP = "empty"


def current_stamp(session: Session) -> str:
    """The stamp of the catalogue as this transaction sees it (one indexed single-row read)."""
    stamp = session.exec(select(CatalogueState.stamp).where(CatalogueState.id == 1)).first()
    return stamp if stamp is not None else EMPTY_STAMP


def bump_stamp(session: Session, *, taxonomy_version: str | None = None) -> str:
    """Give the catalogue a new stamp; the row lock serialises concurrent writers on PostgreSQL."""
    stamp = secrets.token_hex(8)
    values: dict[str, object] = {"version": CatalogueState.version + 1, "stamp": stamp, "updated_at": utcnow()}
    if taxonomy_version is not None:
        values["taxonomy_version"] = taxonomy_version
    result = session.exec(update(CatalogueState).where(col(CatalogueState.id) == 1).values(**values))
    if result.rowcount == 0:
        session.add(
            CatalogueState(id=1, version=1, stamp=stamp, taxonomy_version=taxonomy_version or "", updated_at=utcnow())
        )
    session.flush()
    # Read by the snapshot cache's after_commit hook: this process then reads its own write at once.
    session.info["catalogue_changed"] = True
    return stamp


def catalogue_version_number(session: Session) -> int:
    """The count of writes the catalogue has seen."""
    value = session.exec(select(CatalogueState.version).where(CatalogueState.id == 1)).first()
    return int(value or 0)


def lock_for_write(session: Session) -> None:
    """Take the write lock early so concurrent catalogue writes queue instead of failing late."""
    if session.get_bind().dialect.name == "sqlite":
        return
    session.execute(text("SELECT 1 FROM catalogue_state WHERE id = 1 FOR UPDATE"))

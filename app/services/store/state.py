"""The catalogue version stamp (one row, changed in the same transaction as every write) and the change signal."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from sqlalchemy import text, update
from sqlmodel import Session, col, select

from app.db import after_commit
from app.models.base import utcnow
from app.models.catalogue_tables import CatalogueState

EMPTY_STAMP = "empty"


class CatalogueChanges:
    """The one signal that the catalogue changed: the write path marks its transaction (`bump_stamp` does), and
    once that transaction commits every subscriber is told; a transaction that rolls back tells nobody.

    This process's snapshot cache subscribes, so it reads its own write at once; other workers and hosts see the
    write through the version stamp instead (see app/deps.py and app/services/store/snapshot.py).
    """

    def __init__(self) -> None:
        self._subscribers: list[Callable[[], None]] = []

    def subscribe(self, subscriber: Callable[[], None]) -> None:
        """Call `subscriber` after every committed transaction that changed the catalogue."""
        if subscriber not in self._subscribers:
            self._subscribers.append(subscriber)

    def mark(self, session: Session) -> None:
        """This session's transaction changes the catalogue: tell the subscribers when (and if) it commits."""
        after_commit(session, self._committed)

    def _committed(self) -> None:
        for subscriber in self._subscribers:
            subscriber()


catalogue_changes = CatalogueChanges()


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
    catalogue_changes.mark(session)
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

"""The catalogue-change signal and the one transaction scope: a committed write is told, a rolled-back one is not."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.db import after_commit, transaction
from app.services.store.snapshot import snapshot_cache
from app.services.store.state import CatalogueChanges, bump_stamp, catalogue_version_number, current_stamp


def test_a_committed_write_tells_subscribers_once_and_a_rolled_back_one_tells_nobody(engine: Engine) -> None:
    changes = CatalogueChanges()
    told: list[str] = []
    changes.subscribe(lambda: told.append("changed"))
    with Session(engine) as session:
        current_stamp(session)  # the transaction has begun
        changes.mark(session)
        session.rollback()
        current_stamp(session)
        session.commit()  # the next transaction committing does not revive the rolled-back mark
        assert told == []
        current_stamp(session)
        changes.mark(session)
        changes.mark(session)  # marked twice in one transaction: told once
        session.commit()
        assert told == ["changed"]
        session.commit()  # a later transaction that changed nothing tells nobody
        assert told == ["changed"]


def test_a_committed_stamp_bump_marks_this_process_snapshot_stale(fixture_db: Engine) -> None:
    with Session(fixture_db) as session:
        before = snapshot_cache.get(session)
    assert snapshot_cache.fresh(3600) is before
    with transaction(fixture_db) as session:
        bump_stamp(session)
        assert snapshot_cache.fresh(3600) is before  # not yet: the write has not committed
    assert snapshot_cache.fresh(3600) is None


def test_transaction_commits_at_the_end_and_rolls_back_on_error(engine: Engine) -> None:
    committed: list[bool] = []
    with transaction(engine) as session:
        bump_stamp(session)
        after_commit(session, lambda: committed.append(True))
    assert committed == [True]
    with Session(engine) as session:
        version, stamp = catalogue_version_number(session), current_stamp(session)

    def failing_command() -> None:
        with transaction(engine) as session:
            bump_stamp(session)
            after_commit(session, lambda: committed.append(False))
            raise RuntimeError("the command failed")

    with pytest.raises(RuntimeError):
        failing_command()
    assert committed == [True]
    with Session(engine) as session:
        assert (catalogue_version_number(session), current_stamp(session)) == (version, stamp)

"""Database engines and the request-scoped session that owns each transaction."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from app.config import get_settings


def build_engine(url: str, *, pool_size: int = 10, max_overflow: int = 0, timeout_seconds: float = 2.0) -> Engine:
    """An engine tuned per backend: SQLite in WAL mode with a busy timeout, PostgreSQL with pre-ping."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # A fixed pool, as for PostgreSQL: overflow connections would be opened (and their pragmas run) and
        # closed again on every burst.
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": timeout_seconds},
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_timeout=timeout_seconds,
        )
        busy_ms = int(timeout_seconds * 1000)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_timeout=timeout_seconds,
        # A database that has gone away must give a 503 within the timeout, not a hang: connecting, waiting for a
        # pooled connection and waiting for a row lock are all bounded by it.
        connect_args={
            "connect_timeout": max(1, round(timeout_seconds)),
            "options": f"-c lock_timeout={int(timeout_seconds * 1000)}",
        },
    )


@lru_cache
def get_engine() -> Engine:
    """The process-wide engine for the configured database."""
    settings = get_settings()
    return build_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        timeout_seconds=settings.db_timeout_seconds,
    )


def reset_engine() -> None:
    """Dispose of the process-wide engine and forget it, so the next use reads the settings again."""
    if get_engine.cache_info().currsize:
        get_engine().dispose()
    get_engine.cache_clear()


def get_session() -> Iterator[Session]:
    """One session per request: committed when the handler returns, rolled back when it raises."""
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


# scope="function" commits before the response is sent, so a client never sees success for a failed commit.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]

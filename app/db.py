"""Database engines and the request-scoped session that owns each transaction."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import orjson
from fastapi import Depends
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, ExceptionContext, make_url
from sqlmodel import Session, create_engine

from app.config import get_settings


def build_engine(
    url: str,
    *,
    pool_size: int = 10,
    max_overflow: int = 0,
    timeout_seconds: float = 2.0,
    round_trip_seconds: float | None = None,
) -> Engine:
    """An engine tuned per backend: SQLite in WAL mode with a busy timeout, PostgreSQL with pre-ping.

    `timeout_seconds` bounds connecting, waiting for a pooled connection and waiting for a lock.
    `round_trip_seconds` (PostgreSQL) also bounds every statement, on the server (statement_timeout, a little
    shorter, so a live server answers with a clean error) and in the client (BoundedConnection, for a server
    that does not answer at all); None leaves statements unbounded, for migrations and maintenance.
    """
    common = {
        "pool_size": pool_size,
        "max_overflow": max_overflow,
        "pool_timeout": timeout_seconds,
        "json_serializer": json_text,
    }
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, timeout_seconds, common)
    return _postgres_engine(parsed, timeout_seconds, round_trip_seconds, common)


def json_text(value: Any) -> str:
    """The JSON text of a value bound to a JSON column, written by orjson: a third to a half of json.dumps's CPU,
    which was most of the demand writer's inserts (docs/performance.md). Stored values hold strings, integers,
    lists and objects only (no floats, so no NaN for orjson to write as null); what orjson refuses (an object key
    that is not a string) is written by json.dumps, as before."""
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return json.dumps(value)


def _sqlite_engine(url: URL, timeout_seconds: float, common: dict[str, Any]) -> Engine:
    database = url.database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    # A fixed pool, as for PostgreSQL: overflow connections would be opened (and their pragmas run) and
    # closed again on every burst.
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": timeout_seconds}, **common)
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


def _postgres_engine(
    url: URL, timeout_seconds: float, round_trip_seconds: float | None, common: dict[str, Any]
) -> Engine:
    options = [f"-c lock_timeout={int(timeout_seconds * 1000)}"]
    if round_trip_seconds is not None:
        options.append(f"-c statement_timeout={max(1, int(round_trip_seconds * 900))}")
    engine = create_engine(
        url,
        pool_pre_ping=True,
        **common,
        # A database that has gone away must give a 503 within the timeout, not a hang: connecting (libpq counts
        # whole seconds, at least 2), waiting for a pooled connection and waiting for a row lock are bounded by it;
        # keepalives and the TCP user timeout drop a connection whose peer has vanished from the network.
        connect_args={
            "connect_timeout": max(2, math.ceil(timeout_seconds)),
            "options": " ".join(options),
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 5,
            "keepalives_count": 3,
            "tcp_user_timeout": int(max(timeout_seconds, round_trip_seconds or 0) * 1000),
        },
    )

    # Imported here: psycopg is a second or more of start-up that a SQLite deployment does without.
    from app.pgbounded import BoundedConnection, DatabaseTimeout

    @event.listens_for(engine, "do_connect")
    def _bounded_connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> BoundedConnection:
        connection = BoundedConnection.connect(*cargs, **cparams)
        connection.round_trip_seconds = round_trip_seconds
        return connection

    @event.listens_for(engine, "handle_error")
    def _no_reconnect_after_a_silent_ping(context: ExceptionContext) -> None:
        # A pooled connection whose ping went unanswered has spent the request's wait already: reconnecting at
        # once (as SQLAlchemy does after a failed ping) would wait as long again on the same silent database.
        if context.is_pre_ping and isinstance(context.original_exception, DatabaseTimeout):
            context.is_disconnect = False

    return engine


@lru_cache
def get_engine() -> Engine:
    """The process-wide engine for the configured database."""
    settings = get_settings()
    return build_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        timeout_seconds=settings.db_timeout_seconds,
        round_trip_seconds=settings.db_timeout_seconds,
    )


def reset_engine() -> None:
    """Dispose of the process-wide engine and forget it, so the next use reads the settings again."""
    if get_engine.cache_info().currsize:
        get_engine().dispose()
    get_engine.cache_clear()


@contextmanager
def transaction(bind: Engine | Connection | None = None) -> Iterator[Session]:
    """A session whose one transaction commits when the block ends and rolls back when it raises.

    The one place the service commits: each request (`get_session`), each CLI command and the admin-key check's
    record of a key's last use run in one of these; services below never commit. Its session runs the
    after-commit work the transaction asked for (`after_commit`).
    """
    with Session(bind or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def get_session() -> Iterator[Session]:
    """One session per request, in a `transaction`: committed when the handler returns, rolled back when it raises."""
    with transaction() as session:
        yield session


# scope="function" commits before the response is sent, so a client never sees success for a failed commit.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


# ---- work that waits for a commit -----------------------------------------------------------------------------

_AFTER_COMMIT = object()
"""The session.info key under which a transaction keeps its after-commit callbacks (an object: no name clash)."""


def after_commit(session: Session, callback: Callable[[], None]) -> None:
    """Call `callback` once this session's transaction has committed; forget it if the transaction rolls back."""
    callbacks: list[Callable[[], None]] = session.info.setdefault(_AFTER_COMMIT, [])
    if callback not in callbacks:
        callbacks.append(callback)


def _run_after_commit(session: Session) -> None:
    for callback in session.info.pop(_AFTER_COMMIT, ()):
        callback()


def _forget_after_rollback(session: Session) -> None:
    session.info.pop(_AFTER_COMMIT, None)


# Once, for every session: run a committed transaction's callbacks, drop a rolled-back one's.
event.listen(Session, "after_commit", _run_after_commit)
event.listen(Session, "after_rollback", _forget_after_rollback)

"""PostgreSQL connections whose every round trip has a client-side deadline (psycopg's wait, bounded)."""

from __future__ import annotations

from typing import Any

import psycopg


class DatabaseTimeout(psycopg.OperationalError):
    """The database did not answer one round trip within its deadline; the connection has been closed."""


class BoundedConnection(psycopg.Connection[Any]):
    """A psycopg connection whose every round trip (statement, fetch, commit, rollback, ping) has a deadline.

    A database that stops answering while the TCP connection stays open (a hung server or proxy, a half-dead
    network path: the kernel still acknowledges what is sent) would otherwise keep a worker thread waiting for
    ever: neither statement_timeout (the server never sees the query) nor keepalives (the peer's kernel answers
    them) end that wait. psycopg passes all its socket waits through `wait`, so the deadline goes here.
    """

    round_trip_seconds: float | None = None

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        """psycopg's wait, bounded by round_trip_seconds when the caller sets no timeout of its own."""
        if timeout is not None or self.round_trip_seconds is None:
            return super().wait(gen, interval, timeout)
        try:
            return super().wait(gen, interval, self.round_trip_seconds)
        except psycopg.errors._WaitTimeout:
            # The protocol stopped mid-exchange, so the connection cannot be reused: close it (SQLAlchemy then
            # sees a disconnect, discards it and reconnects next time).
            self.pgconn.finish()
            raise DatabaseTimeout(f"the database did not answer within {self.round_trip_seconds:g} s") from None

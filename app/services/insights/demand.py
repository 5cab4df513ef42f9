"""Anonymous demand: recording match requests off the request path, pruning them, and reporting on them.

What is stored is the normalised profile (stage, stages, needs, sector, organisation type, location), the
time and the offers returned. Never the client address, never an API key, never the free text typed:
keywords are kept only as analysed terms that also occur in the catalogue's own text (so a stored term
is always a word of the public catalogue, never a name or an identifier someone typed), and the report
shows a term only once it has been seen in `demand_min_term_requests` requests from
`demand_min_term_clients` distinct clients. Clients are told apart by a daily pseudonym (app.clients): a
salted hash of the address whose salt changes every day and is never stored.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from time import monotonic
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlmodel import Session

from app.clients import current_pseudonym
from app.config import get_settings
from app.db import get_engine
from app.models.base import utcnow
from app.models.demand import MatchEvent
from app.services.matching.match import matcher_index
from app.services.store.snapshot import CatalogueSnapshot, snapshot_cache

logger = logging.getLogger("app.demand")
MAX_TERMS = 20
MAX_OFFERS = 50
_STOP = object()


def catalogue_vocabulary(snapshot: CatalogueSnapshot) -> frozenset[str]:
    """Every term of the matcher's keyword index (the analysed words of the offers' searched text): the only
    keyword terms demand may store."""

    if not snapshot.offers:
        return frozenset()  # nothing loaded yet: no vocabulary (and no index to build)
    # Built outside `derived` (its lock is not re-entrant, and the matcher's index is itself derived).
    index = matcher_index(snapshot)

    def build(_snap: CatalogueSnapshot) -> frozenset[str]:
        return frozenset(index.keywords.term_ids)

    return snapshot.derived(f"demand_vocabulary:{index.ruleset_version}", build)


def _text(value: object) -> str | None:
    return value[:80] if isinstance(value, str) and value else None


def normalise_event(
    profile: Mapping[str, object], offer_slugs: Sequence[str], *, at: datetime, client_key: str | None = None
) -> dict[str, Any]:
    """The row to store: whitelisted profile fields only, in a stable shape, and the client's daily pseudonym."""
    stage = profile.get("stage")
    raw_stages = profile.get("stages")
    stages = sorted({int(s) for s in raw_stages if isinstance(s, int)}) if isinstance(raw_stages, list | tuple) else []
    if not stages and isinstance(stage, int):
        stages = [stage]
    raw_needs = profile.get("needs")
    needs = sorted({n for n in raw_needs if isinstance(n, str)}) if isinstance(raw_needs, list | tuple) else []
    raw_terms = profile.get("keyword_terms")
    terms = (
        list(dict.fromkeys(t for t in raw_terms if isinstance(t, str))) if isinstance(raw_terms, list | tuple) else []
    )

    return {
        "occurred_at": at,
        "stage": stage if isinstance(stage, int) else None,
        "stages": stages,
        "needs": needs,
        "sector": _text(profile.get("sector")),
        "organisation_type": _text(profile.get("organisation_type")),
        "location": _text(profile.get("location")),
        "keyword_terms": terms[:MAX_TERMS],
        "offer_slugs": [str(s) for s in offer_slugs][:MAX_OFFERS],
        "client_key": client_key,
    }


class DemandRecorder:
    """A bounded in-process queue and one writer thread that inserts match events in batches.

    `record` never blocks and never touches the database: when the queue is full the event is dropped
    and counted, so a slow database can never slow matching down.
    """

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        queue_size: int | None = None,
        batch_size: int = 500,
        interval: float = 0.2,
    ) -> None:
        self._engine = engine
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=queue_size or get_settings().demand_queue_size)
        self._batch_size = batch_size
        # Events are gathered for `interval` seconds and written in one transaction per batch. Short enough that
        # a round's inserts (about 20 us of CPU an event, holding the GIL) fit in one switch interval (5 ms) at a
        # worker's full match rate: at 1 s a round held the request thread up for 20-40 ms, once a second.
        self._interval = interval
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.recorded = 0
        self.written = 0
        self.dropped = 0
        self.failed = 0

    def bind(self, engine: Engine | None) -> None:
        """Write to this engine from now on (None: the configured one); tests bind their own database."""
        self._engine = engine

    def record(self, event: dict[str, Any]) -> bool:
        """Queue one event; False (and counted) when the queue is full."""
        self._ensure_writer()
        try:
            self._queue.put_nowait(event)
        except queue.Full:
            self.dropped += 1
            return False
        self.recorded += 1
        return True

    def flush(self, timeout: float = 10.0) -> bool:
        """Wake the writer and wait until every queued event has been written (or given up on)."""
        q = self._queue
        deadline = monotonic() + timeout
        with q.all_tasks_done:
            while q.unfinished_tasks:
                remaining = deadline - monotonic()
                if remaining <= 0:
                    return False
                self._wake.set()
                q.all_tasks_done.wait(min(remaining, 0.1))
        return True

    def close(self, timeout: float = 10.0) -> None:
        """Flush and stop the writer (it restarts on the next record)."""
        with self._lock:
            thread = self._thread
            if thread is None:
                return
            self._queue.put(_STOP)
            self._wake.set()
            thread.join(timeout)
            self._thread = None

    def _ensure_writer(self) -> None:
        if self._thread is not None:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="demand-writer", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        # The writer sleeps between rounds rather than waiting on the queue: a put then wakes nobody, so a
        # match pays for a deque append and nothing else (no thread hand-off, no GIL ping-pong per request).
        while True:
            self._wake.wait(self._interval)
            self._wake.clear()
            stop = False
            while not stop:
                batch: list[dict[str, Any]] = []
                taken = 0
                while len(batch) < self._batch_size:
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    taken += 1
                    if item is _STOP:
                        stop = True
                        break
                    batch.append(item)
                try:
                    if batch:
                        self._write(batch)
                finally:
                    for _ in range(taken):
                        self._queue.task_done()
                if len(batch) < self._batch_size:
                    break
            if stop:
                return

    def _write(self, batch: list[dict[str, Any]]) -> None:
        try:
            vocabulary = self._vocabulary()
            rows = [
                {**event, "keyword_terms": [term for term in event["keyword_terms"] if term in vocabulary]}
                for event in batch
            ]
            engine = self._engine or get_engine()
            with engine.begin() as connection:
                connection.execute(insert(MatchEvent.__table__), rows)  # type: ignore[attr-defined]
            self.written += len(rows)
        except (OperationalError, PoolTimeout, DisconnectionError) as error:
            # The database is away (a fault the service rides out): a warning, not a stack trace per batch.
            self.failed += len(batch)
            logger.warning(
                "could not write %d match events: database unavailable (%s)", len(batch), type(error).__name__
            )
        except Exception:
            self.failed += len(batch)
            logger.exception("could not write %d match events", len(batch))

    @staticmethod
    def _vocabulary() -> frozenset[str]:
        snapshot = snapshot_cache.latest()
        return catalogue_vocabulary(snapshot) if snapshot is not None else frozenset()


demand_recorder = DemandRecorder()


def record_match(profile: Mapping[str, object], offer_slugs: Sequence[str]) -> None:
    """Record one successful match anonymously (the caller's thread only queues it; a writer thread stores it)."""
    if not get_settings().demand_recording:
        return
    demand_recorder.record(normalise_event(profile, offer_slugs, at=utcnow(), client_key=current_pseudonym()))


def record_intake(profile: Mapping[str, object], offer_slugs: Sequence[str]) -> None:
    """Record one guided intake like a match, from the inferred profile alone.

    The description and text answers are never passed here, and neither are the keywords drawn from them: an
    intake's event has no keyword terms at all, so nothing the innovator typed can reach the demand table.
    """
    record_match({k: v for k, v in profile.items() if k not in ("keywords", "keyword_terms")}, offer_slugs)


def prune_events(session: Session, *, retention_days: int, now: datetime | None = None) -> int:
    """Delete match events older than the retention period; the number deleted."""
    cutoff = (now or utcnow()) - timedelta(days=retention_days)
    result = session.execute(delete(MatchEvent).where(MatchEvent.occurred_at < cutoff))  # type: ignore[arg-type]
    return int(result.rowcount or 0)  # type: ignore[attr-defined]

"""Observability: Prometheus metrics that add up across workers, JSON access logs with request ids and timing."""

from __future__ import annotations

import atexit
import logging
import os
import queue
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import orjson
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from starlette.types import Scope

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
METRICS_MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8"
UNMATCHED_ROUTE = "<unmatched>"
CLIENT_CLOSED_REQUEST = 499
"""The status logged and counted for a request whose client disconnected before it was answered (as nginx does)."""
access_logger = logging.getLogger("app.access")
WRITE_DELAY_SECONDS = 0.02
"""How long the log writer thread lets lines gather before it writes them (at most this late)."""

# Created once per process. With PROMETHEUS_MULTIPROC_DIR set (by `navigator serve --workers N`), each worker
# writes its values to memory-mapped files there and /metrics sums every worker's files, whichever worker answers.
REQUESTS = Counter(
    "navigator_http_requests_total",
    "HTTP requests answered, by method, route template and status.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "navigator_http_request_duration_seconds",
    "Time from the request's arrival to the last byte of the response, by method and route template.",
    ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
IN_FLIGHT = Gauge(
    "navigator_http_requests_in_flight",
    "Requests being served now, summed over live workers.",
    multiprocess_mode="livesum",
)
RATE_LIMIT_UNCHECKED = Counter(
    "navigator_rate_limit_unchecked_total",
    "Requests let through without a rate-limit check because the shared counter store (Redis) failed "
    "(reason=error) or had failed within the last second (reason=backoff).",
    ["reason"],
)
CATALOGUE_INFO = Gauge(
    "navigator_catalogue_info",
    "1 for the catalogue version stamp most recently served (0 for stamps served before).",
    ["stamp"],
    multiprocess_mode="mostrecent",
)
CATALOGUE_OFFERS = Gauge(
    "navigator_catalogue_offers",
    "Live offers in the catalogue snapshot most recently served.",
    multiprocess_mode="mostrecent",
)


def metrics_exposition() -> bytes:
    """The Prometheus text exposition: every worker's values when running multi-process, else this process's."""
    directory = os.environ.get(MULTIPROC_ENV)
    if directory:
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=directory)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    from prometheus_client import REGISTRY

    return generate_latest(REGISTRY)


def prepare_multiprocess_dir(directory: Path) -> None:
    """Create (or empty) the directory the workers share their metric files through; stale files would be summed."""
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()


class _CatalogueWatch:
    """Notes the snapshot each request was served from, updating the catalogue gauges when the stamp moves."""

    def __init__(self) -> None:
        self.stamp: str | None = None

    def observe(self, stamp: str, offers: int) -> None:
        if stamp == self.stamp:
            return
        if self.stamp is not None:
            CATALOGUE_INFO.labels(stamp=self.stamp).set(0)
        CATALOGUE_INFO.labels(stamp=stamp).set(1)
        CATALOGUE_OFFERS.set(offers)
        self.stamp = stamp


catalogue_watch = _CatalogueWatch()


def route_template(scope: Scope) -> str:
    """The path template of the matched route (bounded label values), never the raw path."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    return template if isinstance(template, str) else UNMATCHED_ROUTE


_children: dict[tuple[str, str, int], tuple[Any, Any]] = {}
"""(method, route, status) -> the REQUESTS and LATENCY children: labels() validates and locks on every call."""


def observe(method: str, route: str, status: int, duration: float) -> None:
    """Count and time one answered request."""
    key = (method, route, status)
    children = _children.get(key)
    if children is None:
        if len(_children) >= 4096:  # methods are the client's to choose: bounded like every other label
            _children.clear()
        children = (REQUESTS.labels(method=method, route=route, status=str(status)), LATENCY.labels(method, route))
        _children[key] = children
    children[0].inc()
    children[1].observe(duration)


def log_access(scope: Scope, request_id: str, route: str, status: int, duration: float, response_bytes: int) -> None:
    """One access-log record: made directly, without the caller lookup Logger.info would do for every request."""
    if not access_logger.isEnabledFor(logging.INFO):
        return
    method = scope["method"]
    path = scope["path"]
    client = scope.get("client")
    fields = {
        "request_id": request_id,
        "method": method,
        "path": path,
        "route": route,
        "status": status,
        "duration_ms": round(duration * 1000, 2),
        "response_bytes": response_bytes,
        "client": str(client[0]) if client else None,
    }
    record = access_logger.makeRecord(
        access_logger.name, logging.INFO, __file__, 0, "%s %s %s", (method, path, status), None, extra=fields
    )
    access_logger.handle(record)


class BackgroundStreamHandler(logging.Handler):
    """Writes log lines to a stream from a thread of its own, so no request waits on formatting or on the write.

    A record is queued as it is (its message rendered first, so later changes to its arguments do not show);
    the writer thread formats what has queued and writes it in one call, flushing once the queue is empty.
    Records still queued at exit are written (close() is registered with atexit).
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__()
        self.stream = stream if stream is not None else sys.stderr
        self._queue: queue.SimpleQueue[logging.LogRecord | None] = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write, name="log-writer", daemon=True)
        self._writer.start()
        atexit.register(self.close)

    def emit(self, record: logging.LogRecord) -> None:
        """Queue the record (the writer thread formats and writes it)."""
        try:
            record.msg = record.getMessage()
            record.args = None
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            self._queue.put(record)
        except Exception:
            self.handleError(record)

    def _wait(self) -> logging.LogRecord | None:
        record = self._queue.get()  # idle: the writer thread sleeps here until a record comes
        # Then lets the records of the next few milliseconds gather, so under load it takes the GIL from the
        # request thread a few dozen times a second rather than once a request.
        time.sleep(WRITE_DELAY_SECONDS)
        return record

    def _write(self) -> None:
        while True:
            record = self._wait()
            lines: list[str] = []
            while record is not None:
                try:
                    lines.append(self.format(record))
                except Exception:
                    self.handleError(record)
                try:
                    record = self._queue.get_nowait()
                except queue.Empty:
                    break
            if lines:
                try:
                    self.stream.write("\n".join(lines) + "\n")
                    self.stream.flush()
                except Exception:  # a closed stream at exit: logging's own last resort says so
                    self.handleError(logging.makeLogRecord({"msg": lines[-1]}))
            if record is None:
                return

    def close(self) -> None:
        """Write what is queued, then stop the writer thread."""
        if self._writer.is_alive():
            self._queue.put(None)
            self._writer.join(timeout=5)
        super().close()


ACCESS_FIELDS = ("request_id", "method", "path", "route", "status", "duration_ms", "response_bytes", "client")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the access fields when present, and the error."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        for name in ACCESS_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def logging_config(*, json_logs: bool, level: str = "INFO") -> dict[str, Any]:
    """The logging setup `navigator serve` hands to uvicorn (applied in every worker): JSON lines or plain text."""
    formatter: dict[str, Any] = (
        {"()": "app.middleware.observability.JsonFormatter"}
        if json_logs
        else {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {
            # Off the request path: a writer thread formats and writes (app.middleware.observability).
            "stderr": {
                "class": "app.middleware.observability.BackgroundStreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "app": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            # The app writes its own access line (with request id and route); uvicorn's would duplicate it.
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }

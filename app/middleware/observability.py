"""Observability: Prometheus metrics that add up across workers, JSON access logs with request ids and timing."""

from __future__ import annotations

import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
METRICS_MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8"
UNMATCHED_ROUTE = "<unmatched>"
CLIENT_CLOSED_REQUEST = 499
"""The status logged and counted for a request whose client disconnected before it was answered (as nginx does)."""
access_logger = logging.getLogger("app.access")

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


def _route_template(scope: Scope) -> str:
    """The path template of the matched route (bounded label values), never the raw path."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    return template if isinstance(template, str) else UNMATCHED_ROUTE


def _client(scope: Scope) -> str | None:
    client = scope.get("client")
    return str(client[0]) if client else None


class ObservabilityMiddleware:
    """Counts and times every HTTP request by route template and status, and writes one JSON access-log line.

    Sits inside RequestContextMiddleware, so the request id is already in scope["state"]. The client address is
    the one uvicorn resolved: X-Forwarded-For counts only from NAVIGATOR_TRUSTED_PROXIES.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        response_bytes = 0
        responded = client_gone = False

        async def observe_receive() -> Message:
            nonlocal client_gone
            message = await receive()
            if message["type"] == "http.disconnect" and not responded:
                client_gone = True
            return message

        async def observe_send(message: Message) -> None:
            nonlocal status, response_bytes, responded
            if message["type"] == "http.response.start":
                status = int(message["status"])
                responded = True
            elif message["type"] == "http.response.body":
                response_bytes += len(message.get("body", b""))
            await send(message)

        IN_FLIGHT.inc()
        try:
            await self.app(scope, observe_receive, observe_send)
        except ClientDisconnect:
            client_gone = True  # nobody is left to answer: nothing to log as our error
        except Exception:
            if not client_gone:
                raise
        finally:
            IN_FLIGHT.dec()
            if client_gone and not responded:
                # The client went away before any answer (mid-body, say): nginx's 499, never one of our 5xx.
                status = CLIENT_CLOSED_REQUEST
            duration = time.perf_counter() - started
            method = str(scope.get("method", ""))
            route = _route_template(scope)
            REQUESTS.labels(method=method, route=route, status=str(status)).inc()
            LATENCY.labels(method=method, route=route).observe(duration)
            if access_logger.isEnabledFor(logging.INFO):
                access_logger.info(
                    "%s %s %s",
                    method,
                    scope.get("path", ""),
                    status,
                    extra={
                        "request_id": scope.get("state", {}).get("request_id"),
                        "method": method,
                        "path": scope.get("path", ""),
                        "route": route,
                        "status": status,
                        "duration_ms": round(duration * 1000, 2),
                        "response_bytes": response_bytes,
                        "client": _client(scope),
                    },
                )


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
            "stderr": {"class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stderr"}
        },
        "loggers": {
            "app": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            # The app writes its own access line (with request id and route); uvicorn's would duplicate it.
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }

"""Rate limiting per client address and per API key: fixed windows, counted in Redis or in memory (429)."""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from starlette.responses import Response
from starlette.types import Scope

from app.errors import TooManyRequests, problem_response
from app.middleware.observability import RATE_LIMIT_UNCHECKED

logger = logging.getLogger("app.middleware.ratelimit")
EXEMPT_PATHS = frozenset({"/healthz", "/readyz"})
STORE_BACKOFF_SECONDS = 1.0
Clock = Callable[[], float]


def now() -> float:
    """The wall clock the windows are aligned to (shared by every worker and host using the same Redis)."""
    return time.time()


class Counter(Protocol):
    """Counts hits of a bucket in the current window."""

    async def hit(self, bucket: str, window: int, ttl: int) -> int:
        """Add one hit to the bucket's window; return the window's count so far."""
        ...

    async def close(self) -> None:
        """Release connections (at application shutdown)."""
        ...


class MemoryCounter:
    """Counters in this process (one worker): for development and single-process deployments."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, int], int] = {}
        self._window = -1

    async def hit(self, bucket: str, window: int, ttl: int) -> int:
        """Count a hit; windows older than the current one are dropped."""
        if window != self._window:
            self._counts = {key: count for key, count in self._counts.items() if key[1] >= window}
            self._window = window
        key = (bucket, window)
        self._counts[key] = self._counts.get(key, 0) + 1
        return self._counts[key]

    async def close(self) -> None:
        """Nothing to release."""


class RedisCounter:
    """Counters in Redis, so a limit holds across every worker and host that shares it."""

    def __init__(self, url: str, prefix: str) -> None:
        from redis.asyncio import Redis
        from redis.asyncio.retry import Retry
        from redis.backoff import NoBackoff

        # No retries: a failed hit lets its request through at once (the middleware then backs off), rather than
        # holding it through redis-py's default retries.
        self._redis = Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5, retry=Retry(NoBackoff(), 0))
        self.prefix = prefix

    async def hit(self, bucket: str, window: int, ttl: int) -> int:
        """INCR and EXPIRE in one round trip (a transaction), so a counter never outlives its window."""
        key = f"{self.prefix}:rl:{bucket}:{window}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, ttl)
            count, _ = await pipe.execute()
        return int(count)

    async def close(self) -> None:
        """Close the connection pool (its connections belong to the event loop that is ending)."""
        await self._redis.aclose()


@dataclass(frozen=True)
class Limits:
    """Requests allowed per window, per client address and per key."""

    per_address: int
    per_key: int
    window_seconds: int


def _key_bucket(headers: dict[bytes, bytes]) -> str | None:
    """A bucket for the key presented, if any: a hash, so no key reaches Redis or the logs."""
    authorization = headers.get(b"authorization", b"")
    key = b""
    if authorization[:7].lower() == b"bearer ":
        key = authorization[7:].strip()
    key = key or headers.get(b"x-api-key", b"").strip()
    if not key:
        return None
    return "key:" + hashlib.sha256(key).hexdigest()[:32]


Verdict = tuple[Response | None, list[tuple[bytes, bytes]]]
"""The 429 to send instead of the answer (or None), and the RateLimit header pairs for the answer."""
UNLIMITED: Verdict = (None, [])


class RateLimiter:
    """Count every request against its client address, and a keyed request also against its key.

    The address is the ASGI client host: uvicorn sets it from X-Forwarded-For only for trusted proxies
    (NAVIGATOR_TRUSTED_PROXIES), so a client cannot dodge the limit by sending that header itself.
    If the shared counter store fails, requests are let through (logged, and counted in
    navigator_rate_limit_unchecked_total) rather than refused, and the store is tried again a second later.
    Applied by app.middleware.edge.EdgeMiddleware; /healthz, /readyz and preflights are not counted.
    """

    def __init__(self, *, limits: Limits, counter: Counter, clock: Clock | None = None) -> None:
        self.limits = limits
        self.counter = counter
        self.clock: Clock = clock or (lambda: now())
        self._store_retry_at = float("-inf")

    def applies(self, scope: Scope) -> bool:
        """Whether the request is counted at all."""
        return scope["path"] not in EXEMPT_PATHS and scope["method"] != "OPTIONS"

    async def check(self, scope: Scope, headers: dict[bytes, bytes]) -> Verdict:
        """Count the request in each of its buckets; a refusal as soon as one is over its limit."""
        moment = self.clock()
        size = self.limits.window_seconds
        window = int(moment // size)
        retry_after = max(1, math.ceil((window + 1) * size - moment))
        client = scope.get("client")
        buckets = [(f"addr:{client[0] if client else 'unknown'}", self.limits.per_address)]
        key_bucket = _key_bucket(headers)
        if key_bucket is not None:
            buckets.append((key_bucket, self.limits.per_key))
        if time.monotonic() < self._store_retry_at:
            RATE_LIMIT_UNCHECKED.labels(reason="backoff").inc()
            return UNLIMITED
        policies: list[str] = []
        remaining: list[str] = []
        for bucket, limit in buckets:
            try:
                count = await self.counter.hit(bucket, window, size + 1)
            except Exception as exc:  # the limiter must never take the API down with it
                # Fail open, and leave the store alone for a second: a store that hangs would otherwise cost
                # every request its socket timeout. The first request after that tries it again.
                self._store_retry_at = time.monotonic() + STORE_BACKOFF_SECONDS
                RATE_LIMIT_UNCHECKED.labels(reason="error").inc()
                logger.warning("rate-limit store unavailable, requests allowed for 1 s: %s", type(exc).__name__)
                break
            name = "key" if bucket.startswith("key:") else "addr"
            policies.append(f'"{name}";q={limit};w={size}')
            remaining.append(f'"{name}";r={max(0, limit - count)};t={retry_after}')
            if count > limit:
                return self._refusal(scope, name, limit, retry_after, policies, remaining), []
        if not policies:
            return UNLIMITED
        # The IETF draft's fields (draft-ietf-httpapi-ratelimit-headers): each policy's quota and window, and
        # what is left of it with the seconds until the window resets.
        return None, [
            (b"ratelimit-policy", ", ".join(policies).encode()),
            (b"ratelimit", ", ".join(remaining).encode()),
        ]

    def _refusal(
        self, scope: Scope, name: str, limit: int, retry_after: int, policies: list[str], remaining: list[str]
    ) -> Response:
        what = "API key" if name == "key" else "address"
        size = self.limits.window_seconds
        return problem_response(
            TooManyRequests.status,
            f"More than {limit} requests in {size} seconds from this {what}. Retry after {retry_after} s.",
            title=TooManyRequests.title,
            type_=TooManyRequests.type,
            instance=scope.get("path"),
            headers={
                "Retry-After": str(retry_after),
                "RateLimit-Policy": ", ".join(policies),
                "RateLimit": ", ".join(remaining),
            },
        )

    async def close(self) -> None:
        """Release the counter store's connections (at application shutdown)."""
        try:
            await self.counter.close()
        except Exception as exc:  # shutting down regardless
            logger.warning("rate-limit store did not close cleanly: %s", type(exc).__name__)


def build_counter(redis_url: str | None, prefix: str) -> Counter:
    """Redis counters when a URL is configured, in-memory ones otherwise."""
    return RedisCounter(redis_url, prefix) if redis_url else MemoryCounter()

"""Every cross-cutting step of a request in one pure-ASGI layer: context, observability, Host, CORS, limits, HEAD.

One layer instead of eight, because each Starlette-style layer costs a coroutine, a send wrapper and a parse of the
headers per request, which was most of a trivial request's time (docs/performance.md). The steps, outermost first,
are the ones the separate layers took, in the same order, so every answer carries the same headers as before:

1. request context: X-Request-ID honoured or made, Server-Timing, security headers (app.middleware.context);
2. observability: the metrics and the JSON access line, 499 for a client gone before the answer
   (app.middleware.observability);
3. the Host check and the public base URL (app.middleware.host);
4. CORS, handed to Starlette's layer only for requests that carry an Origin (app.middleware.cors);
5. rate limits (app.middleware.ratelimit), then HEAD as GET (app.middleware.head), then the body limit
   (app.middleware.bodylimit); then the application (gzip inside it).
"""

from __future__ import annotations

import time
from typing import Any

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.clients import client_address
from app.middleware.bodylimit import BodyLimit
from app.middleware.context import add_context_headers, request_id
from app.middleware.cors import is_admin, public_cors
from app.middleware.head import as_get
from app.middleware.host import HostPolicy
from app.middleware.observability import (
    CLIENT_CLOSED_REQUEST,
    IN_FLIGHT,
    log_access,
    observe,
    route_template,
)
from app.middleware.ratelimit import RateLimiter
from app.middleware.vary import RawHeaders, add_vary


def _raw_headers(message: Message) -> RawHeaders:
    raw = message.get("headers")
    if not isinstance(raw, list):
        raw = list(raw or [])
        message["headers"] = raw
    return raw


class EdgeMiddleware:
    """The one middleware of the app (besides gzip): see the module docstring for its steps."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        host: HostPolicy,
        cors_origins: list[str],
        body_limit: BodyLimit,
        rate_limiter: RateLimiter | None,
    ) -> None:
        self.app = app
        self.host = host
        self.body_limit = body_limit
        self.rate_limiter = rate_limiter
        self.cors = public_cors(self._limited, cors_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "lifespan" and self.rate_limiter is not None:
            await self.app(scope, self._closing_on_shutdown(receive, self.rate_limiter), send)
        else:
            await self.app(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        headers: dict[bytes, bytes] = dict(scope["headers"])
        scope["navigator.headers"] = headers
        rid = request_id(headers.get(b"x-request-id"))
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = rid
        client = scope.get("client")
        token = client_address.set(client[0] if client else None)
        path: str = scope["path"]
        admin = is_admin(path)
        through_cors = b"origin" in headers and not admin
        vary = not through_cors and not admin
        status, response_bytes, responded, client_gone = 500, 0, False, False

        async def edge_receive() -> Message:
            nonlocal client_gone
            message = await receive()
            if message["type"] == "http.disconnect" and not responded:
                client_gone = True
            return message

        async def edge_send(message: Message) -> None:
            nonlocal status, response_bytes, responded
            if message["type"] == "http.response.start":
                status = int(message["status"])
                responded = True
                raw = _raw_headers(message)
                if vary:
                    add_vary(raw, b"Origin")  # what Starlette's CORS layer adds without an Origin
                add_context_headers(raw, rid, started, path, state)
            elif message["type"] == "http.response.body":
                response_bytes += len(message.get("body", b""))
            await send(message)

        IN_FLIGHT.inc()
        try:
            refusal = self.host.apply(scope)
            if refusal is not None:
                await refusal(scope, edge_receive, edge_send)
            elif through_cors:
                await self.cors(scope, edge_receive, edge_send)
            else:
                await self._limited(scope, edge_receive, edge_send)
        except ClientDisconnect:
            client_gone = True  # nobody is left to answer: nothing to log as our error
        except Exception:
            if not client_gone:
                raise
        finally:
            IN_FLIGHT.dec()
            client_address.reset(token)
            if client_gone and not responded:
                # The client went away before any answer (mid-body, say): nginx's 499, never one of our 5xx.
                status = CLIENT_CLOSED_REQUEST
            duration = time.perf_counter() - started
            route = route_template(scope)
            observe(scope["method"], route, status, duration)
            log_access(scope, rid, route, status, duration, response_bytes)

    async def _limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Rate limits, HEAD as GET and the body limit, then the application."""
        headers: dict[bytes, bytes] = scope["navigator.headers"]
        limits: RawHeaders = []
        if self.rate_limiter is not None and self.rate_limiter.applies(scope):
            refusal, limits = await self.rate_limiter.check(scope, headers)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        if limits:
            send = _with_headers(send, limits)
        if scope["method"] == "HEAD":
            scope, send = as_get(scope, send)
        body_receive = await self.body_limit.receive_for(scope, headers, receive, send)
        if body_receive is not None:
            await self.app(scope, body_receive, send)

    @staticmethod
    def _closing_on_shutdown(receive: Receive, limiter: RateLimiter) -> Receive:
        async def wrapped() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                await limiter.close()
            return message

        return wrapped


def _with_headers(send: Send, pairs: RawHeaders) -> Send:
    """`send` with `pairs` set on the response's head (replacing any the answer set itself)."""
    names = {name for name, _ in pairs}

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            raw = _raw_headers(message)
            if any(name in names for name, _ in raw):
                raw[:] = [(name, value) for name, value in raw if name not in names]
            raw.extend(pairs)
        await send(message)

    return sending

"""ASGI middleware: request ids, security headers and timing; CORS for public routes only; the Host checked."""

from __future__ import annotations

import re
import time
import uuid
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.clients import client_address
from app.errors import problem_response

STALE_STATE = "catalogue_stale_seconds"
"""Request state set when the answer comes from a catalogue the database could not confirm (its age in seconds)."""

REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,100}$")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}
# The widget pages load their own scripts and styles; they get a policy that allows that (/docs and /redoc set
# their own, in app.routers.docs).
PAGE_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "connect-src 'self' *; frame-ancestors 'self'"
)
PAGE_PREFIXES = ("/widget",)


class RequestContextMiddleware:
    """Honours or generates X-Request-ID, times the request, and adds security headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if REQUEST_ID_PATTERN.match(incoming) else uuid.uuid4().hex
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        client = scope.get("client")
        token = client_address.set(client[0] if client else None)
        started = time.perf_counter()
        path: str = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = request_id
                headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                stale = state.get(STALE_STATE)
                if stale is not None:
                    headers["X-Catalogue-Stale"] = str(stale)
                if path.startswith(PAGE_PREFIXES):
                    headers["Content-Security-Policy"] = PAGE_CSP
                    headers["X-Frame-Options"] = "SAMEORIGIN"
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            client_address.reset(token)


ADMIN_PREFIX = "/v1/admin"


class PublicCORSMiddleware:
    """CORS for the public read and match endpoints; none for /v1/admin, so browsers never get to call it cross-origin.

    Admin requests bypass the CORS layer entirely: no Access-Control-* headers, and a preflight is not granted.
    """

    def __init__(self, app: ASGIApp, *, origins: list[str]) -> None:
        self.app = app
        self.cors = CORSMiddleware(
            app,
            allow_origins=origins,
            allow_credentials=False,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Content-Type", "If-None-Match", "X-Request-ID"],
            expose_headers=[
                "ETag",
                "Link",
                "X-Total-Count",
                "X-Request-ID",
                "Retry-After",
                "Content-Disposition",
                "X-Catalogue-Stale",
                "RateLimit-Policy",
                "RateLimit",
            ],
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] == "http" and (path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/")):
            await self.app(scope, receive, send)
            return
        await self.cors(scope, receive, send)


PROBE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
"""Probes and scrapers reach a worker by its address, and these answers hold no absolute URL."""


def _host_name(authority: str) -> str:
    """'Example.org:8000' -> 'example.org', '[::1]:8000' -> '[::1]'."""
    authority = authority.strip().lower()
    if authority.startswith("["):
        return authority[: authority.find("]") + 1] if "]" in authority else authority
    return authority.rsplit(":", 1)[0] if authority.count(":") == 1 else authority


def host_allowed(name: str, allowed: frozenset[str]) -> bool:
    """Whether a host name is listed, exactly or under a '*.example.org' entry ('*' allows every host)."""
    if "*" in allowed or name in allowed:
        return True
    return any(entry.startswith("*.") and name.endswith(entry[1:]) for entry in allowed)


class PublicHostMiddleware:
    """Refuses a Host header that is not listed (400 problem) and, when a public base URL is configured, makes it
    the origin of every absolute URL the app writes (page links, Link headers, the widget page's script address).

    Without a base URL, Starlette builds absolute URLs from the Host header, so an unlisted Host would be reflected
    into cached pages; with one, the scheme and host of each request scope are replaced by the configured ones.
    """

    def __init__(self, app: ASGIApp, *, allowed_hosts: list[str], public_base_url: str | None) -> None:
        self.app = app
        self.allowed = frozenset(_host_name(entry) if entry != "*" else "*" for entry in allowed_hosts)
        self.public: tuple[str, bytes] | None = None
        if public_base_url:
            parts = urlsplit(public_base_url)
            self.public = (parts.scheme, parts.netloc.encode("latin-1"))
            self.allowed |= {_host_name(parts.netloc)}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in PROBE_PATHS:
            await self.app(scope, receive, send)
            return
        headers: list[tuple[bytes, bytes]] = scope.get("headers") or []
        host = next((value for name, value in headers if name == b"host"), None)
        if host is not None and not host_allowed(_host_name(host.decode("latin-1")), self.allowed):
            response = problem_response(
                400,
                "The Host header names a site this server does not serve.",
                title="Unknown host",
                type_="/problems/unknown-host",
                instance=scope.get("path"),
                headers={"Connection": "close"},
            )
            await response(scope, receive, send)
            return
        if self.public is not None:
            scheme, netloc = self.public
            # In place: outer middleware reads what the router adds to this same scope (the matched route).
            scope["scheme"] = scheme
            scope["headers"] = [(name, value) for name, value in headers if name != b"host"] + [(b"host", netloc)]
        await self.app(scope, receive, send)

"""Request context: honours or generates X-Request-ID, times the request, adds the security headers."""

from __future__ import annotations

import re
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.clients import client_address

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

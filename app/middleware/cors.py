"""CORS for the public read and match endpoints only; the admin API gets none."""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

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

"""CORS for the public read and match endpoints only; the admin API gets none."""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp

ADMIN_PREFIX = "/v1/admin"
EXPOSED_HEADERS = [
    "ETag",
    "Link",
    "X-Total-Count",
    "X-Request-ID",
    "Retry-After",
    "Content-Disposition",
    "X-Catalogue-Stale",
    "RateLimit-Policy",
    "RateLimit",
]


def is_admin(path: str) -> bool:
    """Admin requests bypass CORS entirely: no Access-Control-* headers, and a preflight is not granted, so
    browsers never get to call the admin API cross-origin."""
    return path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/")


def public_cors(app: ASGIApp, origins: list[str]) -> CORSMiddleware:
    """Starlette's CORS layer for the public endpoints, around `app`.

    app.middleware.edge.EdgeMiddleware hands it only requests with an Origin header: for the others it would
    only add `Vary: Origin`, which the edge adds itself.
    """
    return CORSMiddleware(
        app,
        allow_origins=origins,
        allow_credentials=False,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "If-None-Match", "X-Request-ID"],
        expose_headers=EXPOSED_HEADERS,
        max_age=600,
    )

"""The application factory: routers, middleware and error handlers, and nothing else."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app import __version__
from app.config import get_settings
from app.errors import install_error_handlers
from app.middleware import RequestContextMiddleware
from app.observability import ObservabilityMiddleware
from app.routers import catalogue, health, metrics, taxonomy

DESCRIPTION = """
The Support Navigator tells a health innovator in the Leeds City Region which support to go to next.

* **Match**: `POST /v1/match` with a stage or TRL and needs gives ranked offers, each with reasons.
* **Catalogue**: offers and providers curated from the region's own documents, with provenance.
* **Vocabulary**: the seven-stage pathway with its TRL crosswalk, the nine support needs and more.

Every error is RFC 9457 `application/problem+json`. Catalogue reads carry strong ETags; send
`If-None-Match` to get `304 Not Modified` while the catalogue is unchanged.
"""


def create_app() -> FastAPI:
    """Build the API."""
    settings = get_settings()
    app = FastAPI(
        title="Support Navigator",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=[
            {"name": "matching", "description": "Ranked, explained support for an innovator's profile."},
            {"name": "catalogue", "description": "Offers and providers, filtered and paginated."},
            {"name": "taxonomy", "description": "The public vocabulary: stages, TRLs, needs, sectors, locations."},
            {"name": "health", "description": "Probes for load balancers and orchestrators."},
        ],
    )
    install_error_handlers(app)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=False,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "If-None-Match", "X-Request-ID"],
        expose_headers=["ETag", "Link", "X-Total-Count", "X-Request-ID", "Retry-After"],
        max_age=600,
    )
    app.add_middleware(ObservabilityMiddleware)
    app.add_middleware(RequestContextMiddleware)
    for module in (health, metrics, taxonomy, catalogue):
        app.include_router(module.router)
    return app

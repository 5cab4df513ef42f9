"""The application factory: routers, middleware and error handlers, and nothing else."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app import __version__
from app.config import Settings, get_settings
from app.db import get_engine
from app.direct import DirectPaths
from app.errors import install_error_handlers
from app.middleware.bodylimit import BodyLimit
from app.middleware.compression import Compression
from app.middleware.edge import EdgeMiddleware
from app.middleware.host import HostPolicy
from app.middleware.ratelimit import Limits, RateLimiter, build_counter
from app.openapi import install_openapi, operation_id
from app.routers import admin, catalogue, docs, health, hsds, insights, intake, matching, metrics, taxonomy, widget
from app.services.insights.demand import demand_recorder
from app.services.matching.match import matcher_index
from app.services.store.snapshot import snapshot_cache

logger = logging.getLogger("app")
GZIP_MINIMUM_BYTES = 1000
# The youngest generation is collected after this many more container objects were made than freed (Python's
# default: 700). Under load the objects of the 32 requests in flight, the queued log records and demand events are
# always young and alive, so at 700 the collector walked them about every 25 matches for nothing (0.15 ms each, 2 %
# of the worker's time); at 50,000 it runs about a hundred times less often, and holds at most a few MB of garbage.
GC_YOUNG_THRESHOLD = 50_000
# How long a thread holding the GIL keeps it before another that wants it may take it (Python's default: 5 ms).
# The demand writer's and the catalogue check's database calls each let go of the GIL and then wait up to this long
# to get it back behind the request thread, and a request arriving meanwhile waits behind them: at 0.5 ms a demand
# round took a median 79 ms of wall time instead of 173 (max 171 instead of 1,615) and wrk's p99 for matches fell
# from 103 to 59 ms, at the same CPU per request (bench/profile_tail.py, docs/performance.md).
SWITCH_INTERVAL_SECONDS = 0.0005

DESCRIPTION = """
The Support Navigator tells a health innovator in the Leeds City Region which support to go to next.

* **Match**: `POST /v1/match` with a stage or TRL and needs gives ranked offers, each with reasons.
* **Catalogue**: offers and providers curated from the region's own documents, with provenance.
* **Vocabulary**: the seven-stage pathway with its TRL crosswalk, the nine support needs and more.

Every error is RFC 9457 `application/problem+json`. While the catalogue database cannot be reached, reads and
matches are answered from the catalogue held in memory, with `X-Catalogue-Stale: <seconds since it was last
confirmed>`; writes answer 503 with `Retry-After`. Catalogue reads carry strong ETags; send
`If-None-Match` to get `304 Not Modified` while the catalogue is unchanged.
"""


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    """Warm the worker before it takes traffic; flush the anonymous demand events still queued when it stops."""
    if get_settings().warm_start:
        await run_in_threadpool(warm_start)
    yield
    demand_recorder.close()


def warm_start() -> None:
    """Build the catalogue snapshot and the matcher index now, so the first requests do not wait for them.

    Then freeze the start-up heap (modules, the app, the catalogue) out of the garbage collector: a full
    collection would otherwise walk all of it, stalling every request in flight for about 100 ms each time; and
    collect the youngest generation less often (GC_YOUNG_THRESHOLD), as a server making and freeing objects by
    the million has no use for the default's frequent small collections; and hand the GIL between threads sooner
    (SWITCH_INTERVAL_SECONDS), so the background writers' short database calls do not hold requests up.
    A database that is down or empty at start is not fatal: the first request that needs it says so (503).
    """
    try:
        with Session(get_engine()) as session:
            snapshot = snapshot_cache.get(session)
        if snapshot.offers:
            matcher_index(snapshot)
    except SQLAlchemyError as error:
        logger.warning("catalogue not loaded at start (%s); the first request will try again", type(error).__name__)
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)


def _rate_limiter(settings: Settings) -> RateLimiter:
    limits = Limits(
        per_address=settings.rate_limit_per_minute,
        per_key=settings.rate_limit_key_per_minute,
        window_seconds=settings.rate_limit_window_seconds,
    )
    return RateLimiter(limits=limits, counter=build_counter(settings.redis_url, settings.redis_prefix))


def create_app() -> FastAPI:
    """Build the API."""
    settings = get_settings()
    app = FastAPI(
        title="Support Navigator",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # Served by app.routers.docs from pinned local copies, so the docs work without internet access.
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
        openapi_tags=[
            {"name": "matching", "description": "Ranked, explained support for an innovator's profile."},
            {"name": "catalogue", "description": "Offers and providers, filtered and paginated."},
            {"name": "taxonomy", "description": "The public vocabulary: stages, TRLs, needs, sectors, locations."},
            {"name": "insights", "description": "Coverage of the pathway and demand from match requests."},
            {"name": "hsds", "description": "Open Referral HSDS 3.0: the catalogue as services and organizations."},
            {"name": "health", "description": "Probes for load balancers and orchestrators."},
            {
                "name": "admin",
                "description": "Curators' edits (API key needed): offers, providers, needs, keys, audit.",
            },
            {"name": "widget", "description": "The embeddable `<support-navigator>` widget and its demo page."},
            {"name": "docs", "description": "What each problem `type` in an error body means, and what to do."},
        ],
    )
    install_error_handlers(app)
    install_openapi(app, settings.data_dir)
    # Bodies over about 1 KB are gzipped for clients that accept it (with Vary: Accept-Encoding); HEAD is answered
    # outside that, so its headers are exactly those of the GET it stands for.
    # Level 1: the 100-offer page (76 KB) goes to 15 KB for a third of level 6's CPU (which gets 12 KB); server
    # CPU is what the service is sized by (bench/results/http-gzip.md).
    app.add_middleware(Compression, minimum_size=GZIP_MINIMUM_BYTES, compresslevel=1)
    # Everything else cross-cutting, in one layer (request context, metrics and access log, Host, CORS, rate
    # limits, HEAD, body limit: app.middleware.edge), so a request pays for one layer, not eight.
    app.add_middleware(
        EdgeMiddleware,
        host=HostPolicy(allowed_hosts=settings.allowed_hosts, public_base_url=settings.public_base_url),
        cors_origins=settings.cors_origins,
        body_limit=BodyLimit(max_bytes=settings.max_body_bytes),
        rate_limiter=_rate_limiter(settings) if settings.rate_limit_enabled else None,
    )
    # Routers are tried in this order for every request and no two share a path, so the busiest come first.
    for module in (health, matching, intake, catalogue, taxonomy, insights, hsds, metrics, admin, widget, docs):
        app.include_router(module.router)
    # The hottest routes (/healthz, POST /v1/match, GET /v1/offers) are then found by exact path, not by search.
    DirectPaths.install(app)
    return app

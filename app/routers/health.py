"""Liveness and readiness probes, and the API's front door."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from sqlalchemy import text

from app import __version__
from app.db import SessionDep
from app.direct import DirectRoute, served_by
from app.errors import ServiceUnavailable, problem_responses
from app.models.health import Health, Index, Readiness
from app.services.store.state import current_stamp

router = APIRouter(tags=["health"], route_class=DirectRoute)


@router.get("/", summary="The API's front door", include_in_schema=True, responses=problem_responses(500))
def index() -> Index:
    """The API's front door: links to the documentation and the main endpoints."""
    return Index(
        name="Support Navigator",
        version=__version__,
        docs="/docs",
        openapi="/openapi.json",
        endpoints={
            "match": "/v1/match",
            "pathway": "/v1/pathway",
            "offers": "/v1/offers",
            "providers": "/v1/providers",
            "stages": "/v1/stages",
            "needs": "/v1/needs",
        },
    )


HEALTHY = Health(status="ok", version=__version__).model_dump_json().encode()


async def healthz_direct(_request: Request) -> Response:
    """The liveness answer, encoded once: a probe should cost the worker next to nothing."""
    return Response(HEALTHY, media_type="application/json")


@router.get("/healthz", summary="Liveness probe", responses=problem_responses(500))
@served_by(healthz_direct)
async def healthz() -> Health:
    """Liveness: the process answers (the database is not consulted, no worker thread is needed)."""
    return Health(status="ok", version=__version__)


@router.get("/readyz", summary="Readiness probe", responses=problem_responses(500, 503))
def readyz(session: SessionDep) -> Readiness:
    """Readiness: the database answers; 503 problem+json when it does not."""
    session.execute(text("SELECT 1"))
    stamp = current_stamp(session)
    if stamp == "empty":
        raise ServiceUnavailable("The database answers but holds no catalogue yet. Run `navigator load`.")
    return Readiness(status="ready", database=session.get_bind().dialect.name, catalogue_version=stamp)

"""Insights for analysts: coverage of the pathway by the catalogue, and demand from match requests."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.conditional import NOT_MODIFIED, conditional_get
from app.config import get_settings
from app.db import SessionDep
from app.deps import SnapshotDep
from app.errors import FieldProblem, ValidationProblem, problem_responses
from app.models.base import utcnow
from app.models.insights import CoverageQuery, CoverageReport, DemandQuery, DemandReport, SvgQuery
from app.renditions import EXPORT_RESPONSES, carried_headers, export_response, negotiate
from app.services.insights.coverage import (
    COVERAGE_COLUMNS,
    coverage_report,
    coverage_rows,
    coverage_svg,
)
from app.services.insights.demand_report import DEMAND_COLUMNS, demand_report, demand_rows
from app.services.store.snapshot import CatalogueSnapshot

router = APIRouter(prefix="/v1/insights", tags=["insights"], responses=problem_responses(500, 503))


def _check_filters(snapshot: CatalogueSnapshot, sectors: list[str], locations: list[str]) -> None:
    taxonomy = snapshot.taxonomy
    problems = taxonomy.field_problems("sector", "sector", sectors, positions="never")
    problems += taxonomy.field_problems("location", "location", locations, positions="never")
    if problems:
        raise ValidationProblem(problems)


@router.get(
    "/coverage",
    summary="Coverage of the pathway (stage x need)",
    response_model=CoverageReport,
    responses={**EXPORT_RESPONSES, **NOT_MODIFIED, **problem_responses(406, 422)},
    openapi_extra={"x-example": "/v1/insights/coverage?sector=digital-health&format=csv"},
)
async def get_coverage(
    snapshot: SnapshotDep, request: Request, response: Response, query: Annotated[CoverageQuery, Query()]
) -> CoverageReport | Response:
    """Which stage x need cells of the pathway have support, and which are gaps (0 or 1 active offer).

    An offer tagged with a child need counts for its top-level need; offers serving every sector or
    anywhere count under any sector or location filter. Also as CSV (one row per cell) or NDJSON.
    """
    fmt = negotiate(request, query.format)
    conditional_get(request, response, snapshot.stamp, variant=fmt)
    _check_filters(snapshot, query.sector, query.location)
    report = coverage_report(snapshot, sectors=query.sector, locations=query.location, thin=query.thin)
    if fmt == "json":
        return report
    rows = coverage_rows(report)
    return export_response(fmt, rows, dict, COVERAGE_COLUMNS, filename="coverage", headers=carried_headers(response))


@router.get(
    "/coverage.svg",
    summary="Coverage heatmap as SVG",
    response_class=Response,
    responses={
        200: {"content": {"image/svg+xml": {"schema": {"type": "string"}}}, "description": "The heatmap."},
        **NOT_MODIFIED,
        **problem_responses(422),
    },
    openapi_extra={"x-example": "/v1/insights/coverage.svg?location=leeds"},
)
async def get_coverage_svg(
    snapshot: SnapshotDep, request: Request, response: Response, query: Annotated[SvgQuery, Query()]
) -> Response:
    """The coverage matrix as an accessible SVG heatmap (title, description, labelled cells, gaps outlined)."""
    conditional_get(request, response, snapshot.stamp, variant="svg")
    _check_filters(snapshot, query.sector, query.location)
    report = coverage_report(snapshot, sectors=query.sector, locations=query.location, thin=query.thin)
    return Response(coverage_svg(report), media_type="image/svg+xml", headers=carried_headers(response))


@router.get(
    "/demand",
    summary="Demand from match requests against supply",
    response_model=DemandReport,
    responses={**EXPORT_RESPONSES, **problem_responses(406, 422)},
    openapi_extra={"x-example": "/v1/insights/demand?since=2026-01-01&until=2026-03-31"},
)
def get_demand(
    session: SessionDep,
    snapshot: SnapshotDep,
    request: Request,
    response: Response,
    query: Annotated[DemandQuery, Query()],
) -> DemandReport | Response:
    """What innovators asked the matcher for over a period, set against what the catalogue offers.

    Demand per stage x need (a request counts once in every cell its stages and top-level needs span),
    the under-served cells (demand with thin supply), the most requested needs, the most recommended
    offers, and keyword terms seen in enough requests. Also as CSV (one row per cell) or NDJSON.
    """
    fmt = negotiate(request, query.format)
    _check_filters(snapshot, query.sector, query.location)
    until = query.until or utcnow().date()
    since = query.since or until - timedelta(days=90)
    if since > until:
        raise ValidationProblem([FieldProblem(field="since", message="must not be after `until`.")])
    settings = get_settings()
    report = demand_report(
        session,
        snapshot,
        since=since,
        until=until,
        sectors=query.sector,
        locations=query.location,
        thin=query.thin,
        min_term_requests=settings.demand_min_term_requests,
        top=query.top,
    )
    headers = {"Cache-Control": "no-store"}
    if fmt == "json":
        response.headers.update(headers)
        return report
    return export_response(fmt, demand_rows(report), dict, DEMAND_COLUMNS, filename="demand", headers=headers)

"""Prometheus metrics for the scraper: request counts and latencies by route, and the catalogue served."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.errors import problem_responses
from app.middleware.observability import METRICS_MEDIA_TYPE, metrics_exposition

router = APIRouter(tags=["health"])

EXAMPLE = """# HELP navigator_http_requests_total HTTP requests answered, by method, route template and status.
# TYPE navigator_http_requests_total counter
navigator_http_requests_total{method="POST",route="/v1/match",status="200"} 1234.0
"""


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={
        200: {
            "description": "The Prometheus text exposition, summed over every worker process.",
            "content": {METRICS_MEDIA_TYPE: {"schema": {"type": "string"}, "example": EXAMPLE}},
        },
        **problem_responses(500),
    },
)
def metrics() -> Response:
    """Prometheus metrics: requests by route template and status, latency histograms, the catalogue version."""
    return Response(metrics_exposition(), media_type=METRICS_MEDIA_TYPE)

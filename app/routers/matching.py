"""Matching endpoints: POST/GET /v1/match and the route ahead, POST/GET /v1/pathway."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, Request, Response

from app.conditional import NOT_MODIFIED, conditional_get
from app.deps import SnapshotDep, get_snapshot
from app.direct import DirectRoute, JsonContent, json_post, json_post_route
from app.errors import problem_responses
from app.matching import MatchOutcome, Profile
from app.models.matching import (
    EXAMPLE_REQUEST,
    MatchQuery,
    MatchRequest,
    MatchResponse,
    PathwayBody,
    PathwayRequest,
    PathwayResponse,
    ProfileFields,
)
from app.renditions import JSONBody, carried_headers
from app.services.insights.demand import record_match
from app.services.matching.documents import match_document, pathway_document
from app.services.matching.match import ruleset_version, run_match, run_pathway
from app.services.store.snapshot import CatalogueSnapshot

CURL_SAMPLE = (
    "curl -s localhost:8000/v1/match -H 'content-type: application/json' "
    '-d \'{"stage":5,"needs":["regulatory-advice"]}\''
)

router = APIRouter(prefix="/v1", tags=["matching"], responses=problem_responses(422, 500, 503), route_class=DirectRoute)


def _profile(fields: ProfileFields, limit: int = 10) -> Profile:
    return Profile(
        stage=fields.stage,
        trl=fields.trl,
        needs=tuple(fields.needs),
        sector=fields.sector,
        organisation_type=fields.organisation_type,
        location=fields.location,
        keywords=fields.keywords,
        limit=limit,
    )


def _record(outcome: MatchOutcome) -> None:
    """Queue the anonymous demand record: the normalised profile and the offers returned, nothing else."""
    record_match(outcome.profile.as_dict(), [scored.offer.slug for scored in outcome.results])


def _match(snapshot: CatalogueSnapshot, fields: MatchRequest | MatchQuery, headers: dict[str, str]) -> JSONBody:
    explain = fields.explain == "full"
    outcome = run_match(snapshot, _profile(fields, fields.limit), explain=explain)
    _record(outcome)
    return JSONBody(match_document(snapshot, outcome, explain=explain), headers=headers)


async def match_post_direct(request: Request) -> Response:
    """POST /v1/match without dependency injection: the same 415 check, snapshot and body model, in one pass."""
    snapshot, body = await json_post(request, MatchRequest, get_snapshot)
    return _match(snapshot, body, {})


@json_post_route(
    router,
    "/match",
    match_post_direct,
    summary="Match a profile to ranked offers",
    response_model=MatchResponse,
    curl_sample=CURL_SAMPLE,
)
async def match_post(
    snapshot: SnapshotDep, body: Annotated[MatchRequest, Body(examples=[EXAMPLE_REQUEST])]
) -> JSONBody:
    """Ranked offers for an innovator's profile, each with the reasons it was chosen and its next step (`url`,
    `contact_route`).

    Give at least one of stage, trl, needs or keywords: keywords alone are a search in plain words. Only offers
    with evidence for what was asked are listed (a need met, or an informative word matched), so a request that
    nothing fits gets `"results": []` (near misses with `explain=full`). Signposting services are never ranked:
    they come back once in `front_door`."""
    return _match(snapshot, body, {})


@router.get("/match", summary="Match a profile given as a link", response_model=MatchResponse, responses=NOT_MODIFIED)
async def match_get(
    snapshot: SnapshotDep, request: Request, response: Response, query: Annotated[MatchQuery, Query()]
) -> JSONBody:
    """The same as POST /v1/match, with the fields as query parameters, so a result can be shared as a link."""
    conditional_get(request, response, f"{snapshot.stamp}:{ruleset_version()}")
    return _match(snapshot, query, carried_headers(response))


def _pathway(snapshot: CatalogueSnapshot, fields: PathwayRequest, headers: dict[str, str]) -> JSONBody:
    outcome = run_pathway(snapshot, _profile(fields), per_stage=fields.per_stage)
    return JSONBody(pathway_document(snapshot, outcome), headers=headers)


@router.post(
    "/pathway", summary="The route ahead for a profile", response_model=PathwayResponse, dependencies=[JsonContent]
)
async def pathway_post(snapshot: SnapshotDep, body: PathwayBody) -> JSONBody:
    """The innovator's route ahead: for the current stage and each later one, the best offers for that stage.

    Each later stage adds the needs innovators typically have there; offers may recur; only the current stage
    says "where you are now"; a stage nothing serves carries a `note`; front doors come back once in
    `front_door`."""
    return _pathway(snapshot, body, {})


@router.get(
    "/pathway", summary="The route ahead, given as a link", response_model=PathwayResponse, responses=NOT_MODIFIED
)
async def pathway_get(
    snapshot: SnapshotDep, request: Request, response: Response, query: Annotated[PathwayRequest, Query()]
) -> JSONBody:
    """The route ahead, with the profile as query parameters (needs repeated)."""
    conditional_get(request, response, f"{snapshot.stamp}:{ruleset_version()}")
    return _pathway(snapshot, query, carried_headers(response))

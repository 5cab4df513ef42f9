"""Matching endpoints: POST/GET /v1/match and the route ahead, POST/GET /v1/pathway."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, Request, Response

from app.deps import NOT_MODIFIED, SnapshotDep, conditional_get
from app.errors import problem_responses
from app.matching import MatchOutcome, Profile, ScoredOffer
from app.models.catalogue import ProviderRef
from app.models.matching import (
    EXAMPLE_REQUEST,
    MatchedOffer,
    MatchQuery,
    MatchRequest,
    MatchResponse,
    MatchResult,
    NearMissOut,
    PathwayBody,
    PathwayRequest,
    PathwayResponse,
    ProfileFields,
    ProfileOut,
    ReasonOut,
    RouteStep,
    StageOut,
)
from app.services.demand import record_match
from app.services.matching import current_rules, run_match, run_pathway
from app.services.snapshot import CatalogueSnapshot

CURL_SAMPLE = (
    "curl -s localhost:8000/v1/match -H 'content-type: application/json' "
    '-d \'{"stage":5,"needs":["regulatory-advice"]}\''
)

router = APIRouter(prefix="/v1", tags=["matching"], responses=problem_responses(422, 500, 503))


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


def _offer(snapshot: CatalogueSnapshot, slug: str) -> MatchedOffer:
    offer = snapshot.offers_by_slug[slug]
    return MatchedOffer(
        slug=offer.slug,
        name=offer.name,
        summary=offer.summary,
        url=offer.url,
        provider=ProviderRef(slug=offer.provider.slug, name=offer.provider.name),
        needs=offer.needs,
        stages=offer.stages,
        trl_band=offer.trl_band,
        kind=offer.kind,
        cost=offer.cost,
        status=offer.status,
        locations=offer.locations,
    )


def _result(snapshot: CatalogueSnapshot, scored: ScoredOffer, *, explain: bool) -> MatchResult:
    return MatchResult(
        rank=scored.rank,
        score=scored.score,
        offer=_offer(snapshot, scored.offer.slug),
        reasons=[ReasonOut(code=r.code, text=r.text) for r in scored.reasons],
        forthcoming=scored.forthcoming,
        components=dict(scored.components) if explain else None,
    )


def _record(outcome: MatchOutcome) -> None:
    """Queue the anonymous demand record: the normalised profile and the offers returned, nothing else."""
    record_match(outcome.profile.as_dict(), [scored.offer.slug for scored in outcome.results])


def _response(snapshot: CatalogueSnapshot, outcome: MatchOutcome, *, explain: bool) -> MatchResponse:
    return MatchResponse(
        profile=ProfileOut.model_validate(outcome.profile.as_dict()),
        ruleset_version=outcome.ruleset_version,
        catalogue_version=outcome.catalogue_version,
        results=[_result(snapshot, scored, explain=explain) for scored in outcome.results],
        near_misses=[
            NearMissOut(offer=_offer(snapshot, m.offer.slug), criterion=m.criterion, hint=m.hint, score=m.score)
            for m in outcome.near_misses
        ]
        if explain
        else None,
    )


@router.post("/match", openapi_extra={"x-codeSamples": [{"lang": "curl", "source": CURL_SAMPLE}]})
async def match_post(
    snapshot: SnapshotDep, body: Annotated[MatchRequest, Body(examples=[EXAMPLE_REQUEST])]
) -> MatchResponse:
    """Ranked offers for an innovator's profile, each with the reasons it was chosen."""
    explain = body.explain == "full"
    outcome = run_match(snapshot, _profile(body, body.limit), explain=explain)
    _record(outcome)
    return _response(snapshot, outcome, explain=explain)


@router.get("/match", responses=NOT_MODIFIED)
async def match_get(
    snapshot: SnapshotDep, request: Request, response: Response, query: Annotated[MatchQuery, Query()]
) -> MatchResponse:
    """The same as POST /v1/match, with the fields as query parameters, so a result can be shared as a link."""
    conditional_get(request, response, f"{snapshot.stamp}:{current_rules().version}")
    explain = query.explain == "full"
    outcome = run_match(snapshot, _profile(query, query.limit), explain=explain)
    _record(outcome)
    return _response(snapshot, outcome, explain=explain)


def _pathway(snapshot: CatalogueSnapshot, fields: PathwayRequest) -> PathwayResponse:
    outcome = run_pathway(snapshot, _profile(fields), per_stage=fields.per_stage)
    return PathwayResponse(
        profile=ProfileOut.model_validate(outcome.profile.as_dict()),
        ruleset_version=outcome.ruleset_version,
        catalogue_version=outcome.catalogue_version,
        stages=[
            RouteStep(
                stage=StageOut(
                    number=route.stage.number,
                    slug=route.stage.slug,
                    name=route.stage.name,
                    trl_band=(route.stage.trl_min, route.stage.trl_max),
                ),
                is_current=route.is_current,
                results=[_result(snapshot, scored, explain=False) for scored in route.results],
            )
            for route in outcome.routes
        ],
    )


@router.post("/pathway")
async def pathway_post(snapshot: SnapshotDep, body: PathwayBody) -> PathwayResponse:
    """The innovator's route ahead: for the current stage and each later one, the best offers for that stage."""
    return _pathway(snapshot, body)


@router.get("/pathway", responses=NOT_MODIFIED)
async def pathway_get(
    snapshot: SnapshotDep, request: Request, response: Response, query: Annotated[PathwayRequest, Query()]
) -> PathwayResponse:
    """The route ahead, with the profile as query parameters (needs repeated)."""
    conditional_get(request, response, f"{snapshot.stamp}:{current_rules().version}")
    return _pathway(snapshot, query)

"""Guided intake endpoints: GET /v1/intake (the questions) and POST /v1/intake (answers and words to a match)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Request, Response

from app.conditional import NOT_MODIFIED, TAXONOMY_CACHE, conditional_get
from app.deps import SnapshotDep, get_snapshot
from app.direct import DirectRoute, json_post, json_post_route
from app.errors import problem_responses
from app.models.intake import EXAMPLE_INTAKE, IntakeQuestions, IntakeRequest, IntakeResponse
from app.renditions import JSONBody, carried_headers
from app.services.matching.intake import current_intake, run_intake

CURL_SAMPLE = (
    "curl -s localhost:8000/v1/intake -H 'content-type: application/json' "
    '-d \'{"answers":{"built":"tested"},"description":"We need seed investment"}\''
)

router = APIRouter(prefix="/v1", tags=["matching"], responses=problem_responses(422, 500, 503), route_class=DirectRoute)


@router.get("/intake", summary="The guided intake's questions", response_model=IntakeQuestions, responses=NOT_MODIFIED)
async def intake_questions(request: Request, response: Response) -> JSONBody:
    """The guided intake's questions, their options and what each option implies (data/intake.yaml).

    `single` questions take one option id, `multi` a list of option ids, `text` plain words; send the answers
    to POST /v1/intake. Served with an ETag, so a client revalidates cheaply (304)."""
    loaded = current_intake()
    conditional_get(request, response, loaded.etag_key, cache_control=TAXONOMY_CACHE)
    return JSONBody(loaded.questions_document, headers=carried_headers(response))


async def intake_post_direct(request: Request) -> Response:
    """POST /v1/intake without dependency injection: the 415 check, the snapshot and the body model, in the order
    FastAPI runs them."""
    snapshot, body = await json_post(request, IntakeRequest, get_snapshot)
    return JSONBody(run_intake(snapshot, body))


@json_post_route(
    router,
    "/intake",
    intake_post_direct,
    summary="Answers and a description to a profile and its match",
    response_model=IntakeResponse,
    curl_sample=CURL_SAMPLE,
)
async def intake_post(
    snapshot: SnapshotDep, body: Annotated[IntakeRequest, Body(examples=[EXAMPLE_INTAKE])]
) -> JSONBody:
    """From plain answers and a description to a match profile, each inference with its source and reason, and
    the match for that profile. The description is read, never stored or logged.

    Give answers (see GET /v1/intake), a description, or both; `sector`, `organisation_type` and `location`
    beat anything inferred. `follow_up` says what more would help; `match` is the POST /v1/match answer for
    `profile`, or null while the profile gives the matcher nothing to go on."""
    return JSONBody(run_intake(snapshot, body))

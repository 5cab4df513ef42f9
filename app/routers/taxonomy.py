"""Vocabulary endpoints: stages with the TRL crosswalk, needs tree, sectors, organisation types, locations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request, Response

from app.conditional import NOT_MODIFIED, TAXONOMY_CACHE, conditional_get
from app.deps import SnapshotDep
from app.errors import problem_responses
from app.models.taxonomy import (
    LocationPublic,
    LocationsResponse,
    NeedPublic,
    NeedsResponse,
    StagePublic,
    StagesResponse,
    TermPublic,
    TermsResponse,
    TrlPublic,
)
from app.renditions import EXPORT_RESPONSES, Format, carried_headers, export_response, negotiate
from app.services.catalogue.taxonomy import Taxonomy
from app.services.exchange.exports import TERM_COLUMNS, term_row

router = APIRouter(prefix="/v1", tags=["taxonomy"], responses=problem_responses(406, 422, 500, 503))
RENDITIONS: dict[int | str, dict[str, Any]] = {**EXPORT_RESPONSES, **NOT_MODIFIED}
Answer = TypeVar("Answer", StagesResponse, NeedsResponse, TermsResponse, LocationsResponse)
FormatQuery = Annotated[
    Format | None, Query(description="json (default), csv or ndjson: one row per term; overrides Accept.")
]


def _answer(
    snapshot: SnapshotDep,
    request: Request,
    response: Response,
    fmt: Format | None,
    vocabulary: str,
    build: Callable[[Taxonomy], Answer],
) -> Answer | Response:
    """Conditional GET for the chosen format: the JSON answer `build` makes, or for CSV/NDJSON one row per term."""
    chosen = negotiate(request, fmt)
    conditional_get(request, response, snapshot.stamp, cache_control=TAXONOMY_CACHE, variant=chosen)
    if chosen == "json":
        return build(snapshot.taxonomy)
    rows = [term_row(t) for t in snapshot.taxonomy.of(vocabulary)]
    name = vocabulary.replace("_", "-") + ("s" if not vocabulary.endswith("s") else "")
    return export_response(chosen, rows, dict, TERM_COLUMNS, filename=name, headers=carried_headers(response))


def _stages(taxonomy: Taxonomy) -> StagesResponse:
    stages = [
        StagePublic(
            number=s.number, slug=s.slug, name=s.name, description=s.description, trl_band=(s.trl_min, s.trl_max)
        )
        for s in taxonomy.stages
    ]
    trls = [
        TrlPublic(level=level, name=name, stages=taxonomy.stages_for_trl(level)) for level, name in taxonomy.trl_levels
    ]
    return StagesResponse(taxonomy_version=taxonomy.version, stages=stages, trls=trls)


def _needs(taxonomy: Taxonomy) -> NeedsResponse:
    terms = taxonomy.of("need")

    def node(slug: str) -> NeedPublic:
        term = next(t for t in terms if t.slug == slug)
        children = [node(child) for child in taxonomy.need_children.get(slug, ())]
        return NeedPublic(slug=term.slug, name=term.name, parent=term.parent, source=term.source, children=children)

    return NeedsResponse(taxonomy_version=taxonomy.version, needs=[node(t.slug) for t in terms if t.parent is None])


def _locations(taxonomy: Taxonomy) -> LocationsResponse:
    locations = [
        LocationPublic(slug=t.slug, name=t.name, parent=t.parent, within=taxonomy.location_chain(t.slug)[1:])
        for t in taxonomy.of("location")
    ]
    return LocationsResponse(taxonomy_version=taxonomy.version, locations=locations)


def _terms(
    snapshot: SnapshotDep, request: Request, response: Response, fmt: Format | None, vocabulary: str
) -> TermsResponse | Response:
    """A flat vocabulary in the chosen format."""

    def build(taxonomy: Taxonomy) -> TermsResponse:
        terms = [TermPublic(slug=t.slug, name=t.name) for t in taxonomy.of(vocabulary)]
        return TermsResponse(taxonomy_version=taxonomy.version, terms=terms)

    return _answer(snapshot, request, response, fmt, vocabulary, build)


@router.get(
    "/stages", summary="List pathway stages and the TRL crosswalk", response_model=StagesResponse, responses=RENDITIONS
)
async def list_stages(
    snapshot: SnapshotDep, request: Request, response: Response, format: FormatQuery = None
) -> StagesResponse | Response:
    """The pathway stages with their TRL bands, and for each TRL the stages it belongs to."""
    return _answer(snapshot, request, response, format, "stage", _stages)


@router.get("/needs", summary="List the support needs tree", response_model=NeedsResponse, responses=RENDITIONS)
async def list_needs(
    snapshot: SnapshotDep, request: Request, response: Response, format: FormatQuery = None
) -> NeedsResponse | Response:
    """The support needs as a tree: asking for a parent need matches offers tagged with its children."""
    return _answer(snapshot, request, response, format, "need", _needs)


@router.get("/sectors", summary="List sectors", response_model=TermsResponse, responses=RENDITIONS)
async def list_sectors(
    snapshot: SnapshotDep, request: Request, response: Response, format: FormatQuery = None
) -> TermsResponse | Response:
    """Sectors; an offer with no sector list serves all of them."""
    return _terms(snapshot, request, response, format, "sector")


@router.get(
    "/organisation-types", summary="List organisation types", response_model=TermsResponse, responses=RENDITIONS
)
async def list_organisation_types(
    snapshot: SnapshotDep, request: Request, response: Response, format: FormatQuery = None
) -> TermsResponse | Response:
    """Organisation types an innovator can be."""
    return _terms(snapshot, request, response, format, "organisation_type")


@router.get("/provider-kinds", summary="List provider kinds", response_model=TermsResponse, responses=RENDITIONS)
async def list_provider_kinds(
    snapshot: SnapshotDep, request: Request, response: Response, format: FormatQuery = None
) -> TermsResponse | Response:
    """Kinds of provider organisation (university, NHS trust, accelerator…)."""
    return _terms(snapshot, request, response, format, "provider_kind")


@router.get("/locations", summary="List locations", response_model=LocationsResponse, responses=RENDITIONS)
async def list_locations(
    snapshot: SnapshotDep, request: Request, response: Response, format: FormatQuery = None
) -> LocationsResponse | Response:
    """Where an innovator can be; leeds is in west-yorkshire, in yorkshire-and-humber, in uk."""
    return _answer(snapshot, request, response, format, "location", _locations)

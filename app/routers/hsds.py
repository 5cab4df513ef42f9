"""Open Referral HSDS 3.0 read API under /hsds/: services, organizations, taxonomies and taxonomy terms."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse

from app.conditional import NOT_MODIFIED, conditional_get
from app.deps import SnapshotDep
from app.errors import NotFound, problem_responses
from app.models.base import as_utc
from app.models.hsds import OrganizationQuery, PageQuery, ServiceQuery, TermQuery
from app.renditions import carried_headers, ndjson_lines
from app.services.hsds.mapping import HsdsCatalogue, hsds_catalogue, page_envelope
from app.services.hsds.taxonomies import HSDS_PROFILE, HSDS_VERSION

router = APIRouter(prefix="/hsds", tags=["hsds"], responses=problem_responses(500, 503))
NDJSON = "application/x-ndjson"

PAGE_EXAMPLE = {
    "total_items": 1,
    "total_pages": 1,
    "page_number": 1,
    "size": 1,
    "first_page": True,
    "last_page": True,
    "empty": False,
}
SERVICE_EXAMPLE = {
    "id": "0d8a2d9c-3c55-5b57-9a59-1c1d0b2f0a11",
    "organization_id": "4a0b6a3e-5f2c-5e0e-8d8e-2f8e2c9f3b21",
    "name": "Beta regulatory advice for software",
    "alternate_name": "beta-regulatory",
    "description": "Regulatory advice for software as a medical device.",
    "status": "active",
    "application_process": "Apply at any time.",
    "fees_description": "A fee is charged.",
    "eligibility_description": "Open to every kind of organisation. Sectors: Digital health. Innovators anywhere.",
    "last_modified": "2026-11-22T10:00:00Z",
}


def _json(example: dict[str, Any], ndjson: bool = False) -> dict[int | str, Any]:
    media: dict[str, Any] = {"application/json": {"schema": {"type": "object"}, "example": example}}
    if ndjson:
        media[NDJSON] = {"schema": {"type": "string"}, "example": '{"id": "…", "name": "…", "status": "active"}\n'}
    return {200: {"description": "OK", "content": media}}


def _list_responses(item: dict[str, Any]) -> dict[int | str, Any]:
    """What a list answers: a page (or NDJSON lines) of such items, 304, 422."""
    return {**_json({**PAGE_EXAMPLE, "contents": [item]}, ndjson=True), **NOT_MODIFIED, **problem_responses(422)}


def _record_responses(example: dict[str, Any]) -> dict[int | str, Any]:
    """What a record by id answers: the record, 304, 404, 422."""
    return {**_json(example), **NOT_MODIFIED, **problem_responses(404, 422)}


def _ids(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _services(hsds: HsdsCatalogue, query: ServiceQuery) -> list[str]:
    # An id no record has selects nothing: an empty page, as a directory syncing by id expects (not a 422).
    return hsds.select_services(
        search=query.search,
        term_ids=_ids(query.taxonomy_term_id),
        taxonomy_ids=_ids(query.taxonomy_id),
        organization_id=query.organization_id,
        modified_after=as_utc(query.modified_after),
    )


@dataclass(frozen=True)
class HsdsRequest:
    """One request of the HSDS API: the catalogue as HSDS, and how a page or a record of it is answered."""

    catalogue: HsdsCatalogue
    stamp: str
    request: Request
    response: Response

    def page(self, query: PageQuery, ids: list[str], render: Callable[[str], dict[str, Any]]) -> Response:
        """A page of the records `ids` (or all of them as NDJSON lines), 304 when the client's copy is current."""
        conditional_get(self.request, self.response, self.stamp, variant=f"hsds-{query.format}")
        headers = carried_headers(self.response)
        if query.format == "ndjson":
            items: Iterator[dict[str, Any]] = (render(i) for i in ids)
            return StreamingResponse(ndjson_lines(items), media_type=NDJSON, headers=headers)
        chosen, envelope = page_envelope(ids, query.page, query.per_page)
        return JSONResponse({**envelope, "contents": [render(i) for i in chosen]}, headers=headers)

    def record(self, exists: bool, missing: str, document: Callable[[], dict[str, Any]]) -> Response:
        """One record by id: 404 with `missing` when there is none, 304 when the client's copy is current."""
        if not exists:
            raise NotFound(missing)
        conditional_get(self.request, self.response, self.stamp, variant="hsds")
        return JSONResponse(document(), headers=carried_headers(self.response))


async def _hsds_request(snapshot: SnapshotDep, request: Request, response: Response) -> HsdsRequest:
    return HsdsRequest(hsds_catalogue(snapshot), snapshot.stamp, request, response)


HsdsDep = Annotated[HsdsRequest, Depends(_hsds_request)]


@router.get(
    "/",
    summary="HSDS version and profile",
    responses=_json(
        {"version": HSDS_VERSION, "profile": HSDS_PROFILE, "openapi_url": "http://127.0.0.1:8000/hsds/openapi.json"},
    ),
)
def hsds_root(request: Request) -> dict[str, str]:
    """Which HSDS version this API speaks, its profile, and the OpenAPI document of this HSDS API alone.

    `openapi_url` is absolute and its paths are relative to `/hsds` (`/services`, not `/hsds/services`), as a
    profile validator joins them to the API's base address.
    """
    return {
        "version": HSDS_VERSION,
        "profile": HSDS_PROFILE,
        "openapi_url": str(request.base_url) + "hsds/openapi.json",
    }


@router.get(
    "/openapi.json",
    summary="The OpenAPI document of the HSDS API",
    responses=_json({"openapi": "3.1.0", "servers": [{"url": "http://127.0.0.1:8000/hsds"}], "paths": {}}),
)
def hsds_openapi(request: Request) -> dict[str, Any]:
    """The HSDS operations of this API as their own OpenAPI document, served under `/hsds` (paths without it)."""
    whole = request.app.openapi()
    paths = {
        path.removeprefix("/hsds") or "/": item
        for path, item in whole["paths"].items()
        if path.startswith("/hsds/") and path != "/hsds/openapi.json"
    }
    return {
        **{k: v for k, v in whole.items() if k not in ("paths", "servers", "tags")},
        "info": {**whole["info"], "title": "Support Navigator: Open Referral HSDS 3.0"},
        "servers": [{"url": str(request.base_url) + "hsds"}],
        "paths": paths,
    }


@router.get(
    "/services",
    summary="List HSDS services",
    responses=_list_responses(SERVICE_EXAMPLE),
    openapi_extra={"x-example": "/hsds/services?search=regulatory&per_page=10"},
)
async def list_services(hsds: HsdsDep, query: Annotated[ServiceQuery, Query()]) -> Response:
    """Offers as HSDS services (one-to-one fields and organization; `full=true` nests attributes)."""
    catalogue = hsds.catalogue
    render = catalogue.service_full if query.full else catalogue.service_brief
    return hsds.page(query, _services(catalogue, query), render)


IdPath = Annotated[str, Path(max_length=64, examples=["0d8a2d9c-3c55-5b57-9a59-1c1d0b2f0a11"])]

SERVICE_AT_LOCATION_EXAMPLE = {
    "id": "5b0f0c7e-1d1e-5d6a-9a55-2a7e3c1b9d10",
    "service_id": SERVICE_EXAMPLE["id"],
    "location_id": "7d3c2b1a-0f9e-5d8c-8b7a-6f5e4d3c2b1a",
    "description": "Beta regulatory advice for software, from Beta Advisors's base.",
    "location": {
        "id": "7d3c2b1a-0f9e-5d8c-8b7a-6f5e4d3c2b1a",
        "location_type": "physical",
        "name": "Beta Advisors, Leeds",
        "description": "Based in Leeds. The catalogue records the area, not a street address.",
    },
}
ORGANIZATION_EXAMPLE = {"id": "…", "name": "Beta Advisors", "description": "…"}
TAXONOMY_EXAMPLE = {"id": "…", "name": "Support needs", "description": "…"}
TERM_EXAMPLE = {"id": "…", "code": "regulatory-advice", "name": "Regulatory advice", "description": "…"}


@router.get(
    "/service_at_locations",
    summary="List HSDS services at locations",
    responses=_list_responses(SERVICE_AT_LOCATION_EXAMPLE),
)
async def list_service_at_locations(hsds: HsdsDep, query: Annotated[ServiceQuery, Query()]) -> Response:
    """Each service at its provider's base, where the catalogue knows one (an area such as Leeds, no address).

    The filters are those of `/hsds/services` and select the same services; `full=true` nests the service.
    """
    catalogue = hsds.catalogue
    ids = catalogue.select_service_at_locations(_services(catalogue, query))
    return hsds.page(query, ids, lambda i: catalogue.service_at_location_document(i, full=query.full))


@router.get(
    "/service_at_locations/{id}",
    summary="Get one HSDS service at a location",
    responses=_record_responses(SERVICE_EXAMPLE),
)
async def get_service_at_location(id: IdPath, hsds: HsdsDep) -> Response:
    """The fully nested service available at this location (the HSDS 3.0 document answers a service here).

    Its `service_at_locations` hold this one, with the location nested.
    """
    catalogue = hsds.catalogue
    return hsds.record(
        id in catalogue.service_at_locations,
        f"There is no service at location '{id}'. See /hsds/service_at_locations.",
        lambda: catalogue.service_full(catalogue.service_at_locations[id]),
    )


@router.get("/services/{id}", summary="Get one HSDS service", responses=_record_responses(SERVICE_EXAMPLE))
async def get_service(id: IdPath, hsds: HsdsDep) -> Response:
    """One fully nested service: attributes for every need, stage, sector, eligibility and kind term."""
    missing = f"There is no service '{id}'. See /hsds/services."
    return hsds.record(id in hsds.catalogue.services, missing, lambda: hsds.catalogue.service_full(id))


@router.get("/organizations", summary="List HSDS organizations", responses=_list_responses(ORGANIZATION_EXAMPLE))
async def list_organizations(hsds: HsdsDep, query: Annotated[OrganizationQuery, Query()]) -> Response:
    """Providers as HSDS organizations (`full=true` nests their services)."""
    catalogue = hsds.catalogue

    def render(organization_id: str) -> dict[str, Any]:
        if query.full:
            return catalogue.organization_full(organization_id, full_service=query.full_service)
        return catalogue.organization_brief(catalogue.organizations[organization_id])

    return hsds.page(query, catalogue.select_organizations(search=query.search), render)


@router.get(
    "/organizations/{id}",
    summary="Get one HSDS organization",
    responses=_record_responses({**ORGANIZATION_EXAMPLE, "services": []}),
)
async def get_organization(
    id: IdPath, hsds: HsdsDep, full_service: Annotated[bool, Query(description="Nest each service fully.")] = False
) -> Response:
    """One organization (a provider) with its services, briefly or, with `full_service`, fully nested."""
    catalogue = hsds.catalogue
    return hsds.record(
        id in catalogue.organizations,
        f"There is no organization '{id}'. See /hsds/organizations.",
        lambda: catalogue.organization_full(id, full_service=full_service),
    )


@router.get("/taxonomies", summary="List HSDS taxonomies", responses=_list_responses(TAXONOMY_EXAMPLE))
async def list_taxonomies(hsds: HsdsDep, query: Annotated[PageQuery, Query()]) -> Response:
    """The vocabularies as HSDS taxonomies: support needs, pathway stages, sectors, eligibility and kinds."""
    ids = hsds.catalogue.select_taxonomies(search=query.search)
    return hsds.page(query, ids, lambda tid: hsds.catalogue.taxonomies[tid])


@router.get("/taxonomies/{id}", summary="Get one HSDS taxonomy", responses=_record_responses(TAXONOMY_EXAMPLE))
async def get_taxonomy(id: IdPath, hsds: HsdsDep) -> Response:
    """One taxonomy: a vocabulary of the catalogue (support needs, stages, sectors…) with its version."""
    missing = f"There is no taxonomy '{id}'. See /hsds/taxonomies."
    return hsds.record(id in hsds.catalogue.taxonomies, missing, lambda: hsds.catalogue.taxonomies[id])


@router.get(
    "/taxonomy_terms",
    summary="List HSDS taxonomy terms",
    responses=_list_responses(TERM_EXAMPLE),
    openapi_extra={"x-example": "/hsds/taxonomy_terms?top_only=true"},
)
async def list_taxonomy_terms(hsds: HsdsDep, query: Annotated[TermQuery, Query()]) -> Response:
    """Every term of every taxonomy; `parent_id` lists a term's children, `top_only` the top-level terms."""
    catalogue = hsds.catalogue
    ids = catalogue.select_terms(
        search=query.search, taxonomy_ids=_ids(query.taxonomy_id), parent_id=query.parent_id, top_only=query.top_only
    )
    return hsds.page(query, ids, catalogue.term_document)


@router.get("/taxonomy_terms/{id}", summary="Get one HSDS taxonomy term", responses=_record_responses(TERM_EXAMPLE))
async def get_taxonomy_term(id: IdPath, hsds: HsdsDep) -> Response:
    """One taxonomy term with its taxonomy."""
    missing = f"There is no taxonomy term '{id}'. See /hsds/taxonomy_terms."
    return hsds.record(id in hsds.catalogue.terms, missing, lambda: hsds.catalogue.term_document(id))

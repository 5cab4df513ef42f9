"""Read endpoints of the catalogue: offers and providers, filtered, paginated and cacheable."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Path, Query, Request, Response

from app.conditional import NOT_MODIFIED, conditional_get
from app.deps import SnapshotDep, get_snapshot
from app.direct import DirectRoute, query_model, served_by
from app.errors import Gone, NotFound, ValidationProblem, problem_responses
from app.models.catalogue import (
    SLUG_PATTERN,
    OfferFilters,
    OfferPage,
    OfferPublic,
    OfferSelection,
    ProviderDetail,
    ProviderFilters,
    ProviderPage,
    ProviderPublic,
)
from app.models.facets import OfferFacets
from app.pagination import page_fields, paginate
from app.renditions import (
    EXPORT_RESPONSES,
    Format,
    JSONBody,
    carried_headers,
    export_response,
    export_window,
    negotiate,
)
from app.services.catalogue.facets import offer_facets
from app.services.catalogue.offers import filter_offers, offer_fragments
from app.services.exchange.exports import OFFER_COLUMNS, PROVIDER_COLUMNS, offer_row, provider_row
from app.services.store.snapshot import CatalogueSnapshot

router = APIRouter(prefix="/v1", tags=["catalogue"], responses=problem_responses(500, 503), route_class=DirectRoute)
SlugPath = Annotated[str, Path(pattern=SLUG_PATTERN, max_length=80, examples=["propel-yh"])]


Item = TypeVar("Item", OfferPublic, ProviderPublic)


def _published(kind: str, slug: str, withdrawn: frozenset[str], by_slug: Mapping[str, Item]) -> Item:
    """The live record of that slug: 410 Gone when it was withdrawn, 404 when there never was one."""
    if slug in withdrawn:
        raise Gone(f"The {kind} '{slug}' has been withdrawn from the catalogue.")
    record = by_slug.get(slug)
    if record is None:
        raise NotFound(f"There is no {kind} '{slug}'. See /v1/{kind}s.")
    return record


def _export(
    fmt: Format,
    items: Sequence[Item],
    filters: OfferFilters | ProviderFilters,
    response: Response,
    flatten: Callable[[Item], dict[str, Any]],
    columns: Sequence[str],
    filename: str,
) -> Response:
    """The list as CSV or NDJSON: every row, unless `limit` or `offset` was given."""
    limit, offset = export_window(filters.model_fields_set, filters.limit, filters.offset)
    window = items[offset : None if limit is None else offset + limit]
    return export_response(fmt, window, flatten, columns, filename=filename, headers=carried_headers(response))


async def list_offers_direct(request: Request) -> Response:
    """GET /v1/offers without dependency injection: the same snapshot and filters, the query read in one pass."""
    snapshot = await get_snapshot(request)
    filters = query_model(request, OfferFilters)
    return _offers(snapshot, request, Response(), filters)


@router.get(
    "/offers",
    summary="List offers",
    response_model=OfferPage,
    responses={**EXPORT_RESPONSES, **NOT_MODIFIED, **problem_responses(406, 422)},
    openapi_extra={"x-example": "/v1/offers?need=professional-advice&stage=5&location=leeds"},
)
@served_by(list_offers_direct)
async def list_offers(
    snapshot: SnapshotDep, request: Request, response: Response, filters: Annotated[OfferFilters, Query()]
) -> Response:
    """Offers matching the filters (OR within a field, AND across fields); closed offers only on request.

    Also as CSV or NDJSON (`format=csv|ndjson` or the Accept header), with the same filters and order;
    those return every matching offer unless `limit` or `offset` is given. `modified_after` makes a change feed.
    """
    return _offers(snapshot, request, response, filters)


def _offers(snapshot: CatalogueSnapshot, request: Request, response: Response, filters: OfferFilters) -> Response:
    fmt = negotiate(request, filters.format)
    conditional_get(request, response, snapshot.stamp, variant=fmt)
    offers = filter_offers(snapshot, filters)
    if fmt != "json":
        return _export(fmt, offers, filters, response, offer_row, OFFER_COLUMNS, "offers")
    # The page's fields as plain JSON, not through the PageMeta model: its schema, spliced (OpenAPI: OfferPage).
    page = page_fields(request, response, total=len(offers), limit=filters.limit, offset=filters.offset)
    fragments = offer_fragments(snapshot)
    page["items"] = [fragments[offer.slug] for offer in offers[filters.offset : filters.offset + filters.limit]]
    return JSONBody(page, headers=carried_headers(response))


@router.get(
    "/offers/facets",
    summary="Count offers per facet value",
    responses={**NOT_MODIFIED, **problem_responses(422)},
    openapi_extra={"x-example": "/v1/offers/facets?location=leeds&sector=digital-health"},
)
async def get_offer_facets(
    snapshot: SnapshotDep, request: Request, response: Response, filters: Annotated[OfferSelection, Query()]
) -> OfferFacets:
    """How many offers, under the current filters, each need, stage, sector, kind, cost and provider kind has.

    A count is the number of offers you would get by adding that value to the filters, so a parent need
    counts offers tagged with its children, and a sector counts offers that serve all sectors.
    """
    conditional_get(request, response, snapshot.stamp, variant="facets")
    return offer_facets(snapshot, filter_offers(snapshot, filters))


@router.get("/offers/{slug}", summary="Get one offer", responses={**NOT_MODIFIED, **problem_responses(404, 410, 422)})
async def get_offer(slug: SlugPath, snapshot: SnapshotDep, request: Request, response: Response) -> OfferPublic:
    """One offer; 410 Gone when it has been withdrawn."""
    offer = _published("offer", slug, snapshot.withdrawn_offers, snapshot.offers_by_slug)
    conditional_get(request, response, snapshot.stamp)
    return offer


@router.get(
    "/providers",
    summary="List providers",
    response_model=ProviderPage,
    responses={**EXPORT_RESPONSES, **NOT_MODIFIED, **problem_responses(406, 422)},
)
async def list_providers(
    snapshot: SnapshotDep, request: Request, response: Response, filters: Annotated[ProviderFilters, Query()]
) -> ProviderPage | Response:
    """Providers in name order, optionally of given kinds; also as CSV or NDJSON (every row unless paged)."""
    fmt = negotiate(request, filters.format)
    conditional_get(request, response, snapshot.stamp, variant=fmt)
    problems = snapshot.taxonomy.field_problems("provider_kind", "kind", filters.kind, positions="never")
    if problems:
        raise ValidationProblem(problems)
    kinds = set(filters.kind)
    providers = [p for p in snapshot.providers if not kinds or p.kind in kinds]
    if fmt != "json":
        return _export(fmt, providers, filters, response, provider_row, PROVIDER_COLUMNS, "providers")
    items, meta = paginate(request, response, providers, limit=filters.limit, offset=filters.offset)
    return ProviderPage(items=items, **meta.model_dump())


@router.get(
    "/providers/{slug}",
    summary="Get one provider with its offers",
    responses={**NOT_MODIFIED, **problem_responses(404, 410, 422)},
)
async def get_provider(slug: SlugPath, snapshot: SnapshotDep, request: Request, response: Response) -> ProviderDetail:
    """One provider with its offers (closed ones included, marked by status)."""
    provider = _published("provider", slug, snapshot.withdrawn_providers, snapshot.providers_by_slug)
    conditional_get(request, response, snapshot.stamp)
    offers = [offer for offer in snapshot.offers if offer.provider.slug == slug]
    return ProviderDetail(**provider.model_dump(), offers=offers)

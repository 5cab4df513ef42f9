import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_offer_facets_cost_item import GetOfferFacetsCostItem
from ...models.get_offer_facets_kind_item import GetOfferFacetsKindItem
from ...models.get_offer_facets_location_item import GetOfferFacetsLocationItem
from ...models.get_offer_facets_organisation_type_item import GetOfferFacetsOrganisationTypeItem
from ...models.get_offer_facets_status_item import GetOfferFacetsStatusItem
from ...models.offer_facets import OfferFacets
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    stage: list[int] | Unset = UNSET,
    trl: list[int] | Unset = UNSET,
    need: list[str] | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    organisation_type: list[GetOfferFacetsOrganisationTypeItem] | Unset = UNSET,
    location: list[GetOfferFacetsLocationItem] | Unset = UNSET,
    provider: list[str] | Unset = UNSET,
    kind: list[GetOfferFacetsKindItem] | Unset = UNSET,
    cost: list[GetOfferFacetsCostItem] | Unset = UNSET,
    status: list[GetOfferFacetsStatusItem] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_stage: list[int] | Unset = UNSET
    if not isinstance(stage, Unset):
        json_stage = stage

    params["stage"] = json_stage

    json_trl: list[int] | Unset = UNSET
    if not isinstance(trl, Unset):
        json_trl = trl

    params["trl"] = json_trl

    json_need: list[str] | Unset = UNSET
    if not isinstance(need, Unset):
        json_need = need

    params["need"] = json_need

    json_sector: list[str] | Unset = UNSET
    if not isinstance(sector, Unset):
        json_sector = sector

    params["sector"] = json_sector

    json_organisation_type: list[str] | Unset = UNSET
    if not isinstance(organisation_type, Unset):
        json_organisation_type = []
        for organisation_type_item_data in organisation_type:
            organisation_type_item = organisation_type_item_data.value
            json_organisation_type.append(organisation_type_item)

    params["organisation_type"] = json_organisation_type

    json_location: list[str] | Unset = UNSET
    if not isinstance(location, Unset):
        json_location = []
        for location_item_data in location:
            location_item = location_item_data.value
            json_location.append(location_item)

    params["location"] = json_location

    json_provider: list[str] | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)

    params["kind"] = json_kind

    json_cost: list[str] | Unset = UNSET
    if not isinstance(cost, Unset):
        json_cost = []
        for cost_item_data in cost:
            cost_item = cost_item_data.value
            json_cost.append(cost_item)

    params["cost"] = json_cost

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_modified_after: None | str | Unset
    if isinstance(modified_after, Unset):
        json_modified_after = UNSET
    elif isinstance(modified_after, datetime.datetime):
        json_modified_after = modified_after.isoformat()
    else:
        json_modified_after = modified_after
    params["modified_after"] = json_modified_after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/offers/facets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | OfferFacets | Problem | None:
    if response.status_code == 200:
        response_200 = OfferFacets.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | OfferFacets | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    stage: list[int] | Unset = UNSET,
    trl: list[int] | Unset = UNSET,
    need: list[str] | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    organisation_type: list[GetOfferFacetsOrganisationTypeItem] | Unset = UNSET,
    location: list[GetOfferFacetsLocationItem] | Unset = UNSET,
    provider: list[str] | Unset = UNSET,
    kind: list[GetOfferFacetsKindItem] | Unset = UNSET,
    cost: list[GetOfferFacetsCostItem] | Unset = UNSET,
    status: list[GetOfferFacetsStatusItem] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
) -> Response[Any | OfferFacets | Problem]:
    """Count offers per facet value

     How many offers, under the current filters, each need, stage, sector, kind, cost and provider kind
    has.

    A count is the number of offers you would get by adding that value to the filters, so a parent need
    counts offers tagged with its children, and a sector counts offers that serve all sectors.

    Args:
        stage (list[int] | Unset): Pathway stage 1-7.
        trl (list[int] | Unset): TRL 1-9 in the band.
        need (list[str] | Unset): Need slug; a parent matches its children.
        sector (list[str] | Unset): Sector served (offers for all sectors match).
        organisation_type (list[GetOfferFacetsOrganisationTypeItem] | Unset): Eligible
            organisation type.
        location (list[GetOfferFacetsLocationItem] | Unset): Innovator location; nested (leeds is
            in uk).
        provider (list[str] | Unset): Provider slug.
        kind (list[GetOfferFacetsKindItem] | Unset):
        cost (list[GetOfferFacetsCostItem] | Unset):
        status (list[GetOfferFacetsStatusItem] | Unset): Default: active and forthcoming.
        q (None | str | Unset): Words that must all appear in the offer's name, keywords, summary
            or description, stemmed as match keywords are; only stop words or punctuation is a 422.
        modified_after (datetime.datetime | None | Unset): Only offers changed after this time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OfferFacets | Problem]
    """

    kwargs = _get_kwargs(
        stage=stage,
        trl=trl,
        need=need,
        sector=sector,
        organisation_type=organisation_type,
        location=location,
        provider=provider,
        kind=kind,
        cost=cost,
        status=status,
        q=q,
        modified_after=modified_after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    stage: list[int] | Unset = UNSET,
    trl: list[int] | Unset = UNSET,
    need: list[str] | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    organisation_type: list[GetOfferFacetsOrganisationTypeItem] | Unset = UNSET,
    location: list[GetOfferFacetsLocationItem] | Unset = UNSET,
    provider: list[str] | Unset = UNSET,
    kind: list[GetOfferFacetsKindItem] | Unset = UNSET,
    cost: list[GetOfferFacetsCostItem] | Unset = UNSET,
    status: list[GetOfferFacetsStatusItem] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
) -> Any | OfferFacets | Problem | None:
    """Count offers per facet value

     How many offers, under the current filters, each need, stage, sector, kind, cost and provider kind
    has.

    A count is the number of offers you would get by adding that value to the filters, so a parent need
    counts offers tagged with its children, and a sector counts offers that serve all sectors.

    Args:
        stage (list[int] | Unset): Pathway stage 1-7.
        trl (list[int] | Unset): TRL 1-9 in the band.
        need (list[str] | Unset): Need slug; a parent matches its children.
        sector (list[str] | Unset): Sector served (offers for all sectors match).
        organisation_type (list[GetOfferFacetsOrganisationTypeItem] | Unset): Eligible
            organisation type.
        location (list[GetOfferFacetsLocationItem] | Unset): Innovator location; nested (leeds is
            in uk).
        provider (list[str] | Unset): Provider slug.
        kind (list[GetOfferFacetsKindItem] | Unset):
        cost (list[GetOfferFacetsCostItem] | Unset):
        status (list[GetOfferFacetsStatusItem] | Unset): Default: active and forthcoming.
        q (None | str | Unset): Words that must all appear in the offer's name, keywords, summary
            or description, stemmed as match keywords are; only stop words or punctuation is a 422.
        modified_after (datetime.datetime | None | Unset): Only offers changed after this time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OfferFacets | Problem
    """

    return sync_detailed(
        client=client,
        stage=stage,
        trl=trl,
        need=need,
        sector=sector,
        organisation_type=organisation_type,
        location=location,
        provider=provider,
        kind=kind,
        cost=cost,
        status=status,
        q=q,
        modified_after=modified_after,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    stage: list[int] | Unset = UNSET,
    trl: list[int] | Unset = UNSET,
    need: list[str] | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    organisation_type: list[GetOfferFacetsOrganisationTypeItem] | Unset = UNSET,
    location: list[GetOfferFacetsLocationItem] | Unset = UNSET,
    provider: list[str] | Unset = UNSET,
    kind: list[GetOfferFacetsKindItem] | Unset = UNSET,
    cost: list[GetOfferFacetsCostItem] | Unset = UNSET,
    status: list[GetOfferFacetsStatusItem] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
) -> Response[Any | OfferFacets | Problem]:
    """Count offers per facet value

     How many offers, under the current filters, each need, stage, sector, kind, cost and provider kind
    has.

    A count is the number of offers you would get by adding that value to the filters, so a parent need
    counts offers tagged with its children, and a sector counts offers that serve all sectors.

    Args:
        stage (list[int] | Unset): Pathway stage 1-7.
        trl (list[int] | Unset): TRL 1-9 in the band.
        need (list[str] | Unset): Need slug; a parent matches its children.
        sector (list[str] | Unset): Sector served (offers for all sectors match).
        organisation_type (list[GetOfferFacetsOrganisationTypeItem] | Unset): Eligible
            organisation type.
        location (list[GetOfferFacetsLocationItem] | Unset): Innovator location; nested (leeds is
            in uk).
        provider (list[str] | Unset): Provider slug.
        kind (list[GetOfferFacetsKindItem] | Unset):
        cost (list[GetOfferFacetsCostItem] | Unset):
        status (list[GetOfferFacetsStatusItem] | Unset): Default: active and forthcoming.
        q (None | str | Unset): Words that must all appear in the offer's name, keywords, summary
            or description, stemmed as match keywords are; only stop words or punctuation is a 422.
        modified_after (datetime.datetime | None | Unset): Only offers changed after this time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OfferFacets | Problem]
    """

    kwargs = _get_kwargs(
        stage=stage,
        trl=trl,
        need=need,
        sector=sector,
        organisation_type=organisation_type,
        location=location,
        provider=provider,
        kind=kind,
        cost=cost,
        status=status,
        q=q,
        modified_after=modified_after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    stage: list[int] | Unset = UNSET,
    trl: list[int] | Unset = UNSET,
    need: list[str] | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    organisation_type: list[GetOfferFacetsOrganisationTypeItem] | Unset = UNSET,
    location: list[GetOfferFacetsLocationItem] | Unset = UNSET,
    provider: list[str] | Unset = UNSET,
    kind: list[GetOfferFacetsKindItem] | Unset = UNSET,
    cost: list[GetOfferFacetsCostItem] | Unset = UNSET,
    status: list[GetOfferFacetsStatusItem] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
) -> Any | OfferFacets | Problem | None:
    """Count offers per facet value

     How many offers, under the current filters, each need, stage, sector, kind, cost and provider kind
    has.

    A count is the number of offers you would get by adding that value to the filters, so a parent need
    counts offers tagged with its children, and a sector counts offers that serve all sectors.

    Args:
        stage (list[int] | Unset): Pathway stage 1-7.
        trl (list[int] | Unset): TRL 1-9 in the band.
        need (list[str] | Unset): Need slug; a parent matches its children.
        sector (list[str] | Unset): Sector served (offers for all sectors match).
        organisation_type (list[GetOfferFacetsOrganisationTypeItem] | Unset): Eligible
            organisation type.
        location (list[GetOfferFacetsLocationItem] | Unset): Innovator location; nested (leeds is
            in uk).
        provider (list[str] | Unset): Provider slug.
        kind (list[GetOfferFacetsKindItem] | Unset):
        cost (list[GetOfferFacetsCostItem] | Unset):
        status (list[GetOfferFacetsStatusItem] | Unset): Default: active and forthcoming.
        q (None | str | Unset): Words that must all appear in the offer's name, keywords, summary
            or description, stemmed as match keywords are; only stop words or punctuation is a 422.
        modified_after (datetime.datetime | None | Unset): Only offers changed after this time.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OfferFacets | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            stage=stage,
            trl=trl,
            need=need,
            sector=sector,
            organisation_type=organisation_type,
            location=location,
            provider=provider,
            kind=kind,
            cost=cost,
            status=status,
            q=q,
            modified_after=modified_after,
        )
    ).parsed

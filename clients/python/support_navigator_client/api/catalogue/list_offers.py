import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_offers_cost_item import ListOffersCostItem
from ...models.list_offers_format_type_0 import ListOffersFormatType0
from ...models.list_offers_kind_item import ListOffersKindItem
from ...models.list_offers_location_item import ListOffersLocationItem
from ...models.list_offers_organisation_type_item import ListOffersOrganisationTypeItem
from ...models.list_offers_sort_type_0 import ListOffersSortType0
from ...models.list_offers_status_item import ListOffersStatusItem
from ...models.offer_page import OfferPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    stage: list[int] | Unset = UNSET,
    trl: list[int] | Unset = UNSET,
    need: list[str] | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    organisation_type: list[ListOffersOrganisationTypeItem] | Unset = UNSET,
    location: list[ListOffersLocationItem] | Unset = UNSET,
    provider: list[str] | Unset = UNSET,
    kind: list[ListOffersKindItem] | Unset = UNSET,
    cost: list[ListOffersCostItem] | Unset = UNSET,
    status: list[ListOffersStatusItem] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
    format_: ListOffersFormatType0 | None | Unset = UNSET,
    sort: ListOffersSortType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
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

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ListOffersFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    elif isinstance(sort, ListOffersSortType0):
        json_sort = sort.value
    else:
        json_sort = sort
    params["sort"] = json_sort

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/offers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | OfferPage | Problem | None:
    if response.status_code == 200:
        response_200 = OfferPage.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

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
) -> Response[Any | OfferPage | Problem]:
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
    organisation_type: list[ListOffersOrganisationTypeItem] | Unset = UNSET,
    location: list[ListOffersLocationItem] | Unset = UNSET,
    provider: list[str] | Unset = UNSET,
    kind: list[ListOffersKindItem] | Unset = UNSET,
    cost: list[ListOffersCostItem] | Unset = UNSET,
    status: list[ListOffersStatusItem] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
    format_: ListOffersFormatType0 | None | Unset = UNSET,
    sort: ListOffersSortType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[Any | OfferPage | Problem]:
    """List offers

     Offers matching the filters (OR within a field, AND across fields); closed offers only on request.

    Also as CSV or NDJSON (`format=csv|ndjson` or the Accept header), with the same filters and order;
    those return every matching offer unless `limit` or `offset` is given. `modified_after` makes a
    change feed.

    Args:
        stage (list[int] | Unset): Pathway stage 1-7.
        trl (list[int] | Unset): TRL 1-9 in the band.
        need (list[str] | Unset): Need slug; a parent matches its children.
        sector (list[str] | Unset): Sector served (offers for all sectors match).
        organisation_type (list[ListOffersOrganisationTypeItem] | Unset): Eligible organisation
            type.
        location (list[ListOffersLocationItem] | Unset): Innovator location; nested (leeds is in
            uk).
        provider (list[str] | Unset): Provider slug.
        kind (list[ListOffersKindItem] | Unset):
        cost (list[ListOffersCostItem] | Unset):
        status (list[ListOffersStatusItem] | Unset): Default: active and forthcoming.
        q (None | str | Unset): Words that must all appear in the offer's name, keywords, summary
            or description, stemmed as match keywords are; only stop words or punctuation is a 422.
        modified_after (datetime.datetime | None | Unset): Only offers changed after this time.
        format_ (ListOffersFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        sort (ListOffersSortType0 | None | Unset): Default: relevance with q, else name.
        limit (int | Unset):  Default: 20.
        offset (int | Unset): Offers to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OfferPage | Problem]
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
        format_=format_,
        sort=sort,
        limit=limit,
        offset=offset,
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
    organisation_type: list[ListOffersOrganisationTypeItem] | Unset = UNSET,
    location: list[ListOffersLocationItem] | Unset = UNSET,
    provider: list[str] | Unset = UNSET,
    kind: list[ListOffersKindItem] | Unset = UNSET,
    cost: list[ListOffersCostItem] | Unset = UNSET,
    status: list[ListOffersStatusItem] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
    format_: ListOffersFormatType0 | None | Unset = UNSET,
    sort: ListOffersSortType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Any | OfferPage | Problem | None:
    """List offers

     Offers matching the filters (OR within a field, AND across fields); closed offers only on request.

    Also as CSV or NDJSON (`format=csv|ndjson` or the Accept header), with the same filters and order;
    those return every matching offer unless `limit` or `offset` is given. `modified_after` makes a
    change feed.

    Args:
        stage (list[int] | Unset): Pathway stage 1-7.
        trl (list[int] | Unset): TRL 1-9 in the band.
        need (list[str] | Unset): Need slug; a parent matches its children.
        sector (list[str] | Unset): Sector served (offers for all sectors match).
        organisation_type (list[ListOffersOrganisationTypeItem] | Unset): Eligible organisation
            type.
        location (list[ListOffersLocationItem] | Unset): Innovator location; nested (leeds is in
            uk).
        provider (list[str] | Unset): Provider slug.
        kind (list[ListOffersKindItem] | Unset):
        cost (list[ListOffersCostItem] | Unset):
        status (list[ListOffersStatusItem] | Unset): Default: active and forthcoming.
        q (None | str | Unset): Words that must all appear in the offer's name, keywords, summary
            or description, stemmed as match keywords are; only stop words or punctuation is a 422.
        modified_after (datetime.datetime | None | Unset): Only offers changed after this time.
        format_ (ListOffersFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        sort (ListOffersSortType0 | None | Unset): Default: relevance with q, else name.
        limit (int | Unset):  Default: 20.
        offset (int | Unset): Offers to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OfferPage | Problem
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
        format_=format_,
        sort=sort,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    stage: list[int] | Unset = UNSET,
    trl: list[int] | Unset = UNSET,
    need: list[str] | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    organisation_type: list[ListOffersOrganisationTypeItem] | Unset = UNSET,
    location: list[ListOffersLocationItem] | Unset = UNSET,
    provider: list[str] | Unset = UNSET,
    kind: list[ListOffersKindItem] | Unset = UNSET,
    cost: list[ListOffersCostItem] | Unset = UNSET,
    status: list[ListOffersStatusItem] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
    format_: ListOffersFormatType0 | None | Unset = UNSET,
    sort: ListOffersSortType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[Any | OfferPage | Problem]:
    """List offers

     Offers matching the filters (OR within a field, AND across fields); closed offers only on request.

    Also as CSV or NDJSON (`format=csv|ndjson` or the Accept header), with the same filters and order;
    those return every matching offer unless `limit` or `offset` is given. `modified_after` makes a
    change feed.

    Args:
        stage (list[int] | Unset): Pathway stage 1-7.
        trl (list[int] | Unset): TRL 1-9 in the band.
        need (list[str] | Unset): Need slug; a parent matches its children.
        sector (list[str] | Unset): Sector served (offers for all sectors match).
        organisation_type (list[ListOffersOrganisationTypeItem] | Unset): Eligible organisation
            type.
        location (list[ListOffersLocationItem] | Unset): Innovator location; nested (leeds is in
            uk).
        provider (list[str] | Unset): Provider slug.
        kind (list[ListOffersKindItem] | Unset):
        cost (list[ListOffersCostItem] | Unset):
        status (list[ListOffersStatusItem] | Unset): Default: active and forthcoming.
        q (None | str | Unset): Words that must all appear in the offer's name, keywords, summary
            or description, stemmed as match keywords are; only stop words or punctuation is a 422.
        modified_after (datetime.datetime | None | Unset): Only offers changed after this time.
        format_ (ListOffersFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        sort (ListOffersSortType0 | None | Unset): Default: relevance with q, else name.
        limit (int | Unset):  Default: 20.
        offset (int | Unset): Offers to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OfferPage | Problem]
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
        format_=format_,
        sort=sort,
        limit=limit,
        offset=offset,
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
    organisation_type: list[ListOffersOrganisationTypeItem] | Unset = UNSET,
    location: list[ListOffersLocationItem] | Unset = UNSET,
    provider: list[str] | Unset = UNSET,
    kind: list[ListOffersKindItem] | Unset = UNSET,
    cost: list[ListOffersCostItem] | Unset = UNSET,
    status: list[ListOffersStatusItem] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
    format_: ListOffersFormatType0 | None | Unset = UNSET,
    sort: ListOffersSortType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Any | OfferPage | Problem | None:
    """List offers

     Offers matching the filters (OR within a field, AND across fields); closed offers only on request.

    Also as CSV or NDJSON (`format=csv|ndjson` or the Accept header), with the same filters and order;
    those return every matching offer unless `limit` or `offset` is given. `modified_after` makes a
    change feed.

    Args:
        stage (list[int] | Unset): Pathway stage 1-7.
        trl (list[int] | Unset): TRL 1-9 in the band.
        need (list[str] | Unset): Need slug; a parent matches its children.
        sector (list[str] | Unset): Sector served (offers for all sectors match).
        organisation_type (list[ListOffersOrganisationTypeItem] | Unset): Eligible organisation
            type.
        location (list[ListOffersLocationItem] | Unset): Innovator location; nested (leeds is in
            uk).
        provider (list[str] | Unset): Provider slug.
        kind (list[ListOffersKindItem] | Unset):
        cost (list[ListOffersCostItem] | Unset):
        status (list[ListOffersStatusItem] | Unset): Default: active and forthcoming.
        q (None | str | Unset): Words that must all appear in the offer's name, keywords, summary
            or description, stemmed as match keywords are; only stop words or punctuation is a 422.
        modified_after (datetime.datetime | None | Unset): Only offers changed after this time.
        format_ (ListOffersFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        sort (ListOffersSortType0 | None | Unset): Default: relevance with q, else name.
        limit (int | Unset):  Default: 20.
        offset (int | Unset): Offers to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OfferPage | Problem
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
            format_=format_,
            sort=sort,
            limit=limit,
            offset=offset,
        )
    ).parsed

import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.demand_report import DemandReport
from ...models.get_demand_format_type_0 import GetDemandFormatType0
from ...models.get_demand_location_item import GetDemandLocationItem
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: GetDemandFormatType0 | None | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    location: list[GetDemandLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
    top: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, GetDemandFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.date):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.date):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    json_sector: list[str] | Unset = UNSET
    if not isinstance(sector, Unset):
        json_sector = sector

    params["sector"] = json_sector

    json_location: list[str] | Unset = UNSET
    if not isinstance(location, Unset):
        json_location = []
        for location_item_data in location:
            location_item = location_item_data.value
            json_location.append(location_item)

    params["location"] = json_location

    params["thin"] = thin

    params["top"] = top

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/insights/demand",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DemandReport | Problem | None:
    if response.status_code == 200:
        response_200 = DemandReport.from_dict(response.json())

        return response_200

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
) -> Response[DemandReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetDemandFormatType0 | None | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    location: list[GetDemandLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
    top: int | Unset = 20,
) -> Response[DemandReport | Problem]:
    """Demand from match requests against supply

     What innovators asked the matcher for over a period, set against what the catalogue offers.

    Demand per stage x need (a request counts once in every cell its stages and top-level needs span),
    the under-served cells (demand with thin supply), the most requested needs, the most recommended
    offers, and keyword terms seen in enough requests. Also as CSV (one row per cell) or NDJSON.

    Args:
        format_ (GetDemandFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        since (datetime.date | None | Unset): First day (UTC), default 90 days before `until`.
        until (datetime.date | None | Unset): Last day (UTC, inclusive), default today.
        sector (list[str] | Unset): Only requests (and offers) for this sector.
        location (list[GetDemandLocationItem] | Unset): Only requests from this location (offers
            nested).
        thin (int | Unset): Cells with this many offers or fewer are under-served. Default: 1.
        top (int | Unset): Length of the top needs, offers and terms lists. Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DemandReport | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        since=since,
        until=until,
        sector=sector,
        location=location,
        thin=thin,
        top=top,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: GetDemandFormatType0 | None | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    location: list[GetDemandLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
    top: int | Unset = 20,
) -> DemandReport | Problem | None:
    """Demand from match requests against supply

     What innovators asked the matcher for over a period, set against what the catalogue offers.

    Demand per stage x need (a request counts once in every cell its stages and top-level needs span),
    the under-served cells (demand with thin supply), the most requested needs, the most recommended
    offers, and keyword terms seen in enough requests. Also as CSV (one row per cell) or NDJSON.

    Args:
        format_ (GetDemandFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        since (datetime.date | None | Unset): First day (UTC), default 90 days before `until`.
        until (datetime.date | None | Unset): Last day (UTC, inclusive), default today.
        sector (list[str] | Unset): Only requests (and offers) for this sector.
        location (list[GetDemandLocationItem] | Unset): Only requests from this location (offers
            nested).
        thin (int | Unset): Cells with this many offers or fewer are under-served. Default: 1.
        top (int | Unset): Length of the top needs, offers and terms lists. Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DemandReport | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        since=since,
        until=until,
        sector=sector,
        location=location,
        thin=thin,
        top=top,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetDemandFormatType0 | None | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    location: list[GetDemandLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
    top: int | Unset = 20,
) -> Response[DemandReport | Problem]:
    """Demand from match requests against supply

     What innovators asked the matcher for over a period, set against what the catalogue offers.

    Demand per stage x need (a request counts once in every cell its stages and top-level needs span),
    the under-served cells (demand with thin supply), the most requested needs, the most recommended
    offers, and keyword terms seen in enough requests. Also as CSV (one row per cell) or NDJSON.

    Args:
        format_ (GetDemandFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        since (datetime.date | None | Unset): First day (UTC), default 90 days before `until`.
        until (datetime.date | None | Unset): Last day (UTC, inclusive), default today.
        sector (list[str] | Unset): Only requests (and offers) for this sector.
        location (list[GetDemandLocationItem] | Unset): Only requests from this location (offers
            nested).
        thin (int | Unset): Cells with this many offers or fewer are under-served. Default: 1.
        top (int | Unset): Length of the top needs, offers and terms lists. Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DemandReport | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        since=since,
        until=until,
        sector=sector,
        location=location,
        thin=thin,
        top=top,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: GetDemandFormatType0 | None | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    location: list[GetDemandLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
    top: int | Unset = 20,
) -> DemandReport | Problem | None:
    """Demand from match requests against supply

     What innovators asked the matcher for over a period, set against what the catalogue offers.

    Demand per stage x need (a request counts once in every cell its stages and top-level needs span),
    the under-served cells (demand with thin supply), the most requested needs, the most recommended
    offers, and keyword terms seen in enough requests. Also as CSV (one row per cell) or NDJSON.

    Args:
        format_ (GetDemandFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        since (datetime.date | None | Unset): First day (UTC), default 90 days before `until`.
        until (datetime.date | None | Unset): Last day (UTC, inclusive), default today.
        sector (list[str] | Unset): Only requests (and offers) for this sector.
        location (list[GetDemandLocationItem] | Unset): Only requests from this location (offers
            nested).
        thin (int | Unset): Cells with this many offers or fewer are under-served. Default: 1.
        top (int | Unset): Length of the top needs, offers and terms lists. Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DemandReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            since=since,
            until=until,
            sector=sector,
            location=location,
            thin=thin,
            top=top,
        )
    ).parsed

from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coverage_report import CoverageReport
from ...models.get_coverage_format_type_0 import GetCoverageFormatType0
from ...models.get_coverage_location_item import GetCoverageLocationItem
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: GetCoverageFormatType0 | None | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    location: list[GetCoverageLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, GetCoverageFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/insights/coverage",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CoverageReport | Problem | None:
    if response.status_code == 200:
        response_200 = CoverageReport.from_dict(response.json())

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
) -> Response[Any | CoverageReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetCoverageFormatType0 | None | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    location: list[GetCoverageLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
) -> Response[Any | CoverageReport | Problem]:
    """Coverage of the pathway (stage x need)

     Which stage x need cells of the pathway have support, and which are gaps (0 or 1 active offer).

    An offer tagged with a child need counts for its top-level need; offers serving every sector or
    anywhere count under any sector or location filter. Also as CSV (one row per cell) or NDJSON.

    Args:
        format_ (GetCoverageFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        sector (list[str] | Unset): Only offers serving this sector (repeatable).
        location (list[GetCoverageLocationItem] | Unset): Only offers open to innovators here
            (nested).
        thin (int | Unset): Cells with this many offers or fewer are gaps. Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CoverageReport | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        sector=sector,
        location=location,
        thin=thin,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: GetCoverageFormatType0 | None | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    location: list[GetCoverageLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
) -> Any | CoverageReport | Problem | None:
    """Coverage of the pathway (stage x need)

     Which stage x need cells of the pathway have support, and which are gaps (0 or 1 active offer).

    An offer tagged with a child need counts for its top-level need; offers serving every sector or
    anywhere count under any sector or location filter. Also as CSV (one row per cell) or NDJSON.

    Args:
        format_ (GetCoverageFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        sector (list[str] | Unset): Only offers serving this sector (repeatable).
        location (list[GetCoverageLocationItem] | Unset): Only offers open to innovators here
            (nested).
        thin (int | Unset): Cells with this many offers or fewer are gaps. Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CoverageReport | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        sector=sector,
        location=location,
        thin=thin,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetCoverageFormatType0 | None | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    location: list[GetCoverageLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
) -> Response[Any | CoverageReport | Problem]:
    """Coverage of the pathway (stage x need)

     Which stage x need cells of the pathway have support, and which are gaps (0 or 1 active offer).

    An offer tagged with a child need counts for its top-level need; offers serving every sector or
    anywhere count under any sector or location filter. Also as CSV (one row per cell) or NDJSON.

    Args:
        format_ (GetCoverageFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        sector (list[str] | Unset): Only offers serving this sector (repeatable).
        location (list[GetCoverageLocationItem] | Unset): Only offers open to innovators here
            (nested).
        thin (int | Unset): Cells with this many offers or fewer are gaps. Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CoverageReport | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        sector=sector,
        location=location,
        thin=thin,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: GetCoverageFormatType0 | None | Unset = UNSET,
    sector: list[str] | Unset = UNSET,
    location: list[GetCoverageLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
) -> Any | CoverageReport | Problem | None:
    """Coverage of the pathway (stage x need)

     Which stage x need cells of the pathway have support, and which are gaps (0 or 1 active offer).

    An offer tagged with a child need counts for its top-level need; offers serving every sector or
    anywhere count under any sector or location filter. Also as CSV (one row per cell) or NDJSON.

    Args:
        format_ (GetCoverageFormatType0 | None | Unset): json (default), csv or ndjson; overrides
            the Accept header. CSV and NDJSON return every matching row unless limit or offset is
            given.
        sector (list[str] | Unset): Only offers serving this sector (repeatable).
        location (list[GetCoverageLocationItem] | Unset): Only offers open to innovators here
            (nested).
        thin (int | Unset): Cells with this many offers or fewer are gaps. Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CoverageReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            sector=sector,
            location=location,
            thin=thin,
        )
    ).parsed

from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_coverage_svg_location_item import GetCoverageSvgLocationItem
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sector: list[str] | Unset = UNSET,
    location: list[GetCoverageSvgLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/v1/insights/coverage.svg",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    sector: list[str] | Unset = UNSET,
    location: list[GetCoverageSvgLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
) -> Response[Any | Problem]:
    """Coverage heatmap as SVG

     The coverage matrix as an accessible SVG heatmap (title, description, labelled cells, gaps
    outlined).

    Args:
        sector (list[str] | Unset): Only offers serving this sector (repeatable).
        location (list[GetCoverageSvgLocationItem] | Unset): Only offers open to innovators here
            (nested).
        thin (int | Unset): Cells with this many offers or fewer are outlined. Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
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
    sector: list[str] | Unset = UNSET,
    location: list[GetCoverageSvgLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
) -> Any | Problem | None:
    """Coverage heatmap as SVG

     The coverage matrix as an accessible SVG heatmap (title, description, labelled cells, gaps
    outlined).

    Args:
        sector (list[str] | Unset): Only offers serving this sector (repeatable).
        location (list[GetCoverageSvgLocationItem] | Unset): Only offers open to innovators here
            (nested).
        thin (int | Unset): Cells with this many offers or fewer are outlined. Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        sector=sector,
        location=location,
        thin=thin,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    sector: list[str] | Unset = UNSET,
    location: list[GetCoverageSvgLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
) -> Response[Any | Problem]:
    """Coverage heatmap as SVG

     The coverage matrix as an accessible SVG heatmap (title, description, labelled cells, gaps
    outlined).

    Args:
        sector (list[str] | Unset): Only offers serving this sector (repeatable).
        location (list[GetCoverageSvgLocationItem] | Unset): Only offers open to innovators here
            (nested).
        thin (int | Unset): Cells with this many offers or fewer are outlined. Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        sector=sector,
        location=location,
        thin=thin,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    sector: list[str] | Unset = UNSET,
    location: list[GetCoverageSvgLocationItem] | Unset = UNSET,
    thin: int | Unset = 1,
) -> Any | Problem | None:
    """Coverage heatmap as SVG

     The coverage matrix as an accessible SVG heatmap (title, description, labelled cells, gaps
    outlined).

    Args:
        sector (list[str] | Unset): Only offers serving this sector (repeatable).
        location (list[GetCoverageSvgLocationItem] | Unset): Only offers open to innovators here
            (nested).
        thin (int | Unset): Cells with this many offers or fewer are outlined. Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            sector=sector,
            location=location,
            thin=thin,
        )
    ).parsed

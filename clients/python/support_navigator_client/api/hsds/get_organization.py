from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_organization_response_200 import GetOrganizationResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    full_service: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["full_service"] = full_service

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hsds/organizations/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GetOrganizationResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = GetOrganizationResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Any | GetOrganizationResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    full_service: bool | Unset = False,
) -> Response[Any | GetOrganizationResponse200 | Problem]:
    """Get one HSDS organization

     One organization (a provider) with its services, briefly or, with `full_service`, fully nested.

    Args:
        id (str):
        full_service (bool | Unset): Nest each service fully. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetOrganizationResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        full_service=full_service,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    full_service: bool | Unset = False,
) -> Any | GetOrganizationResponse200 | Problem | None:
    """Get one HSDS organization

     One organization (a provider) with its services, briefly or, with `full_service`, fully nested.

    Args:
        id (str):
        full_service (bool | Unset): Nest each service fully. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetOrganizationResponse200 | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        full_service=full_service,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    full_service: bool | Unset = False,
) -> Response[Any | GetOrganizationResponse200 | Problem]:
    """Get one HSDS organization

     One organization (a provider) with its services, briefly or, with `full_service`, fully nested.

    Args:
        id (str):
        full_service (bool | Unset): Nest each service fully. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetOrganizationResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        full_service=full_service,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    full_service: bool | Unset = False,
) -> Any | GetOrganizationResponse200 | Problem | None:
    """Get one HSDS organization

     One organization (a provider) with its services, briefly or, with `full_service`, fully nested.

    Args:
        id (str):
        full_service (bool | Unset): Nest each service fully. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetOrganizationResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            full_service=full_service,
        )
    ).parsed

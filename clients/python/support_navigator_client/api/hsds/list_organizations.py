from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_organizations_format import ListOrganizationsFormat
from ...models.list_organizations_response_200 import ListOrganizationsResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListOrganizationsFormat | Unset = ListOrganizationsFormat.JSON,
    full: bool | Unset = False,
    full_service: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_search: None | str | Unset
    if isinstance(search, Unset):
        json_search = UNSET
    else:
        json_search = search
    params["search"] = json_search

    params["page"] = page

    params["per_page"] = per_page

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["full"] = full

    params["full_service"] = full_service

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hsds/organizations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ListOrganizationsResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = ListOrganizationsResponse200.from_dict(response.json())

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
) -> Response[Any | ListOrganizationsResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListOrganizationsFormat | Unset = ListOrganizationsFormat.JSON,
    full: bool | Unset = False,
    full_service: bool | Unset = False,
) -> Response[Any | ListOrganizationsResponse200 | Problem]:
    """List HSDS organizations

     Providers as HSDS organizations (`full=true` nests their services).

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListOrganizationsFormat | Unset): `ndjson` streams every result, one per line,
            without pagination. Default: ListOrganizationsFormat.JSON.
        full (bool | Unset): Fully nested organizations with their services. Default: False.
        full_service (bool | Unset): With `full`, nest each service fully. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ListOrganizationsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        search=search,
        page=page,
        per_page=per_page,
        format_=format_,
        full=full,
        full_service=full_service,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListOrganizationsFormat | Unset = ListOrganizationsFormat.JSON,
    full: bool | Unset = False,
    full_service: bool | Unset = False,
) -> Any | ListOrganizationsResponse200 | Problem | None:
    """List HSDS organizations

     Providers as HSDS organizations (`full=true` nests their services).

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListOrganizationsFormat | Unset): `ndjson` streams every result, one per line,
            without pagination. Default: ListOrganizationsFormat.JSON.
        full (bool | Unset): Fully nested organizations with their services. Default: False.
        full_service (bool | Unset): With `full`, nest each service fully. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ListOrganizationsResponse200 | Problem
    """

    return sync_detailed(
        client=client,
        search=search,
        page=page,
        per_page=per_page,
        format_=format_,
        full=full,
        full_service=full_service,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListOrganizationsFormat | Unset = ListOrganizationsFormat.JSON,
    full: bool | Unset = False,
    full_service: bool | Unset = False,
) -> Response[Any | ListOrganizationsResponse200 | Problem]:
    """List HSDS organizations

     Providers as HSDS organizations (`full=true` nests their services).

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListOrganizationsFormat | Unset): `ndjson` streams every result, one per line,
            without pagination. Default: ListOrganizationsFormat.JSON.
        full (bool | Unset): Fully nested organizations with their services. Default: False.
        full_service (bool | Unset): With `full`, nest each service fully. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ListOrganizationsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        search=search,
        page=page,
        per_page=per_page,
        format_=format_,
        full=full,
        full_service=full_service,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListOrganizationsFormat | Unset = ListOrganizationsFormat.JSON,
    full: bool | Unset = False,
    full_service: bool | Unset = False,
) -> Any | ListOrganizationsResponse200 | Problem | None:
    """List HSDS organizations

     Providers as HSDS organizations (`full=true` nests their services).

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListOrganizationsFormat | Unset): `ndjson` streams every result, one per line,
            without pagination. Default: ListOrganizationsFormat.JSON.
        full (bool | Unset): Fully nested organizations with their services. Default: False.
        full_service (bool | Unset): With `full`, nest each service fully. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ListOrganizationsResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            search=search,
            page=page,
            per_page=per_page,
            format_=format_,
            full=full,
            full_service=full_service,
        )
    ).parsed

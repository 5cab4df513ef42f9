import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_services_format import ListServicesFormat
from ...models.list_services_response_200 import ListServicesResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListServicesFormat | Unset = ListServicesFormat.JSON,
    taxonomy_term_id: None | str | Unset = UNSET,
    taxonomy_id: None | str | Unset = UNSET,
    organization_id: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
    full: bool | Unset = False,
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

    json_taxonomy_term_id: None | str | Unset
    if isinstance(taxonomy_term_id, Unset):
        json_taxonomy_term_id = UNSET
    else:
        json_taxonomy_term_id = taxonomy_term_id
    params["taxonomy_term_id"] = json_taxonomy_term_id

    json_taxonomy_id: None | str | Unset
    if isinstance(taxonomy_id, Unset):
        json_taxonomy_id = UNSET
    else:
        json_taxonomy_id = taxonomy_id
    params["taxonomy_id"] = json_taxonomy_id

    json_organization_id: None | str | Unset
    if isinstance(organization_id, Unset):
        json_organization_id = UNSET
    else:
        json_organization_id = organization_id
    params["organization_id"] = json_organization_id

    json_modified_after: None | str | Unset
    if isinstance(modified_after, Unset):
        json_modified_after = UNSET
    elif isinstance(modified_after, datetime.datetime):
        json_modified_after = modified_after.isoformat()
    else:
        json_modified_after = modified_after
    params["modified_after"] = json_modified_after

    params["full"] = full

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hsds/services",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ListServicesResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = ListServicesResponse200.from_dict(response.json())

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
) -> Response[Any | ListServicesResponse200 | Problem]:
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
    format_: ListServicesFormat | Unset = ListServicesFormat.JSON,
    taxonomy_term_id: None | str | Unset = UNSET,
    taxonomy_id: None | str | Unset = UNSET,
    organization_id: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
    full: bool | Unset = False,
) -> Response[Any | ListServicesResponse200 | Problem]:
    """List HSDS services

     Offers as HSDS services (one-to-one fields and organization; `full=true` nests attributes).

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListServicesFormat | Unset): `ndjson` streams every result, one per line, without
            pagination. Default: ListServicesFormat.JSON.
        taxonomy_term_id (None | str | Unset): Services linked to this term or a narrower one
            (comma-separated ids: any).
        taxonomy_id (None | str | Unset): Services with any term of this taxonomy.
        organization_id (None | str | Unset): Services of this organization.
        modified_after (datetime.datetime | None | Unset): Services modified on or after this
            time.
        full (bool | Unset): Fully nested services (attributes, service areas, costs). Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ListServicesResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        search=search,
        page=page,
        per_page=per_page,
        format_=format_,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        organization_id=organization_id,
        modified_after=modified_after,
        full=full,
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
    format_: ListServicesFormat | Unset = ListServicesFormat.JSON,
    taxonomy_term_id: None | str | Unset = UNSET,
    taxonomy_id: None | str | Unset = UNSET,
    organization_id: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
    full: bool | Unset = False,
) -> Any | ListServicesResponse200 | Problem | None:
    """List HSDS services

     Offers as HSDS services (one-to-one fields and organization; `full=true` nests attributes).

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListServicesFormat | Unset): `ndjson` streams every result, one per line, without
            pagination. Default: ListServicesFormat.JSON.
        taxonomy_term_id (None | str | Unset): Services linked to this term or a narrower one
            (comma-separated ids: any).
        taxonomy_id (None | str | Unset): Services with any term of this taxonomy.
        organization_id (None | str | Unset): Services of this organization.
        modified_after (datetime.datetime | None | Unset): Services modified on or after this
            time.
        full (bool | Unset): Fully nested services (attributes, service areas, costs). Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ListServicesResponse200 | Problem
    """

    return sync_detailed(
        client=client,
        search=search,
        page=page,
        per_page=per_page,
        format_=format_,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        organization_id=organization_id,
        modified_after=modified_after,
        full=full,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListServicesFormat | Unset = ListServicesFormat.JSON,
    taxonomy_term_id: None | str | Unset = UNSET,
    taxonomy_id: None | str | Unset = UNSET,
    organization_id: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
    full: bool | Unset = False,
) -> Response[Any | ListServicesResponse200 | Problem]:
    """List HSDS services

     Offers as HSDS services (one-to-one fields and organization; `full=true` nests attributes).

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListServicesFormat | Unset): `ndjson` streams every result, one per line, without
            pagination. Default: ListServicesFormat.JSON.
        taxonomy_term_id (None | str | Unset): Services linked to this term or a narrower one
            (comma-separated ids: any).
        taxonomy_id (None | str | Unset): Services with any term of this taxonomy.
        organization_id (None | str | Unset): Services of this organization.
        modified_after (datetime.datetime | None | Unset): Services modified on or after this
            time.
        full (bool | Unset): Fully nested services (attributes, service areas, costs). Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ListServicesResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        search=search,
        page=page,
        per_page=per_page,
        format_=format_,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        organization_id=organization_id,
        modified_after=modified_after,
        full=full,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListServicesFormat | Unset = ListServicesFormat.JSON,
    taxonomy_term_id: None | str | Unset = UNSET,
    taxonomy_id: None | str | Unset = UNSET,
    organization_id: None | str | Unset = UNSET,
    modified_after: datetime.datetime | None | Unset = UNSET,
    full: bool | Unset = False,
) -> Any | ListServicesResponse200 | Problem | None:
    """List HSDS services

     Offers as HSDS services (one-to-one fields and organization; `full=true` nests attributes).

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListServicesFormat | Unset): `ndjson` streams every result, one per line, without
            pagination. Default: ListServicesFormat.JSON.
        taxonomy_term_id (None | str | Unset): Services linked to this term or a narrower one
            (comma-separated ids: any).
        taxonomy_id (None | str | Unset): Services with any term of this taxonomy.
        organization_id (None | str | Unset): Services of this organization.
        modified_after (datetime.datetime | None | Unset): Services modified on or after this
            time.
        full (bool | Unset): Fully nested services (attributes, service areas, costs). Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ListServicesResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            search=search,
            page=page,
            per_page=per_page,
            format_=format_,
            taxonomy_term_id=taxonomy_term_id,
            taxonomy_id=taxonomy_id,
            organization_id=organization_id,
            modified_after=modified_after,
            full=full,
        )
    ).parsed

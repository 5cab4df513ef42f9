from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_taxonomy_terms_format import ListTaxonomyTermsFormat
from ...models.list_taxonomy_terms_response_200 import ListTaxonomyTermsResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListTaxonomyTermsFormat | Unset = ListTaxonomyTermsFormat.JSON,
    taxonomy_id: None | str | Unset = UNSET,
    top_only: bool | Unset = False,
    parent_id: None | str | Unset = UNSET,
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

    json_taxonomy_id: None | str | Unset
    if isinstance(taxonomy_id, Unset):
        json_taxonomy_id = UNSET
    else:
        json_taxonomy_id = taxonomy_id
    params["taxonomy_id"] = json_taxonomy_id

    params["top_only"] = top_only

    json_parent_id: None | str | Unset
    if isinstance(parent_id, Unset):
        json_parent_id = UNSET
    else:
        json_parent_id = parent_id
    params["parent_id"] = json_parent_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hsds/taxonomy_terms",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ListTaxonomyTermsResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = ListTaxonomyTermsResponse200.from_dict(response.json())

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
) -> Response[Any | ListTaxonomyTermsResponse200 | Problem]:
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
    format_: ListTaxonomyTermsFormat | Unset = ListTaxonomyTermsFormat.JSON,
    taxonomy_id: None | str | Unset = UNSET,
    top_only: bool | Unset = False,
    parent_id: None | str | Unset = UNSET,
) -> Response[Any | ListTaxonomyTermsResponse200 | Problem]:
    """List HSDS taxonomy terms

     Every term of every taxonomy; `parent_id` lists a term's children, `top_only` the top-level terms.

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListTaxonomyTermsFormat | Unset): `ndjson` streams every result, one per line,
            without pagination. Default: ListTaxonomyTermsFormat.JSON.
        taxonomy_id (None | str | Unset): Terms of this taxonomy.
        top_only (bool | Unset): Only top-level terms (those without a parent). Default: False.
        parent_id (None | str | Unset): Only the children of this term.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ListTaxonomyTermsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        search=search,
        page=page,
        per_page=per_page,
        format_=format_,
        taxonomy_id=taxonomy_id,
        top_only=top_only,
        parent_id=parent_id,
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
    format_: ListTaxonomyTermsFormat | Unset = ListTaxonomyTermsFormat.JSON,
    taxonomy_id: None | str | Unset = UNSET,
    top_only: bool | Unset = False,
    parent_id: None | str | Unset = UNSET,
) -> Any | ListTaxonomyTermsResponse200 | Problem | None:
    """List HSDS taxonomy terms

     Every term of every taxonomy; `parent_id` lists a term's children, `top_only` the top-level terms.

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListTaxonomyTermsFormat | Unset): `ndjson` streams every result, one per line,
            without pagination. Default: ListTaxonomyTermsFormat.JSON.
        taxonomy_id (None | str | Unset): Terms of this taxonomy.
        top_only (bool | Unset): Only top-level terms (those without a parent). Default: False.
        parent_id (None | str | Unset): Only the children of this term.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ListTaxonomyTermsResponse200 | Problem
    """

    return sync_detailed(
        client=client,
        search=search,
        page=page,
        per_page=per_page,
        format_=format_,
        taxonomy_id=taxonomy_id,
        top_only=top_only,
        parent_id=parent_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListTaxonomyTermsFormat | Unset = ListTaxonomyTermsFormat.JSON,
    taxonomy_id: None | str | Unset = UNSET,
    top_only: bool | Unset = False,
    parent_id: None | str | Unset = UNSET,
) -> Response[Any | ListTaxonomyTermsResponse200 | Problem]:
    """List HSDS taxonomy terms

     Every term of every taxonomy; `parent_id` lists a term's children, `top_only` the top-level terms.

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListTaxonomyTermsFormat | Unset): `ndjson` streams every result, one per line,
            without pagination. Default: ListTaxonomyTermsFormat.JSON.
        taxonomy_id (None | str | Unset): Terms of this taxonomy.
        top_only (bool | Unset): Only top-level terms (those without a parent). Default: False.
        parent_id (None | str | Unset): Only the children of this term.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ListTaxonomyTermsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        search=search,
        page=page,
        per_page=per_page,
        format_=format_,
        taxonomy_id=taxonomy_id,
        top_only=top_only,
        parent_id=parent_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    format_: ListTaxonomyTermsFormat | Unset = ListTaxonomyTermsFormat.JSON,
    taxonomy_id: None | str | Unset = UNSET,
    top_only: bool | Unset = False,
    parent_id: None | str | Unset = UNSET,
) -> Any | ListTaxonomyTermsResponse200 | Problem | None:
    """List HSDS taxonomy terms

     Every term of every taxonomy; `parent_id` lists a term's children, `top_only` the top-level terms.

    Args:
        search (None | str | Unset): Full text search.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Results per page. Default: 50.
        format_ (ListTaxonomyTermsFormat | Unset): `ndjson` streams every result, one per line,
            without pagination. Default: ListTaxonomyTermsFormat.JSON.
        taxonomy_id (None | str | Unset): Terms of this taxonomy.
        top_only (bool | Unset): Only top-level terms (those without a parent). Default: False.
        parent_id (None | str | Unset): Only the children of this term.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ListTaxonomyTermsResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            search=search,
            page=page,
            per_page=per_page,
            format_=format_,
            taxonomy_id=taxonomy_id,
            top_only=top_only,
            parent_id=parent_id,
        )
    ).parsed

from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_needs_format_type_0 import ListNeedsFormatType0
from ...models.needs_response import NeedsResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ListNeedsFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ListNeedsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/needs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | NeedsResponse | Problem | None:
    if response.status_code == 200:
        response_200 = NeedsResponse.from_dict(response.json())

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
) -> Response[Any | NeedsResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: ListNeedsFormatType0 | None | Unset = UNSET,
) -> Response[Any | NeedsResponse | Problem]:
    """List the support needs tree

     The support needs as a tree: asking for a parent need matches offers tagged with its children.

    Args:
        format_ (ListNeedsFormatType0 | None | Unset): json (default), csv or ndjson: one row per
            term; overrides Accept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | NeedsResponse | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: ListNeedsFormatType0 | None | Unset = UNSET,
) -> Any | NeedsResponse | Problem | None:
    """List the support needs tree

     The support needs as a tree: asking for a parent need matches offers tagged with its children.

    Args:
        format_ (ListNeedsFormatType0 | None | Unset): json (default), csv or ndjson: one row per
            term; overrides Accept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | NeedsResponse | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: ListNeedsFormatType0 | None | Unset = UNSET,
) -> Response[Any | NeedsResponse | Problem]:
    """List the support needs tree

     The support needs as a tree: asking for a parent need matches offers tagged with its children.

    Args:
        format_ (ListNeedsFormatType0 | None | Unset): json (default), csv or ndjson: one row per
            term; overrides Accept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | NeedsResponse | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: ListNeedsFormatType0 | None | Unset = UNSET,
) -> Any | NeedsResponse | Problem | None:
    """List the support needs tree

     The support needs as a tree: asking for a parent need matches offers tagged with its children.

    Args:
        format_ (ListNeedsFormatType0 | None | Unset): json (default), csv or ndjson: one row per
            term; overrides Accept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | NeedsResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.offer_record import OfferRecord
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    slug: str,
    *,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/admin/offers/{slug}".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OfferRecord | Problem | None:
    if response.status_code == 200:
        response_200 = OfferRecord.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
) -> Response[OfferRecord | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[OfferRecord | Problem]:
    """Withdraw an offer

     Withdraw an offer: it is kept, leaves lists and matches, and its public page answers 410 Gone.

    Args:
        slug (str):
        if_match (str):  Example: "offer-propel-yh-v3".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferRecord | Problem]
    """

    kwargs = _get_kwargs(
        slug=slug,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> OfferRecord | Problem | None:
    """Withdraw an offer

     Withdraw an offer: it is kept, leaves lists and matches, and its public page answers 410 Gone.

    Args:
        slug (str):
        if_match (str):  Example: "offer-propel-yh-v3".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferRecord | Problem
    """

    return sync_detailed(
        slug=slug,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[OfferRecord | Problem]:
    """Withdraw an offer

     Withdraw an offer: it is kept, leaves lists and matches, and its public page answers 410 Gone.

    Args:
        slug (str):
        if_match (str):  Example: "offer-propel-yh-v3".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferRecord | Problem]
    """

    kwargs = _get_kwargs(
        slug=slug,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> OfferRecord | Problem | None:
    """Withdraw an offer

     Withdraw an offer: it is kept, leaves lists and matches, and its public page answers 410 Gone.

    Args:
        slug (str):
        if_match (str):  Example: "offer-propel-yh-v3".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferRecord | Problem
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            if_match=if_match,
        )
    ).parsed

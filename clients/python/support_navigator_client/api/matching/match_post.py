from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.match_request import MatchRequest
from ...models.match_response import MatchResponse
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: MatchRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/match",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MatchResponse | Problem | None:
    if response.status_code == 200:
        response_200 = MatchResponse.from_dict(response.json())

        return response_200

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[MatchResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MatchRequest,
) -> Response[MatchResponse | Problem]:
    """Match a profile to ranked offers

     Ranked offers for an innovator's profile, each with the reasons it was chosen and its next step
    (`url`,
    `contact_route`).

    Give at least one of stage, trl, needs or keywords: keywords alone are a search in plain words. Only
    offers
    with evidence for what was asked are listed (a need met, or an informative word matched), so a
    request that
    nothing fits gets `"results": []` (near misses with `explain=full`). Signposting services are never
    ranked:
    they come back once in `front_door`.

    Args:
        body (MatchRequest): The body of POST /v1/match. Types are strict: `"5"` is not a stage.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchResponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: MatchRequest,
) -> MatchResponse | Problem | None:
    """Match a profile to ranked offers

     Ranked offers for an innovator's profile, each with the reasons it was chosen and its next step
    (`url`,
    `contact_route`).

    Give at least one of stage, trl, needs or keywords: keywords alone are a search in plain words. Only
    offers
    with evidence for what was asked are listed (a need met, or an informative word matched), so a
    request that
    nothing fits gets `"results": []` (near misses with `explain=full`). Signposting services are never
    ranked:
    they come back once in `front_door`.

    Args:
        body (MatchRequest): The body of POST /v1/match. Types are strict: `"5"` is not a stage.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchResponse | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MatchRequest,
) -> Response[MatchResponse | Problem]:
    """Match a profile to ranked offers

     Ranked offers for an innovator's profile, each with the reasons it was chosen and its next step
    (`url`,
    `contact_route`).

    Give at least one of stage, trl, needs or keywords: keywords alone are a search in plain words. Only
    offers
    with evidence for what was asked are listed (a need met, or an informative word matched), so a
    request that
    nothing fits gets `"results": []` (near misses with `explain=full`). Signposting services are never
    ranked:
    they come back once in `front_door`.

    Args:
        body (MatchRequest): The body of POST /v1/match. Types are strict: `"5"` is not a stage.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchResponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MatchRequest,
) -> MatchResponse | Problem | None:
    """Match a profile to ranked offers

     Ranked offers for an innovator's profile, each with the reasons it was chosen and its next step
    (`url`,
    `contact_route`).

    Give at least one of stage, trl, needs or keywords: keywords alone are a search in plain words. Only
    offers
    with evidence for what was asked are listed (a need met, or an informative word matched), so a
    request that
    nothing fits gets `"results": []` (near misses with `explain=full`). Signposting services are never
    ranked:
    they come back once in `front_door`.

    Args:
        body (MatchRequest): The body of POST /v1/match. Types are strict: `"5"` is not a stage.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intake_request import IntakeRequest
from ...models.intake_response import IntakeResponse
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: IntakeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/intake",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IntakeResponse | Problem | None:
    if response.status_code == 200:
        response_200 = IntakeResponse.from_dict(response.json())

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
) -> Response[IntakeResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IntakeRequest,
) -> Response[IntakeResponse | Problem]:
    """Answers and a description to a profile and its match

     From plain answers and a description to a match profile, each inference with its source and reason,
    and
    the match for that profile. The description is read, never stored or logged.

    Give answers (see GET /v1/intake), a description, or both; `sector`, `organisation_type` and
    `location`
    beat anything inferred. `follow_up` says what more would help; `match` is the POST /v1/match answer
    for
    `profile`, or null while the profile gives the matcher nothing to go on.

    Args:
        body (IntakeRequest): The body of POST /v1/intake: answers, a description, or both. Types
            are strict.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntakeResponse | Problem]
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
    body: IntakeRequest,
) -> IntakeResponse | Problem | None:
    """Answers and a description to a profile and its match

     From plain answers and a description to a match profile, each inference with its source and reason,
    and
    the match for that profile. The description is read, never stored or logged.

    Give answers (see GET /v1/intake), a description, or both; `sector`, `organisation_type` and
    `location`
    beat anything inferred. `follow_up` says what more would help; `match` is the POST /v1/match answer
    for
    `profile`, or null while the profile gives the matcher nothing to go on.

    Args:
        body (IntakeRequest): The body of POST /v1/intake: answers, a description, or both. Types
            are strict.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntakeResponse | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IntakeRequest,
) -> Response[IntakeResponse | Problem]:
    """Answers and a description to a profile and its match

     From plain answers and a description to a match profile, each inference with its source and reason,
    and
    the match for that profile. The description is read, never stored or logged.

    Give answers (see GET /v1/intake), a description, or both; `sector`, `organisation_type` and
    `location`
    beat anything inferred. `follow_up` says what more would help; `match` is the POST /v1/match answer
    for
    `profile`, or null while the profile gives the matcher nothing to go on.

    Args:
        body (IntakeRequest): The body of POST /v1/intake: answers, a description, or both. Types
            are strict.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntakeResponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IntakeRequest,
) -> IntakeResponse | Problem | None:
    """Answers and a description to a profile and its match

     From plain answers and a description to a match profile, each inference with its source and reason,
    and
    the match for that profile. The description is read, never stored or logged.

    Give answers (see GET /v1/intake), a description, or both; `sector`, `organisation_type` and
    `location`
    beat anything inferred. `follow_up` says what more would help; `match` is the POST /v1/match answer
    for
    `profile`, or null while the profile gives the matcher nothing to go on.

    Args:
        body (IntakeRequest): The body of POST /v1/intake: answers, a description, or both. Types
            are strict.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntakeResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intake_questions import IntakeQuestions
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/intake",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IntakeQuestions | Problem | None:
    if response.status_code == 200:
        response_200 = IntakeQuestions.from_dict(response.json())

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
) -> Response[Any | IntakeQuestions | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | IntakeQuestions | Problem]:
    """The guided intake's questions

     The guided intake's questions, their options and what each option implies (data/intake.yaml).

    `single` questions take one option id, `multi` a list of option ids, `text` plain words; send the
    answers
    to POST /v1/intake. Served with an ETag, so a client revalidates cheaply (304).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IntakeQuestions | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Any | IntakeQuestions | Problem | None:
    """The guided intake's questions

     The guided intake's questions, their options and what each option implies (data/intake.yaml).

    `single` questions take one option id, `multi` a list of option ids, `text` plain words; send the
    answers
    to POST /v1/intake. Served with an ETag, so a client revalidates cheaply (304).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IntakeQuestions | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | IntakeQuestions | Problem]:
    """The guided intake's questions

     The guided intake's questions, their options and what each option implies (data/intake.yaml).

    `single` questions take one option id, `multi` a list of option ids, `text` plain words; send the
    answers
    to POST /v1/intake. Served with an ETag, so a client revalidates cheaply (304).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IntakeQuestions | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Any | IntakeQuestions | Problem | None:
    """The guided intake's questions

     The guided intake's questions, their options and what each option implies (data/intake.yaml).

    `single` questions take one option id, `multi` a list of option ids, `text` plain words; send the
    answers
    to POST /v1/intake. Served with an ETag, so a client revalidates cheaply (304).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IntakeQuestions | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed

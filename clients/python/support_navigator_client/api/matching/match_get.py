from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.match_get_explain import MatchGetExplain
from ...models.match_get_location_type_0 import MatchGetLocationType0
from ...models.match_get_organisation_type_type_0 import MatchGetOrganisationTypeType0
from ...models.match_response import MatchResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    stage: int | None | Unset = UNSET,
    trl: int | None | Unset = UNSET,
    needs: list[str] | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    organisation_type: MatchGetOrganisationTypeType0 | None | Unset = UNSET,
    location: MatchGetLocationType0 | None | Unset = UNSET,
    keywords: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    explain: MatchGetExplain | Unset = MatchGetExplain.NONE,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_stage: int | None | Unset
    if isinstance(stage, Unset):
        json_stage = UNSET
    else:
        json_stage = stage
    params["stage"] = json_stage

    json_trl: int | None | Unset
    if isinstance(trl, Unset):
        json_trl = UNSET
    else:
        json_trl = trl
    params["trl"] = json_trl

    json_needs: list[str] | Unset = UNSET
    if not isinstance(needs, Unset):
        json_needs = needs

    params["needs"] = json_needs

    json_sector: None | str | Unset
    if isinstance(sector, Unset):
        json_sector = UNSET
    else:
        json_sector = sector
    params["sector"] = json_sector

    json_organisation_type: None | str | Unset
    if isinstance(organisation_type, Unset):
        json_organisation_type = UNSET
    elif isinstance(organisation_type, MatchGetOrganisationTypeType0):
        json_organisation_type = organisation_type.value
    else:
        json_organisation_type = organisation_type
    params["organisation_type"] = json_organisation_type

    json_location: None | str | Unset
    if isinstance(location, Unset):
        json_location = UNSET
    elif isinstance(location, MatchGetLocationType0):
        json_location = location.value
    else:
        json_location = location
    params["location"] = json_location

    json_keywords: None | str | Unset
    if isinstance(keywords, Unset):
        json_keywords = UNSET
    else:
        json_keywords = keywords
    params["keywords"] = json_keywords

    params["limit"] = limit

    json_explain: str | Unset = UNSET
    if not isinstance(explain, Unset):
        json_explain = explain.value

    params["explain"] = json_explain

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/match",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | MatchResponse | Problem | None:
    if response.status_code == 200:
        response_200 = MatchResponse.from_dict(response.json())

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
) -> Response[Any | MatchResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    stage: int | None | Unset = UNSET,
    trl: int | None | Unset = UNSET,
    needs: list[str] | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    organisation_type: MatchGetOrganisationTypeType0 | None | Unset = UNSET,
    location: MatchGetLocationType0 | None | Unset = UNSET,
    keywords: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    explain: MatchGetExplain | Unset = MatchGetExplain.NONE,
) -> Response[Any | MatchResponse | Problem]:
    """Match a profile given as a link

     The same as POST /v1/match, with the fields as query parameters, so a result can be shared as a
    link.

    Args:
        stage (int | None | Unset): Pathway stage 1-7 (see /v1/stages).
        trl (int | None | Unset): Technology readiness level 1-9.
        needs (list[str] | Unset): Need slugs, parents or children.
        sector (None | str | Unset): Sector slug (see /v1/sectors).
        organisation_type (MatchGetOrganisationTypeType0 | None | Unset): See /v1/organisation-
            types.
        location (MatchGetLocationType0 | None | Unset): Where the innovator is (see
            /v1/locations).
        keywords (None | str | Unset): Free text, at most 200 characters, in your own words:
            synonyms (data/synonyms.yaml) take plain words to the needs vocabulary. Only stop words or
            only punctuation is a 422.
        limit (int | Unset): How many results, 1-50. Default: 10.
        explain (MatchGetExplain | Unset): `full` adds component scores and near misses. Default:
            MatchGetExplain.NONE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MatchResponse | Problem]
    """

    kwargs = _get_kwargs(
        stage=stage,
        trl=trl,
        needs=needs,
        sector=sector,
        organisation_type=organisation_type,
        location=location,
        keywords=keywords,
        limit=limit,
        explain=explain,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    stage: int | None | Unset = UNSET,
    trl: int | None | Unset = UNSET,
    needs: list[str] | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    organisation_type: MatchGetOrganisationTypeType0 | None | Unset = UNSET,
    location: MatchGetLocationType0 | None | Unset = UNSET,
    keywords: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    explain: MatchGetExplain | Unset = MatchGetExplain.NONE,
) -> Any | MatchResponse | Problem | None:
    """Match a profile given as a link

     The same as POST /v1/match, with the fields as query parameters, so a result can be shared as a
    link.

    Args:
        stage (int | None | Unset): Pathway stage 1-7 (see /v1/stages).
        trl (int | None | Unset): Technology readiness level 1-9.
        needs (list[str] | Unset): Need slugs, parents or children.
        sector (None | str | Unset): Sector slug (see /v1/sectors).
        organisation_type (MatchGetOrganisationTypeType0 | None | Unset): See /v1/organisation-
            types.
        location (MatchGetLocationType0 | None | Unset): Where the innovator is (see
            /v1/locations).
        keywords (None | str | Unset): Free text, at most 200 characters, in your own words:
            synonyms (data/synonyms.yaml) take plain words to the needs vocabulary. Only stop words or
            only punctuation is a 422.
        limit (int | Unset): How many results, 1-50. Default: 10.
        explain (MatchGetExplain | Unset): `full` adds component scores and near misses. Default:
            MatchGetExplain.NONE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MatchResponse | Problem
    """

    return sync_detailed(
        client=client,
        stage=stage,
        trl=trl,
        needs=needs,
        sector=sector,
        organisation_type=organisation_type,
        location=location,
        keywords=keywords,
        limit=limit,
        explain=explain,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    stage: int | None | Unset = UNSET,
    trl: int | None | Unset = UNSET,
    needs: list[str] | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    organisation_type: MatchGetOrganisationTypeType0 | None | Unset = UNSET,
    location: MatchGetLocationType0 | None | Unset = UNSET,
    keywords: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    explain: MatchGetExplain | Unset = MatchGetExplain.NONE,
) -> Response[Any | MatchResponse | Problem]:
    """Match a profile given as a link

     The same as POST /v1/match, with the fields as query parameters, so a result can be shared as a
    link.

    Args:
        stage (int | None | Unset): Pathway stage 1-7 (see /v1/stages).
        trl (int | None | Unset): Technology readiness level 1-9.
        needs (list[str] | Unset): Need slugs, parents or children.
        sector (None | str | Unset): Sector slug (see /v1/sectors).
        organisation_type (MatchGetOrganisationTypeType0 | None | Unset): See /v1/organisation-
            types.
        location (MatchGetLocationType0 | None | Unset): Where the innovator is (see
            /v1/locations).
        keywords (None | str | Unset): Free text, at most 200 characters, in your own words:
            synonyms (data/synonyms.yaml) take plain words to the needs vocabulary. Only stop words or
            only punctuation is a 422.
        limit (int | Unset): How many results, 1-50. Default: 10.
        explain (MatchGetExplain | Unset): `full` adds component scores and near misses. Default:
            MatchGetExplain.NONE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MatchResponse | Problem]
    """

    kwargs = _get_kwargs(
        stage=stage,
        trl=trl,
        needs=needs,
        sector=sector,
        organisation_type=organisation_type,
        location=location,
        keywords=keywords,
        limit=limit,
        explain=explain,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    stage: int | None | Unset = UNSET,
    trl: int | None | Unset = UNSET,
    needs: list[str] | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    organisation_type: MatchGetOrganisationTypeType0 | None | Unset = UNSET,
    location: MatchGetLocationType0 | None | Unset = UNSET,
    keywords: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    explain: MatchGetExplain | Unset = MatchGetExplain.NONE,
) -> Any | MatchResponse | Problem | None:
    """Match a profile given as a link

     The same as POST /v1/match, with the fields as query parameters, so a result can be shared as a
    link.

    Args:
        stage (int | None | Unset): Pathway stage 1-7 (see /v1/stages).
        trl (int | None | Unset): Technology readiness level 1-9.
        needs (list[str] | Unset): Need slugs, parents or children.
        sector (None | str | Unset): Sector slug (see /v1/sectors).
        organisation_type (MatchGetOrganisationTypeType0 | None | Unset): See /v1/organisation-
            types.
        location (MatchGetLocationType0 | None | Unset): Where the innovator is (see
            /v1/locations).
        keywords (None | str | Unset): Free text, at most 200 characters, in your own words:
            synonyms (data/synonyms.yaml) take plain words to the needs vocabulary. Only stop words or
            only punctuation is a 422.
        limit (int | Unset): How many results, 1-50. Default: 10.
        explain (MatchGetExplain | Unset): `full` adds component scores and near misses. Default:
            MatchGetExplain.NONE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MatchResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            stage=stage,
            trl=trl,
            needs=needs,
            sector=sector,
            organisation_type=organisation_type,
            location=location,
            keywords=keywords,
            limit=limit,
            explain=explain,
        )
    ).parsed

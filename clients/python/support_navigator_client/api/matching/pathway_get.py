from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pathway_get_location_type_0 import PathwayGetLocationType0
from ...models.pathway_get_organisation_type_type_0 import PathwayGetOrganisationTypeType0
from ...models.pathway_response import PathwayResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    stage: int | None | Unset = UNSET,
    trl: int | None | Unset = UNSET,
    needs: list[str] | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    organisation_type: None | PathwayGetOrganisationTypeType0 | Unset = UNSET,
    location: None | PathwayGetLocationType0 | Unset = UNSET,
    keywords: None | str | Unset = UNSET,
    per_stage: int | Unset = 3,
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
    elif isinstance(organisation_type, PathwayGetOrganisationTypeType0):
        json_organisation_type = organisation_type.value
    else:
        json_organisation_type = organisation_type
    params["organisation_type"] = json_organisation_type

    json_location: None | str | Unset
    if isinstance(location, Unset):
        json_location = UNSET
    elif isinstance(location, PathwayGetLocationType0):
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

    params["per_stage"] = per_stage

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/pathway",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PathwayResponse | Problem | None:
    if response.status_code == 200:
        response_200 = PathwayResponse.from_dict(response.json())

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
) -> Response[Any | PathwayResponse | Problem]:
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
    organisation_type: None | PathwayGetOrganisationTypeType0 | Unset = UNSET,
    location: None | PathwayGetLocationType0 | Unset = UNSET,
    keywords: None | str | Unset = UNSET,
    per_stage: int | Unset = 3,
) -> Response[Any | PathwayResponse | Problem]:
    """The route ahead, given as a link

     The route ahead, with the profile as query parameters (needs repeated).

    Args:
        stage (int | None | Unset): Pathway stage 1-7 (see /v1/stages).
        trl (int | None | Unset): Technology readiness level 1-9.
        needs (list[str] | Unset): Need slugs, parents or children.
        sector (None | str | Unset): Sector slug (see /v1/sectors).
        organisation_type (None | PathwayGetOrganisationTypeType0 | Unset): See /v1/organisation-
            types.
        location (None | PathwayGetLocationType0 | Unset): Where the innovator is (see
            /v1/locations).
        keywords (None | str | Unset): Free text, at most 200 characters, in your own words:
            synonyms (data/synonyms.yaml) take plain words to the needs vocabulary. Only stop words or
            only punctuation is a 422.
        per_stage (int | Unset): Offers shown for each stage of the route. Default: 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PathwayResponse | Problem]
    """

    kwargs = _get_kwargs(
        stage=stage,
        trl=trl,
        needs=needs,
        sector=sector,
        organisation_type=organisation_type,
        location=location,
        keywords=keywords,
        per_stage=per_stage,
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
    organisation_type: None | PathwayGetOrganisationTypeType0 | Unset = UNSET,
    location: None | PathwayGetLocationType0 | Unset = UNSET,
    keywords: None | str | Unset = UNSET,
    per_stage: int | Unset = 3,
) -> Any | PathwayResponse | Problem | None:
    """The route ahead, given as a link

     The route ahead, with the profile as query parameters (needs repeated).

    Args:
        stage (int | None | Unset): Pathway stage 1-7 (see /v1/stages).
        trl (int | None | Unset): Technology readiness level 1-9.
        needs (list[str] | Unset): Need slugs, parents or children.
        sector (None | str | Unset): Sector slug (see /v1/sectors).
        organisation_type (None | PathwayGetOrganisationTypeType0 | Unset): See /v1/organisation-
            types.
        location (None | PathwayGetLocationType0 | Unset): Where the innovator is (see
            /v1/locations).
        keywords (None | str | Unset): Free text, at most 200 characters, in your own words:
            synonyms (data/synonyms.yaml) take plain words to the needs vocabulary. Only stop words or
            only punctuation is a 422.
        per_stage (int | Unset): Offers shown for each stage of the route. Default: 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PathwayResponse | Problem
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
        per_stage=per_stage,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    stage: int | None | Unset = UNSET,
    trl: int | None | Unset = UNSET,
    needs: list[str] | Unset = UNSET,
    sector: None | str | Unset = UNSET,
    organisation_type: None | PathwayGetOrganisationTypeType0 | Unset = UNSET,
    location: None | PathwayGetLocationType0 | Unset = UNSET,
    keywords: None | str | Unset = UNSET,
    per_stage: int | Unset = 3,
) -> Response[Any | PathwayResponse | Problem]:
    """The route ahead, given as a link

     The route ahead, with the profile as query parameters (needs repeated).

    Args:
        stage (int | None | Unset): Pathway stage 1-7 (see /v1/stages).
        trl (int | None | Unset): Technology readiness level 1-9.
        needs (list[str] | Unset): Need slugs, parents or children.
        sector (None | str | Unset): Sector slug (see /v1/sectors).
        organisation_type (None | PathwayGetOrganisationTypeType0 | Unset): See /v1/organisation-
            types.
        location (None | PathwayGetLocationType0 | Unset): Where the innovator is (see
            /v1/locations).
        keywords (None | str | Unset): Free text, at most 200 characters, in your own words:
            synonyms (data/synonyms.yaml) take plain words to the needs vocabulary. Only stop words or
            only punctuation is a 422.
        per_stage (int | Unset): Offers shown for each stage of the route. Default: 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PathwayResponse | Problem]
    """

    kwargs = _get_kwargs(
        stage=stage,
        trl=trl,
        needs=needs,
        sector=sector,
        organisation_type=organisation_type,
        location=location,
        keywords=keywords,
        per_stage=per_stage,
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
    organisation_type: None | PathwayGetOrganisationTypeType0 | Unset = UNSET,
    location: None | PathwayGetLocationType0 | Unset = UNSET,
    keywords: None | str | Unset = UNSET,
    per_stage: int | Unset = 3,
) -> Any | PathwayResponse | Problem | None:
    """The route ahead, given as a link

     The route ahead, with the profile as query parameters (needs repeated).

    Args:
        stage (int | None | Unset): Pathway stage 1-7 (see /v1/stages).
        trl (int | None | Unset): Technology readiness level 1-9.
        needs (list[str] | Unset): Need slugs, parents or children.
        sector (None | str | Unset): Sector slug (see /v1/sectors).
        organisation_type (None | PathwayGetOrganisationTypeType0 | Unset): See /v1/organisation-
            types.
        location (None | PathwayGetLocationType0 | Unset): Where the innovator is (see
            /v1/locations).
        keywords (None | str | Unset): Free text, at most 200 characters, in your own words:
            synonyms (data/synonyms.yaml) take plain words to the needs vocabulary. Only stop words or
            only punctuation is a 422.
        per_stage (int | Unset): Offers shown for each stage of the route. Default: 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PathwayResponse | Problem
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
            per_stage=per_stage,
        )
    ).parsed

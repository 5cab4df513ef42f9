import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_list_audit_entity_type_type_0 import AdminListAuditEntityTypeType0
from ...models.audit_page import AuditPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    entity_type: AdminListAuditEntityTypeType0 | None | Unset = UNSET,
    entity_slug: None | str | Unset = UNSET,
    key_name: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_entity_type: None | str | Unset
    if isinstance(entity_type, Unset):
        json_entity_type = UNSET
    elif isinstance(entity_type, AdminListAuditEntityTypeType0):
        json_entity_type = entity_type.value
    else:
        json_entity_type = entity_type
    params["entity_type"] = json_entity_type

    json_entity_slug: None | str | Unset
    if isinstance(entity_slug, Unset):
        json_entity_slug = UNSET
    else:
        json_entity_slug = entity_slug
    params["entity_slug"] = json_entity_slug

    json_key_name: None | str | Unset
    if isinstance(key_name, Unset):
        json_key_name = UNSET
    else:
        json_key_name = key_name
    params["key_name"] = json_key_name

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/admin/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditPage | Problem | None:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: AdminListAuditEntityTypeType0 | None | Unset = UNSET,
    entity_slug: None | str | Unset = UNSET,
    key_name: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[AuditPage | Problem]:
    """Read the audit trail

     The audit trail, newest first: who (key name), when, what, before and after. Read-only by design.

    Args:
        entity_type (AdminListAuditEntityTypeType0 | None | Unset): offer, provider, need,
            taxonomy or api_key.
        entity_slug (None | str | Unset):
        key_name (None | str | Unset): The name of the key that wrote (`cli:import` and `cli:keys`
            for the command line).
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): Events at or after this ISO 8601 time.
        until (datetime.datetime | None | Unset): Events before this ISO 8601 time.
        limit (int | Unset):  Default: 50.
        offset (int | Unset): Events to skip (a database integer). Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
        entity_slug=entity_slug,
        key_name=key_name,
        action=action,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    entity_type: AdminListAuditEntityTypeType0 | None | Unset = UNSET,
    entity_slug: None | str | Unset = UNSET,
    key_name: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> AuditPage | Problem | None:
    """Read the audit trail

     The audit trail, newest first: who (key name), when, what, before and after. Read-only by design.

    Args:
        entity_type (AdminListAuditEntityTypeType0 | None | Unset): offer, provider, need,
            taxonomy or api_key.
        entity_slug (None | str | Unset):
        key_name (None | str | Unset): The name of the key that wrote (`cli:import` and `cli:keys`
            for the command line).
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): Events at or after this ISO 8601 time.
        until (datetime.datetime | None | Unset): Events before this ISO 8601 time.
        limit (int | Unset):  Default: 50.
        offset (int | Unset): Events to skip (a database integer). Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
    """

    return sync_detailed(
        client=client,
        entity_type=entity_type,
        entity_slug=entity_slug,
        key_name=key_name,
        action=action,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: AdminListAuditEntityTypeType0 | None | Unset = UNSET,
    entity_slug: None | str | Unset = UNSET,
    key_name: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[AuditPage | Problem]:
    """Read the audit trail

     The audit trail, newest first: who (key name), when, what, before and after. Read-only by design.

    Args:
        entity_type (AdminListAuditEntityTypeType0 | None | Unset): offer, provider, need,
            taxonomy or api_key.
        entity_slug (None | str | Unset):
        key_name (None | str | Unset): The name of the key that wrote (`cli:import` and `cli:keys`
            for the command line).
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): Events at or after this ISO 8601 time.
        until (datetime.datetime | None | Unset): Events before this ISO 8601 time.
        limit (int | Unset):  Default: 50.
        offset (int | Unset): Events to skip (a database integer). Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
        entity_slug=entity_slug,
        key_name=key_name,
        action=action,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    entity_type: AdminListAuditEntityTypeType0 | None | Unset = UNSET,
    entity_slug: None | str | Unset = UNSET,
    key_name: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> AuditPage | Problem | None:
    """Read the audit trail

     The audit trail, newest first: who (key name), when, what, before and after. Read-only by design.

    Args:
        entity_type (AdminListAuditEntityTypeType0 | None | Unset): offer, provider, need,
            taxonomy or api_key.
        entity_slug (None | str | Unset):
        key_name (None | str | Unset): The name of the key that wrote (`cli:import` and `cli:keys`
            for the command line).
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): Events at or after this ISO 8601 time.
        until (datetime.datetime | None | Unset): Events before this ISO 8601 time.
        limit (int | Unset):  Default: 50.
        offset (int | Unset): Events to skip (a database integer). Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            entity_type=entity_type,
            entity_slug=entity_slug,
            key_name=key_name,
            action=action,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
    ).parsed

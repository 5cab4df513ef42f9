from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_event_public_after_type_0 import AuditEventPublicAfterType0
    from ..models.audit_event_public_before_type_0 import AuditEventPublicBeforeType0


T = TypeVar("T", bound="AuditEventPublic")


@_attrs_define
class AuditEventPublic:
    """One write: who, when, what, and the record before and after (in the curated-file form).

    Attributes:
        action (str):
        after (AuditEventPublicAfterType0 | None):
        before (AuditEventPublicBeforeType0 | None):
        catalogue_version (int | None): The catalogue's write count after this write.
        entity_slug (str):
        entity_type (str):
        id (int):
        key_name (str):
        occurred_at (datetime.datetime):
        request_id (None | str):
    """

    action: str
    after: AuditEventPublicAfterType0 | None
    before: AuditEventPublicBeforeType0 | None
    catalogue_version: int | None
    entity_slug: str
    entity_type: str
    id: int
    key_name: str
    occurred_at: datetime.datetime
    request_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_public_after_type_0 import AuditEventPublicAfterType0  # noqa: PLC0415
        from ..models.audit_event_public_before_type_0 import AuditEventPublicBeforeType0  # noqa: PLC0415

        action = self.action

        after: dict[str, Any] | None
        if isinstance(self.after, AuditEventPublicAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        before: dict[str, Any] | None
        if isinstance(self.before, AuditEventPublicBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        catalogue_version: int | None
        catalogue_version = self.catalogue_version

        entity_slug = self.entity_slug

        entity_type = self.entity_type

        id = self.id

        key_name = self.key_name

        occurred_at = self.occurred_at.isoformat()

        request_id: None | str
        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "after": after,
                "before": before,
                "catalogue_version": catalogue_version,
                "entity_slug": entity_slug,
                "entity_type": entity_type,
                "id": id,
                "key_name": key_name,
                "occurred_at": occurred_at,
                "request_id": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_public_after_type_0 import AuditEventPublicAfterType0  # noqa: PLC0415
        from ..models.audit_event_public_before_type_0 import AuditEventPublicBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        def _parse_after(data: object) -> AuditEventPublicAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEventPublicAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventPublicAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        def _parse_before(data: object) -> AuditEventPublicBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEventPublicBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventPublicBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        def _parse_catalogue_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        catalogue_version = _parse_catalogue_version(d.pop("catalogue_version"))

        entity_slug = d.pop("entity_slug")

        entity_type = d.pop("entity_type")

        id = d.pop("id")

        key_name = d.pop("key_name")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        audit_event_public = cls(
            action=action,
            after=after,
            before=before,
            catalogue_version=catalogue_version,
            entity_slug=entity_slug,
            entity_type=entity_type,
            id=id,
            key_name=key_name,
            occurred_at=occurred_at,
            request_id=request_id,
        )

        audit_event_public.additional_properties = d
        return audit_event_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

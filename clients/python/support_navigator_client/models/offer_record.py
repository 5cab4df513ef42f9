from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.offer_create import OfferCreate


T = TypeVar("T", bound="OfferRecord")


@_attrs_define
class OfferRecord:
    """An offer as curators edit it: the curated-file form (`entry`, ready to PUT back) and its bookkeeping.

    Attributes:
        created_at (datetime.datetime):
        entry (OfferCreate): A new offer, as curators write it in data/catalogue/offers.yaml or POST it.
        etag (str): Send it back as If-Match to change the record.
        updated_at (datetime.datetime):
        version (int): Bumped by every change; the ETag is derived from it.
        withdrawn_at (datetime.datetime | None): Set when withdrawn (kept, hidden from the public API).
    """

    created_at: datetime.datetime
    entry: OfferCreate
    etag: str
    updated_at: datetime.datetime
    version: int
    withdrawn_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        entry = self.entry.to_dict()

        etag = self.etag

        updated_at = self.updated_at.isoformat()

        version = self.version

        withdrawn_at: None | str
        if isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "entry": entry,
                "etag": etag,
                "updated_at": updated_at,
                "version": version,
                "withdrawn_at": withdrawn_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offer_create import OfferCreate  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        entry = OfferCreate.from_dict(d.pop("entry"))

        etag = d.pop("etag")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at"))

        offer_record = cls(
            created_at=created_at,
            entry=entry,
            etag=etag,
            updated_at=updated_at,
            version=version,
            withdrawn_at=withdrawn_at,
        )

        offer_record.additional_properties = d
        return offer_record

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StageOut")


@_attrs_define
class StageOut:
    """A pathway stage.

    Attributes:
        name (str):
        number (int):
        slug (str):
        trl_band (list[int]):
    """

    name: str
    number: int
    slug: str
    trl_band: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        number = self.number

        slug = self.slug

        trl_band = []
        for trl_band_item_data in self.trl_band:
            trl_band_item: int
            trl_band_item = trl_band_item_data
            trl_band.append(trl_band_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "number": number,
                "slug": slug,
                "trl_band": trl_band,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        number = d.pop("number")

        slug = d.pop("slug")

        trl_band = []
        _trl_band = d.pop("trl_band")
        for trl_band_item_data in _trl_band:

            def _parse_trl_band_item(data: object) -> int:
                return cast(int, data)

            trl_band_item = _parse_trl_band_item(trl_band_item_data)

            trl_band.append(trl_band_item)

        stage_out = cls(
            name=name,
            number=number,
            slug=slug,
            trl_band=trl_band,
        )

        stage_out.additional_properties = d
        return stage_out

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

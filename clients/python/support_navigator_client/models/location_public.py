from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LocationPublic")


@_attrs_define
class LocationPublic:
    """Where an innovator can be; `parent` gives the nesting (leeds is in west-yorkshire).

    Attributes:
        name (str):
        parent (None | str):
        slug (str):
        within (list[str]): Every enclosing location, nearest first.
    """

    name: str
    parent: None | str
    slug: str
    within: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        parent: None | str
        parent = self.parent

        slug = self.slug

        within = self.within

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "parent": parent,
                "slug": slug,
                "within": within,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_parent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent = _parse_parent(d.pop("parent"))

        slug = d.pop("slug")

        within = cast(list[str], d.pop("within"))

        location_public = cls(
            name=name,
            parent=parent,
            slug=slug,
            within=within,
        )

        location_public.additional_properties = d
        return location_public

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

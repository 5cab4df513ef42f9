from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.location_public import LocationPublic


T = TypeVar("T", bound="LocationsResponse")


@_attrs_define
class LocationsResponse:
    """Innovator locations, nested.

    Attributes:
        locations (list[LocationPublic]):
        taxonomy_version (str):
    """

    locations: list[LocationPublic]
    taxonomy_version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        locations = []
        for locations_item_data in self.locations:
            locations_item = locations_item_data.to_dict()
            locations.append(locations_item)

        taxonomy_version = self.taxonomy_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "locations": locations,
                "taxonomy_version": taxonomy_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location_public import LocationPublic  # noqa: PLC0415

        d = dict(src_dict)
        locations = []
        _locations = d.pop("locations")
        for locations_item_data in _locations:
            locations_item = LocationPublic.from_dict(locations_item_data)

            locations.append(locations_item)

        taxonomy_version = d.pop("taxonomy_version")

        locations_response = cls(
            locations=locations,
            taxonomy_version=taxonomy_version,
        )

        locations_response.additional_properties = d
        return locations_response

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.index_endpoints import IndexEndpoints


T = TypeVar("T", bound="Index")


@_attrs_define
class Index:
    """Where to go from here.

    Attributes:
        docs (str):
        endpoints (IndexEndpoints):
        name (str):
        openapi (str):
        version (str):
    """

    docs: str
    endpoints: IndexEndpoints
    name: str
    openapi: str
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        docs = self.docs

        endpoints = self.endpoints.to_dict()

        name = self.name

        openapi = self.openapi

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "docs": docs,
                "endpoints": endpoints,
                "name": name,
                "openapi": openapi,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.index_endpoints import IndexEndpoints  # noqa: PLC0415

        d = dict(src_dict)
        docs = d.pop("docs")

        endpoints = IndexEndpoints.from_dict(d.pop("endpoints"))

        name = d.pop("name")

        openapi = d.pop("openapi")

        version = d.pop("version")

        index = cls(
            docs=docs,
            endpoints=endpoints,
            name=name,
            openapi=openapi,
            version=version,
        )

        index.additional_properties = d
        return index

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

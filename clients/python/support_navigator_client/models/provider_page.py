from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.page_links import PageLinks
    from ..models.provider_public import ProviderPublic


T = TypeVar("T", bound="ProviderPage")


@_attrs_define
class ProviderPage:
    """One page of providers.

    Attributes:
        items (list[ProviderPublic]):
        limit (int):
        links (PageLinks): Links to this page and its neighbours (absent at the ends).
        offset (int):
        total (int): How many items match, over all pages.
    """

    items: list[ProviderPublic]
    limit: int
    links: PageLinks
    offset: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        limit = self.limit

        links = self.links.to_dict()

        offset = self.offset

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "limit": limit,
                "links": links,
                "offset": offset,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.page_links import PageLinks  # noqa: PLC0415
        from ..models.provider_public import ProviderPublic  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ProviderPublic.from_dict(items_item_data)

            items.append(items_item)

        limit = d.pop("limit")

        links = PageLinks.from_dict(d.pop("links"))

        offset = d.pop("offset")

        total = d.pop("total")

        provider_page = cls(
            items=items,
            limit=limit,
            links=links,
            offset=offset,
            total=total,
        )

        provider_page.additional_properties = d
        return provider_page

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

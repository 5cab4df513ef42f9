from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer_public import OfferPublic
    from ..models.provenance import Provenance


T = TypeVar("T", bound="ProviderDetail")


@_attrs_define
class ProviderDetail:
    """A provider with its offers.

    Attributes:
        base_location (None | str):
        created_at (datetime.datetime):
        description (str):
        kind (str):
        name (str):
        offer_count (int): Active and forthcoming offers of this provider.
        offers (list[OfferPublic]):
        provenance (Provenance): Where an entry's facts come from: a seed passage, public pages, or the curator (see
            data/README.md).
        slug (str):
        updated_at (datetime.datetime):
        website (None | str):
        curator_judgement (list[str] | Unset): Fields no source states.
    """

    base_location: None | str
    created_at: datetime.datetime
    description: str
    kind: str
    name: str
    offer_count: int
    offers: list[OfferPublic]
    provenance: Provenance
    slug: str
    updated_at: datetime.datetime
    website: None | str
    curator_judgement: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_location: None | str
        base_location = self.base_location

        created_at = self.created_at.isoformat()

        description = self.description

        kind = self.kind

        name = self.name

        offer_count = self.offer_count

        offers = []
        for offers_item_data in self.offers:
            offers_item = offers_item_data.to_dict()
            offers.append(offers_item)

        provenance = self.provenance.to_dict()

        slug = self.slug

        updated_at = self.updated_at.isoformat()

        website: None | str
        website = self.website

        curator_judgement: list[str] | Unset = UNSET
        if not isinstance(self.curator_judgement, Unset):
            curator_judgement = self.curator_judgement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_location": base_location,
                "created_at": created_at,
                "description": description,
                "kind": kind,
                "name": name,
                "offer_count": offer_count,
                "offers": offers,
                "provenance": provenance,
                "slug": slug,
                "updated_at": updated_at,
                "website": website,
            }
        )
        if curator_judgement is not UNSET:
            field_dict["curator_judgement"] = curator_judgement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offer_public import OfferPublic  # noqa: PLC0415
        from ..models.provenance import Provenance  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_base_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        base_location = _parse_base_location(d.pop("base_location"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        kind = d.pop("kind")

        name = d.pop("name")

        offer_count = d.pop("offer_count")

        offers = []
        _offers = d.pop("offers")
        for offers_item_data in _offers:
            offers_item = OfferPublic.from_dict(offers_item_data)

            offers.append(offers_item)

        provenance = Provenance.from_dict(d.pop("provenance"))

        slug = d.pop("slug")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_website(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        website = _parse_website(d.pop("website"))

        curator_judgement = cast(list[str], d.pop("curator_judgement", UNSET))

        provider_detail = cls(
            base_location=base_location,
            created_at=created_at,
            description=description,
            kind=kind,
            name=name,
            offer_count=offer_count,
            offers=offers,
            provenance=provenance,
            slug=slug,
            updated_at=updated_at,
            website=website,
            curator_judgement=curator_judgement,
        )

        provider_detail.additional_properties = d
        return provider_detail

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

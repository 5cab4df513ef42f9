from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.provider_ref import ProviderRef


T = TypeVar("T", bound="MatchedOffer")


@_attrs_define
class MatchedOffer:
    """The offer in a result, in brief; /v1/offers/{slug} has the rest.

    Attributes:
        contact_route (None | str): How to start, in words.
        cost (str):
        kind (str):
        locations (list[str]):
        name (str):
        needs (list[str]):
        provider (ProviderRef): The provider of an offer, in brief.
        slug (str):
        stages (list[int]):
        status (str):
        summary (str):
        trl_band (list[int]):
        url (None | str): The next step: the offer's own page, else its provider's website.
    """

    contact_route: None | str
    cost: str
    kind: str
    locations: list[str]
    name: str
    needs: list[str]
    provider: ProviderRef
    slug: str
    stages: list[int]
    status: str
    summary: str
    trl_band: list[int]
    url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact_route: None | str
        contact_route = self.contact_route

        cost = self.cost

        kind = self.kind

        locations = self.locations

        name = self.name

        needs = self.needs

        provider = self.provider.to_dict()

        slug = self.slug

        stages = self.stages

        status = self.status

        summary = self.summary

        trl_band = []
        for trl_band_item_data in self.trl_band:
            trl_band_item: int
            trl_band_item = trl_band_item_data
            trl_band.append(trl_band_item)

        url: None | str
        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_route": contact_route,
                "cost": cost,
                "kind": kind,
                "locations": locations,
                "name": name,
                "needs": needs,
                "provider": provider,
                "slug": slug,
                "stages": stages,
                "status": status,
                "summary": summary,
                "trl_band": trl_band,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provider_ref import ProviderRef  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_contact_route(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_route = _parse_contact_route(d.pop("contact_route"))

        cost = d.pop("cost")

        kind = d.pop("kind")

        locations = cast(list[str], d.pop("locations"))

        name = d.pop("name")

        needs = cast(list[str], d.pop("needs"))

        provider = ProviderRef.from_dict(d.pop("provider"))

        slug = d.pop("slug")

        stages = cast(list[int], d.pop("stages"))

        status = d.pop("status")

        summary = d.pop("summary")

        trl_band = []
        _trl_band = d.pop("trl_band")
        for trl_band_item_data in _trl_band:

            def _parse_trl_band_item(data: object) -> int:
                return cast(int, data)

            trl_band_item = _parse_trl_band_item(trl_band_item_data)

            trl_band.append(trl_band_item)

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        matched_offer = cls(
            contact_route=contact_route,
            cost=cost,
            kind=kind,
            locations=locations,
            name=name,
            needs=needs,
            provider=provider,
            slug=slug,
            stages=stages,
            status=status,
            summary=summary,
            trl_band=trl_band,
            url=url,
        )

        matched_offer.additional_properties = d
        return matched_offer

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.facet_count import FacetCount
    from ..models.need_facet import NeedFacet
    from ..models.stage_facet import StageFacet


T = TypeVar("T", bound="OfferFacets")


@_attrs_define
class OfferFacets:
    """Counts per value under the current filters (values with no offers are listed with 0).

    Attributes:
        catalogue_version (str):
        cost (list[FacetCount]):
        kind (list[FacetCount]):
        need (list[NeedFacet]):
        provider_kind (list[FacetCount]):
        sector (list[FacetCount]): Offers with no sector list serve every sector, so count for each.
        stage (list[StageFacet]):
        total (int): Offers matching the current filters.
    """

    catalogue_version: str
    cost: list[FacetCount]
    kind: list[FacetCount]
    need: list[NeedFacet]
    provider_kind: list[FacetCount]
    sector: list[FacetCount]
    stage: list[StageFacet]
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        catalogue_version = self.catalogue_version

        cost = []
        for cost_item_data in self.cost:
            cost_item = cost_item_data.to_dict()
            cost.append(cost_item)

        kind = []
        for kind_item_data in self.kind:
            kind_item = kind_item_data.to_dict()
            kind.append(kind_item)

        need = []
        for need_item_data in self.need:
            need_item = need_item_data.to_dict()
            need.append(need_item)

        provider_kind = []
        for provider_kind_item_data in self.provider_kind:
            provider_kind_item = provider_kind_item_data.to_dict()
            provider_kind.append(provider_kind_item)

        sector = []
        for sector_item_data in self.sector:
            sector_item = sector_item_data.to_dict()
            sector.append(sector_item)

        stage = []
        for stage_item_data in self.stage:
            stage_item = stage_item_data.to_dict()
            stage.append(stage_item)

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "catalogue_version": catalogue_version,
                "cost": cost,
                "kind": kind,
                "need": need,
                "provider_kind": provider_kind,
                "sector": sector,
                "stage": stage,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facet_count import FacetCount  # noqa: PLC0415
        from ..models.need_facet import NeedFacet  # noqa: PLC0415
        from ..models.stage_facet import StageFacet  # noqa: PLC0415

        d = dict(src_dict)
        catalogue_version = d.pop("catalogue_version")

        cost = []
        _cost = d.pop("cost")
        for cost_item_data in _cost:
            cost_item = FacetCount.from_dict(cost_item_data)

            cost.append(cost_item)

        kind = []
        _kind = d.pop("kind")
        for kind_item_data in _kind:
            kind_item = FacetCount.from_dict(kind_item_data)

            kind.append(kind_item)

        need = []
        _need = d.pop("need")
        for need_item_data in _need:
            need_item = NeedFacet.from_dict(need_item_data)

            need.append(need_item)

        provider_kind = []
        _provider_kind = d.pop("provider_kind")
        for provider_kind_item_data in _provider_kind:
            provider_kind_item = FacetCount.from_dict(provider_kind_item_data)

            provider_kind.append(provider_kind_item)

        sector = []
        _sector = d.pop("sector")
        for sector_item_data in _sector:
            sector_item = FacetCount.from_dict(sector_item_data)

            sector.append(sector_item)

        stage = []
        _stage = d.pop("stage")
        for stage_item_data in _stage:
            stage_item = StageFacet.from_dict(stage_item_data)

            stage.append(stage_item)

        total = d.pop("total")

        offer_facets = cls(
            catalogue_version=catalogue_version,
            cost=cost,
            kind=kind,
            need=need,
            provider_kind=provider_kind,
            sector=sector,
            stage=stage,
            total=total,
        )

        offer_facets.additional_properties = d
        return offer_facets

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

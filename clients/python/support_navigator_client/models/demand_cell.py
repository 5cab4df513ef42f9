from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DemandCell")


@_attrs_define
class DemandCell:
    """Demand and supply in one stage x top-level need cell.

    Attributes:
        demand (int): Match requests asking for this stage and need (or a child need).
        demand_per_offer (float): demand / max(supply, 1): higher means more under-served.
        need (str):
        need_name (str):
        stage (int):
        stage_name (str):
        supply (int): Active offers serving this stage and need now.
    """

    demand: int
    demand_per_offer: float
    need: str
    need_name: str
    stage: int
    stage_name: str
    supply: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        demand = self.demand

        demand_per_offer = self.demand_per_offer

        need = self.need

        need_name = self.need_name

        stage = self.stage

        stage_name = self.stage_name

        supply = self.supply

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "demand": demand,
                "demand_per_offer": demand_per_offer,
                "need": need,
                "need_name": need_name,
                "stage": stage,
                "stage_name": stage_name,
                "supply": supply,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        demand = d.pop("demand")

        demand_per_offer = d.pop("demand_per_offer")

        need = d.pop("need")

        need_name = d.pop("need_name")

        stage = d.pop("stage")

        stage_name = d.pop("stage_name")

        supply = d.pop("supply")

        demand_cell = cls(
            demand=demand,
            demand_per_offer=demand_per_offer,
            need=need,
            need_name=need_name,
            stage=stage,
            stage_name=stage_name,
            supply=supply,
        )

        demand_cell.additional_properties = d
        return demand_cell

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

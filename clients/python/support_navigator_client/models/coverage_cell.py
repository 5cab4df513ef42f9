from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CoverageCell")


@_attrs_define
class CoverageCell:
    """The active offers serving one stage and one top-level need (or any of its child needs).

    Attributes:
        count (int):
        need (str):
        need_name (str):
        offers (list[str]): Slugs of the offers in the cell, by slug.
        stage (int):
        stage_name (str):
    """

    count: int
    need: str
    need_name: str
    offers: list[str]
    stage: int
    stage_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        need = self.need

        need_name = self.need_name

        offers = self.offers

        stage = self.stage

        stage_name = self.stage_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "need": need,
                "need_name": need_name,
                "offers": offers,
                "stage": stage,
                "stage_name": stage_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        need = d.pop("need")

        need_name = d.pop("need_name")

        offers = cast(list[str], d.pop("offers"))

        stage = d.pop("stage")

        stage_name = d.pop("stage_name")

        coverage_cell = cls(
            count=count,
            need=need,
            need_name=need_name,
            offers=offers,
            stage=stage,
            stage_name=stage_name,
        )

        coverage_cell.additional_properties = d
        return coverage_cell

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

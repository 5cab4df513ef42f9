from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stage_public import StagePublic
    from ..models.trl_public import TrlPublic


T = TypeVar("T", bound="StagesResponse")


@_attrs_define
class StagesResponse:
    """The seven-stage pathway and the TRL crosswalk.

    Attributes:
        stages (list[StagePublic]):
        taxonomy_version (str):
        trls (list[TrlPublic]): Each TRL with the stages whose band contains it.
    """

    stages: list[StagePublic]
    taxonomy_version: str
    trls: list[TrlPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        taxonomy_version = self.taxonomy_version

        trls = []
        for trls_item_data in self.trls:
            trls_item = trls_item_data.to_dict()
            trls.append(trls_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stages": stages,
                "taxonomy_version": taxonomy_version,
                "trls": trls,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stage_public import StagePublic  # noqa: PLC0415
        from ..models.trl_public import TrlPublic  # noqa: PLC0415

        d = dict(src_dict)
        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = StagePublic.from_dict(stages_item_data)

            stages.append(stages_item)

        taxonomy_version = d.pop("taxonomy_version")

        trls = []
        _trls = d.pop("trls")
        for trls_item_data in _trls:
            trls_item = TrlPublic.from_dict(trls_item_data)

            trls.append(trls_item)

        stages_response = cls(
            stages=stages,
            taxonomy_version=taxonomy_version,
            trls=trls,
        )

        stages_response.additional_properties = d
        return stages_response

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.front_door_out import FrontDoorOut
    from ..models.profile_out import ProfileOut
    from ..models.route_step import RouteStep


T = TypeVar("T", bound="PathwayResponse")


@_attrs_define
class PathwayResponse:
    """The route ahead: the current stage and each later one, with the best offers for each.

    Attributes:
        catalogue_version (str):
        profile (ProfileOut): The request as understood: the TRL crosswalk applied, needs deduplicated, keywords
            analysed.
        ruleset_version (str):
        stages (list[RouteStep]):
        front_door (list[FrontDoorOut] | Unset): Signposting services, once for the whole route.
    """

    catalogue_version: str
    profile: ProfileOut
    ruleset_version: str
    stages: list[RouteStep]
    front_door: list[FrontDoorOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        catalogue_version = self.catalogue_version

        profile = self.profile.to_dict()

        ruleset_version = self.ruleset_version

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        front_door: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.front_door, Unset):
            front_door = []
            for front_door_item_data in self.front_door:
                front_door_item = front_door_item_data.to_dict()
                front_door.append(front_door_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "catalogue_version": catalogue_version,
                "profile": profile,
                "ruleset_version": ruleset_version,
                "stages": stages,
            }
        )
        if front_door is not UNSET:
            field_dict["front_door"] = front_door

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.front_door_out import FrontDoorOut  # noqa: PLC0415
        from ..models.profile_out import ProfileOut  # noqa: PLC0415
        from ..models.route_step import RouteStep  # noqa: PLC0415

        d = dict(src_dict)
        catalogue_version = d.pop("catalogue_version")

        profile = ProfileOut.from_dict(d.pop("profile"))

        ruleset_version = d.pop("ruleset_version")

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = RouteStep.from_dict(stages_item_data)

            stages.append(stages_item)

        _front_door = d.pop("front_door", UNSET)
        front_door: list[FrontDoorOut] | Unset = UNSET
        if _front_door is not UNSET:
            front_door = []
            for front_door_item_data in _front_door:
                front_door_item = FrontDoorOut.from_dict(front_door_item_data)

                front_door.append(front_door_item)

        pathway_response = cls(
            catalogue_version=catalogue_version,
            profile=profile,
            ruleset_version=ruleset_version,
            stages=stages,
            front_door=front_door,
        )

        pathway_response.additional_properties = d
        return pathway_response

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

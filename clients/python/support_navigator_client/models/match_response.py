from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.front_door_out import FrontDoorOut
    from ..models.match_result import MatchResult
    from ..models.near_miss_out import NearMissOut
    from ..models.profile_out import ProfileOut


T = TypeVar("T", bound="MatchResponse")


@_attrs_define
class MatchResponse:
    """Ranked, explained offers for a profile: only offers with evidence for what was asked, so possibly none.

    Attributes:
        catalogue_version (str):
        profile (ProfileOut): The request as understood: the TRL crosswalk applied, needs deduplicated, keywords
            analysed.
        results (list[MatchResult]):
        ruleset_version (str):
        front_door (list[FrontDoorOut] | Unset): Signposting services (never ranked among the results): where to go when
            none of them fits.
        near_misses (list[NearMissOut] | None | Unset): With explain=full only.
    """

    catalogue_version: str
    profile: ProfileOut
    results: list[MatchResult]
    ruleset_version: str
    front_door: list[FrontDoorOut] | Unset = UNSET
    near_misses: list[NearMissOut] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        catalogue_version = self.catalogue_version

        profile = self.profile.to_dict()

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        ruleset_version = self.ruleset_version

        front_door: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.front_door, Unset):
            front_door = []
            for front_door_item_data in self.front_door:
                front_door_item = front_door_item_data.to_dict()
                front_door.append(front_door_item)

        near_misses: list[dict[str, Any]] | None | Unset
        if isinstance(self.near_misses, Unset):
            near_misses = UNSET
        elif isinstance(self.near_misses, list):
            near_misses = []
            for near_misses_type_0_item_data in self.near_misses:
                near_misses_type_0_item = near_misses_type_0_item_data.to_dict()
                near_misses.append(near_misses_type_0_item)

        else:
            near_misses = self.near_misses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "catalogue_version": catalogue_version,
                "profile": profile,
                "results": results,
                "ruleset_version": ruleset_version,
            }
        )
        if front_door is not UNSET:
            field_dict["front_door"] = front_door
        if near_misses is not UNSET:
            field_dict["near_misses"] = near_misses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.front_door_out import FrontDoorOut  # noqa: PLC0415
        from ..models.match_result import MatchResult  # noqa: PLC0415
        from ..models.near_miss_out import NearMissOut  # noqa: PLC0415
        from ..models.profile_out import ProfileOut  # noqa: PLC0415

        d = dict(src_dict)
        catalogue_version = d.pop("catalogue_version")

        profile = ProfileOut.from_dict(d.pop("profile"))

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = MatchResult.from_dict(results_item_data)

            results.append(results_item)

        ruleset_version = d.pop("ruleset_version")

        _front_door = d.pop("front_door", UNSET)
        front_door: list[FrontDoorOut] | Unset = UNSET
        if _front_door is not UNSET:
            front_door = []
            for front_door_item_data in _front_door:
                front_door_item = FrontDoorOut.from_dict(front_door_item_data)

                front_door.append(front_door_item)

        def _parse_near_misses(data: object) -> list[NearMissOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                near_misses_type_0 = []
                _near_misses_type_0 = data
                for near_misses_type_0_item_data in _near_misses_type_0:
                    near_misses_type_0_item = NearMissOut.from_dict(near_misses_type_0_item_data)

                    near_misses_type_0.append(near_misses_type_0_item)

                return near_misses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[NearMissOut] | None | Unset, data)

        near_misses = _parse_near_misses(d.pop("near_misses", UNSET))

        match_response = cls(
            catalogue_version=catalogue_version,
            profile=profile,
            results=results,
            ruleset_version=ruleset_version,
            front_door=front_door,
            near_misses=near_misses,
        )

        match_response.additional_properties = d
        return match_response

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

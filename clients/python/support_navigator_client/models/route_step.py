from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.match_result import MatchResult
    from ..models.stage_out import StageOut


T = TypeVar("T", bound="RouteStep")


@_attrs_define
class RouteStep:
    """The best offers at one stage of the route ahead.

    Attributes:
        is_current (bool):
        results (list[MatchResult]):
        stage (StageOut): A pathway stage.
        note (None | str | Unset): Set when nothing in the catalogue serves this stage.
    """

    is_current: bool
    results: list[MatchResult]
    stage: StageOut
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_current = self.is_current

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        stage = self.stage.to_dict()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "is_current": is_current,
                "results": results,
                "stage": stage,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_result import MatchResult  # noqa: PLC0415
        from ..models.stage_out import StageOut  # noqa: PLC0415

        d = dict(src_dict)
        is_current = d.pop("is_current")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = MatchResult.from_dict(results_item_data)

            results.append(results_item)

        stage = StageOut.from_dict(d.pop("stage"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        route_step = cls(
            is_current=is_current,
            results=results,
            stage=stage,
            note=note,
        )

        route_step.additional_properties = d
        return route_step

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

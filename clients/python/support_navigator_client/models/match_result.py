from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.match_result_components_type_0 import MatchResultComponentsType0
    from ..models.matched_offer import MatchedOffer
    from ..models.reason_out import ReasonOut


T = TypeVar("T", bound="MatchResult")


@_attrs_define
class MatchResult:
    """One ranked offer.

    Attributes:
        offer (MatchedOffer): The offer in a result, in brief; /v1/offers/{slug} has the rest.
        rank (int):
        reasons (list[ReasonOut]):
        score (float):
        components (MatchResultComponentsType0 | None | Unset): With explain=full: each component score.
        forthcoming (bool | Unset): Not yet taking innovators. Default: False.
    """

    offer: MatchedOffer
    rank: int
    reasons: list[ReasonOut]
    score: float
    components: MatchResultComponentsType0 | None | Unset = UNSET
    forthcoming: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.match_result_components_type_0 import MatchResultComponentsType0  # noqa: PLC0415

        offer = self.offer.to_dict()

        rank = self.rank

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        score = self.score

        components: dict[str, Any] | None | Unset
        if isinstance(self.components, Unset):
            components = UNSET
        elif isinstance(self.components, MatchResultComponentsType0):
            components = self.components.to_dict()
        else:
            components = self.components

        forthcoming = self.forthcoming

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "offer": offer,
                "rank": rank,
                "reasons": reasons,
                "score": score,
            }
        )
        if components is not UNSET:
            field_dict["components"] = components
        if forthcoming is not UNSET:
            field_dict["forthcoming"] = forthcoming

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_result_components_type_0 import MatchResultComponentsType0  # noqa: PLC0415
        from ..models.matched_offer import MatchedOffer  # noqa: PLC0415
        from ..models.reason_out import ReasonOut  # noqa: PLC0415

        d = dict(src_dict)
        offer = MatchedOffer.from_dict(d.pop("offer"))

        rank = d.pop("rank")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = ReasonOut.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        score = d.pop("score")

        def _parse_components(data: object) -> MatchResultComponentsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                components_type_0 = MatchResultComponentsType0.from_dict(data)

                return components_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchResultComponentsType0 | None | Unset, data)

        components = _parse_components(d.pop("components", UNSET))

        forthcoming = d.pop("forthcoming", UNSET)

        match_result = cls(
            offer=offer,
            rank=rank,
            reasons=reasons,
            score=score,
            components=components,
            forthcoming=forthcoming,
        )

        match_result.additional_properties = d
        return match_result

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

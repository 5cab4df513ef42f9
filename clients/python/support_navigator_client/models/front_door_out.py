from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.matched_offer import MatchedOffer
    from ..models.reason_out import ReasonOut


T = TypeVar("T", bound="FrontDoorOut")


@_attrs_define
class FrontDoorOut:
    """A signposting service: where to go when none of the results fits.

    Attributes:
        offer (MatchedOffer): The offer in a result, in brief; /v1/offers/{slug} has the rest.
        reasons (list[ReasonOut]):
    """

    offer: MatchedOffer
    reasons: list[ReasonOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        offer = self.offer.to_dict()

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "offer": offer,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matched_offer import MatchedOffer  # noqa: PLC0415
        from ..models.reason_out import ReasonOut  # noqa: PLC0415

        d = dict(src_dict)
        offer = MatchedOffer.from_dict(d.pop("offer"))

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = ReasonOut.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        front_door_out = cls(
            offer=offer,
            reasons=reasons,
        )

        front_door_out.additional_properties = d
        return front_door_out

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

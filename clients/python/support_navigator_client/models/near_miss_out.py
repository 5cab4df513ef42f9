from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.matched_offer import MatchedOffer


T = TypeVar("T", bound="NearMissOut")


@_attrs_define
class NearMissOut:
    """An offer a hard filter excluded that would otherwise have ranked, and what would open it.

    Attributes:
        criterion (str):
        hint (str):
        offer (MatchedOffer): The offer in a result, in brief; /v1/offers/{slug} has the rest.
        score (float):
    """

    criterion: str
    hint: str
    offer: MatchedOffer
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        criterion = self.criterion

        hint = self.hint

        offer = self.offer.to_dict()

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "criterion": criterion,
                "hint": hint,
                "offer": offer,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matched_offer import MatchedOffer  # noqa: PLC0415

        d = dict(src_dict)
        criterion = d.pop("criterion")

        hint = d.pop("hint")

        offer = MatchedOffer.from_dict(d.pop("offer"))

        score = d.pop("score")

        near_miss_out = cls(
            criterion=criterion,
            hint=hint,
            offer=offer,
            score=score,
        )

        near_miss_out.additional_properties = d
        return near_miss_out

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

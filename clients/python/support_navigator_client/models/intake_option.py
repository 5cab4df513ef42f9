from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.intake_option_implies import IntakeOptionImplies


T = TypeVar("T", bound="IntakeOption")


@_attrs_define
class IntakeOption:
    """One choice of a question, with what choosing it implies for the profile.

    Attributes:
        id (str):
        implies (IntakeOptionImplies): The profile values this option sets: stage, trl (a band), needs, sector,
            organisation_type, location.
        label (str):
    """

    id: str
    implies: IntakeOptionImplies
    label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        implies = self.implies.to_dict()

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "implies": implies,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.intake_option_implies import IntakeOptionImplies  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        implies = IntakeOptionImplies.from_dict(d.pop("implies"))

        label = d.pop("label")

        intake_option = cls(
            id=id,
            implies=implies,
            label=label,
        )

        intake_option.additional_properties = d
        return intake_option

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

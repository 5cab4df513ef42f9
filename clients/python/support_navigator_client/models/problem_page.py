from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProblemPage")


@_attrs_define
class ProblemPage:
    """What a problem `type` means and what to do about it (served at the type's own address).

    Attributes:
        meaning (str):
        status (int):
        title (str):
        type_ (str):
        what_to_do (str):
    """

    meaning: str
    status: int
    title: str
    type_: str
    what_to_do: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meaning = self.meaning

        status = self.status

        title = self.title

        type_ = self.type_

        what_to_do = self.what_to_do

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "meaning": meaning,
                "status": status,
                "title": title,
                "type": type_,
                "what_to_do": what_to_do,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        meaning = d.pop("meaning")

        status = d.pop("status")

        title = d.pop("title")

        type_ = d.pop("type")

        what_to_do = d.pop("what_to_do")

        problem_page = cls(
            meaning=meaning,
            status=status,
            title=title,
            type_=type_,
            what_to_do=what_to_do,
        )

        problem_page.additional_properties = d
        return problem_page

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

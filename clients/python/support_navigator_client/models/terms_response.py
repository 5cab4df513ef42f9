from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.term_public import TermPublic


T = TypeVar("T", bound="TermsResponse")


@_attrs_define
class TermsResponse:
    """A flat vocabulary.

    Attributes:
        taxonomy_version (str):
        terms (list[TermPublic]):
    """

    taxonomy_version: str
    terms: list[TermPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        taxonomy_version = self.taxonomy_version

        terms = []
        for terms_item_data in self.terms:
            terms_item = terms_item_data.to_dict()
            terms.append(terms_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taxonomy_version": taxonomy_version,
                "terms": terms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.term_public import TermPublic  # noqa: PLC0415

        d = dict(src_dict)
        taxonomy_version = d.pop("taxonomy_version")

        terms = []
        _terms = d.pop("terms")
        for terms_item_data in _terms:
            terms_item = TermPublic.from_dict(terms_item_data)

            terms.append(terms_item)

        terms_response = cls(
            taxonomy_version=taxonomy_version,
            terms=terms,
        )

        terms_response.additional_properties = d
        return terms_response

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

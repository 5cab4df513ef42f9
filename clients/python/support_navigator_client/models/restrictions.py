from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.provenance import Provenance


T = TypeVar("T", bound="Restrictions")


@_attrs_define
class Restrictions:
    """Who may use an offer at all, where a source says so (its sectors, organisation types and locations
    lists are only its focus). The matcher leaves out innovators outside a restriction, and shows the offer to
    them as a near miss.

        Attributes:
            provenance (Provenance): Where an entry's facts come from: a seed passage, public pages, or the curator (see
                data/README.md).
            locations (list[str] | Unset): Only innovators in these locations.
            organisation_types (list[str] | Unset): Only these organisation types.
            sectors (list[str] | Unset): Only these sectors.
    """

    provenance: Provenance
    locations: list[str] | Unset = UNSET
    organisation_types: list[str] | Unset = UNSET
    sectors: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        provenance = self.provenance.to_dict()

        locations: list[str] | Unset = UNSET
        if not isinstance(self.locations, Unset):
            locations = self.locations

        organisation_types: list[str] | Unset = UNSET
        if not isinstance(self.organisation_types, Unset):
            organisation_types = self.organisation_types

        sectors: list[str] | Unset = UNSET
        if not isinstance(self.sectors, Unset):
            sectors = self.sectors

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provenance": provenance,
            }
        )
        if locations is not UNSET:
            field_dict["locations"] = locations
        if organisation_types is not UNSET:
            field_dict["organisation_types"] = organisation_types
        if sectors is not UNSET:
            field_dict["sectors"] = sectors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provenance import Provenance  # noqa: PLC0415

        d = dict(src_dict)
        provenance = Provenance.from_dict(d.pop("provenance"))

        locations = cast(list[str], d.pop("locations", UNSET))

        organisation_types = cast(list[str], d.pop("organisation_types", UNSET))

        sectors = cast(list[str], d.pop("sectors", UNSET))

        restrictions = cls(
            provenance=provenance,
            locations=locations,
            organisation_types=organisation_types,
            sectors=sectors,
        )

        return restrictions

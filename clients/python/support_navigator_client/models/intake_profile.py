from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.intake_profile_location_type_0 import IntakeProfileLocationType0
from ..models.intake_profile_organisation_type_type_0 import IntakeProfileOrganisationTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="IntakeProfile")


@_attrs_define
class IntakeProfile:
    """The inferred profile: a valid POST /v1/match body. Fields nothing evidenced are left out.

    Attributes:
        limit (int):
        keywords (None | str | Unset):
        location (IntakeProfileLocationType0 | None | Unset):
        needs (list[str] | None | Unset):
        organisation_type (IntakeProfileOrganisationTypeType0 | None | Unset):
        sector (None | str | Unset):
        stage (int | None | Unset):
        trl (int | None | Unset):
    """

    limit: int
    keywords: None | str | Unset = UNSET
    location: IntakeProfileLocationType0 | None | Unset = UNSET
    needs: list[str] | None | Unset = UNSET
    organisation_type: IntakeProfileOrganisationTypeType0 | None | Unset = UNSET
    sector: None | str | Unset = UNSET
    stage: int | None | Unset = UNSET
    trl: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        keywords: None | str | Unset
        if isinstance(self.keywords, Unset):
            keywords = UNSET
        else:
            keywords = self.keywords

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, IntakeProfileLocationType0):
            location = self.location.value
        else:
            location = self.location

        needs: list[str] | None | Unset
        if isinstance(self.needs, Unset):
            needs = UNSET
        elif isinstance(self.needs, list):
            needs = self.needs

        else:
            needs = self.needs

        organisation_type: None | str | Unset
        if isinstance(self.organisation_type, Unset):
            organisation_type = UNSET
        elif isinstance(self.organisation_type, IntakeProfileOrganisationTypeType0):
            organisation_type = self.organisation_type.value
        else:
            organisation_type = self.organisation_type

        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        else:
            sector = self.sector

        stage: int | None | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        else:
            stage = self.stage

        trl: int | None | Unset
        if isinstance(self.trl, Unset):
            trl = UNSET
        else:
            trl = self.trl

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "limit": limit,
            }
        )
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if location is not UNSET:
            field_dict["location"] = location
        if needs is not UNSET:
            field_dict["needs"] = needs
        if organisation_type is not UNSET:
            field_dict["organisation_type"] = organisation_type
        if sector is not UNSET:
            field_dict["sector"] = sector
        if stage is not UNSET:
            field_dict["stage"] = stage
        if trl is not UNSET:
            field_dict["trl"] = trl

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        limit = d.pop("limit")

        def _parse_keywords(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        keywords = _parse_keywords(d.pop("keywords", UNSET))

        def _parse_location(data: object) -> IntakeProfileLocationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                location_type_0 = IntakeProfileLocationType0(data)

                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntakeProfileLocationType0 | None | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_needs(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                needs_type_0 = cast(list[str], data)

                return needs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        needs = _parse_needs(d.pop("needs", UNSET))

        def _parse_organisation_type(data: object) -> IntakeProfileOrganisationTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organisation_type_type_0 = IntakeProfileOrganisationTypeType0(data)

                return organisation_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntakeProfileOrganisationTypeType0 | None | Unset, data)

        organisation_type = _parse_organisation_type(d.pop("organisation_type", UNSET))

        def _parse_sector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))

        def _parse_stage(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))

        def _parse_trl(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trl = _parse_trl(d.pop("trl", UNSET))

        intake_profile = cls(
            limit=limit,
            keywords=keywords,
            location=location,
            needs=needs,
            organisation_type=organisation_type,
            sector=sector,
            stage=stage,
            trl=trl,
        )

        intake_profile.additional_properties = d
        return intake_profile

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

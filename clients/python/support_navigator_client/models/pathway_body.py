from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.pathway_body_location_type_0 import PathwayBodyLocationType0
from ..models.pathway_body_organisation_type_type_0 import PathwayBodyOrganisationTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="PathwayBody")


@_attrs_define
class PathwayBody:
    """The body of POST /v1/pathway. Types are strict, as for POST /v1/match: `true` is not a TRL.

    Attributes:
        keywords (None | str | Unset): Free text, at most 200 characters, in your own words: synonyms
            (data/synonyms.yaml) take plain words to the needs vocabulary. Only stop words or only punctuation is a 422.
        location (None | PathwayBodyLocationType0 | Unset): Where the innovator is (see /v1/locations).
        needs (list[str] | Unset): Need slugs, parents or children.
        organisation_type (None | PathwayBodyOrganisationTypeType0 | Unset): See /v1/organisation-types.
        per_stage (int | Unset): Offers shown for each stage of the route. Default: 3.
        sector (None | str | Unset): Sector slug (see /v1/sectors).
        stage (int | None | Unset): Pathway stage 1-7 (see /v1/stages).
        trl (int | None | Unset): Technology readiness level 1-9.
    """

    keywords: None | str | Unset = UNSET
    location: None | PathwayBodyLocationType0 | Unset = UNSET
    needs: list[str] | Unset = UNSET
    organisation_type: None | PathwayBodyOrganisationTypeType0 | Unset = UNSET
    per_stage: int | Unset = 3
    sector: None | str | Unset = UNSET
    stage: int | None | Unset = UNSET
    trl: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        keywords: None | str | Unset
        if isinstance(self.keywords, Unset):
            keywords = UNSET
        else:
            keywords = self.keywords

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, PathwayBodyLocationType0):
            location = self.location.value
        else:
            location = self.location

        needs: list[str] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = self.needs

        organisation_type: None | str | Unset
        if isinstance(self.organisation_type, Unset):
            organisation_type = UNSET
        elif isinstance(self.organisation_type, PathwayBodyOrganisationTypeType0):
            organisation_type = self.organisation_type.value
        else:
            organisation_type = self.organisation_type

        per_stage = self.per_stage

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

        field_dict.update({})
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if location is not UNSET:
            field_dict["location"] = location
        if needs is not UNSET:
            field_dict["needs"] = needs
        if organisation_type is not UNSET:
            field_dict["organisation_type"] = organisation_type
        if per_stage is not UNSET:
            field_dict["per_stage"] = per_stage
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

        def _parse_keywords(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        keywords = _parse_keywords(d.pop("keywords", UNSET))

        def _parse_location(data: object) -> None | PathwayBodyLocationType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                location_type_0 = PathwayBodyLocationType0(data)

                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PathwayBodyLocationType0 | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        needs = cast(list[str], d.pop("needs", UNSET))

        def _parse_organisation_type(data: object) -> None | PathwayBodyOrganisationTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organisation_type_type_0 = PathwayBodyOrganisationTypeType0(data)

                return organisation_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PathwayBodyOrganisationTypeType0 | Unset, data)

        organisation_type = _parse_organisation_type(d.pop("organisation_type", UNSET))

        per_stage = d.pop("per_stage", UNSET)

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

        pathway_body = cls(
            keywords=keywords,
            location=location,
            needs=needs,
            organisation_type=organisation_type,
            per_stage=per_stage,
            sector=sector,
            stage=stage,
            trl=trl,
        )

        return pathway_body

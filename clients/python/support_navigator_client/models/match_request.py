from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.match_request_explain import MatchRequestExplain
from ..models.match_request_location_type_0 import MatchRequestLocationType0
from ..models.match_request_organisation_type_type_0 import MatchRequestOrganisationTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="MatchRequest")


@_attrs_define
class MatchRequest:
    """The body of POST /v1/match. Types are strict: `"5"` is not a stage.

    Attributes:
        explain (MatchRequestExplain | Unset): `full` adds component scores and near misses. Default:
            MatchRequestExplain.NONE.
        keywords (None | str | Unset): Free text, at most 200 characters, in your own words: synonyms
            (data/synonyms.yaml) take plain words to the needs vocabulary. Only stop words or only punctuation is a 422.
        limit (int | Unset): How many results, 1-50. Default: 10.
        location (MatchRequestLocationType0 | None | Unset): Where the innovator is (see /v1/locations).
        needs (list[str] | Unset): Need slugs, parents or children.
        organisation_type (MatchRequestOrganisationTypeType0 | None | Unset): See /v1/organisation-types.
        sector (None | str | Unset): Sector slug (see /v1/sectors).
        stage (int | None | Unset): Pathway stage 1-7 (see /v1/stages).
        trl (int | None | Unset): Technology readiness level 1-9.
    """

    explain: MatchRequestExplain | Unset = MatchRequestExplain.NONE
    keywords: None | str | Unset = UNSET
    limit: int | Unset = 10
    location: MatchRequestLocationType0 | None | Unset = UNSET
    needs: list[str] | Unset = UNSET
    organisation_type: MatchRequestOrganisationTypeType0 | None | Unset = UNSET
    sector: None | str | Unset = UNSET
    stage: int | None | Unset = UNSET
    trl: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        explain: str | Unset = UNSET
        if not isinstance(self.explain, Unset):
            explain = self.explain.value

        keywords: None | str | Unset
        if isinstance(self.keywords, Unset):
            keywords = UNSET
        else:
            keywords = self.keywords

        limit = self.limit

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, MatchRequestLocationType0):
            location = self.location.value
        else:
            location = self.location

        needs: list[str] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = self.needs

        organisation_type: None | str | Unset
        if isinstance(self.organisation_type, Unset):
            organisation_type = UNSET
        elif isinstance(self.organisation_type, MatchRequestOrganisationTypeType0):
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

        field_dict.update({})
        if explain is not UNSET:
            field_dict["explain"] = explain
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if limit is not UNSET:
            field_dict["limit"] = limit
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
        _explain = d.pop("explain", UNSET)
        explain: MatchRequestExplain | Unset
        if isinstance(_explain, Unset):
            explain = UNSET
        else:
            explain = MatchRequestExplain(_explain)

        def _parse_keywords(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        keywords = _parse_keywords(d.pop("keywords", UNSET))

        limit = d.pop("limit", UNSET)

        def _parse_location(data: object) -> MatchRequestLocationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                location_type_0 = MatchRequestLocationType0(data)

                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchRequestLocationType0 | None | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        needs = cast(list[str], d.pop("needs", UNSET))

        def _parse_organisation_type(data: object) -> MatchRequestOrganisationTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organisation_type_type_0 = MatchRequestOrganisationTypeType0(data)

                return organisation_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchRequestOrganisationTypeType0 | None | Unset, data)

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

        match_request = cls(
            explain=explain,
            keywords=keywords,
            limit=limit,
            location=location,
            needs=needs,
            organisation_type=organisation_type,
            sector=sector,
            stage=stage,
            trl=trl,
        )

        return match_request

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.profile_out_location_type_0 import ProfileOutLocationType0
from ..models.profile_out_organisation_type_type_0 import ProfileOutOrganisationTypeType0

if TYPE_CHECKING:
    from ..models.keyword_need import KeywordNeed


T = TypeVar("T", bound="ProfileOut")


@_attrs_define
class ProfileOut:
    """The request as understood: the TRL crosswalk applied, needs deduplicated, keywords analysed.

    Attributes:
        keyword_needs (list[KeywordNeed]): The needs the keywords point to through the reviewed synonyms; they stand in
            for `needs` when none are given.
        keyword_terms (list[str]): The analysed (stemmed) keyword terms that may count as evidence, with synonym
            expansions.
        keywords (None | str):
        limit (int):
        location (None | ProfileOutLocationType0):
        needs (list[str]):
        organisation_type (None | ProfileOutOrganisationTypeType0):
        sector (None | str):
        stage (int | None):
        stages (list[int]): The stages the profile sits in (a TRL can sit in two).
        trl (int | None):
        trl_band (list[int] | None):
    """

    keyword_needs: list[KeywordNeed]
    keyword_terms: list[str]
    keywords: None | str
    limit: int
    location: None | ProfileOutLocationType0
    needs: list[str]
    organisation_type: None | ProfileOutOrganisationTypeType0
    sector: None | str
    stage: int | None
    stages: list[int]
    trl: int | None
    trl_band: list[int] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        keyword_needs = []
        for keyword_needs_item_data in self.keyword_needs:
            keyword_needs_item = keyword_needs_item_data.to_dict()
            keyword_needs.append(keyword_needs_item)

        keyword_terms = self.keyword_terms

        keywords: None | str
        keywords = self.keywords

        limit = self.limit

        location: None | str
        if isinstance(self.location, ProfileOutLocationType0):
            location = self.location.value
        else:
            location = self.location

        needs = self.needs

        organisation_type: None | str
        if isinstance(self.organisation_type, ProfileOutOrganisationTypeType0):
            organisation_type = self.organisation_type.value
        else:
            organisation_type = self.organisation_type

        sector: None | str
        sector = self.sector

        stage: int | None
        stage = self.stage

        stages = self.stages

        trl: int | None
        trl = self.trl

        trl_band: list[int] | None
        if isinstance(self.trl_band, list):
            trl_band = []
            for trl_band_type_0_item_data in self.trl_band:
                trl_band_type_0_item: int
                trl_band_type_0_item = trl_band_type_0_item_data
                trl_band.append(trl_band_type_0_item)

        else:
            trl_band = self.trl_band

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "keyword_needs": keyword_needs,
                "keyword_terms": keyword_terms,
                "keywords": keywords,
                "limit": limit,
                "location": location,
                "needs": needs,
                "organisation_type": organisation_type,
                "sector": sector,
                "stage": stage,
                "stages": stages,
                "trl": trl,
                "trl_band": trl_band,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.keyword_need import KeywordNeed  # noqa: PLC0415

        d = dict(src_dict)
        keyword_needs = []
        _keyword_needs = d.pop("keyword_needs")
        for keyword_needs_item_data in _keyword_needs:
            keyword_needs_item = KeywordNeed.from_dict(keyword_needs_item_data)

            keyword_needs.append(keyword_needs_item)

        keyword_terms = cast(list[str], d.pop("keyword_terms"))

        def _parse_keywords(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        keywords = _parse_keywords(d.pop("keywords"))

        limit = d.pop("limit")

        def _parse_location(data: object) -> None | ProfileOutLocationType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                location_type_0 = ProfileOutLocationType0(data)

                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProfileOutLocationType0, data)

        location = _parse_location(d.pop("location"))

        needs = cast(list[str], d.pop("needs"))

        def _parse_organisation_type(data: object) -> None | ProfileOutOrganisationTypeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organisation_type_type_0 = ProfileOutOrganisationTypeType0(data)

                return organisation_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProfileOutOrganisationTypeType0, data)

        organisation_type = _parse_organisation_type(d.pop("organisation_type"))

        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))

        def _parse_stage(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        stage = _parse_stage(d.pop("stage"))

        stages = cast(list[int], d.pop("stages"))

        def _parse_trl(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        trl = _parse_trl(d.pop("trl"))

        def _parse_trl_band(data: object) -> list[int] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                trl_band_type_0 = []
                _trl_band_type_0 = data
                for trl_band_type_0_item_data in _trl_band_type_0:

                    def _parse_trl_band_type_0_item(data: object) -> int:
                        return cast(int, data)

                    trl_band_type_0_item = _parse_trl_band_type_0_item(trl_band_type_0_item_data)

                    trl_band_type_0.append(trl_band_type_0_item)

                return trl_band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None, data)

        trl_band = _parse_trl_band(d.pop("trl_band"))

        profile_out = cls(
            keyword_needs=keyword_needs,
            keyword_terms=keyword_terms,
            keywords=keywords,
            limit=limit,
            location=location,
            needs=needs,
            organisation_type=organisation_type,
            sector=sector,
            stage=stage,
            stages=stages,
            trl=trl,
            trl_band=trl_band,
        )

        profile_out.additional_properties = d
        return profile_out

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

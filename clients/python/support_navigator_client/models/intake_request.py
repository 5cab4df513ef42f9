from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.intake_request_location_type_0 import IntakeRequestLocationType0
from ..models.intake_request_organisation_type_type_0 import IntakeRequestOrganisationTypeType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.intake_request_answers import IntakeRequestAnswers


T = TypeVar("T", bound="IntakeRequest")


@_attrs_define
class IntakeRequest:
    """The body of POST /v1/intake: answers, a description, or both. Types are strict.

    Attributes:
        answers (IntakeRequestAnswers | Unset): Question id to an option id (`single`), a list of option ids (`multi`)
            or text (`text`, at most 1,000 characters). See GET /v1/intake.
        description (None | str | Unset): The innovation and what is needed, in plain words (at most 1,000 characters).
            Read, never stored or logged.
        limit (int | Unset): How many match results, 1-50. Default: 10.
        location (IntakeRequestLocationType0 | None | Unset): Beats any inferred location.
        organisation_type (IntakeRequestOrganisationTypeType0 | None | Unset): Beats any inferred type.
        sector (None | str | Unset): Sector slug; beats any inferred sector.
    """

    answers: IntakeRequestAnswers | Unset = UNSET
    description: None | str | Unset = UNSET
    limit: int | Unset = 10
    location: IntakeRequestLocationType0 | None | Unset = UNSET
    organisation_type: IntakeRequestOrganisationTypeType0 | None | Unset = UNSET
    sector: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = self.answers.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        limit = self.limit

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, IntakeRequestLocationType0):
            location = self.location.value
        else:
            location = self.location

        organisation_type: None | str | Unset
        if isinstance(self.organisation_type, Unset):
            organisation_type = UNSET
        elif isinstance(self.organisation_type, IntakeRequestOrganisationTypeType0):
            organisation_type = self.organisation_type.value
        else:
            organisation_type = self.organisation_type

        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        else:
            sector = self.sector

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if answers is not UNSET:
            field_dict["answers"] = answers
        if description is not UNSET:
            field_dict["description"] = description
        if limit is not UNSET:
            field_dict["limit"] = limit
        if location is not UNSET:
            field_dict["location"] = location
        if organisation_type is not UNSET:
            field_dict["organisation_type"] = organisation_type
        if sector is not UNSET:
            field_dict["sector"] = sector

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.intake_request_answers import IntakeRequestAnswers  # noqa: PLC0415

        d = dict(src_dict)
        _answers = d.pop("answers", UNSET)
        answers: IntakeRequestAnswers | Unset
        if isinstance(_answers, Unset):
            answers = UNSET
        else:
            answers = IntakeRequestAnswers.from_dict(_answers)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        limit = d.pop("limit", UNSET)

        def _parse_location(data: object) -> IntakeRequestLocationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                location_type_0 = IntakeRequestLocationType0(data)

                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntakeRequestLocationType0 | None | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_organisation_type(data: object) -> IntakeRequestOrganisationTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organisation_type_type_0 = IntakeRequestOrganisationTypeType0(data)

                return organisation_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntakeRequestOrganisationTypeType0 | None | Unset, data)

        organisation_type = _parse_organisation_type(d.pop("organisation_type", UNSET))

        def _parse_sector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))

        intake_request = cls(
            answers=answers,
            description=description,
            limit=limit,
            location=location,
            organisation_type=organisation_type,
            sector=sector,
        )

        return intake_request

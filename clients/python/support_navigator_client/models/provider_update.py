from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.provenance import Provenance


T = TypeVar("T", bound="ProviderUpdate")


@_attrs_define
class ProviderUpdate:
    """A partial change to a provider: every field optional, only the fields sent are changed.

    Attributes:
        base_location (None | str | Unset):
        curator_judgement (list[str] | None | Unset):
        description (None | str | Unset):
        kind (None | str | Unset):
        name (None | str | Unset):
        provenance (None | Provenance | Unset):
        website (None | str | Unset):
    """

    base_location: None | str | Unset = UNSET
    curator_judgement: list[str] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    kind: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    provenance: None | Provenance | Unset = UNSET
    website: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.provenance import Provenance  # noqa: PLC0415

        base_location: None | str | Unset
        if isinstance(self.base_location, Unset):
            base_location = UNSET
        else:
            base_location = self.base_location

        curator_judgement: list[str] | None | Unset
        if isinstance(self.curator_judgement, Unset):
            curator_judgement = UNSET
        elif isinstance(self.curator_judgement, list):
            curator_judgement = self.curator_judgement

        else:
            curator_judgement = self.curator_judgement

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        else:
            kind = self.kind

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        provenance: dict[str, Any] | None | Unset
        if isinstance(self.provenance, Unset):
            provenance = UNSET
        elif isinstance(self.provenance, Provenance):
            provenance = self.provenance.to_dict()
        else:
            provenance = self.provenance

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if base_location is not UNSET:
            field_dict["base_location"] = base_location
        if curator_judgement is not UNSET:
            field_dict["curator_judgement"] = curator_judgement
        if description is not UNSET:
            field_dict["description"] = description
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if provenance is not UNSET:
            field_dict["provenance"] = provenance
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provenance import Provenance  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_base_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_location = _parse_base_location(d.pop("base_location", UNSET))

        def _parse_curator_judgement(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                curator_judgement_type_0 = cast(list[str], data)

                return curator_judgement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        curator_judgement = _parse_curator_judgement(d.pop("curator_judgement", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_provenance(data: object) -> None | Provenance | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provenance_type_0 = Provenance.from_dict(data)

                return provenance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Provenance | Unset, data)

        provenance = _parse_provenance(d.pop("provenance", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        provider_update = cls(
            base_location=base_location,
            curator_judgement=curator_judgement,
            description=description,
            kind=kind,
            name=name,
            provenance=provenance,
            website=website,
        )

        return provider_update

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.provenance import Provenance


T = TypeVar("T", bound="ProviderCreate")


@_attrs_define
class ProviderCreate:
    """A new provider, as curators write it in data/catalogue/providers.yaml or POST it.

    Attributes:
        description (str):
        kind (str): A provider kind from /v1/provider-kinds.
        name (str):
        provenance (Provenance): Where an entry's facts come from: a seed passage, public pages, or the curator (see
            data/README.md).
        slug (str):
        base_location (None | str | Unset): A location slug from /v1/locations.
        curator_judgement (list[str] | Unset): Fields that are the curator's judgement rather than a source's statement.
        website (None | str | Unset):
    """

    description: str
    kind: str
    name: str
    provenance: Provenance
    slug: str
    base_location: None | str | Unset = UNSET
    curator_judgement: list[str] | Unset = UNSET
    website: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        kind = self.kind

        name = self.name

        provenance = self.provenance.to_dict()

        slug = self.slug

        base_location: None | str | Unset
        if isinstance(self.base_location, Unset):
            base_location = UNSET
        else:
            base_location = self.base_location

        curator_judgement: list[str] | Unset = UNSET
        if not isinstance(self.curator_judgement, Unset):
            curator_judgement = self.curator_judgement

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "kind": kind,
                "name": name,
                "provenance": provenance,
                "slug": slug,
            }
        )
        if base_location is not UNSET:
            field_dict["base_location"] = base_location
        if curator_judgement is not UNSET:
            field_dict["curator_judgement"] = curator_judgement
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provenance import Provenance  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        kind = d.pop("kind")

        name = d.pop("name")

        provenance = Provenance.from_dict(d.pop("provenance"))

        slug = d.pop("slug")

        def _parse_base_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_location = _parse_base_location(d.pop("base_location", UNSET))

        curator_judgement = cast(list[str], d.pop("curator_judgement", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        provider_create = cls(
            description=description,
            kind=kind,
            name=name,
            provenance=provenance,
            slug=slug,
            base_location=base_location,
            curator_judgement=curator_judgement,
            website=website,
        )

        return provider_create

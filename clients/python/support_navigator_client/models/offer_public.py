from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.offer_public_cost import OfferPublicCost
from ..models.offer_public_kind import OfferPublicKind
from ..models.offer_public_status import OfferPublicStatus

if TYPE_CHECKING:
    from ..models.application import Application
    from ..models.provenance import Provenance
    from ..models.provider_ref import ProviderRef
    from ..models.restrictions import Restrictions


T = TypeVar("T", bound="OfferPublic")


@_attrs_define
class OfferPublic:
    """An offer as the public API shows it.

    Attributes:
        application (Application): How an innovator applies: any time (rolling) or in cohorts, with the next deadline
            when known.
        contact_route (None | str): How to start, in words.
        cost (OfferPublicCost):
        created_at (datetime.datetime):
        curator_judgement (list[str]):
        description (str):
        keywords (list[str]):
        kind (OfferPublicKind):
        last_verified_at (datetime.datetime | None):
        locations (list[str]): Eligible innovator locations; empty = anywhere.
        name (str):
        needs (list[str]):
        organisation_types (list[str]): Eligible organisation types; empty = all.
        provenance (Provenance): Where an entry's facts come from: a seed passage, public pages, or the curator (see
            data/README.md).
        provider (ProviderRef): The provider of an offer, in brief.
        restrictions (None | Restrictions): Real eligibility limits with their source, or null.
        sectors (list[str]): Sectors served; empty serves all sectors.
        signposting (bool): A front door pointing to other support (see `front_door` in /v1/match).
        slug (str):
        stages (list[int]):
        status (OfferPublicStatus):
        summary (str):
        trl_band (list[int]): Lowest and highest TRL served.
        updated_at (datetime.datetime):
        url (None | str): The next step: the offer's own page, else its provider's (http or https).
    """

    application: Application
    contact_route: None | str
    cost: OfferPublicCost
    created_at: datetime.datetime
    curator_judgement: list[str]
    description: str
    keywords: list[str]
    kind: OfferPublicKind
    last_verified_at: datetime.datetime | None
    locations: list[str]
    name: str
    needs: list[str]
    organisation_types: list[str]
    provenance: Provenance
    provider: ProviderRef
    restrictions: None | Restrictions
    sectors: list[str]
    signposting: bool
    slug: str
    stages: list[int]
    status: OfferPublicStatus
    summary: str
    trl_band: list[int]
    updated_at: datetime.datetime
    url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.restrictions import Restrictions  # noqa: PLC0415

        application = self.application.to_dict()

        contact_route: None | str
        contact_route = self.contact_route

        cost = self.cost.value

        created_at = self.created_at.isoformat()

        curator_judgement = self.curator_judgement

        description = self.description

        keywords = self.keywords

        kind = self.kind.value

        last_verified_at: None | str
        if isinstance(self.last_verified_at, datetime.datetime):
            last_verified_at = self.last_verified_at.isoformat()
        else:
            last_verified_at = self.last_verified_at

        locations = self.locations

        name = self.name

        needs = self.needs

        organisation_types = self.organisation_types

        provenance = self.provenance.to_dict()

        provider = self.provider.to_dict()

        restrictions: dict[str, Any] | None
        if isinstance(self.restrictions, Restrictions):
            restrictions = self.restrictions.to_dict()
        else:
            restrictions = self.restrictions

        sectors = self.sectors

        signposting = self.signposting

        slug = self.slug

        stages = self.stages

        status = self.status.value

        summary = self.summary

        trl_band = []
        for trl_band_item_data in self.trl_band:
            trl_band_item: int
            trl_band_item = trl_band_item_data
            trl_band.append(trl_band_item)

        updated_at = self.updated_at.isoformat()

        url: None | str
        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application": application,
                "contact_route": contact_route,
                "cost": cost,
                "created_at": created_at,
                "curator_judgement": curator_judgement,
                "description": description,
                "keywords": keywords,
                "kind": kind,
                "last_verified_at": last_verified_at,
                "locations": locations,
                "name": name,
                "needs": needs,
                "organisation_types": organisation_types,
                "provenance": provenance,
                "provider": provider,
                "restrictions": restrictions,
                "sectors": sectors,
                "signposting": signposting,
                "slug": slug,
                "stages": stages,
                "status": status,
                "summary": summary,
                "trl_band": trl_band,
                "updated_at": updated_at,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.application import Application  # noqa: PLC0415
        from ..models.provenance import Provenance  # noqa: PLC0415
        from ..models.provider_ref import ProviderRef  # noqa: PLC0415
        from ..models.restrictions import Restrictions  # noqa: PLC0415

        d = dict(src_dict)
        application = Application.from_dict(d.pop("application"))

        def _parse_contact_route(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_route = _parse_contact_route(d.pop("contact_route"))

        cost = OfferPublicCost(d.pop("cost"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        curator_judgement = cast(list[str], d.pop("curator_judgement"))

        description = d.pop("description")

        keywords = cast(list[str], d.pop("keywords"))

        kind = OfferPublicKind(d.pop("kind"))

        def _parse_last_verified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_verified_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_verified_at = _parse_last_verified_at(d.pop("last_verified_at"))

        locations = cast(list[str], d.pop("locations"))

        name = d.pop("name")

        needs = cast(list[str], d.pop("needs"))

        organisation_types = cast(list[str], d.pop("organisation_types"))

        provenance = Provenance.from_dict(d.pop("provenance"))

        provider = ProviderRef.from_dict(d.pop("provider"))

        def _parse_restrictions(data: object) -> None | Restrictions:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                restrictions_type_0 = Restrictions.from_dict(data)

                return restrictions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Restrictions, data)

        restrictions = _parse_restrictions(d.pop("restrictions"))

        sectors = cast(list[str], d.pop("sectors"))

        signposting = d.pop("signposting")

        slug = d.pop("slug")

        stages = cast(list[int], d.pop("stages"))

        status = OfferPublicStatus(d.pop("status"))

        summary = d.pop("summary")

        trl_band = []
        _trl_band = d.pop("trl_band")
        for trl_band_item_data in _trl_band:

            def _parse_trl_band_item(data: object) -> int:
                return cast(int, data)

            trl_band_item = _parse_trl_band_item(trl_band_item_data)

            trl_band.append(trl_band_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        offer_public = cls(
            application=application,
            contact_route=contact_route,
            cost=cost,
            created_at=created_at,
            curator_judgement=curator_judgement,
            description=description,
            keywords=keywords,
            kind=kind,
            last_verified_at=last_verified_at,
            locations=locations,
            name=name,
            needs=needs,
            organisation_types=organisation_types,
            provenance=provenance,
            provider=provider,
            restrictions=restrictions,
            sectors=sectors,
            signposting=signposting,
            slug=slug,
            stages=stages,
            status=status,
            summary=summary,
            trl_band=trl_band,
            updated_at=updated_at,
            url=url,
        )

        offer_public.additional_properties = d
        return offer_public

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.offer_create_cost import OfferCreateCost
from ..models.offer_create_kind import OfferCreateKind
from ..models.offer_create_status import OfferCreateStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.application import Application
    from ..models.provenance import Provenance
    from ..models.restrictions import Restrictions


T = TypeVar("T", bound="OfferCreate")


@_attrs_define
class OfferCreate:
    """A new offer, as curators write it in data/catalogue/offers.yaml or POST it.

    Attributes:
        description (str):
        kind (OfferCreateKind):
        name (str):
        needs (list[str]): Need slugs (parents or children) from /v1/needs.
        provenance (Provenance): Where an entry's facts come from: a seed passage, public pages, or the curator (see
            data/README.md).
        provider (str): The slug of the provider that runs the offer.
        slug (str):
        stages (list[int]): Pathway stages 1-7 served.
        summary (str):
        application (Application | Unset): How an innovator applies: any time (rolling) or in cohorts, with the next
            deadline when known.
        contact_route (None | str | Unset):
        cost (OfferCreateCost | Unset):  Default: OfferCreateCost.VARIES.
        curator_judgement (list[str] | Unset): Fields that are the curator's judgement rather than a source's statement.
        keywords (list[str] | Unset):
        last_verified_at (datetime.datetime | None | Unset):
        locations (list[str] | Unset): Eligible innovator locations; empty = anywhere.
        organisation_types (list[str] | Unset): Eligible organisation types; empty = all.
        restrictions (None | Restrictions | Unset): Real eligibility limits, with their source; none when the offer is
            open to all.
        sectors (list[str] | Unset): Sectors served; empty serves all sectors.
        signposting (bool | Unset): A front door that points innovators to the right support rather than offering it:
            never ranked among specific offers, returned in a match's `front_door`. Default: False.
        status (OfferCreateStatus | Unset):  Default: OfferCreateStatus.ACTIVE.
        trl_max (int | None | Unset): Omit to derive from stages.
        trl_min (int | None | Unset): Omit to derive from stages.
        url (None | str | Unset):
    """

    description: str
    kind: OfferCreateKind
    name: str
    needs: list[str]
    provenance: Provenance
    provider: str
    slug: str
    stages: list[int]
    summary: str
    application: Application | Unset = UNSET
    contact_route: None | str | Unset = UNSET
    cost: OfferCreateCost | Unset = OfferCreateCost.VARIES
    curator_judgement: list[str] | Unset = UNSET
    keywords: list[str] | Unset = UNSET
    last_verified_at: datetime.datetime | None | Unset = UNSET
    locations: list[str] | Unset = UNSET
    organisation_types: list[str] | Unset = UNSET
    restrictions: None | Restrictions | Unset = UNSET
    sectors: list[str] | Unset = UNSET
    signposting: bool | Unset = False
    status: OfferCreateStatus | Unset = OfferCreateStatus.ACTIVE
    trl_max: int | None | Unset = UNSET
    trl_min: int | None | Unset = UNSET
    url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.restrictions import Restrictions  # noqa: PLC0415

        description = self.description

        kind = self.kind.value

        name = self.name

        needs = self.needs

        provenance = self.provenance.to_dict()

        provider = self.provider

        slug = self.slug

        stages = self.stages

        summary = self.summary

        application: dict[str, Any] | Unset = UNSET
        if not isinstance(self.application, Unset):
            application = self.application.to_dict()

        contact_route: None | str | Unset
        if isinstance(self.contact_route, Unset):
            contact_route = UNSET
        else:
            contact_route = self.contact_route

        cost: str | Unset = UNSET
        if not isinstance(self.cost, Unset):
            cost = self.cost.value

        curator_judgement: list[str] | Unset = UNSET
        if not isinstance(self.curator_judgement, Unset):
            curator_judgement = self.curator_judgement

        keywords: list[str] | Unset = UNSET
        if not isinstance(self.keywords, Unset):
            keywords = self.keywords

        last_verified_at: None | str | Unset
        if isinstance(self.last_verified_at, Unset):
            last_verified_at = UNSET
        elif isinstance(self.last_verified_at, datetime.datetime):
            last_verified_at = self.last_verified_at.isoformat()
        else:
            last_verified_at = self.last_verified_at

        locations: list[str] | Unset = UNSET
        if not isinstance(self.locations, Unset):
            locations = self.locations

        organisation_types: list[str] | Unset = UNSET
        if not isinstance(self.organisation_types, Unset):
            organisation_types = self.organisation_types

        restrictions: dict[str, Any] | None | Unset
        if isinstance(self.restrictions, Unset):
            restrictions = UNSET
        elif isinstance(self.restrictions, Restrictions):
            restrictions = self.restrictions.to_dict()
        else:
            restrictions = self.restrictions

        sectors: list[str] | Unset = UNSET
        if not isinstance(self.sectors, Unset):
            sectors = self.sectors

        signposting = self.signposting

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        trl_max: int | None | Unset
        if isinstance(self.trl_max, Unset):
            trl_max = UNSET
        else:
            trl_max = self.trl_max

        trl_min: int | None | Unset
        if isinstance(self.trl_min, Unset):
            trl_min = UNSET
        else:
            trl_min = self.trl_min

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "kind": kind,
                "name": name,
                "needs": needs,
                "provenance": provenance,
                "provider": provider,
                "slug": slug,
                "stages": stages,
                "summary": summary,
            }
        )
        if application is not UNSET:
            field_dict["application"] = application
        if contact_route is not UNSET:
            field_dict["contact_route"] = contact_route
        if cost is not UNSET:
            field_dict["cost"] = cost
        if curator_judgement is not UNSET:
            field_dict["curator_judgement"] = curator_judgement
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if last_verified_at is not UNSET:
            field_dict["last_verified_at"] = last_verified_at
        if locations is not UNSET:
            field_dict["locations"] = locations
        if organisation_types is not UNSET:
            field_dict["organisation_types"] = organisation_types
        if restrictions is not UNSET:
            field_dict["restrictions"] = restrictions
        if sectors is not UNSET:
            field_dict["sectors"] = sectors
        if signposting is not UNSET:
            field_dict["signposting"] = signposting
        if status is not UNSET:
            field_dict["status"] = status
        if trl_max is not UNSET:
            field_dict["trl_max"] = trl_max
        if trl_min is not UNSET:
            field_dict["trl_min"] = trl_min
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.application import Application  # noqa: PLC0415
        from ..models.provenance import Provenance  # noqa: PLC0415
        from ..models.restrictions import Restrictions  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        kind = OfferCreateKind(d.pop("kind"))

        name = d.pop("name")

        needs = cast(list[str], d.pop("needs"))

        provenance = Provenance.from_dict(d.pop("provenance"))

        provider = d.pop("provider")

        slug = d.pop("slug")

        stages = cast(list[int], d.pop("stages"))

        summary = d.pop("summary")

        _application = d.pop("application", UNSET)
        application: Application | Unset
        if isinstance(_application, Unset):
            application = UNSET
        else:
            application = Application.from_dict(_application)

        def _parse_contact_route(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_route = _parse_contact_route(d.pop("contact_route", UNSET))

        _cost = d.pop("cost", UNSET)
        cost: OfferCreateCost | Unset
        if isinstance(_cost, Unset):
            cost = UNSET
        else:
            cost = OfferCreateCost(_cost)

        curator_judgement = cast(list[str], d.pop("curator_judgement", UNSET))

        keywords = cast(list[str], d.pop("keywords", UNSET))

        def _parse_last_verified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_verified_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_verified_at = _parse_last_verified_at(d.pop("last_verified_at", UNSET))

        locations = cast(list[str], d.pop("locations", UNSET))

        organisation_types = cast(list[str], d.pop("organisation_types", UNSET))

        def _parse_restrictions(data: object) -> None | Restrictions | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                restrictions_type_0 = Restrictions.from_dict(data)

                return restrictions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Restrictions | Unset, data)

        restrictions = _parse_restrictions(d.pop("restrictions", UNSET))

        sectors = cast(list[str], d.pop("sectors", UNSET))

        signposting = d.pop("signposting", UNSET)

        _status = d.pop("status", UNSET)
        status: OfferCreateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = OfferCreateStatus(_status)

        def _parse_trl_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trl_max = _parse_trl_max(d.pop("trl_max", UNSET))

        def _parse_trl_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trl_min = _parse_trl_min(d.pop("trl_min", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        offer_create = cls(
            description=description,
            kind=kind,
            name=name,
            needs=needs,
            provenance=provenance,
            provider=provider,
            slug=slug,
            stages=stages,
            summary=summary,
            application=application,
            contact_route=contact_route,
            cost=cost,
            curator_judgement=curator_judgement,
            keywords=keywords,
            last_verified_at=last_verified_at,
            locations=locations,
            organisation_types=organisation_types,
            restrictions=restrictions,
            sectors=sectors,
            signposting=signposting,
            status=status,
            trl_max=trl_max,
            trl_min=trl_min,
            url=url,
        )

        return offer_create

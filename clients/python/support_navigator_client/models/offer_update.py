from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.offer_update_cost_type_0 import OfferUpdateCostType0
from ..models.offer_update_kind_type_0 import OfferUpdateKindType0
from ..models.offer_update_status_type_0 import OfferUpdateStatusType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.application import Application
    from ..models.provenance import Provenance
    from ..models.restrictions import Restrictions


T = TypeVar("T", bound="OfferUpdate")


@_attrs_define
class OfferUpdate:
    """A partial change to an offer: every field optional, only the fields sent are changed.

    Attributes:
        application (Application | None | Unset):
        contact_route (None | str | Unset):
        cost (None | OfferUpdateCostType0 | Unset):
        curator_judgement (list[str] | None | Unset):
        description (None | str | Unset):
        keywords (list[str] | None | Unset):
        kind (None | OfferUpdateKindType0 | Unset):
        last_verified_at (datetime.datetime | None | Unset):
        locations (list[str] | None | Unset):
        name (None | str | Unset):
        needs (list[str] | None | Unset):
        organisation_types (list[str] | None | Unset):
        provenance (None | Provenance | Unset):
        provider (None | str | Unset):
        restrictions (None | Restrictions | Unset):
        sectors (list[str] | None | Unset):
        signposting (bool | None | Unset):
        stages (list[int] | None | Unset):
        status (None | OfferUpdateStatusType0 | Unset):
        summary (None | str | Unset):
        trl_max (int | None | Unset):
        trl_min (int | None | Unset):
        url (None | str | Unset):
    """

    application: Application | None | Unset = UNSET
    contact_route: None | str | Unset = UNSET
    cost: None | OfferUpdateCostType0 | Unset = UNSET
    curator_judgement: list[str] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    keywords: list[str] | None | Unset = UNSET
    kind: None | OfferUpdateKindType0 | Unset = UNSET
    last_verified_at: datetime.datetime | None | Unset = UNSET
    locations: list[str] | None | Unset = UNSET
    name: None | str | Unset = UNSET
    needs: list[str] | None | Unset = UNSET
    organisation_types: list[str] | None | Unset = UNSET
    provenance: None | Provenance | Unset = UNSET
    provider: None | str | Unset = UNSET
    restrictions: None | Restrictions | Unset = UNSET
    sectors: list[str] | None | Unset = UNSET
    signposting: bool | None | Unset = UNSET
    stages: list[int] | None | Unset = UNSET
    status: None | OfferUpdateStatusType0 | Unset = UNSET
    summary: None | str | Unset = UNSET
    trl_max: int | None | Unset = UNSET
    trl_min: int | None | Unset = UNSET
    url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.application import Application  # noqa: PLC0415
        from ..models.provenance import Provenance  # noqa: PLC0415
        from ..models.restrictions import Restrictions  # noqa: PLC0415

        application: dict[str, Any] | None | Unset
        if isinstance(self.application, Unset):
            application = UNSET
        elif isinstance(self.application, Application):
            application = self.application.to_dict()
        else:
            application = self.application

        contact_route: None | str | Unset
        if isinstance(self.contact_route, Unset):
            contact_route = UNSET
        else:
            contact_route = self.contact_route

        cost: None | str | Unset
        if isinstance(self.cost, Unset):
            cost = UNSET
        elif isinstance(self.cost, OfferUpdateCostType0):
            cost = self.cost.value
        else:
            cost = self.cost

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

        keywords: list[str] | None | Unset
        if isinstance(self.keywords, Unset):
            keywords = UNSET
        elif isinstance(self.keywords, list):
            keywords = self.keywords

        else:
            keywords = self.keywords

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, OfferUpdateKindType0):
            kind = self.kind.value
        else:
            kind = self.kind

        last_verified_at: None | str | Unset
        if isinstance(self.last_verified_at, Unset):
            last_verified_at = UNSET
        elif isinstance(self.last_verified_at, datetime.datetime):
            last_verified_at = self.last_verified_at.isoformat()
        else:
            last_verified_at = self.last_verified_at

        locations: list[str] | None | Unset
        if isinstance(self.locations, Unset):
            locations = UNSET
        elif isinstance(self.locations, list):
            locations = self.locations

        else:
            locations = self.locations

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        needs: list[str] | None | Unset
        if isinstance(self.needs, Unset):
            needs = UNSET
        elif isinstance(self.needs, list):
            needs = self.needs

        else:
            needs = self.needs

        organisation_types: list[str] | None | Unset
        if isinstance(self.organisation_types, Unset):
            organisation_types = UNSET
        elif isinstance(self.organisation_types, list):
            organisation_types = self.organisation_types

        else:
            organisation_types = self.organisation_types

        provenance: dict[str, Any] | None | Unset
        if isinstance(self.provenance, Unset):
            provenance = UNSET
        elif isinstance(self.provenance, Provenance):
            provenance = self.provenance.to_dict()
        else:
            provenance = self.provenance

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        restrictions: dict[str, Any] | None | Unset
        if isinstance(self.restrictions, Unset):
            restrictions = UNSET
        elif isinstance(self.restrictions, Restrictions):
            restrictions = self.restrictions.to_dict()
        else:
            restrictions = self.restrictions

        sectors: list[str] | None | Unset
        if isinstance(self.sectors, Unset):
            sectors = UNSET
        elif isinstance(self.sectors, list):
            sectors = self.sectors

        else:
            sectors = self.sectors

        signposting: bool | None | Unset
        if isinstance(self.signposting, Unset):
            signposting = UNSET
        else:
            signposting = self.signposting

        stages: list[int] | None | Unset
        if isinstance(self.stages, Unset):
            stages = UNSET
        elif isinstance(self.stages, list):
            stages = self.stages

        else:
            stages = self.stages

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, OfferUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

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

        field_dict.update({})
        if application is not UNSET:
            field_dict["application"] = application
        if contact_route is not UNSET:
            field_dict["contact_route"] = contact_route
        if cost is not UNSET:
            field_dict["cost"] = cost
        if curator_judgement is not UNSET:
            field_dict["curator_judgement"] = curator_judgement
        if description is not UNSET:
            field_dict["description"] = description
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if kind is not UNSET:
            field_dict["kind"] = kind
        if last_verified_at is not UNSET:
            field_dict["last_verified_at"] = last_verified_at
        if locations is not UNSET:
            field_dict["locations"] = locations
        if name is not UNSET:
            field_dict["name"] = name
        if needs is not UNSET:
            field_dict["needs"] = needs
        if organisation_types is not UNSET:
            field_dict["organisation_types"] = organisation_types
        if provenance is not UNSET:
            field_dict["provenance"] = provenance
        if provider is not UNSET:
            field_dict["provider"] = provider
        if restrictions is not UNSET:
            field_dict["restrictions"] = restrictions
        if sectors is not UNSET:
            field_dict["sectors"] = sectors
        if signposting is not UNSET:
            field_dict["signposting"] = signposting
        if stages is not UNSET:
            field_dict["stages"] = stages
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary
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

        def _parse_application(data: object) -> Application | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                application_type_0 = Application.from_dict(data)

                return application_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Application | None | Unset, data)

        application = _parse_application(d.pop("application", UNSET))

        def _parse_contact_route(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_route = _parse_contact_route(d.pop("contact_route", UNSET))

        def _parse_cost(data: object) -> None | OfferUpdateCostType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cost_type_0 = OfferUpdateCostType0(data)

                return cost_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfferUpdateCostType0 | Unset, data)

        cost = _parse_cost(d.pop("cost", UNSET))

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

        def _parse_keywords(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                keywords_type_0 = cast(list[str], data)

                return keywords_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        keywords = _parse_keywords(d.pop("keywords", UNSET))

        def _parse_kind(data: object) -> None | OfferUpdateKindType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = OfferUpdateKindType0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfferUpdateKindType0 | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

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

        def _parse_locations(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                locations_type_0 = cast(list[str], data)

                return locations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        locations = _parse_locations(d.pop("locations", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_organisation_types(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                organisation_types_type_0 = cast(list[str], data)

                return organisation_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        organisation_types = _parse_organisation_types(d.pop("organisation_types", UNSET))

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

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

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

        def _parse_sectors(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sectors_type_0 = cast(list[str], data)

                return sectors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        sectors = _parse_sectors(d.pop("sectors", UNSET))

        def _parse_signposting(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        signposting = _parse_signposting(d.pop("signposting", UNSET))

        def _parse_stages(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stages_type_0 = cast(list[int], data)

                return stages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        stages = _parse_stages(d.pop("stages", UNSET))

        def _parse_status(data: object) -> None | OfferUpdateStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = OfferUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfferUpdateStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

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

        offer_update = cls(
            application=application,
            contact_route=contact_route,
            cost=cost,
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
            stages=stages,
            status=status,
            summary=summary,
            trl_max=trl_max,
            trl_min=trl_min,
            url=url,
        )

        return offer_update

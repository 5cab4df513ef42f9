from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.demand_report_location_item import DemandReportLocationItem

if TYPE_CHECKING:
    from ..models.counted_value import CountedValue
    from ..models.demand_cell import DemandCell
    from ..models.recommended_offer import RecommendedOffer


T = TypeVar("T", bound="DemandReport")


@_attrs_define
class DemandReport:
    """Match demand over a period, set against the catalogue's supply.

    Attributes:
        cells (list[DemandCell]):
        keyword_terms (list[CountedValue]): Analysed terms seen in at least min_term_requests requests from
            min_term_clients distinct clients.
        location (list[DemandReportLocationItem]):
        locations (list[CountedValue]):
        matrix (list[list[int]]): Demand: one row per stage, one column per top-level need.
        min_term_clients (int): Distinct clients (counted by daily pseudonym) a term needs.
        min_term_requests (int):
        needs (list[str]):
        organisation_types (list[CountedValue]):
        requests (int): Match requests recorded in the period (after the filters).
        requests_without_needs (int):
        requests_without_stage (int):
        sector (list[str]):
        sectors (list[CountedValue]):
        since (datetime.date):
        stages (list[int]):
        thin_threshold (int):
        top_needs (list[CountedValue]): Needs as asked (children included), most requested first.
        top_offers (list[RecommendedOffer]):
        under_served (list[DemandCell]): Cells with demand and thin_threshold offers or fewer, most demanded first.
        until (datetime.date): Inclusive.
    """

    cells: list[DemandCell]
    keyword_terms: list[CountedValue]
    location: list[DemandReportLocationItem]
    locations: list[CountedValue]
    matrix: list[list[int]]
    min_term_clients: int
    min_term_requests: int
    needs: list[str]
    organisation_types: list[CountedValue]
    requests: int
    requests_without_needs: int
    requests_without_stage: int
    sector: list[str]
    sectors: list[CountedValue]
    since: datetime.date
    stages: list[int]
    thin_threshold: int
    top_needs: list[CountedValue]
    top_offers: list[RecommendedOffer]
    under_served: list[DemandCell]
    until: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data.to_dict()
            cells.append(cells_item)

        keyword_terms = []
        for keyword_terms_item_data in self.keyword_terms:
            keyword_terms_item = keyword_terms_item_data.to_dict()
            keyword_terms.append(keyword_terms_item)

        location = []
        for location_item_data in self.location:
            location_item = location_item_data.value
            location.append(location_item)

        locations = []
        for locations_item_data in self.locations:
            locations_item = locations_item_data.to_dict()
            locations.append(locations_item)

        matrix = []
        for matrix_item_data in self.matrix:
            matrix_item = matrix_item_data

            matrix.append(matrix_item)

        min_term_clients = self.min_term_clients

        min_term_requests = self.min_term_requests

        needs = self.needs

        organisation_types = []
        for organisation_types_item_data in self.organisation_types:
            organisation_types_item = organisation_types_item_data.to_dict()
            organisation_types.append(organisation_types_item)

        requests = self.requests

        requests_without_needs = self.requests_without_needs

        requests_without_stage = self.requests_without_stage

        sector = self.sector

        sectors = []
        for sectors_item_data in self.sectors:
            sectors_item = sectors_item_data.to_dict()
            sectors.append(sectors_item)

        since = self.since.isoformat()

        stages = self.stages

        thin_threshold = self.thin_threshold

        top_needs = []
        for top_needs_item_data in self.top_needs:
            top_needs_item = top_needs_item_data.to_dict()
            top_needs.append(top_needs_item)

        top_offers = []
        for top_offers_item_data in self.top_offers:
            top_offers_item = top_offers_item_data.to_dict()
            top_offers.append(top_offers_item)

        under_served = []
        for under_served_item_data in self.under_served:
            under_served_item = under_served_item_data.to_dict()
            under_served.append(under_served_item)

        until = self.until.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cells": cells,
                "keyword_terms": keyword_terms,
                "location": location,
                "locations": locations,
                "matrix": matrix,
                "min_term_clients": min_term_clients,
                "min_term_requests": min_term_requests,
                "needs": needs,
                "organisation_types": organisation_types,
                "requests": requests,
                "requests_without_needs": requests_without_needs,
                "requests_without_stage": requests_without_stage,
                "sector": sector,
                "sectors": sectors,
                "since": since,
                "stages": stages,
                "thin_threshold": thin_threshold,
                "top_needs": top_needs,
                "top_offers": top_offers,
                "under_served": under_served,
                "until": until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counted_value import CountedValue  # noqa: PLC0415
        from ..models.demand_cell import DemandCell  # noqa: PLC0415
        from ..models.recommended_offer import RecommendedOffer  # noqa: PLC0415

        d = dict(src_dict)
        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = DemandCell.from_dict(cells_item_data)

            cells.append(cells_item)

        keyword_terms = []
        _keyword_terms = d.pop("keyword_terms")
        for keyword_terms_item_data in _keyword_terms:
            keyword_terms_item = CountedValue.from_dict(keyword_terms_item_data)

            keyword_terms.append(keyword_terms_item)

        location = []
        _location = d.pop("location")
        for location_item_data in _location:
            location_item = DemandReportLocationItem(location_item_data)

            location.append(location_item)

        locations = []
        _locations = d.pop("locations")
        for locations_item_data in _locations:
            locations_item = CountedValue.from_dict(locations_item_data)

            locations.append(locations_item)

        matrix = []
        _matrix = d.pop("matrix")
        for matrix_item_data in _matrix:
            matrix_item = cast(list[int], matrix_item_data)

            matrix.append(matrix_item)

        min_term_clients = d.pop("min_term_clients")

        min_term_requests = d.pop("min_term_requests")

        needs = cast(list[str], d.pop("needs"))

        organisation_types = []
        _organisation_types = d.pop("organisation_types")
        for organisation_types_item_data in _organisation_types:
            organisation_types_item = CountedValue.from_dict(organisation_types_item_data)

            organisation_types.append(organisation_types_item)

        requests = d.pop("requests")

        requests_without_needs = d.pop("requests_without_needs")

        requests_without_stage = d.pop("requests_without_stage")

        sector = cast(list[str], d.pop("sector"))

        sectors = []
        _sectors = d.pop("sectors")
        for sectors_item_data in _sectors:
            sectors_item = CountedValue.from_dict(sectors_item_data)

            sectors.append(sectors_item)

        since = datetime.date.fromisoformat(d.pop("since"))

        stages = cast(list[int], d.pop("stages"))

        thin_threshold = d.pop("thin_threshold")

        top_needs = []
        _top_needs = d.pop("top_needs")
        for top_needs_item_data in _top_needs:
            top_needs_item = CountedValue.from_dict(top_needs_item_data)

            top_needs.append(top_needs_item)

        top_offers = []
        _top_offers = d.pop("top_offers")
        for top_offers_item_data in _top_offers:
            top_offers_item = RecommendedOffer.from_dict(top_offers_item_data)

            top_offers.append(top_offers_item)

        under_served = []
        _under_served = d.pop("under_served")
        for under_served_item_data in _under_served:
            under_served_item = DemandCell.from_dict(under_served_item_data)

            under_served.append(under_served_item)

        until = datetime.date.fromisoformat(d.pop("until"))

        demand_report = cls(
            cells=cells,
            keyword_terms=keyword_terms,
            location=location,
            locations=locations,
            matrix=matrix,
            min_term_clients=min_term_clients,
            min_term_requests=min_term_requests,
            needs=needs,
            organisation_types=organisation_types,
            requests=requests,
            requests_without_needs=requests_without_needs,
            requests_without_stage=requests_without_stage,
            sector=sector,
            sectors=sectors,
            since=since,
            stages=stages,
            thin_threshold=thin_threshold,
            top_needs=top_needs,
            top_offers=top_offers,
            under_served=under_served,
            until=until,
        )

        demand_report.additional_properties = d
        return demand_report

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.coverage_report_location_item import CoverageReportLocationItem

if TYPE_CHECKING:
    from ..models.coverage_axis import CoverageAxis
    from ..models.coverage_cell import CoverageCell


T = TypeVar("T", bound="CoverageReport")


@_attrs_define
class CoverageReport:
    """The stage x need matrix of active offers, with the thin cells listed as gaps.

    Attributes:
        catalogue_version (str):
        cells (list[CoverageCell]):
        gaps (list[CoverageCell]): Cells with thin_threshold offers or fewer, emptiest first.
        location (list[CoverageReportLocationItem]): Innovator location filter applied (nested).
        matrix (list[list[int]]): Counts: one row per stage, one column per need, in axis order.
        needs (list[CoverageAxis]):
        offer_count (int): Active offers considered after the filters.
        sector (list[str]): Sector filter applied (offers for all sectors always count).
        stages (list[CoverageAxis]):
        thin_threshold (int): Cells with this many offers or fewer are gaps.
    """

    catalogue_version: str
    cells: list[CoverageCell]
    gaps: list[CoverageCell]
    location: list[CoverageReportLocationItem]
    matrix: list[list[int]]
    needs: list[CoverageAxis]
    offer_count: int
    sector: list[str]
    stages: list[CoverageAxis]
    thin_threshold: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        catalogue_version = self.catalogue_version

        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data.to_dict()
            cells.append(cells_item)

        gaps = []
        for gaps_item_data in self.gaps:
            gaps_item = gaps_item_data.to_dict()
            gaps.append(gaps_item)

        location = []
        for location_item_data in self.location:
            location_item = location_item_data.value
            location.append(location_item)

        matrix = []
        for matrix_item_data in self.matrix:
            matrix_item = matrix_item_data

            matrix.append(matrix_item)

        needs = []
        for needs_item_data in self.needs:
            needs_item = needs_item_data.to_dict()
            needs.append(needs_item)

        offer_count = self.offer_count

        sector = self.sector

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        thin_threshold = self.thin_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "catalogue_version": catalogue_version,
                "cells": cells,
                "gaps": gaps,
                "location": location,
                "matrix": matrix,
                "needs": needs,
                "offer_count": offer_count,
                "sector": sector,
                "stages": stages,
                "thin_threshold": thin_threshold,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coverage_axis import CoverageAxis  # noqa: PLC0415
        from ..models.coverage_cell import CoverageCell  # noqa: PLC0415

        d = dict(src_dict)
        catalogue_version = d.pop("catalogue_version")

        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = CoverageCell.from_dict(cells_item_data)

            cells.append(cells_item)

        gaps = []
        _gaps = d.pop("gaps")
        for gaps_item_data in _gaps:
            gaps_item = CoverageCell.from_dict(gaps_item_data)

            gaps.append(gaps_item)

        location = []
        _location = d.pop("location")
        for location_item_data in _location:
            location_item = CoverageReportLocationItem(location_item_data)

            location.append(location_item)

        matrix = []
        _matrix = d.pop("matrix")
        for matrix_item_data in _matrix:
            matrix_item = cast(list[int], matrix_item_data)

            matrix.append(matrix_item)

        needs = []
        _needs = d.pop("needs")
        for needs_item_data in _needs:
            needs_item = CoverageAxis.from_dict(needs_item_data)

            needs.append(needs_item)

        offer_count = d.pop("offer_count")

        sector = cast(list[str], d.pop("sector"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = CoverageAxis.from_dict(stages_item_data)

            stages.append(stages_item)

        thin_threshold = d.pop("thin_threshold")

        coverage_report = cls(
            catalogue_version=catalogue_version,
            cells=cells,
            gaps=gaps,
            location=location,
            matrix=matrix,
            needs=needs,
            offer_count=offer_count,
            sector=sector,
            stages=stages,
            thin_threshold=thin_threshold,
        )

        coverage_report.additional_properties = d
        return coverage_report

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

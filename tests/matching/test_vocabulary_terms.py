"""Vocabulary: built from the real taxonomy, with the crosswalk, need and location hierarchies."""

from __future__ import annotations

from typing import Any

import pytest

from app.matching import StageBand, Vocabulary


def test_real_taxonomy_loads_with_the_contract_slugs(vocabulary: Vocabulary) -> None:
    assert [band.slug for band in vocabulary.stages] == [
        "needs-identification",
        "solution-development",
        "validating-concept",
        "investment-validation",
        "clearance-and-trials",
        "launch-and-evaluation",
        "post-launch-development",
    ]
    assert vocabulary.stage_by_number[5] == StageBand(5, "clearance-and-trials", "Clearance and trials", 6, 8)
    assert vocabulary.need_parents["regulatory-advice"] == "professional-advice"
    assert vocabulary.need_parents["professional-advice"] is None
    assert {"medtech", "digital-health", "diagnostics", "ai-and-data", "biotech"} <= set(vocabulary.sector_names)


def test_crosswalk_overlaps(vocabulary: Vocabulary) -> None:
    assert vocabulary.stages_for_trl(1) == (1,)
    assert vocabulary.stages_for_trl(2) == (1, 2)
    assert vocabulary.stages_for_trl(8) == (5, 6)


def test_need_hierarchy(vocabulary: Vocabulary) -> None:
    assert vocabulary.need_descendants["professional-advice"] == (
        "regulatory-advice",
        "legal-advice",
        "financial-advice",
    )
    assert vocabulary.need_descendants["regulatory-advice"] == ()
    assert vocabulary.need_ancestors["legal-advice"] == ("professional-advice",)
    assert vocabulary.need_descendants["seed-investment"] == ()


def test_location_nesting(vocabulary: Vocabulary) -> None:
    assert vocabulary.location_chain("west-yorkshire") == ("west-yorkshire", "yorkshire-and-humber", "uk")
    assert vocabulary.location_chain("uk") == ("uk",)


def test_bad_vocabularies_are_rejected(taxonomy: dict[str, Any]) -> None:
    stages = Vocabulary.from_mapping(taxonomy).stages
    with pytest.raises(ValueError, match="unknown parent 'nowhere'"):
        Vocabulary(stages, (("a", "nowhere", "A"),), (), (), ())
    with pytest.raises(ValueError, match="duplicate slug 'a'"):
        Vocabulary(stages, (), (("a", None, "A"), ("a", None, "A")), (), ())
    with pytest.raises(ValueError, match="inside itself"):
        Vocabulary(stages, (("a", "b", "A"), ("b", "a", "B")), (), (), ())
    with pytest.raises(ValueError, match="numbered"):
        Vocabulary(stages[1:], (), (), (), ())

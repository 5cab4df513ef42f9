"""Rules.from_mapping: the shipped rules load; unknown, missing and bad keys are named."""

from __future__ import annotations

from typing import Any

import pytest

from app.matching import Rules


def test_shipped_rules_load(rules: Rules) -> None:
    assert rules.version
    assert rules.needs.parent_fraction == 0.5
    assert rules.diversity.max_per_provider == 2
    assert rules.stages.max_stage_gap is None
    assert dict(rules.keywords.field_weights)["name"] > dict(rules.keywords.field_weights)["description"]


def test_unknown_top_level_key(rules_mapping: dict[str, Any]) -> None:
    rules_mapping["wieghts"] = {}
    with pytest.raises(ValueError, match="unknown key 'wieghts'"):
        Rules.from_mapping(rules_mapping)


def test_unknown_nested_key(rules_mapping: dict[str, Any]) -> None:
    rules_mapping["weights"]["popularity"] = 0.1
    with pytest.raises(ValueError, match=r"unknown key 'weights\.popularity'"):
        Rules.from_mapping(rules_mapping)


def test_missing_nested_key(rules_mapping: dict[str, Any]) -> None:
    del rules_mapping["keywords"]["k1"]
    with pytest.raises(ValueError, match=r"missing key 'keywords\.k1'"):
        Rules.from_mapping(rules_mapping)


def test_missing_version(rules_mapping: dict[str, Any]) -> None:
    del rules_mapping["version"]
    with pytest.raises(ValueError, match="missing key 'version'"):
        Rules.from_mapping(rules_mapping)


@pytest.mark.parametrize(
    ("section", "key", "value", "named"),
    [
        ("needs", "parent_fraction", 1.5, "needs.parent_fraction"),
        ("needs", "require_match", "yes", "needs.require_match"),
        ("weights", "stage", -0.1, "weights.stage"),
        ("weights", "keywords", "high", "weights.keywords"),
        ("stages", "max_stage_gap", -1, "stages.max_stage_gap"),
        ("diversity", "max_per_provider", 1.5, "diversity.max_per_provider"),
        ("results", "candidate_pool", 0, "results.candidate_pool"),
        ("keywords", "b", 2, "keywords.b"),
    ],
)
def test_bad_values_name_the_key(
    rules_mapping: dict[str, Any], section: str, key: str, value: object, named: str
) -> None:
    rules_mapping[section][key] = value
    with pytest.raises(ValueError, match=named.replace(".", r"\.")):
        Rules.from_mapping(rules_mapping)


def test_section_must_be_a_mapping(rules_mapping: dict[str, Any]) -> None:
    rules_mapping["stages"] = [1, 2]
    with pytest.raises(ValueError, match="'stages' must be a mapping"):
        Rules.from_mapping(rules_mapping)


def test_need_weight_must_dominate_so_need_fit_ordering_is_guaranteed(rules_mapping: dict[str, Any]) -> None:
    rules_mapping["weights"]["keywords"] = 0.5
    with pytest.raises(ValueError, match=r"'weights\.need'"):
        Rules.from_mapping(rules_mapping)


def test_parent_fraction_plus_breadth_must_leave_a_gap(rules_mapping: dict[str, Any]) -> None:
    rules_mapping["needs"]["parent_fraction"] = 0.95
    with pytest.raises(ValueError, match=r"needs\.parent_fraction"):
        Rules.from_mapping(rules_mapping)


def test_stage_gate_switch(rules_mapping: dict[str, Any]) -> None:
    rules_mapping["stages"]["max_stage_gap"] = 1
    assert Rules.from_mapping(rules_mapping).stages.max_stage_gap == 1

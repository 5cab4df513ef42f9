"""Fixtures for the matcher tests: the real taxonomy and rules, and a builder for hand-made offers."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.matching import CatalogueIndex, OfferRecord, Rules, Synonyms, Vocabulary

DATA = Path(__file__).resolve().parents[2] / "data"

OfferFactory = Callable[..., OfferRecord]
IndexFactory = Callable[..., CatalogueIndex]


@pytest.fixture(scope="session")
def taxonomy() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="session")
def vocabulary(taxonomy: dict[str, Any]) -> Vocabulary:
    return Vocabulary.from_mapping(taxonomy)


@pytest.fixture(scope="session")
def synonyms_data() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "synonyms.yaml").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="session")
def synonyms(synonyms_data: dict[str, Any], vocabulary: Vocabulary) -> Synonyms:
    """The reviewed synonyms and word rules of data/synonyms.yaml."""
    return Synonyms.from_mapping(synonyms_data, vocabulary)


@pytest.fixture(scope="session")
def rules_data() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "rules.yaml").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def rules_mapping(rules_data: dict[str, Any]) -> dict[str, Any]:
    """A fresh, freely editable copy of data/rules.yaml."""
    return copy.deepcopy(rules_data)


@pytest.fixture(scope="session")
def rules(rules_data: dict[str, Any]) -> Rules:
    return Rules.from_mapping(rules_data)


def build_offer(slug: str, **fields: Any) -> OfferRecord:
    """An active offer open to everyone; override any field by keyword."""
    values: dict[str, Any] = {
        "slug": slug,
        "name": slug.replace("-", " ").capitalize(),
        "summary": "",
        "description": "",
        "url": f"https://example.org/{slug}",
        "provider_slug": f"provider-of-{slug}",
        "provider_name": f"Provider of {slug}",
        "provider_location": None,
        "needs": (),
        "stages": (),
        "trl_min": 1,
        "trl_max": 9,
        "sectors": (),
        "organisation_types": (),
        "locations": (),
        "status": "active",
        "kind": "programme",
        "cost": "free",
        "keywords": (),
    }
    values.update(fields)
    return OfferRecord(**values)


@pytest.fixture(scope="session")
def offer() -> OfferFactory:
    return build_offer


@pytest.fixture(scope="session")
def build_index(vocabulary: Vocabulary, rules: Rules) -> IndexFactory:
    def build(
        offers: Sequence[OfferRecord], rules_override: Rules | None = None, synonyms: Synonyms | None = None
    ) -> CatalogueIndex:
        return CatalogueIndex.build(offers, vocabulary, rules_override or rules, "test-catalogue", synonyms)

    return build

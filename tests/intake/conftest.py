"""Fixtures for the intake tests: the real taxonomy and intake file, parsed once."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.intake import IntakeSpec, Reader
from app.matching import Vocabulary

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return Vocabulary.from_mapping(yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def intake_data() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "intake.yaml").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def fresh_data(intake_data: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of the intake file's content, free to break."""
    return copy.deepcopy(intake_data)


@pytest.fixture(scope="session")
def spec(intake_data: dict[str, Any], vocabulary: Vocabulary) -> IntakeSpec:
    return IntakeSpec.from_mapping(intake_data, vocabulary)


@pytest.fixture(scope="session")
def reader(spec: IntakeSpec) -> Reader:
    return Reader(spec)

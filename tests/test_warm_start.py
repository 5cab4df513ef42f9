"""A worker warms its catalogue and matcher before taking traffic, and starts even when the database cannot help."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from app.main import GC_YOUNG_THRESHOLD
from app.services.store.snapshot import snapshot_cache
from tests.conftest import make_client


@pytest.fixture
def thawed() -> Iterator[None]:
    """Give the test process its garbage collector back after a warm start froze the heap (and its thresholds)."""
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("thawed")
def test_warm_start_builds_the_snapshot_and_matcher_then_freezes_the_heap(
    fixture_db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot_cache.clear()
    gc.unfreeze()
    with make_client(fixture_db, monkeypatch, warm_start="true") as client:
        snapshot = snapshot_cache.latest()
        assert snapshot is not None and snapshot.offers
        assert any(name.startswith("matcher-index:") for name in snapshot._derived)
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == GC_YOUNG_THRESHOLD
        assert client.post("/v1/match", json={"needs": ["lab-space"]}).status_code == 200


@pytest.mark.usefixtures("thawed")
def test_a_worker_starts_without_a_usable_database_and_answers_503(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    snapshot_cache.clear()
    bare = create_engine(f"sqlite:///{tmp_path / 'never-migrated.db'}")
    with caplog.at_level(logging.WARNING, logger="app"), make_client(bare, monkeypatch, warm_start="true") as client:
        assert client.get("/healthz").status_code == 200
        response = client.post("/v1/match", json={"needs": ["lab-space"]})
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "catalogue not loaded at start" in caplog.text
    bare.dispose()

"""The navigator command: migrate and load against a real database, with readable errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.db import get_engine, reset_engine
from app.models import Offer
from tests.conftest import fixture_catalogue_dir


@pytest.fixture
def runner(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    reset_engine()
    return CliRunner()


def test_load_then_reload(runner: CliRunner, engine: Engine, tmp_path: Path) -> None:
    directory = fixture_catalogue_dir(tmp_path)
    first = runner.invoke(cli, ["load", str(directory)])
    assert first.exit_code == 0, first.output
    assert "offers: 7 created, 0 updated, 0 unchanged" in first.output
    again = runner.invoke(cli, ["load", str(directory)])
    assert "offers: 0 created, 0 updated, 7 unchanged" in again.output
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Offer)).one() == 7
    get_engine().dispose()


def test_load_refuses_bad_data_and_names_the_problem(runner: CliRunner, engine: Engine, tmp_path: Path) -> None:
    directory = fixture_catalogue_dir(tmp_path)
    offers = directory / "catalogue" / "offers.yaml"
    offers.write_text(offers.read_text().replace("needs: [lab-space]", "needs: [lab-spaces]"))
    result = runner.invoke(cli, ["load", str(directory)])
    assert result.exit_code == 1
    assert "offers[0] (slug 'alpha-lab'): field 'needs': Unknown need 'lab-spaces'" in result.output
    assert "nothing was loaded" in result.output
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Offer)).one() == 0
    get_engine().dispose()


def test_migrate(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["migrate"])
    assert result.exit_code == 0 and "newest schema" in result.output
    get_engine().dispose()

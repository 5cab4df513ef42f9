"""Export and import: byte-identical round trips, a readable diff, and all-or-nothing application."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.db import get_engine, reset_engine
from app.models import AuditEvent, Offer, Provider
from app.services.exchange.bundle import export_files, plan_import, write_export
from app.services.exchange.files import read_catalogue
from app.services.store.state import current_stamp
from tests.conftest import DATA_DIR, _empty_tables, load_directory


@pytest.fixture
def runner(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    reset_engine()
    yield CliRunner()
    get_engine().dispose()
    reset_engine()
    get_settings.cache_clear()


def read_tree(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*.yaml"))}


def counts(engine: Engine) -> tuple[int, int, int, str]:
    with Session(engine) as session:
        offers = session.exec(select(func.count()).select_from(Offer)).one()
        live = session.exec(select(func.count()).select_from(Offer).where(col(Offer.withdrawn_at).is_(None))).one()
        providers = session.exec(select(func.count()).select_from(Provider)).one()
        return offers, live, providers, current_stamp(session)


@pytest.mark.parametrize("source", ["fixture", "data"])
def test_export_import_export_is_byte_identical(
    source: str, fixture_db: Engine, runner: CliRunner, tmp_path: Path
) -> None:
    if source == "data":
        _empty_tables(fixture_db)
        load_directory(fixture_db, DATA_DIR)
    first, second = tmp_path / "first", tmp_path / "second"
    result = runner.invoke(cli, ["export", str(first)])
    assert result.exit_code == 0, result.output
    exported = read_catalogue(first)  # the export is a valid catalogue directory
    _empty_tables(fixture_db)
    imported = runner.invoke(cli, ["import", str(first)])
    assert imported.exit_code == 0, imported.output
    assert runner.invoke(cli, ["export", str(second)]).exit_code == 0
    assert read_tree(first) == read_tree(second)
    if source == "data":
        original = read_catalogue(DATA_DIR)
        assert {p.slug: p for p in exported.providers} == {p.slug: p for p in original.providers}
        normalised = {o.slug: o.model_copy(update={"stages": sorted(o.stages)}) for o in original.offers}
        assert {o.slug: o for o in exported.offers} == normalised
        assert exported.taxonomy.terms == original.taxonomy.terms


def test_export_is_deterministic_and_leaves_withdrawn_entries_out(fixture_db: Engine) -> None:
    with Session(fixture_db) as session:
        before = export_files(session)
        assert export_files(session) == before
        row = session.exec(select(Offer).where(Offer.slug == "gamma-seed")).one()
        row.withdrawn_at = row.updated_at
        session.add(row)
        session.flush()
        offers = export_files(session)[Path("catalogue") / "offers.yaml"]
    assert "slug: gamma-seed" not in offers and "slug: gamma-soon" in offers
    assert "trl_min: null" in offers  # explicit nulls, as in data/


def test_a_bad_entry_in_the_middle_changes_nothing(fixture_db: Engine, runner: CliRunner, tmp_path: Path) -> None:
    directory = tmp_path / "edited"
    with Session(fixture_db) as session:
        write_export(session, directory)
    offers = directory / "catalogue" / "offers.yaml"
    text = offers.read_text()
    text = text.replace("name: Alpha wet lab", "name: Alpha wet lab (renamed)")  # a good change first
    text = text.replace("needs: [regulatory-advice]", "needs: [regulatory-adivce]")  # then a typo in the middle
    text = text.replace("name: Gamma seed fund", "name: Gamma seed fund (renamed)")  # and a good change after
    offers.write_text(text)
    before = counts(fixture_db)
    result = runner.invoke(cli, ["import", str(directory)])
    assert result.exit_code == 1
    assert "Unknown need 'regulatory-adivce'" in result.output and "nothing was imported" in result.output
    assert counts(fixture_db) == before
    with Session(fixture_db) as session:
        names = set(session.exec(select(Offer.name)))
    assert "Alpha wet lab" in names and "Gamma seed fund" in names
    with Session(fixture_db) as session:
        assert session.exec(select(func.count()).select_from(AuditEvent)).one() == 0


def test_a_failure_while_applying_rolls_everything_back(
    fixture_db: Engine, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "edited"
    with Session(fixture_db) as session:
        write_export(session, directory)
    offers = directory / "catalogue" / "offers.yaml"
    offers.write_text(offers.read_text().replace("name: Alpha wet lab", "name: Alpha wet lab (renamed)"))
    before = counts(fixture_db)

    def broken_audit(**_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("app.services.exchange.bundle.record_event", broken_audit)
    result = runner.invoke(cli, ["import", str(directory)])
    assert result.exit_code != 0 and isinstance(result.exception, RuntimeError)
    assert counts(fixture_db) == before
    with Session(fixture_db) as session:
        assert "Alpha wet lab" in set(session.exec(select(Offer.name)))


def test_dry_run_shows_the_difference_and_writes_nothing(fixture_db: Engine, runner: CliRunner, tmp_path: Path) -> None:
    directory = tmp_path / "edited"
    with Session(fixture_db) as session:
        write_export(session, directory)
    offers = directory / "catalogue" / "offers.yaml"
    text = offers.read_text().replace("name: Alpha wet lab", "name: Alpha wet lab (renamed)")
    start = text.index("  - slug: gamma-closed")
    end = text.index("  - slug: gamma-seed")
    offers.write_text(text[:start] + text[end:])  # gamma-closed is no longer in the file
    before = counts(fixture_db)
    result = runner.invoke(cli, ["import", str(directory), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "offer ~ alpha-lab (update): name: 'Alpha wet lab' -> 'Alpha wet lab (renamed)'" in result.output
    assert "offer ? gamma-closed (missing): not in the file; kept" in result.output
    assert "Dry run: nothing was written." in result.output
    assert counts(fixture_db) == before

    kept = runner.invoke(cli, ["import", str(directory)])
    assert kept.exit_code == 0, kept.output
    offers_total, live, _, stamp = counts(fixture_db)
    assert (offers_total, live) == (7, 7) and stamp != before[3]

    withdrawn = runner.invoke(cli, ["import", str(directory), "--withdraw-missing"])
    assert withdrawn.exit_code == 0, withdrawn.output
    assert "offer - gamma-closed (withdraw)" in withdrawn.output
    assert counts(fixture_db)[:2] == (7, 6)  # kept in the database, withdrawn
    with Session(fixture_db) as session:
        events = {(e.action, e.entity_slug): e for e in session.exec(select(AuditEvent))}
    assert events[("import-update", "alpha-lab")].after["name"] == "Alpha wet lab (renamed)"  # type: ignore[index]
    assert events[("import-update", "alpha-lab")].key_name == "cli:import"
    assert events[("import-withdraw", "gamma-closed")].before is not None

    again = runner.invoke(cli, ["import", str(directory)])
    assert "Nothing to change." in again.output


def test_import_into_an_empty_database_creates_everything(engine: Engine, tmp_path: Path) -> None:
    directory = tmp_path / "data"
    shutil.copytree(DATA_DIR, directory)
    with Session(engine) as session:
        plan = plan_import(session, read_catalogue(directory))
    assert {c.action for c in plan.changes} == {"create"}
    assert len([c for c in plan.changes if c.entity_type == "offer"]) == len(read_catalogue(DATA_DIR).offers)

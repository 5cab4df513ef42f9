"""The schema comes only from Alembic: migrations apply to an empty database and leave no drift."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from app.services.store.migrations import alembic_config
from tests.conftest import Backend


def test_upgrade_head_leaves_no_drift(backend: Backend) -> None:
    command.check(alembic_config(backend.url))  # raises if autogenerate would emit any operation
    with backend.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), SQLModel.metadata)
    assert diff == []
    assert {"offer", "provider", "taxonomy_term", "catalogue_state"} <= set(inspect(backend.engine).get_table_names())


def test_downgrade_and_upgrade_again(backend: Backend) -> None:
    config = alembic_config(backend.url)
    command.downgrade(config, "base")
    assert "offer" not in inspect(backend.engine).get_table_names()
    command.upgrade(config, "head")
    assert "offer" in inspect(backend.engine).get_table_names()


def test_a_database_holding_a_catalogue_upgrades_across_table_copies(fixture_db: Engine) -> None:
    """SQLite copies a table to alter it; rows that refer to it must survive (foreign keys are paused meanwhile)."""
    url = fixture_db.url.render_as_string(hide_password=False)
    with fixture_db.connect() as connection:
        before = connection.execute(text("SELECT slug, provider_id FROM offer ORDER BY slug")).all()
    assert before
    config = alembic_config(url)
    command.downgrade(config, "0002_demand_clients")  # drops provider.curator_judgement: a copy of provider
    command.upgrade(config, "head")
    with fixture_db.connect() as connection:
        after = connection.execute(text("SELECT slug, provider_id FROM offer ORDER BY slug")).all()
    assert after == before

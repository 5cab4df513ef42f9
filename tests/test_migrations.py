"""The schema comes only from Alembic: migrations apply to an empty database and leave no drift."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from app.services.migrations import alembic_config
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

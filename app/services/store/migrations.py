"""Running the Alembic migrations from code (the CLI, `serve` and the tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from app.config import PROJECT_ROOT, get_settings


def alembic_config(database_url: str | None = None) -> Config:
    """An Alembic config bound to a database URL (default: the configured one)."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    config.attributes["database_url"] = database_url or get_settings().database_url
    return config


def upgrade_database(database_url: str | None = None) -> None:
    """Bring the schema to the newest migration."""
    command.upgrade(alembic_config(database_url), "head")

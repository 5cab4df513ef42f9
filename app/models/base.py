"""Column types and conventions shared by every table (portable between SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator
from sqlalchemy import JSON, Column, DateTime
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import SQLModel

# Named constraints make Alembic migrations reproducible on both backends.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PortableJSON = JSON().with_variant(JSONB(), "postgresql")


def json_column(*, nullable: bool = False) -> Any:
    """A JSON column (JSONB on PostgreSQL). Values are reassigned, never mutated in place."""
    return Column(PortableJSON, nullable=nullable)


def timestamp_column(*, nullable: bool = False, index: bool = False) -> Any:
    """A timezone-aware UTC timestamp column."""
    return Column(DateTime(timezone=True), nullable=nullable, index=index)


def utcnow() -> datetime:
    """The current time in UTC, to the microsecond."""
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite drops the zone on the way back; every timestamp we store is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _iso_8601_only(value: Any) -> Any:
    """Refuse numbers (pydantic would read `0.5` as a Unix timestamp): the API documents ISO 8601 date-times."""
    if isinstance(value, int | float) or (isinstance(value, str) and _NUMBER.fullmatch(value.strip())):
        raise ValueError("Expected ISO 8601 text such as 2026-01-31 or 2026-01-31T09:00:00Z, not a number")
    return value


_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_8601_only)]
"""A date-time given as ISO 8601 text, never as a number."""
IsoDate = Annotated[date, BeforeValidator(_iso_8601_only)]
"""A date given as ISO 8601 text, never as a number."""

"""Tables for write access: API keys (only hashes kept) and the append-only audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String
from sqlmodel import Column, SQLModel
from sqlmodel import Field as SQLField

from app.models.base import json_column, timestamp_column


class ApiKey(SQLModel, table=True):
    """A curator's API key: the secret is shown once; only a salted hash and a lookup prefix are kept."""

    __tablename__ = "api_key"

    id: int | None = SQLField(default=None, primary_key=True)
    name: str = SQLField(sa_column=Column(String(100), nullable=False, unique=True))
    role: str = SQLField(sa_column=Column(String(20), nullable=False))
    prefix: str = SQLField(sa_column=Column(String(16), nullable=False, index=True))
    salt: str = SQLField(sa_column=Column(String(64), nullable=False))
    secret_hash: str = SQLField(sa_column=Column(String(128), nullable=False))
    created_at: datetime = SQLField(sa_column=timestamp_column())
    last_used_at: datetime | None = SQLField(default=None, sa_column=timestamp_column(nullable=True))
    revoked_at: datetime | None = SQLField(default=None, sa_column=timestamp_column(nullable=True))


class AuditEvent(SQLModel, table=True):
    """One write to the catalogue: who (key name), when, what, and the values before and after."""

    __tablename__ = "audit_event"

    id: int | None = SQLField(default=None, primary_key=True)
    occurred_at: datetime = SQLField(sa_column=timestamp_column(index=True))
    key_name: str = SQLField(sa_column=Column(String(100), nullable=False, index=True))
    action: str = SQLField(sa_column=Column(String(40), nullable=False))
    entity_type: str = SQLField(sa_column=Column(String(40), nullable=False))
    entity_slug: str = SQLField(sa_column=Column(String(80), nullable=False, index=True))
    before: dict[str, Any] | None = SQLField(default=None, sa_column=json_column(nullable=True))
    after: dict[str, Any] | None = SQLField(default=None, sa_column=json_column(nullable=True))
    request_id: str | None = SQLField(default=None, sa_column=Column(String(100), nullable=True))
    catalogue_version: int | None = SQLField(default=None, sa_column=Column(Integer, nullable=True))

"""Write access: API keys (only hashes kept) and the append-only audit trail, as tables and as API schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Integer, String
from sqlmodel import Column, SQLModel
from sqlmodel import Field as SQLField

from app.models.base import IsoDateTime, json_column, timestamp_column
from app.models.catalogue import SLUG_PATTERN

Role = Literal["editor", "admin"]
ROLES: tuple[Role, ...] = ("editor", "admin")
"""Key roles, lowest first: a role may do everything the roles before it may do."""
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 ._@-]{0,99}$"
EntityType = Literal["offer", "provider", "need", "taxonomy", "api_key"]


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


class KeyCreate(BaseModel):
    """A new API key: a name saying whose it is, and its role."""

    model_config = {"extra": "forbid"}

    name: str = Field(pattern=NAME_PATTERN, examples=["lahp-curator"], description="Unique; shown in the audit trail.")
    role: Role = Field(examples=["editor"], description="`editor` edits the catalogue; `admin` also manages keys.")


class KeyPublic(BaseModel):
    """An API key as listed: never the secret, which is shown only once at creation."""

    name: str = Field(examples=["lahp-curator"])
    role: Role
    prefix: str = Field(description="The public part of the key (`nav_<prefix>_…`), to tell keys apart.")
    created_at: datetime
    last_used_at: datetime | None = Field(description="To the minute.")
    revoked_at: datetime | None


class KeyList(BaseModel):
    """Every key, by name."""

    items: list[KeyPublic]


class KeyCreated(KeyPublic):
    """A key just created, with its secret. Store it now: it cannot be shown again."""

    key: str = Field(examples=["nav_0123456789ab_" + "x" * 43])


class AuditFilters(BaseModel):
    """Filters of GET /v1/admin/audit; newest first."""

    model_config = ConfigDict(extra="forbid")

    entity_type: EntityType | None = Field(default=None, description="offer, provider, need, taxonomy or api_key.")
    entity_slug: str | None = Field(default=None, pattern=SLUG_PATTERN, max_length=100, examples=["propel-yh"])
    key_name: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._@:-]{0,99}$",
        description="The name of the key that wrote (`cli:import` and `cli:keys` for the command line).",
    )
    action: str | None = Field(default=None, pattern=r"^[a-z][a-z-]{0,39}$", examples=["update"])
    since: IsoDateTime | None = Field(default=None, description="Events at or after this ISO 8601 time.")
    until: IsoDateTime | None = Field(default=None, description="Events before this ISO 8601 time.")
    limit: int = Field(default=50, ge=1, le=200)
    offset: int = Field(default=0, ge=0, le=1_000_000_000, description="Events to skip (a database integer).")


class AuditEventPublic(BaseModel):
    """One write: who, when, what, and the record before and after (in the curated-file form)."""

    id: int
    occurred_at: datetime
    key_name: str = Field(examples=["lahp-curator"])
    action: str = Field(examples=["update"])
    entity_type: str = Field(examples=["offer"])
    entity_slug: str = Field(examples=["propel-yh"])
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str | None
    catalogue_version: int | None = Field(description="The catalogue's write count after this write.")

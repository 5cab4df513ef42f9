"""API schemas of the curators' endpoints (/v1/admin): editable records, new needs, verification, the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.models.base import IsoDateTime
from app.models.catalogue import SLUG_PATTERN, OfferCreate, ProviderCreate, Slug
from app.pagination import PageMeta

EntityType = Literal["offer", "provider", "need", "taxonomy", "api_key"]


class RecordMeta(BaseModel):
    """The bookkeeping of an editable record."""

    version: int = Field(description="Bumped by every change; the ETag is derived from it.", examples=[3])
    etag: str = Field(description="Send it back as If-Match to change the record.", examples=['"offer-propel-yh-v3"'])
    withdrawn_at: datetime | None = Field(description="Set when withdrawn (kept, hidden from the public API).")
    created_at: datetime
    updated_at: datetime


class OfferRecord(RecordMeta):
    """An offer as curators edit it: the curated-file form (`entry`, ready to PUT back) and its bookkeeping."""

    entry: OfferCreate


class ProviderRecord(RecordMeta):
    """A provider as curators edit it: the curated-file form (`entry`) and its bookkeeping."""

    entry: ProviderCreate
    live_offers: list[str] = Field(description="Slugs of its offers that are not withdrawn.")


class NeedCreate(BaseModel):
    """A new child term under one of the nine top-level needs."""

    model_config = {"extra": "forbid"}

    slug: Slug = Field(examples=["software-as-a-medical-device"])
    name: str = Field(min_length=1, max_length=200, examples=["Software as a medical device"])
    parent: Slug = Field(description="A top-level need slug.", examples=["professional-advice"])


class NeedCreated(BaseModel):
    """A need term just added."""

    slug: str
    name: str
    parent: str
    source: str = Field(examples=["curator"])


class Verification(BaseModel):
    """When the record was checked against its source; now if omitted."""

    model_config = ConfigDict(extra="forbid")

    verified_at: IsoDateTime | None = Field(default=None, examples=["2026-11-22T10:00:00Z"])


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


class AuditPage(PageMeta):
    """One page of the audit trail, newest first."""

    items: list[AuditEventPublic]

"""API schemas of the curators' endpoints (/v1/admin): editable records, new needs, verification, the audit trail."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.models.access import AuditEventPublic
from app.models.base import IsoDateTime
from app.models.catalogue import OfferCreate, ProviderCreate, Slug
from app.pagination import PageMeta


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


class AuditPage(PageMeta):
    """One page of the audit trail, newest first."""

    items: list[AuditEventPublic]

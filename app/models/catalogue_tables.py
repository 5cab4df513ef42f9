"""Catalogue tables: providers, offers, taxonomy terms and the version stamp (their API schemas: catalogue.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlmodel import Column, SQLModel
from sqlmodel import Field as SQLField

from app.models.base import json_column, timestamp_column


class CatalogueState(SQLModel, table=True):
    """One row: the catalogue version stamp, changed in the same transaction as every write."""

    __tablename__ = "catalogue_state"

    id: int = SQLField(default=1, primary_key=True)
    version: int = SQLField(default=0, sa_column=Column(Integer, nullable=False))
    stamp: str = SQLField(sa_column=Column(String(64), nullable=False))
    taxonomy_version: str = SQLField(default="", sa_column=Column(String(64), nullable=False))
    updated_at: datetime = SQLField(sa_column=timestamp_column())


class TaxonomyTerm(SQLModel, table=True):
    """A term of one vocabulary (stage, need, sector, organisation type, location, provider kind, TRL)."""

    __tablename__ = "taxonomy_term"
    __table_args__ = (UniqueConstraint("vocabulary", "slug", name="uq_taxonomy_term_vocabulary_slug"),)

    id: int | None = SQLField(default=None, primary_key=True)
    vocabulary: str = SQLField(sa_column=Column(String(40), nullable=False, index=True))
    slug: str = SQLField(sa_column=Column(String(80), nullable=False))
    name: str = SQLField(sa_column=Column(String(200), nullable=False))
    parent_slug: str | None = SQLField(default=None, sa_column=Column(String(80), nullable=True))
    position: int = SQLField(sa_column=Column(Integer, nullable=False))
    attributes: dict[str, Any] = SQLField(default_factory=dict, sa_column=json_column())
    source: str = SQLField(sa_column=Column(String(40), nullable=False))
    created_at: datetime = SQLField(sa_column=timestamp_column())
    updated_at: datetime = SQLField(sa_column=timestamp_column())


class Provider(SQLModel, table=True):
    """An organisation that offers support to innovators."""

    __tablename__ = "provider"

    id: int | None = SQLField(default=None, primary_key=True)
    slug: str = SQLField(sa_column=Column(String(80), nullable=False, unique=True))
    name: str = SQLField(sa_column=Column(String(200), nullable=False))
    kind: str = SQLField(sa_column=Column(String(40), nullable=False))
    description: str = SQLField(sa_column=Column(Text, nullable=False))
    website: str | None = SQLField(default=None, sa_column=Column(String(500), nullable=True))
    base_location: str | None = SQLField(default=None, sa_column=Column(String(80), nullable=True))
    provenance: dict[str, Any] = SQLField(sa_column=json_column())
    curator_judgement: list[str] = SQLField(default_factory=list, sa_column=json_column())
    version: int = SQLField(default=1, sa_column=Column(Integer, nullable=False))
    created_at: datetime = SQLField(sa_column=timestamp_column())
    updated_at: datetime = SQLField(sa_column=timestamp_column(index=True))
    withdrawn_at: datetime | None = SQLField(default=None, sa_column=timestamp_column(nullable=True))


class Offer(SQLModel, table=True):
    """A programme, service, facility, network, fund, advice line or workspace an innovator can approach."""

    __tablename__ = "offer"

    id: int | None = SQLField(default=None, primary_key=True)
    slug: str = SQLField(sa_column=Column(String(80), nullable=False, unique=True))
    provider_id: int = SQLField(sa_column=Column(Integer, ForeignKey("provider.id"), nullable=False, index=True))
    name: str = SQLField(sa_column=Column(String(200), nullable=False))
    summary: str = SQLField(sa_column=Column(String(400), nullable=False))
    description: str = SQLField(sa_column=Column(Text, nullable=False))
    url: str | None = SQLField(default=None, sa_column=Column(String(500), nullable=True))
    contact_route: str | None = SQLField(default=None, sa_column=Column(String(400), nullable=True))
    needs: list[str] = SQLField(sa_column=json_column())
    stages: list[int] = SQLField(sa_column=json_column())
    trl_min: int = SQLField(sa_column=Column(Integer, nullable=False))
    trl_max: int = SQLField(sa_column=Column(Integer, nullable=False))
    trl_from_stages: bool = SQLField(default=True, nullable=False)
    sectors: list[str] = SQLField(sa_column=json_column())
    organisation_types: list[str] = SQLField(sa_column=json_column())
    locations: list[str] = SQLField(sa_column=json_column())
    cost: str = SQLField(sa_column=Column(String(20), nullable=False))
    kind: str = SQLField(sa_column=Column(String(20), nullable=False))
    status: str = SQLField(sa_column=Column(String(20), nullable=False, index=True))
    signposting: bool = SQLField(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))
    restrictions: dict[str, Any] | None = SQLField(default=None, sa_column=json_column(nullable=True))
    application_mode: str = SQLField(sa_column=Column(String(20), nullable=False))
    next_deadline: date | None = SQLField(default=None, nullable=True)
    keywords: list[str] = SQLField(sa_column=json_column())
    provenance: dict[str, Any] = SQLField(sa_column=json_column())
    curator_judgement: list[str] = SQLField(sa_column=json_column())
    last_verified_at: datetime | None = SQLField(default=None, sa_column=timestamp_column(nullable=True))
    version: int = SQLField(default=1, sa_column=Column(Integer, nullable=False))
    created_at: datetime = SQLField(sa_column=timestamp_column())
    updated_at: datetime = SQLField(sa_column=timestamp_column(index=True))
    withdrawn_at: datetime | None = SQLField(default=None, sa_column=timestamp_column(nullable=True))

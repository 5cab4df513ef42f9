"""The anonymous record of match requests, for demand insights (no address, no key, no raw text)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlmodel import Column, SQLModel
from sqlmodel import Field as SQLField

from app.models.base import json_column, timestamp_column


class MatchEvent(SQLModel, table=True):
    """One match request, reduced to its normalised profile and the offers it returned."""

    __tablename__ = "match_event"

    id: int | None = SQLField(default=None, primary_key=True)
    occurred_at: datetime = SQLField(sa_column=timestamp_column(index=True))
    stage: int | None = SQLField(default=None, sa_column=Column(Integer, nullable=True))
    stages: list[int] = SQLField(sa_column=json_column())
    needs: list[str] = SQLField(sa_column=json_column())
    sector: str | None = SQLField(default=None, sa_column=Column(String(80), nullable=True))
    organisation_type: str | None = SQLField(default=None, sa_column=Column(String(80), nullable=True))
    location: str | None = SQLField(default=None, sa_column=Column(String(80), nullable=True))
    keyword_terms: list[str] = SQLField(sa_column=json_column())
    offer_slugs: list[str] = SQLField(sa_column=json_column())
    client_key: str | None = SQLField(
        default=None,
        sa_column=Column(String(16), nullable=True),
        description="The client's pseudonym for that UTC day (app.clients): counts distinct clients, names nobody.",
    )

"""API schemas of the probes and the front door."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app import __version__


class Health(BaseModel):
    """The process is up."""

    status: str = Field(examples=["ok"])
    version: str = Field(examples=[__version__])


class Readiness(BaseModel):
    """The database answers and holds a catalogue."""

    status: str = Field(examples=["ready"])
    database: str = Field(examples=["sqlite"])
    catalogue_version: str = Field(examples=["9c1f0e2a7b3d4c55"])


class Index(BaseModel):
    """Where to go from here."""

    name: str
    version: str
    docs: str
    openapi: str
    endpoints: dict[str, str]

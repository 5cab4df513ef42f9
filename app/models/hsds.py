"""Query schemas of the Open Referral HSDS 3.0 read API (/hsds/): paging, rendition and filters."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from app.models.base import IsoDateTime


class PageQuery(BaseModel):
    """HSDS paging and rendition (unknown HSDS parameters such as `postcode` are accepted and ignored)."""

    search: str | None = Field(default=None, max_length=200, description="Full text search.")
    page: int = Field(default=1, ge=1, description="Page number, from 1.")
    per_page: int = Field(default=50, ge=1, le=1000, description="Results per page.")
    format: Literal["json", "ndjson"] = Field(
        default="json", description="`ndjson` streams every result, one per line, without pagination."
    )


class ServiceQuery(PageQuery):
    """Filters of GET /hsds/services."""

    taxonomy_term_id: str | None = Field(
        default=None, description="Services linked to this term or a narrower one (comma-separated ids: any)."
    )
    taxonomy_id: str | None = Field(default=None, description="Services with any term of this taxonomy.")
    organization_id: str | None = Field(default=None, description="Services of this organization.")
    modified_after: IsoDateTime | None = Field(default=None, description="Services modified on or after this time.")
    full: bool = Field(default=False, description="Fully nested services (attributes, service areas, costs).")


class OrganizationQuery(PageQuery):
    """Options of GET /hsds/organizations."""

    full: bool = Field(default=False, description="Fully nested organizations with their services.")
    full_service: bool = Field(default=False, description="With `full`, nest each service fully.")


class TermQuery(PageQuery):
    """Filters of GET /hsds/taxonomy_terms."""

    taxonomy_id: str | None = Field(default=None, description="Terms of this taxonomy.")
    top_only: bool = Field(default=False, description="Only top-level terms (those without a parent).")
    parent_id: str | None = Field(default=None, description="Only the children of this term.")

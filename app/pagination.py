"""Limit/offset pages with a total, `links` in the body and an RFC 8288 Link header."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from fastapi import Request, Response
from pydantic import BaseModel, Field

Item = TypeVar("Item")


class PageLinks(BaseModel):
    """Links to this page and its neighbours (absent at the ends)."""

    self: str
    first: str
    last: str
    next: str | None = None
    prev: str | None = None


class PageMeta(BaseModel):
    """Where a page sits in the whole result."""

    total: int = Field(description="How many items match, over all pages.", examples=[42])
    limit: int = Field(examples=[20])
    offset: int = Field(examples=[0])
    links: PageLinks


def _url(request: Request, offset: int, limit: int) -> str:
    return str(request.url.include_query_params(offset=offset, limit=limit))


def paginate(
    request: Request, response: Response, items: Sequence[Item], *, limit: int, offset: int
) -> tuple[list[Item], PageMeta]:
    """Slice one page, and set the Link header pointing to first, prev, next and last."""
    meta = page_meta(request, response, total=len(items), limit=limit, offset=offset)
    return list(items[offset : offset + limit]), meta


def page_meta(request: Request, response: Response, *, total: int, limit: int, offset: int) -> PageMeta:
    """The page's place in the whole result (counted by the caller, e.g. in SQL), with the Link header set."""
    last_offset = max(0, ((total - 1) // limit) * limit) if total else 0
    links = PageLinks(
        self=_url(request, offset, limit),
        first=_url(request, 0, limit),
        last=_url(request, last_offset, limit),
        next=_url(request, offset + limit, limit) if offset + limit < total else None,
        prev=_url(request, max(0, offset - limit), limit) if offset > 0 else None,
    )
    header = [f'<{url}>; rel="{rel}"' for rel, url in links.model_dump(exclude={"self"}).items() if url]
    response.headers["Link"] = ", ".join(header)
    response.headers["X-Total-Count"] = str(total)
    return PageMeta(total=total, limit=limit, offset=offset, links=links)

"""Limit/offset pages with a total, `links` in the body and an RFC 8288 Link header."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar
from urllib.parse import parse_qsl, urlencode

from fastapi import Request, Response
from pydantic import BaseModel, Field

Item = TypeVar("Item")

MAX_OFFSET = 1_000_000_000
"""The largest offset a list accepts: far past any catalogue, and a 64-bit integer in every JSON encoder."""


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


def _page_url(request: Request) -> Callable[[int, int], str]:
    """The request's URL with offset and limit replaced, as Starlette's include_query_params writes it, with the
    rest of the query parsed and encoded once for all the links of a page."""
    url = request.url
    kept = urlencode([(k, v) for k, v in parse_qsl(url.query, keep_blank_values=True) if k not in ("offset", "limit")])
    root = str(url.replace(query="")).rstrip("?") + "?" + (kept + "&" if kept else "")

    def at(offset: int, limit: int) -> str:
        return f"{root}offset={offset}&limit={limit}"

    return at


def paginate(
    request: Request, response: Response, items: Sequence[Item], *, limit: int, offset: int
) -> tuple[list[Item], PageMeta]:
    """Slice one page, and set the Link header pointing to first, prev, next and last."""
    meta = page_meta(request, response, total=len(items), limit=limit, offset=offset)
    return list(items[offset : offset + limit]), meta


def page_meta(request: Request, response: Response, *, total: int, limit: int, offset: int) -> PageMeta:
    """The page's place in the whole result (counted by the caller, e.g. in SQL), with the Link header set."""
    last_offset = max(0, ((total - 1) // limit) * limit) if total else 0
    url = _page_url(request)
    links = PageLinks(
        self=url(offset, limit),
        first=url(0, limit),
        last=url(last_offset, limit),
        next=url(offset + limit, limit) if offset + limit < total else None,
        prev=url(max(0, offset - limit), limit) if offset > 0 else None,
    )
    header = [f'<{url}>; rel="{rel}"' for rel, url in links.model_dump(exclude={"self"}).items() if url]
    response.headers["Link"] = ", ".join(header)
    response.headers["X-Total-Count"] = str(total)
    return PageMeta(total=total, limit=limit, offset=offset, links=links)

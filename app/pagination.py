"""Limit/offset pages with a total, `links` in the body and an RFC 8288 Link header."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
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


_CANONICAL_QUERY = re.compile(r"[A-Za-z0-9_.~-]+=[A-Za-z0-9_.~-]*(?:&[A-Za-z0-9_.~-]+=[A-Za-z0-9_.~-]*)*")
"""A query string that parse_qsl and urlencode give back unchanged: name=value pairs of characters neither escapes."""


def kept_query(query: str) -> str:
    """The query without its offset and limit, encoded as urlencode(parse_qsl(...)) writes it. A query already in
    that form (the usual `need=professional-advice&stage=5`) is split as it is, without decoding and encoding it."""
    if _CANONICAL_QUERY.fullmatch(query):
        return "&".join(pair for pair in query.split("&") if pair.partition("=")[0] not in ("offset", "limit"))
    return urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in ("offset", "limit")])


def _page_url(request: Request) -> Callable[[int, int], str]:
    """The request's URL with offset and limit replaced, as Starlette's include_query_params writes it, with the
    rest of the query parsed and encoded once for all the links of a page."""
    url = request.url
    kept = kept_query(url.query)
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
    fields = page_fields(request, response, total=total, limit=limit, offset=offset)
    return PageMeta(total=total, limit=limit, offset=offset, links=PageLinks(**fields["links"]))


def page_fields(request: Request, response: Response, *, total: int, limit: int, offset: int) -> dict[str, Any]:
    """page_meta's answer as the JSON it dumps to (the same keys in the same order), without building the models:
    for the offers listing, which splices it into its page. Sets the Link and X-Total-Count headers."""
    last_offset = max(0, ((total - 1) // limit) * limit) if total else 0
    url = _page_url(request)
    links = {
        "self": url(offset, limit),
        "first": url(0, limit),
        "last": url(last_offset, limit),
        "next": url(offset + limit, limit) if offset + limit < total else None,
        "prev": url(max(0, offset - limit), limit) if offset > 0 else None,
    }
    header = [f'<{link}>; rel="{rel}"' for rel, link in links.items() if link and rel != "self"]
    response.headers["Link"] = ", ".join(header)
    response.headers["X-Total-Count"] = str(total)
    return {"total": total, "limit": limit, "offset": offset, "links": links}

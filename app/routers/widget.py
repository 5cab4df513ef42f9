"""The embeddable navigator widget: its script, and the demo and documentation page."""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request, Response

from app.conditional import NOT_MODIFIED, cached_response
from app.errors import problem_responses

router = APIRouter(prefix="/widget", tags=["widget"], responses=problem_responses(500))

SCRIPT_MEDIA_TYPE = "application/javascript; charset=utf-8"
# Partners load the script on every page view; five minutes fresh, then revalidated cheaply with the ETag.
SCRIPT_CACHE = "public, max-age=300, stale-while-revalidate=86400"
PAGE_CACHE = "public, no-cache"
API_BASE_PLACEHOLDER = "__API_BASE__"


@cache
def widget_file(name: str) -> bytes:
    """A file shipped in the app.widget package, read once per process."""
    return resources.files("app.widget").joinpath(name).read_bytes()


def _shipped_file(path: str, file: str, media_type: str, *, name: str, summary: str, doc: str, what: str) -> None:
    """Serve one file of the app.widget package as it is: a strong ETag of its bytes, SCRIPT_CACHE, 304."""

    def endpoint(request: Request) -> Response:
        return cached_response(request, widget_file(file), media_type, SCRIPT_CACHE)

    responses: dict[int | str, dict[str, Any]] = {200: {"content": {media_type: {}}, "description": what}}
    router.add_api_route(
        path,
        endpoint,
        methods=["GET"],
        name=name,
        summary=summary,
        description=doc,
        response_class=Response,
        responses={**responses, **NOT_MODIFIED},
    )


TYPES_MEDIA_TYPE = "application/typescript; charset=utf-8"

# Declared in this order, so the OpenAPI document lists them so.
_shipped_file(
    "/navigator.js",
    "navigator.js",
    SCRIPT_MEDIA_TYPE,
    name="navigator_script",
    summary="The widget script",
    doc="The `<support-navigator>` custom element: one dependency-free script for partner pages (see /widget/).",
    what="The widget script.",
)
_shipped_file(
    "/favicon.svg",
    "favicon.svg",
    "image/svg+xml",
    name="widget_icon",
    summary="The demo page's icon",
    doc="The demo page's icon (an SVG), so the page asks for nothing that is missing.",
    what="The demo page's icon.",
)


@router.get(
    "/",
    summary="The widget's demo page",
    response_class=Response,
    responses={200: {"content": {"text/html": {}}, "description": "The demo page."}, **NOT_MODIFIED},
)
def widget_page(request: Request) -> Response:
    """The widget's demo and documentation: the embed snippet for this server, a live demo, a theming example."""
    api_base = html.escape(str(request.base_url).rstrip("/"), quote=True)
    page = widget_file("index.html").decode("utf-8").replace(API_BASE_PLACEHOLDER, api_base)
    return cached_response(request, page.encode("utf-8"), "text/html; charset=utf-8", PAGE_CACHE)


_shipped_file(
    "/navigator.d.ts",
    "navigator.d.ts",
    TYPES_MEDIA_TYPE,
    name="navigator_types",
    summary="TypeScript declarations of the widget",
    doc="TypeScript declarations of `<support-navigator>`: its attributes, properties and the results event.",
    what="The declarations.",
)
_shipped_file(
    "/api.d.ts",
    "api.d.ts",
    TYPES_MEDIA_TYPE,
    name="api_types",
    summary="TypeScript declarations of the API's JSON",
    doc="TypeScript declarations of every request and answer of this API, generated from its OpenAPI document.",
    what="The declarations.",
)

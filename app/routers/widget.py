"""The embeddable navigator widget: its script, and the demo and documentation page."""

from __future__ import annotations

import html
from functools import cache
from importlib import resources

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


@router.get(
    "/navigator.js",
    summary="The widget script",
    response_class=Response,
    responses={200: {"content": {SCRIPT_MEDIA_TYPE: {}}, "description": "The widget script."}, **NOT_MODIFIED},
)
def navigator_script(request: Request) -> Response:
    """The `<support-navigator>` custom element: one dependency-free script for partner pages (see /widget/)."""
    return cached_response(request, widget_file("navigator.js"), SCRIPT_MEDIA_TYPE, SCRIPT_CACHE)


@router.get(
    "/favicon.svg",
    summary="The demo page's icon",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}, "description": "The demo page's icon."}, **NOT_MODIFIED},
)
def widget_icon(request: Request) -> Response:
    """The demo page's icon (an SVG), so the page asks for nothing that is missing."""
    return cached_response(request, widget_file("favicon.svg"), "image/svg+xml", SCRIPT_CACHE)


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


TYPES_MEDIA_TYPE = "application/typescript; charset=utf-8"


@router.get(
    "/navigator.d.ts",
    summary="TypeScript declarations of the widget",
    response_class=Response,
    responses={200: {"content": {TYPES_MEDIA_TYPE: {}}, "description": "The declarations."}, **NOT_MODIFIED},
)
def navigator_types(request: Request) -> Response:
    """TypeScript declarations of `<support-navigator>`: its attributes, properties and the results event."""
    return cached_response(request, widget_file("navigator.d.ts"), TYPES_MEDIA_TYPE, SCRIPT_CACHE)


@router.get(
    "/api.d.ts",
    summary="TypeScript declarations of the API's JSON",
    response_class=Response,
    responses={200: {"content": {TYPES_MEDIA_TYPE: {}}, "description": "The declarations."}, **NOT_MODIFIED},
)
def api_types(request: Request) -> Response:
    """TypeScript declarations of every request and answer of this API, generated from its OpenAPI document."""
    return cached_response(request, widget_file("api.d.ts"), TYPES_MEDIA_TYPE, SCRIPT_CACHE)

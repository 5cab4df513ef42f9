"""Documentation that works offline: Swagger UI, ReDoc, their assets, the favicon and the problem type pages."""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response

from app.conditional import NOT_MODIFIED, cached_response
from app.errors import NotFound, ProblemPage, problem_pages, problem_responses
from app.renditions import accept_entries

router = APIRouter(tags=["docs"], responses=problem_responses(500))

# Swagger UI and ReDoc come pinned in the fastapi-offline wheel (see pyproject.toml); our own start-up script
# lives in app/static. Nothing is fetched from another host, so /docs and /redoc work without internet access.
ASSETS: dict[str, tuple[str, str]] = {
    "swagger-ui-bundle.js": ("fastapi_offline", "static/swagger-ui-bundle.js"),
    "swagger-ui.css": ("fastapi_offline", "static/swagger-ui.css"),
    "redoc.standalone.js": ("fastapi_offline", "static/redoc.standalone.js"),
    "favicon.png": ("fastapi_offline", "static/favicon.png"),
    "swagger-init.js": ("app.static", "swagger-init.js"),
}
MEDIA_TYPES = {".js": "application/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png"}
ASSET_CACHE = "public, max-age=86400"
PAGE_CACHE = "public, no-cache"
ASSET_PREFIX = "/static/docs/"
# Exactly what each page uses: its own scripts and styles, the OpenAPI document, and icons inlined as data: URIs.
# Swagger UI sets styles from script, ReDoc (styled-components) inserts <style> elements, hence 'unsafe-inline'
# for styles only; no script runs inline and nothing leaves this origin.
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
REDOC_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self' data:; worker-src blob:; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'none'"
)
PROBLEM_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


# ReDoc's footer shows a logo from its vendor's CDN; an empty inline image stands in, so nothing leaves the origin.
PATCHES: dict[str, tuple[tuple[bytes, bytes], ...]] = {
    "redoc.standalone.js": (
        (
            b'src:"https://cdn.redoc.ly/redoc/logo-mini.svg"',
            b'src:"data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27/%3E"',
        ),
    ),
}


@cache
def asset(name: str) -> bytes:
    """One documentation asset, read once per process (with the outside references in PATCHES replaced)."""
    package, path = ASSETS[name]
    content = resources.files(package).joinpath(path).read_bytes()
    for old, new in PATCHES.get(name, ()):
        content = content.replace(old, new)
    return content


def _html_page(request: Request, page: bytes, csp: str) -> Response:
    """An HTML page under its own Content-Security-Policy, revalidated on every use."""
    return cached_response(request, page, "text/html; charset=utf-8", PAGE_CACHE, {"Content-Security-Policy": csp})


def _root(request: Request) -> str:
    return html.escape(str(request.scope.get("root_path", "")), quote=True)


SWAGGER_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Support Navigator API: Swagger UI</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/png" href="{root}/static/docs/favicon.png">
<link rel="stylesheet" href="{root}/static/docs/swagger-ui.css"></head>
<body><div id="swagger-ui" data-openapi-url="{root}/openapi.json"></div>
<script src="{root}/static/docs/swagger-ui-bundle.js"></script>
<script src="{root}/static/docs/swagger-init.js"></script>
</body></html>
"""

REDOC_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Support Navigator API: ReDoc</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/png" href="{root}/static/docs/favicon.png"></head>
<body><redoc spec-url="{root}/openapi.json"></redoc>
<script src="{root}/static/docs/redoc.standalone.js"></script>
</body></html>
"""


@router.get("/docs", include_in_schema=False)
def swagger_ui(request: Request) -> Response:
    """Interactive documentation (Swagger UI), served entirely from this origin."""
    page = SWAGGER_PAGE.format(root=_root(request)).encode()
    return _html_page(request, page, DOCS_CSP)


@router.get("/redoc", include_in_schema=False)
def redoc(request: Request) -> Response:
    """Reference documentation (ReDoc), served entirely from this origin."""
    page = REDOC_PAGE.format(root=_root(request)).encode()
    return _html_page(request, page, REDOC_CSP)


@router.get(ASSET_PREFIX + "{name}", include_in_schema=False)
def docs_asset(name: str, request: Request) -> Response:
    """A Swagger UI or ReDoc file, or the favicon."""
    if name not in ASSETS:
        raise NotFound(f"There is no documentation asset '{name}'.")
    suffix = name[name.rfind(".") :]
    return cached_response(request, asset(name), MEDIA_TYPES[suffix], ASSET_CACHE)


@router.get("/favicon.ico", include_in_schema=False)
def favicon(request: Request) -> Response:
    """The icon browsers ask for."""
    return cached_response(request, asset("favicon.png"), "image/png", ASSET_CACHE)


# ---- problem types ------------------------------------------------------------------------------------------

ProblemSlug = Annotated[
    str, Path(description="The end of the problem's `type`.", json_schema_extra={"enum": sorted(problem_pages())})
]
PAGES_EXAMPLE = problem_pages()["validation-error"].model_dump()


def _wants_json(request: Request) -> bool:
    """JSON when the Accept header ranks a JSON type above HTML; HTML otherwise (a browser following the link)."""
    best: dict[str, float] = {"html": -1.0, "json": -1.0}
    for media, quality in accept_entries(request.headers.get("accept", "")):
        kind = "json" if media.endswith(("/json", "+json")) else "html" if media in ("text/html", "text/*") else ""
        if kind:
            best[kind] = max(best[kind], quality)
    return best["json"] > 0 and best["json"] > best["html"]


def _problem_html(page: ProblemPage) -> str:
    e = html.escape
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{e(page.title)} ({page.status})</title></head>
<body><main><h1>{e(page.title)}</h1>
<p>HTTP status {page.status}. Problem type <code>{e(page.type)}</code>.</p>
<h2>What it means</h2><p>{e(page.meaning)}</p>
<h2>What to do</h2><p>{e(page.what_to_do)}</p>
<p><a href="/problems">Every problem type</a> · <a href="/docs">API documentation</a></p>
</main></body></html>
"""


PAGE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The page: HTML for a browser, JSON when the Accept header asks for it.",
        "content": {"text/html": {"schema": {"type": "string"}, "example": "<!doctype html>…"}},
    },
    **NOT_MODIFIED,
}


@router.get(
    "/problems",
    summary="List the problem types",
    response_model=list[ProblemPage],
    responses={
        **PAGE_RESPONSES,
        200: {
            **PAGE_RESPONSES[200],
            "content": {"application/json": {"example": [PAGES_EXAMPLE]}, **PAGE_RESPONSES[200]["content"]},
        },
    },
)
def list_problem_types(request: Request) -> Response:
    """Every problem `type` the API sends in an RFC 9457 error body, with what it means and what to do."""
    pages = list(problem_pages().values())
    if _wants_json(request):
        body = ("[" + ",".join(p.model_dump_json() for p in pages) + "]").encode()
        return cached_response(request, body, "application/json", PAGE_CACHE)
    items = "".join(
        f'<li><a href="{html.escape(p.type)}">{html.escape(p.title)}</a> ({p.status}): {html.escape(p.meaning)}</li>'
        for p in pages
    )
    page = (
        '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>Problem types</title></head>'
        f"<body><main><h1>Problem types</h1><p>Every error body's <code>type</code> links here.</p><ul>{items}</ul>"
        "</main></body></html>\n"
    )
    return _html_page(request, page.encode(), PROBLEM_CSP)


@router.get(
    "/problems/{slug}",
    summary="Explain one problem type",
    response_model=ProblemPage,
    responses={
        **PAGE_RESPONSES,
        200: {
            **PAGE_RESPONSES[200],
            "content": {"application/json": {"example": PAGES_EXAMPLE}, **PAGE_RESPONSES[200]["content"]},
        },
        **problem_responses(404, 422),
    },
)
def get_problem_type(slug: ProblemSlug, request: Request) -> Response:
    """What one problem `type` means and what to do about it: HTML by default, JSON when Accept asks for it."""
    page = problem_pages().get(slug)
    if page is None:
        raise NotFound(f"There is no problem type '{slug}'. See /problems.")
    if _wants_json(request):
        return cached_response(request, page.model_dump_json().encode(), "application/json", PAGE_CACHE)
    return _html_page(request, _problem_html(page).encode(), PROBLEM_CSP)

"""/docs and /redoc in a real browser: everything from the API's own origin, the operations shown, no CSP breach."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
import pytest
from conftest import RESULTS_DIR, ApiServer, Tab

pytestmark = pytest.mark.browser


def _foreign(tab: Tab, origin: str) -> list[str]:
    return [url for url in tab.requests if not url.startswith((origin, "data:", "blob:"))]


def test_swagger_ui_shows_every_operation_from_this_origin_only(api_server: ApiServer, tab: Tab) -> None:
    operations = httpx.get(f"{api_server.origin}/openapi.json", timeout=60).json()["paths"]  # a bound, not a speed test
    expected = sum(1 for item in operations.values() for method in item if method != "parameters")
    page = tab.page
    page.goto(f"{api_server.origin}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    shown = page.locator(".opblock").count()
    paths = set(page.locator(".opblock-summary-path").evaluate_all("els => els.map(e => e.dataset.path)"))
    page.screenshot(path=str(RESULTS_DIR / "docs.png"))
    assert shown == expected, f"Swagger UI shows {shown} operations, the document has {expected}"
    assert "/v1/match" in paths and "/v1/offers/{slug}" in paths
    assert _foreign(tab, api_server.origin) == []
    assert not [p for p in tab.problems if "Content Security Policy" in p or "Refused" in p], tab.problems
    assert page.locator("text=Match a profile to ranked offers").count() >= 1


def test_redoc_renders_the_reference_from_this_origin_only(api_server: ApiServer, tab: Tab) -> None:
    page = tab.page
    page.goto(f"{api_server.origin}/redoc")
    page.wait_for_selector("h1", timeout=20_000)
    page.wait_for_selector("h2:has-text('Match a profile to ranked offers')", timeout=20_000)
    page.screenshot(path=str(RESULTS_DIR / "redoc.png"))
    assert "Support Navigator" in page.locator("h1").first.inner_text()
    assert _foreign(tab, api_server.origin) == []
    assert not [p for p in tab.problems if "Content Security Policy" in p or "Refused" in p], tab.problems


def test_problem_type_link_opens_a_page_that_explains_it(api_server: ApiServer, tab: Tab) -> None:
    problem = httpx.get(f"{api_server.origin}/v1/offers?need=not-a-need", timeout=60).json()
    page = tab.page
    page.goto(api_server.origin + problem["type"])
    assert page.locator("h1").inner_text() == problem["title"]
    assert page.locator("text=What to do").count() == 1
    assert urlsplit(page.url).path == "/problems/validation-error"
    assert tab.problems == []

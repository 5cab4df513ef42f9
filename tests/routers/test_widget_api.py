"""The widget's script and demo page as HTTP resources, and the cacheable, CORS-open vocabulary it starts from."""

from __future__ import annotations

import gzip
import re

import pytest
from fastapi.testclient import TestClient

from app.routers.widget import widget_file

PARTNER = "https://www.partner.example"
SIZE_BUDGET = 30 * 1024


def test_the_script_stays_under_its_size_budget() -> None:
    # What partners download: the script gzipped, as browsers fetch it.
    assert len(gzip.compress(widget_file("navigator.js"), compresslevel=9)) < SIZE_BUDGET


def test_the_demo_page_has_an_icon(client: TestClient) -> None:
    assert '<link rel="icon" href="favicon.svg" type="image/svg+xml">' in client.get("/widget/").text
    icon = client.get("/widget/favicon.svg")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.content.startswith(b"<svg") and icon.headers["etag"]


def test_the_script_treats_api_text_as_untrusted_and_calls_nothing_else() -> None:
    script = widget_file("navigator.js").decode()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "eval(" not in script
    assert re.findall(r"https?://[\w.-]+", script) == [], "the widget must not name any other host"
    assert script.count("fetch(") == 1, "one place talks to the network, always to api-base"
    assert 'rel: "noopener noreferrer"' in script


def test_script_is_served_cacheable_and_cross_origin(client: TestClient) -> None:
    response = client.get("/widget/navigator.js", headers={"Origin": PARTNER})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/javascript; charset=utf-8"
    assert response.content == widget_file("navigator.js")
    assert response.headers["cache-control"].startswith("public, max-age=")
    assert response.headers["cross-origin-resource-policy"] == "cross-origin"
    assert response.headers["access-control-allow-origin"] in {"*", PARTNER}
    etag = response.headers["etag"]
    again = client.get("/widget/navigator.js", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["etag"] == etag and again.content == b""


def test_demo_page_shows_the_snippet_for_this_server(client: TestClient) -> None:
    response = client.get("/widget/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = response.text
    assert "__API_BASE__" not in page
    assert '&lt;script src="http://testserver/widget/navigator.js" defer&gt;&lt;/script&gt;' in page
    assert '<support-navigator api-base="http://testserver"></support-navigator>' in page
    assert "--sn-accent" in page and 'slot="strings"' in page
    assert client.get("/widget/", headers={"If-None-Match": response.headers["etag"]}).status_code == 304


def test_demo_page_escapes_the_host_it_was_asked_for(client: TestClient) -> None:
    page = client.get("/widget/", headers={"Host": 'evil"><script>x</script>'}).text
    assert "<script>x</script>" not in page


@pytest.mark.parametrize("path", ["/v1/stages", "/v1/needs", "/v1/sectors", "/v1/organisation-types", "/v1/locations"])
def test_taxonomy_the_widget_starts_from_is_cacheable_across_origins(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"Origin": PARTNER})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] in {"*", PARTNER}
    assert "etag" in response.headers["access-control-expose-headers"].lower()
    cache_control = response.headers["cache-control"]
    assert "public" in cache_control and "max-age=" in cache_control
    revalidated = client.get(path, headers={"Origin": PARTNER, "If-None-Match": response.headers["etag"]})
    assert revalidated.status_code == 304


def test_openapi_lists_the_widget(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    script = paths["/widget/navigator.js"]["get"]["responses"]["200"]["content"]
    assert "application/javascript; charset=utf-8" in script
    assert "text/html" in paths["/widget/"]["get"]["responses"]["200"]["content"]

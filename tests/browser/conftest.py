"""Browser harness: a live API server, a partner page on another origin, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from app.config import PROJECT_ROOT

REQUIRE_BROWSER = os.environ.get("NAVIGATOR_REQUIRE_BROWSER") == "1"
CHROMIUM = os.environ.get("NAVIGATOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RESULTS_DIR = PROJECT_ROOT / "test-results"
WAIT_MS = 20_000  # an upper bound for the browser to settle, not a speed assertion


def _missing_browser() -> str | None:
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"Playwright or axe-playwright-python is not installed ({exc}); pip install -e '.[dev]'"
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        return f"Chromium is not at {CHROMIUM}; apt-get install chromium (or set NAVIGATOR_CHROMIUM)"
    return None


def require_browser() -> None:
    """Skip with the reason when the browser is missing, or fail when NAVIGATOR_REQUIRE_BROWSER=1."""
    reason = _missing_browser()
    if reason is None:
        return
    if REQUIRE_BROWSER:
        pytest.fail(reason + " (NAVIGATOR_REQUIRE_BROWSER=1 makes this a failure)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class ApiServer:
    """`navigator serve` in a subprocess on a fixed port; stop and start it again to test the widget's recovery."""

    port: int
    env: dict[str, str]
    log: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [sys.executable, "-c", "from app.cli import main; main()", "serve", "--port", str(self.port)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the API server exited: {self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.origin}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the API server did not become ready: {self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    def match(self, **params: Any) -> list[str]:
        """Offer slugs in rank order, straight from the API, to compare with what the widget shows."""
        response = httpx.get(f"{self.origin}/v1/match", params=params, timeout=10)
        response.raise_for_status()
        return [item["offer"]["slug"] for item in response.json()["results"]]

    def match_body(self, **params: Any) -> dict[str, Any]:
        """The whole match answer, straight from the API."""
        response = httpx.get(f"{self.origin}/v1/match", params=params, timeout=10)
        response.raise_for_status()
        body: dict[str, Any] = response.json()
        return body

    def intake(self, **payload: Any) -> dict[str, Any] | None:
        """POST /v1/intake straight from the API (None when this build has no guided intake)."""
        response = httpx.post(f"{self.origin}/v1/intake", json=payload, timeout=10)
        if response.status_code == 404:
            return None
        response.raise_for_status()
        body: dict[str, Any] = response.json()
        return body

    def questions(self) -> list[dict[str, Any]] | None:
        """GET /v1/intake's questions (None when this build has no guided intake)."""
        response = httpx.get(f"{self.origin}/v1/intake", timeout=10)
        if response.status_code == 404:
            return None
        response.raise_for_status()
        questions: list[dict[str, Any]] = response.json()["questions"]
        return questions

    def pathway(self, **params: Any) -> list[dict[str, Any]]:
        """The route's stages, straight from the API."""
        response = httpx.get(f"{self.origin}/v1/pathway", params=params, timeout=10)
        response.raise_for_status()
        stages: list[dict[str, Any]] = response.json()["stages"]
        return stages


@dataclass
class HostServer:
    """A plain partner page on another origin (another port is another origin), with a strict CSP of its own."""

    port: int
    pages: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    server: ThreadingHTTPServer | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def serve(self) -> None:
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                if path not in pages:
                    self.send_error(404)
                    return
                body, headers = pages[path]
                content = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(content)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def shutdown(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def snippet_from_demo_page(api_origin: str) -> str:
    """The embed snippet exactly as the /widget/ page shows it to partners."""
    page = httpx.get(f"{api_origin}/widget/", timeout=10).text
    found = re.search(r'<code id="snippet">(.*?)</code>', page, re.S)
    assert found, "the demo page shows no embed snippet"
    return html.unescape(found.group(1))


def partner_page(snippet: str) -> str:
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>A partner's page</title></head>
<body><header><a href="#main">Skip to the navigator</a></header>
<main id="main"><h1>Find health innovation support</h1>
{snippet}
</main></body></html>"""


@pytest.fixture(scope="session")
def api_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiServer]:
    """The real service with the curated catalogue, on a port of its own."""
    require_browser()
    directory = tmp_path_factory.mktemp("api")
    host_port = free_port()
    env = {
        **os.environ,
        "NAVIGATOR_DATABASE_URL": f"sqlite:///{directory / 'navigator.db'}",
        "NAVIGATOR_CORS_ORIGINS": f'["http://127.0.0.1:{host_port}"]',
        "NAVIGATOR_HOST_PORT_FOR_TESTS": str(host_port),
    }
    env.pop("NAVIGATOR_REDIS_URL", None)
    server = ApiServer(port=free_port(), env=env, log=directory / "server.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def host_server(api_server: ApiServer) -> Iterator[HostServer]:
    """The partner's origin: the demo page's snippet pasted into a plain page whose CSP allows only the API."""
    host = HostServer(port=int(api_server.env["NAVIGATOR_HOST_PORT_FOR_TESTS"]))
    csp = f"default-src 'none'; script-src {api_server.origin}; connect-src {api_server.origin}; style-src 'self'"
    host.pages["/"] = (partner_page(snippet_from_demo_page(api_server.origin)), {"Content-Security-Policy": csp})
    host.serve()
    try:
        yield host
    finally:
        host.shutdown()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless; Playwright never downloads a browser here."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Tab:
    """A fresh browser page with every request and console problem it saw."""

    page: Any
    requests: list[str]
    problems: list[str]


@pytest.fixture
def tab(chromium: Any) -> Iterator[Tab]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    seen = Tab(page=page, requests=[], problems=[])
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda message: seen.problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen.problems.append(str(error)))
    try:
        yield seen
    finally:
        context.close()

"""The partner clients: generated from the OpenAPI document and never drifting from it, and working against a
live server (the Python client over real HTTP; the TypeScript declarations compiled with tsc --strict)."""

from __future__ import annotations

import filecmp
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import Engine

from app.config import PROJECT_ROOT
from tests.serving import Server, running_server

CLIENTS = PROJECT_ROOT / "clients"
TYPESCRIPT = CLIENTS / "typescript"
TSC = TYPESCRIPT / "node_modules" / ".bin" / "tsc"
WIDGET = PROJECT_ROOT / "app" / "widget"
pytestmark = pytest.mark.slow


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__", ".ruff_cache"])
    found = [f"only in {comparison.left}: {n}" for n in comparison.left_only]
    found += [f"only in {comparison.right}: {n}" for n in comparison.right_only]
    found += [f"differs: {left / n}" for n in comparison.diff_files]
    for name in comparison.common_dirs:
        found += _differences(left / name, right / name)
    return found


def test_generated_clients_are_current(tmp_path: Path) -> None:
    """`make client` run now changes nothing: the committed clients are what the current document generates."""
    subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "generate_clients.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert (tmp_path / "openapi.json").read_text() == (CLIENTS / "openapi.json").read_text(), "run `make client`"
    assert _differences(CLIENTS / "python", tmp_path / "python") == [], "run `make client`"
    if (tmp_path / "api.d.ts").exists():
        assert (tmp_path / "api.d.ts").read_text() == (WIDGET / "api.d.ts").read_text(), "run `make client`"


def test_the_typescript_declarations_compile_and_name_every_widget_text() -> None:
    script = (WIDGET / "navigator.js").read_text()
    block = script[script.index("const STRINGS = {") : script.index("};", script.index("const STRINGS = {"))]
    keys = set(re.findall(r"^\s+([A-Za-z]+):", block, re.M))
    declared = (WIDGET / "navigator.d.ts").read_text()
    union = declared[declared.index("SupportNavigatorStringKey =") : declared.index(";", declared.index("StringKey ="))]
    assert set(re.findall(r'"([A-Za-z]+)"', union)) == keys
    if not TSC.exists():
        pytest.skip("TypeScript is not installed: npm ci --prefix clients/typescript (make client does it)")
    result = subprocess.run([str(TSC), "-p", str(TYPESCRIPT / "tsconfig.json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def live(fixture_db: Engine, tmp_path: Path) -> Iterator[Server]:
    url = fixture_db.url.render_as_string(hide_password=False)
    with running_server(url, tmp_path, rate_limit_enabled="false") as server:
        yield server


@pytest.fixture
def generated() -> Iterator[Any]:
    sys.path.insert(0, str(CLIENTS / "python"))
    try:
        import support_navigator_client

        yield support_navigator_client
    finally:
        sys.path.remove(str(CLIENTS / "python"))


def test_the_python_client_speaks_to_a_live_server(live: Server, generated: Any) -> None:
    from support_navigator_client import Client
    from support_navigator_client.api.catalogue import get_offer, list_offers
    from support_navigator_client.api.matching import match_post
    from support_navigator_client.api.taxonomy import list_needs
    from support_navigator_client.models import MatchRequest, MatchResponse, OfferPage, Problem

    with Client(base_url=live.url) as client:
        profile = {"stage": 5, "needs": ["regulatory-advice"], "location": "leeds"}
        answer = match_post.sync(client=client, body=MatchRequest.from_dict(profile))
        raw = httpx.post(f"{live.url}/v1/match", json=profile).json()
        assert isinstance(answer, MatchResponse)
        assert [r.offer.slug for r in answer.results] == [r["offer"]["slug"] for r in raw["results"]]
        assert answer.results and answer.results[0].reasons[0].text

        page = list_offers.sync(client=client, need=["professional-advice"], limit=2)
        assert (
            isinstance(page, OfferPage)
            and page.total == httpx.get(f"{live.url}/v1/offers", params={"need": "professional-advice"}).json()["total"]
        )
        assert len(page.items) == min(2, page.total)

        missing = get_offer.sync_detailed(client=client, slug="no-such-offer")
        assert missing.status_code == 404 and isinstance(missing.parsed, Problem)
        assert missing.parsed.type_ == "/problems/not-found"
        needs = list_needs.sync(client=client)
        assert needs is not None and "professional-advice" in [n.slug for n in needs.needs]

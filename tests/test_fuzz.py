"""Schemathesis against the app's own OpenAPI document: every check, valid and invalid data, every operation.

NAVIGATOR_FUZZ_EXAMPLES sets the examples per operation (CI: 50; `make test`: 25). Admin operations are
fuzzed with an admin key, so they get past authentication and their validation is exercised too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from schemathesis import Case
from schemathesis.pytest import from_fixture
from sqlalchemy.engine import Engine

from tests.conftest import make_client
from tests.curators import bearer, issue_key

pytestmark = pytest.mark.slow
EXAMPLES = int(os.environ.get("NAVIGATOR_FUZZ_EXAMPLES", "25"))
CONFIG: dict[str, Any] = {
    # The admin key is added to every request, so Schemathesis must not generate (and expect refusals of) its own.
    "generation": {"mode": "all", "max-examples": EXAMPLES, "with-security-parameters": False},
    "checks": {
        "enabled": True,
        # Slugs (needs, sectors, locations, providers) are data, not schema enums: the vocabulary grows without a
        # new API version, so a schema-valid but unknown slug is rightly a 422 naming the valid values. An unknown
        # offer is 404 and a withdrawn one 410; a stale If-Match is 412.
        "positive_data_acceptance": {"expected-statuses": ["2XX", "3XX", 401, 403, 404, 409, 410, 412, 422, 428, 429]},
        # A missing If-Match is "428 Precondition Required" (RFC 6585), the status made for exactly that. With the
        # server's default settings the fuzzer, one busy client, meets the rate limit first: 429, as documented.
        "missing_required_header": {"expected-statuses": [400, 401, 403, 406, 415, 422, 428, 429]},
    },
    "phases": {"stateful": {"enabled": True}},
    "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large"],
}


RATE_LIMITS_OFF = "rate-limits-off"


@pytest.fixture(params=["default-settings", RATE_LIMITS_OFF])
def fuzz_client(
    fixture_db: Engine, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[tuple[TestClient, str, str]]:
    """The app over the hand-made catalogue with an admin key: once as the server starts by default (the fuzzer,
    one busy client, soon meets the documented 429s), once with rate limits off (every request reaches a route)."""
    key = issue_key(fixture_db, "fuzzer", "admin")
    env = {"rate_limit_enabled": "false"} if request.param == RATE_LIMITS_OFF else {}
    with make_client(fixture_db, monkeypatch, **env) as client:
        yield client, key, request.param


@pytest.fixture
def api_schema(fuzz_client: tuple[TestClient, str, str]) -> schemathesis.BaseSchema:
    client, _, settings = fuzz_client
    config = CONFIG
    if settings != RATE_LIMITS_OFF:
        # The rate limit comes before authentication (it guards the key check too), so with the default limits the
        # request Schemathesis sends without the key may rightly meet a 429 first; the run with rate limits off
        # holds every operation to "401 or 403 without a key".
        config = {**CONFIG, "checks": {**CONFIG["checks"], "ignored_auth": {"enabled": False}}}
    return schemathesis.openapi.from_asgi("/openapi.json", client.app, config=schemathesis.Config.from_dict(config))


schema = from_fixture("api_schema")


@pytest.fixture(autouse=True)
def _node_id_for_schemathesis(request: pytest.FixtureRequest) -> None:
    """Schemathesis 4.32 reads `node._nodeid`, which pytest 9 no longer keeps; give it the node id it expects."""
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


@schema.parametrize()
def test_every_operation_holds_its_openapi_contract(case: Case, fuzz_client: tuple[TestClient, str, str]) -> None:
    _, key, _ = fuzz_client
    case.call_and_validate(headers=bearer(key))

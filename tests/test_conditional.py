"""The one conditional-request module: If-None-Match is parsed one way for every resource, If-Match for records."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.conditional import (
    check_precondition,
    entity_etag,
    none_match,
    parse_if_match,
    strong_etag,
)
from app.errors import BadRequest, PreconditionFailed, PreconditionRequired

ETAG = strong_etag(b"content")


@pytest.mark.parametrize(
    ("header", "matches"),
    [
        (None, False),
        ("", False),
        (ETAG, True),
        (f"W/{ETAG}", True),  # If-None-Match compares weakly (RFC 9110 13.1.2)
        (f'"other", {ETAG}', True),
        ('"other"', False),
        (" * ", True),
        (ETAG[:-2] + '"', False),
    ],
)
def test_if_none_match_is_read_one_way(header: str | None, matches: bool) -> None:
    assert none_match(header, ETAG) is matches


def test_strong_etags_are_quoted_and_differ_by_content() -> None:
    assert ETAG.startswith('"') and ETAG.endswith('"') and len(ETAG) == 34
    assert strong_etag(b"other") != ETAG


def test_catalogue_reads_and_files_answer_304_the_same_way(client: TestClient) -> None:
    """A catalogue read (version stamp) and a file (its bytes) both honour the list form and the weak prefix."""
    for path in ("/v1/needs", "/widget/navigator.js", "/problems"):
        etag = client.get(path).headers["etag"]
        for header in (etag, f"W/{etag}", f'"stale", {etag}', "*"):
            answer = client.get(path, headers={"If-None-Match": header})
            assert answer.status_code == 304, (path, header)
            assert answer.headers["etag"] == etag
        assert client.get(path, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_if_match_names_versions_of_this_record_only() -> None:
    header = f'{entity_etag("offer", "alpha", 3)}, W/{entity_etag("offer", "alpha", 4)}, "provider-alpha-v5"'
    precondition = parse_if_match(header, "offer", "alpha")
    assert precondition.versions == frozenset({3})  # weak tags and other records' tags never match
    check_precondition(precondition, "offer", "alpha", 3)
    with pytest.raises(PreconditionFailed) as stale:
        check_precondition(precondition, "offer", "alpha", 4)
    assert stale.value.headers == {"ETag": '"offer-alpha-v4"'}


def test_if_match_missing_or_malformed() -> None:
    with pytest.raises(PreconditionRequired):
        parse_if_match("  ", "offer", "alpha")
    with pytest.raises(BadRequest):
        parse_if_match("v1", "offer", "alpha")
    assert parse_if_match("*", "offer", "alpha").any_version


@pytest.mark.parametrize(
    ("accept", "json_page"),
    [
        ("", False),
        ("application/json", True),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", False),  # a browser
        ("text/html;q=0.5, application/problem+json", True),
        ("application/json;q=0, text/html", False),
        ("application/json;q=0.5, text/*;q=0.5", False),  # a tie goes to HTML
        ("APPLICATION/JSON;Q=0.9", True),
    ],
)
def test_problem_pages_read_accept_with_the_one_parser(client: TestClient, accept: str, json_page: bool) -> None:
    """/problems/{slug} negotiates through app.renditions.accept_entries, the parser format negotiation uses."""
    answer = client.get("/problems/validation-error", headers={"Accept": accept} if accept else {})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json" if json_page else "text/html")

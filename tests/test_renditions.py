"""Format negotiation and spreadsheet-safe CSV cells."""

from __future__ import annotations

import csv
import io

import pytest
from starlette.requests import Request

from app.errors import NotAcceptable
from app.renditions import csv_lines, negotiate, safe_cell


def _request(accept: str | None) -> Request:
    headers = [(b"accept", accept.encode())] if accept is not None else []
    return Request({"type": "http", "method": "GET", "path": "/", "headers": headers, "query_string": b""})


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "json"),
        ("application/json", "json"),
        ("*/*", "json"),
        ("text/csv", "csv"),
        ("application/x-ndjson", "ndjson"),
        ("text/html, text/csv;q=0.9, application/json;q=0.1", "csv"),
        ("application/json;q=0.2, application/x-ndjson", "ndjson"),
    ],
)
def test_accept_header_negotiation(accept: str | None, expected: str) -> None:
    assert negotiate(_request(accept), None) == expected


def test_format_parameter_wins_and_unsupported_accept_is_406() -> None:
    assert negotiate(_request("text/csv"), "ndjson") == "ndjson"
    with pytest.raises(NotAcceptable):
        negotiate(_request("image/png"), None)
    with pytest.raises(NotAcceptable):
        negotiate(_request("text/csv;q=0"), None)


@pytest.mark.parametrize("danger", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")'])
def test_formula_triggers_are_escaped(danger: str) -> None:
    assert safe_cell(danger) == "'" + danger
    lines = "".join(csv_lines(["value", "list"], [{"value": danger, "list": [danger, "ok"]}]))
    rows = list(csv.reader(io.StringIO(lines)))
    assert rows[1][0] == "'" + danger
    assert rows[1][1].startswith("'")


def test_harmless_text_numbers_and_lists() -> None:
    assert safe_cell("Leeds") == "Leeds"
    lines = "".join(
        csv_lines(
            ["n", "neg", "items", "none", "flag"],
            [
                {"n": 3, "neg": -4, "items": ["a", "b"], "none": None, "flag": True},
            ],
        )
    )
    rows = list(csv.reader(io.StringIO(lines)))
    assert rows == [["n", "neg", "items", "none", "flag"], ["3", "-4", "a; b", "", "true"]]

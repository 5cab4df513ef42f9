"""The page links keep the rest of the query as urlencode(parse_qsl(...)) writes it, on the fast path too."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.pagination import kept_query


def _by_the_library(query: str) -> str:
    return urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in ("offset", "limit")])


@pytest.mark.parametrize(
    "query",
    [
        "",
        "need=professional-advice&stage=5",
        "need=professional-advice&stage=5&offset=20&limit=5",
        "limit=5",
        "q=clinical+trials&sort=relevance",
        "q=clinical%20trials",
        "q=caf%C3%A9&stage=1",
        "a=&b=1",
        "a&b=1",
        "a=b=c",
        "&&stage=5&",
        "stage=5;need=x",
        "q=%7E~&x.y_z-w=1",
        "OFFSET=1&Limit=2",
    ],
)
def test_kept_query_is_the_librarys_answer(query: str) -> None:
    assert kept_query(query) == _by_the_library(query)


@given(
    st.lists(
        st.tuples(st.sampled_from(["stage", "need", "offset", "limit", "q", "a b", "é", ""]), st.text()), max_size=6
    )
)
def test_kept_query_is_the_librarys_answer_for_any_pairs(pairs: list[tuple[str, str]]) -> None:
    raw = "&".join(f"{k}={v}" for k, v in pairs)
    encoded = urlencode(pairs)
    assert kept_query(raw) == _by_the_library(raw)
    assert kept_query(encoded) == _by_the_library(encoded)

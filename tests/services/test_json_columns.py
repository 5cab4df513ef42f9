"""JSON columns are written by orjson (app.db.json_text): what is stored reads back exactly as it was given."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from app.db import json_text
from app.models.demand import MatchEvent


def test_json_text_is_json_and_falls_back_where_orjson_refuses() -> None:
    value = {"terms": ["café", "£", "naïve", "AI"], "nested": [{"a": [1, 2, None, True]}], "empty": []}
    assert json.loads(json_text(value)) == value
    assert json_text({1: "a"}) == json.dumps({1: "a"})  # an integer key: orjson refuses it, json.dumps writes "1"


def test_json_columns_read_back_exactly_as_written(engine: Engine) -> None:
    terms = ["café", "naïve", "ökonomie", "日本", 'a"quote', "back\\slash", "line\nbreak"]
    row = {
        "occurred_at": datetime(2026, 12, 1, 9, tzinfo=UTC),
        "stage": 3,
        "stages": [3, 4],
        "needs": ["lab-space"],
        "keyword_terms": terms,
        "offer_slugs": [f"offer-{i}" for i in range(12)],
        "client_key": "0123456789abcdef",
    }
    table = MatchEvent.__table__  # type: ignore[attr-defined]
    with engine.begin() as connection:
        connection.execute(insert(table), [row])
    with engine.connect() as connection:
        stored = connection.execute(select(table.c.stages, table.c.keyword_terms, table.c.offer_slugs)).one()
    assert list(stored) == [[3, 4], terms, row["offer_slugs"]]

"""bench/eval_match.py: the measures on hand-made answers whose values are worked out by hand."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import eval_match


def _body(slugs: list[str], codes: list[str] | None = None, doors: tuple[str, ...] = ()) -> dict[str, Any]:
    codes = codes or ["need-match"] * len(slugs)
    return {
        "results": [
            {"offer": {"slug": slug}, "reasons": [{"code": code, "text": "-"}]}
            for slug, code in zip(slugs, codes, strict=True)
        ],
        "front_door": [{"offer": {"slug": slug}} for slug in doors],
    }


def test_measures_match_hand_computed_values() -> None:
    profiles = [
        {"name": "perfect", "request": {"needs": ["work-space"]}, "grades": {"a": 3, "b": 2}},
        {"name": "swapped", "request": {"keywords": "desks"}, "grades": {"a": 3, "b": 2}},
        {"name": "filler", "request": {"stage": 2, "needs": ["work-space"]}, "grades": {"c": 3}},
    ]
    answers = {
        "perfect": _body(["a", "b"]),
        "swapped": _body(["b", "a", "door"], doors=()),
        "filler": _body(["x", "c"], codes=["stage-fit", "need-match"], doors=("door",)),
    }
    by_request = {str(p["request"]): answers[p["name"]] for p in profiles}
    results = eval_match.evaluate(profiles, lambda request: by_request[str(request)], frozenset({"door"}))
    perfect, swapped, filler = results
    assert perfect.ndcg_at_5 == 1.0 and perfect.precision_at_3 == round(2 / 3, 4)
    ideal = 3 + 2 / math.log2(3)
    assert swapped.ndcg_at_5 == round((2 + 3 / math.log2(3)) / ideal, 4)
    assert swapped.front_door_in_top_3 == 1 and swapped.grade_3_missing == ()
    assert filler.filler == 1 and filler.grade_3_missing == () and filler.front_door == ("door",)
    assert filler.ndcg_at_5 == round((3 / math.log2(3)) / 3, 4)
    figures = eval_match.summary(results, frozenset({"a", "b", "c", "d"}))
    assert figures["filler_rate"] == round(1 / 7, 4)
    assert figures["front_door_share_of_top_3"] == round(1 / 7, 4)
    assert figures["catalogue_coverage"] == 0.75
    assert figures["ndcg_at_5_by_category"]["keywords"]["profiles"] == 1
    assert eval_match.category({"needs": ["x"]}) == "needs only"
    assert eval_match.category({"keywords": "desks", "stage": 3}) == "keywords"

"""The golden descriptions through the real API on the real catalogue hold the recorded floors (make eval-intake)."""

from __future__ import annotations

from typing import Any

import yaml
from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT
from app.intake.evaluation import Golden, Scored, score, summarise
from app.matching import Vocabulary

ROWS: list[dict[str, Any]] = yaml.safe_load((PROJECT_ROOT / "data" / "golden_descriptions.yaml").read_text())[
    "descriptions"
]
GOLDENS = [Golden.from_mapping(row) for row in ROWS]
HELD_OUT = [g for g in GOLDENS if g.held_out]
# The floors, in this one place, recorded from `make eval-intake` (bench/results/eval_intake.md) a little below the
# figures so one description may move; raise them only to what is measured.
# Developed against (81: round 1's 36, round 1's 12 held-out ones developed in round 2, round 2's 15 ho2- ones
# developed in round 3, round 3's 18 ho3- ones developed in round 4), 2026-12-01 round 4: stage 1.000 (81/81),
# recall 0.991 (105/106), precision 0.936 (103/110), top 5 0.951 (77/81); the floors sit one description (or
# need) below each: 80/81, 104/106, 102/110, 76/81. Before round 4's word classes the 81 gave stage 0.926, recall
# 0.915, precision 0.888, top 5 0.889.
DEVELOPED_FLOOR = {"stage_accuracy": 0.98, "needs_recall": 0.98, "needs_precision": 0.92, "top5_hit_rate": 0.93}
# Held out: whatever entries carry `held_out: true` (written blind, run once after tuning ends): the 20 ho4- entries,
# whose one run on 2026-12-01 gave stage 0.750, recall 0.615, precision 0.833, top 5 0.750 (ho3's, for history:
# 0.667, 0.680, 0.762, 0.778). The floor sits about one description below that run: a regression guard, not a
# target, since the set is never tuned on.
HELD_OUT_FLOOR = {"stage_accuracy": 0.70, "needs_recall": 0.57, "needs_precision": 0.78, "top5_hit_rate": 0.70}


def test_the_golden_set_is_varied_enough() -> None:
    # Rounds 3 and 4 (2026-12-01) turned every held-out description into a developed one (they had been seen);
    # a fresh blind set is appended later, so the file may hold none for a while: it must then hold at least 10.
    held_out = sum(g.held_out for g in GOLDENS)
    assert len(GOLDENS) - held_out >= 81 and (held_out == 0 or held_out >= 10)
    assert len({g.id for g in GOLDENS}) == len(GOLDENS)
    bands = {g.stage for g in GOLDENS}
    assert None in bands and {low for b in bands if b for low in range(b[0], b[1] + 1)} == set(range(1, 8))
    assert len({n for g in GOLDENS for n in g.needs}) >= 15
    assert all(len(g.description) <= 1000 for g in GOLDENS)
    negations = [g for g in GOLDENS if any(w in g.description.lower() for w in ("n't", " not ", " no ", "never"))]
    assert len(negations) >= 5
    flags = [g.held_out for g in GOLDENS]
    assert flags == sorted(flags), "held-out descriptions come last, after the ones the reader was developed against"


def _scored(real_client: TestClient, held_out: bool) -> list[Scored]:
    vocabulary = Vocabulary.from_mapping(yaml.safe_load((PROJECT_ROOT / "data" / "taxonomy.yaml").read_text()))
    found = []
    for golden in (g for g in GOLDENS if g.held_out is held_out):
        response = real_client.post("/v1/intake", json={"description": golden.description})
        assert response.status_code == 200, f"{golden.id}: {response.text}"
        body = response.json()
        slugs = [r["offer"]["slug"] for r in (body["match"] or {"results": []})["results"]]
        found.append(score(golden, body["profile"], slugs, vocabulary))
    return found


def _assert_floor(part: list[Scored], floor: dict[str, float]) -> None:
    summary = summarise(part)
    below = {name: getattr(summary, name) for name, value in floor.items() if getattr(summary, name) < value}
    misses = [s.golden.id for s in part if not s.stage_ok or s.top5_rank is None or (s.recall or 1) < 1]
    assert not below, f"below the floor {floor}: {below}; descriptions missing something: {misses}"


def test_developed_descriptions_hold_the_floor(real_client: TestClient) -> None:
    part = _scored(real_client, held_out=False)
    assert len(part) >= 81
    _assert_floor(part, DEVELOPED_FLOOR)


def test_held_out_descriptions_hold_the_floor(real_client: TestClient) -> None:
    assert HELD_OUT, "no `held_out: true` descriptions: a fresh blind set must be appended"
    _assert_floor(_scored(real_client, held_out=True), HELD_OUT_FLOOR)

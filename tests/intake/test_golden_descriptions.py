"""The golden descriptions through the real API on the real catalogue hold the recorded floors (make eval-intake)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT
from app.intake.evaluation import Golden, Scored, score, summarise
from app.matching import Vocabulary

ROWS: list[dict[str, Any]] = yaml.safe_load((PROJECT_ROOT / "data" / "golden_descriptions.yaml").read_text())[
    "descriptions"
]
GOLDENS = [Golden.from_mapping(row) for row in ROWS]
# The floors recorded from `make eval-intake` (bench/results/eval_intake.md), a little below the figures so one
# description may move; raise them when the figures improve. Developed against (48: round 1's 36 and round 1's 12
# held-out ones, seen and developed against in round 2), 2026-12-01 round 2: stage 1.000, recall 0.984, precision
# 0.897, top 5 0.917. Held out (15, ho2-: written by another helper from the seeds only, without seeing the code),
# its single run 2026-12-01 after tuning had ended: stage 0.600, recall 0.722, precision 0.520, top 5 0.800. Its
# floors are regression guards set one description below that run, not targets; the set is never tuned on.
FLOORS = {
    False: {"stage_accuracy": 0.97, "needs_recall": 0.96, "needs_precision": 0.87, "top5_hit_rate": 0.89},
    True: {"stage_accuracy": 0.53, "needs_recall": 0.66, "needs_precision": 0.47, "top5_hit_rate": 0.73},
}


def test_the_golden_set_is_varied_enough() -> None:
    assert len(GOLDENS) >= 40 and sum(g.held_out for g in GOLDENS) >= 10
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


@pytest.mark.parametrize("held_out", [False, True], ids=["developed", "held-out"])
def test_golden_descriptions_hold_the_floor(real_client: TestClient, held_out: bool) -> None:
    part = _scored(real_client, held_out)
    summary = summarise(part)
    floor = FLOORS[held_out]
    below = {name: getattr(summary, name) for name, value in floor.items() if getattr(summary, name) < value}
    misses = [s.golden.id for s in part if not s.stage_ok or s.top5_rank is None or (s.recall or 1) < 1]
    assert not below, f"below the floor {floor}: {below}; descriptions missing something: {misses}"

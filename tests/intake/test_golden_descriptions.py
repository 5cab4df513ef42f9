"""The golden descriptions through the real API on the real catalogue hold the recorded floor (make eval-intake)."""

from __future__ import annotations

from typing import Any

import yaml
from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT
from app.intake.evaluation import Golden, score, summarise
from app.matching import Vocabulary

ROWS: list[dict[str, Any]] = yaml.safe_load((PROJECT_ROOT / "data" / "golden_descriptions.yaml").read_text())[
    "descriptions"
]
# The floor recorded from `make eval-intake` (bench/results/eval_intake.md, 2026-12-01: stage 1.000, recall 0.979,
# precision 0.907, top 5 0.889), a little below it so one description may move; raise it when the figures improve.
FLOOR = {"stage_accuracy": 0.97, "needs_recall": 0.95, "needs_precision": 0.88, "top5_hit_rate": 0.86}


def test_the_golden_set_is_varied_enough() -> None:
    goldens = [Golden.from_mapping(row) for row in ROWS]
    assert len(goldens) >= 30
    assert len({g.id for g in goldens}) == len(goldens)
    bands = {g.stage for g in goldens}
    assert None in bands and {low for b in bands if b for low in range(b[0], b[1] + 1)} == set(range(1, 8))
    assert len({n for g in goldens for n in g.needs}) >= 15
    assert all(len(g.description) <= 1000 for g in goldens)
    negations = [g for g in goldens if any(w in g.description.lower() for w in ("n't", " not ", " no ", "never"))]
    assert len(negations) >= 5


def test_golden_descriptions_hold_the_floor(real_client: TestClient) -> None:
    vocabulary = Vocabulary.from_mapping(yaml.safe_load((PROJECT_ROOT / "data" / "taxonomy.yaml").read_text()))
    scored = []
    for row in ROWS:
        golden = Golden.from_mapping(row)
        response = real_client.post("/v1/intake", json={"description": golden.description})
        assert response.status_code == 200, f"{golden.id}: {response.text}"
        body = response.json()
        slugs = [r["offer"]["slug"] for r in (body["match"] or {"results": []})["results"]]
        scored.append(score(golden, body["profile"], slugs, vocabulary))
    summary = summarise(scored)
    below = {name: getattr(summary, name) for name, floor in FLOOR.items() if getattr(summary, name) < floor}
    misses = [s.golden.id for s in scored if not s.stage_ok or s.top5_rank is None or (s.recall or 1) < 1]
    assert not below, f"below the floor {FLOOR}: {below}; descriptions missing something: {misses}"

"""How well the guided intake reads plain words: the golden descriptions through POST /v1/intake, scored.

Serves the real catalogue from a fresh SQLite database in-process (TestClient) and sends each golden description of
data/golden_descriptions.yaml alone (no answers). Reports, per description and in total: the stage inside the
expected band, needs recall and precision (a need counts when it is the expected one, its parent or its child), and
whether the expected offer reached the top 5 of the match. The descriptions the reader was developed against and
the held-out ones (`held_out: true`, never tuned on) are summed apart. Writes bench/results/eval_intake.md and .json.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="eval-intake-"))
os.environ["NAVIGATOR_DATABASE_URL"] = f"sqlite:///{WORK / 'eval.db'}"
os.environ["NAVIGATOR_RATE_LIMIT_ENABLED"] = "false"
os.environ["NAVIGATOR_DEMAND_RECORDING"] = "false"
os.environ["NAVIGATOR_WARM_START"] = "false"

import yaml  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session  # noqa: E402

from app.db import get_engine  # noqa: E402
from app.intake.evaluation import Golden, Scored, score, summarise  # noqa: E402
from app.main import create_app  # noqa: E402
from app.matching import Vocabulary  # noqa: E402
from app.services.exchange.files import read_catalogue  # noqa: E402
from app.services.exchange.loader import load_catalogue  # noqa: E402
from app.services.store.migrations import upgrade_database  # noqa: E402

RESULTS = ROOT / "bench" / "results"
TARGETS = {"stage_accuracy": 0.9, "needs_recall": 0.9, "needs_precision": 0.8, "top5_hit_rate": 0.9}
LABELS = {
    "stage_accuracy": "stage inside the expected band",
    "needs_recall": "needs recall",
    "needs_precision": "needs precision",
    "top5_hit_rate": "expected offer in the top 5",
}


def goldens() -> list[Golden]:
    """Every golden description, in file order."""
    rows = yaml.safe_load((ROOT / "data" / "golden_descriptions.yaml").read_text(encoding="utf-8"))["descriptions"]
    return [Golden.from_mapping(row) for row in rows]


def evaluate(client: TestClient, vocabulary: Vocabulary) -> list[tuple[Scored, dict[str, Any]]]:
    """Each golden description through POST /v1/intake, scored, with the answer."""
    found = []
    for golden in goldens():
        response = client.post("/v1/intake", json={"description": golden.description})
        assert response.status_code == 200, f"{golden.id}: {response.text}"
        body = response.json()
        match = body["match"] or {"results": []}
        slugs = [r["offer"]["slug"] for r in match["results"]]
        found.append((score(golden, body["profile"], slugs, vocabulary), body))
    return found


def _fraction(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


SETS = (("developed", "developed against", False), ("held_out", "held out", True))
"""(key, label, held_out): the two sets the figures are given for."""


def _figures(scored: list[Scored]) -> dict[str, float]:
    summary = summarise(scored)
    return {name: round(getattr(summary, name), 3) for name in TARGETS}


def _summary_lines(scored: list[Scored]) -> tuple[list[str], dict[str, dict[str, float]]]:
    parts = {key: [s for s in scored if s.golden.held_out is held] for key, _, held in SETS}
    figures = {key: _figures(part) for key, part in parts.items() if part}
    header = " | ".join(f"{label} ({len(parts[key])})" for key, label, _ in SETS if key in figures)
    lines = [f"| figure | {header} | target |", "|---|" + "---:|" * len(figures) + "---:|"]
    for name, target in TARGETS.items():
        cells = " | ".join(
            f"{values[name]:.3f}" + ("" if values[name] >= target else " (**not met**)") for values in figures.values()
        )
        lines.append(f"| {LABELS[name]} | {cells} | >= {target} |")
    return lines, figures


def _row(scored_one: Scored) -> str:
    g = scored_one.golden
    band = "none" if g.stage is None else f"{g.stage[0]}-{g.stage[1]}"
    cells = [
        f"{g.id} (held out)" if g.held_out else g.id,
        band,
        ", ".join(str(s) for s in scored_one.stages) or "none",
        "yes" if scored_one.stage_ok else "**no**",
        ", ".join(g.needs),
        ", ".join(scored_one.needs) or "-",
        _fraction(scored_one.recall),
        _fraction(scored_one.precision),
        g.top5,
        str(scored_one.top5_rank or "**miss**"),
    ]
    return "| " + " | ".join(cells) + " |"


def report(scored: list[tuple[Scored, dict[str, Any]]]) -> tuple[str, dict[str, Any]]:
    """The Markdown report and the JSON figures."""
    all_scored = [s for s, _ in scored]
    summary_lines, figures = _summary_lines(all_scored)
    lines = [
        "# Guided intake: golden descriptions",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}; "
        f"{len(all_scored)} descriptions from `data/golden_descriptions.yaml`, each sent alone to POST /v1/intake "
        "on the curated catalogue (`make eval-intake`). The reader was developed against the first set; the held-out "
        "set was written from the seeds before the code ran on it and is never tuned on.",
        "",
        *summary_lines,
        "",
        "Needs are pooled over every description: recall is expected needs found / expected needs, precision is "
        "inferred needs expected / inferred needs; a need counts when it is the expected one, its parent or its "
        "child. A null expected stage means the text says nothing of it, so the stage must be left out.",
        "",
        "| description | stage expected | stage inferred | ok | needs expected | needs inferred | recall | precision "
        "| top-5 offer | rank |",
        "|---|---|---|---|---|---|---:|---:|---|---:|",
        *(_row(s) for s in all_scored),
    ]
    data = {
        "figures": figures.get("developed", {}),
        "held_out_figures": figures.get("held_out", {}),
        "targets": TARGETS,
        "count": sum(not s.golden.held_out for s in all_scored),
        "held_out_count": sum(s.golden.held_out for s in all_scored),
        "descriptions": [
            {
                "id": s.golden.id,
                "held_out": s.golden.held_out,
                "stage_ok": s.stage_ok,
                "stages": list(s.stages),
                "needs": list(s.needs),
                "recall": s.recall,
                "precision": s.precision,
                "top5_rank": s.top5_rank,
                "profile": body["profile"],
            }
            for s, body in scored
        ],
    }
    return "\n".join(lines) + "\n", data


def main() -> None:
    upgrade_database()
    with Session(get_engine()) as session:
        load_catalogue(session, read_catalogue(ROOT / "data"))
        session.commit()
    vocabulary = Vocabulary.from_mapping(yaml.safe_load((ROOT / "data" / "taxonomy.yaml").read_text(encoding="utf-8")))
    with TestClient(create_app()) as client:
        scored = evaluate(client, vocabulary)
    markdown, data = report(scored)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "eval_intake.md").write_text(markdown, encoding="utf-8")
    (RESULTS / "eval_intake.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(markdown)


if __name__ == "__main__":
    main()

"""How long POST /v1/intake takes in-process on the real catalogue: reading, inferring, matching, encoding.

Loads the curated catalogue into a fresh SQLite database, takes its snapshot, and calls what the endpoint calls:
the request body validated (IntakeRequest), run_intake (the reader, the inference, the match for the inferred
profile, the demand record queued) and the answer encoded by orjson; the HTTP stack is left out, as in
bench_matcher.py. The bodies are the 36 golden descriptions (data/golden_descriptions.yaml) alone and then with
answers, in turn. Also timed: the reader and inference alone, and the whole request through TestClient.
Writes bench/results/intake.md and intake.json.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-intake-"))
os.environ["NAVIGATOR_DATABASE_URL"] = f"sqlite:///{WORK / 'bench.db'}"
os.environ["NAVIGATOR_RATE_LIMIT_ENABLED"] = "false"
os.environ["NAVIGATOR_WARM_START"] = "false"

import orjson  # noqa: E402
import yaml  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session  # noqa: E402

from app.db import get_engine  # noqa: E402
from app.intake import IntakeRequest as PureRequest  # noqa: E402
from app.intake import infer  # noqa: E402
from app.main import create_app  # noqa: E402
from app.models.intake import IntakeRequest  # noqa: E402
from app.services.exchange.files import read_catalogue  # noqa: E402
from app.services.exchange.loader import load_catalogue  # noqa: E402
from app.services.insights.demand import catalogue_vocabulary, demand_recorder  # noqa: E402
from app.services.matching.intake import current_intake, run_intake  # noqa: E402
from app.services.store.migrations import upgrade_database  # noqa: E402
from app.services.store.snapshot import snapshot_cache  # noqa: E402

ROUNDS = 30
TARGET_MS = 2.0
RESULTS = ROOT / "bench" / "results"


def bodies() -> list[dict[str, Any]]:
    """Each golden description alone, then with a few answers."""
    rows = yaml.safe_load((ROOT / "data" / "golden_descriptions.yaml").read_text(encoding="utf-8"))["descriptions"]
    alone = [{"description": row["description"]} for row in rows]
    answered = [
        {"description": row["description"], "answers": {"built": "tested", "where": "leeds", "next": ["regulatory"]}}
        for row in rows
    ]
    return alone + answered


def timed(call: Callable[[dict[str, Any]], object], requests: list[dict[str, Any]]) -> list[float]:
    """Milliseconds per call, every body in turn, ROUNDS times (after one warm-up round)."""
    for body in requests:
        call(body)
    samples = []
    for _ in range(ROUNDS):
        for body in requests:
            started = time.perf_counter()
            call(body)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def _row(name: str, samples: list[float]) -> dict[str, Any]:
    ordered = sorted(samples)
    return {
        "measure": name,
        "requests": len(samples),
        "median_ms": round(statistics.median(ordered), 3),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 3),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1], 3),
    }


def main() -> None:
    upgrade_database()
    with Session(get_engine()) as session:
        load_catalogue(session, read_catalogue(ROOT / "data"))
        session.commit()
    with Session(get_engine()) as session:
        snapshot = snapshot_cache.get(session)
    loaded = current_intake()
    known = catalogue_vocabulary(snapshot)
    requests = bodies()
    load = os.getloadavg()[0]

    def endpoint(body: dict[str, Any]) -> object:
        return orjson.dumps(run_intake(snapshot, IntakeRequest.model_validate(body, strict=True)))

    def reader(body: dict[str, Any]) -> object:
        request = PureRequest(answers=body.get("answers", {}), description=body["description"])
        return infer(loaded.spec, request, reader=loaded.reader, known_terms=known)

    rows = [
        _row("POST /v1/intake in-process (validate, read, infer, match, record, encode)", timed(endpoint, requests)),
        _row("reader and inference alone (app.intake.infer)", timed(reader, requests)),
    ]
    with TestClient(create_app()) as client:
        rows.append(
            _row(
                "POST /v1/intake through TestClient (with the HTTP stack, for reference)",
                timed(lambda body: client.post("/v1/intake", json=body), requests[:12]),
            )
        )
    demand_recorder.flush(30)
    median = rows[0]["median_ms"]
    header = (
        f"Intake benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; the curated catalogue ({len(snapshot.offers)} offers); "
        f"{len(requests)} bodies (the golden descriptions alone, then with answers), {ROUNDS} rounds after a warm-up; "
        f"load average at the start {load:.1f} (the machine is shared: compare rows of one run)."
    )
    lines = [
        header,
        "",
        "| measure | requests | median (ms) | p95 (ms) | p99 (ms) |",
        "|---|---:|---:|---:|---:|",
        *(f"| {r['measure']} | {r['requests']:,} | {r['median_ms']} | {r['p95_ms']} | {r['p99_ms']} |" for r in rows),
        "",
        f"Target: POST /v1/intake in-process median < {TARGET_MS} ms: **{'met' if median < TARGET_MS else 'not met'}** "
        f"({median} ms).",
    ]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "intake.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (RESULTS / "intake.json").write_text(
        json.dumps({"header": header, "rows": rows, "target_ms": TARGET_MS}, indent=2) + "\n", encoding="utf-8"
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()

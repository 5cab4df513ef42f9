"""Does recording demand slow matching down? Match latency with recording on and off, in the same run.

Serves the real catalogue from a fresh SQLite database in-process (TestClient) and sends POST /v1/match,
alternating blocks of requests with NAVIGATOR_DEMAND_RECORDING on and off so both see the same machine state.
Rate limiting is off here: it is the same for both and would stop one client sending this many requests.
Writes bench/results/demand.md.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-demand-"))
os.environ["NAVIGATOR_DATABASE_URL"] = f"sqlite:///{WORK / 'bench.db'}"
os.environ["NAVIGATOR_RATE_LIMIT_ENABLED"] = "false"

from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session, func, select  # noqa: E402

from app.config import get_settings  # noqa: E402
from app.db import get_engine  # noqa: E402
from app.main import create_app  # noqa: E402
from app.models.demand import MatchEvent  # noqa: E402
from app.services.exchange.files import read_catalogue  # noqa: E402
from app.services.exchange.loader import load_catalogue  # noqa: E402
from app.services.insights.demand import demand_recorder  # noqa: E402
from app.services.store.migrations import upgrade_database  # noqa: E402

BLOCKS = 10
PER_BLOCK = 200
PROFILES: list[dict[str, Any]] = [
    {
        "stage": 5,
        "needs": ["regulatory-advice"],
        "sector": "digital-health",
        "location": "leeds",
        "keywords": "software as a medical device",
    },
    {"stage": 2, "needs": ["lab-space", "research-expertise"], "organisation_type": "startup"},
    {"trl": 7, "needs": ["nhs-adoption"], "sector": "medtech", "location": "west-yorkshire"},
    {"stage": 4, "needs": ["seed-investment"], "organisation_type": "sme", "keywords": "investment readiness"},
]


def build_app() -> tuple[Any, str]:
    upgrade_database()
    with Session(get_engine()) as session:
        load_catalogue(session, read_catalogue(ROOT / "data"))
        session.commit()
    return create_app(), "POST /v1/match"


def run() -> None:
    app, endpoint = build_app()
    path = endpoint.split()[1]
    settings = get_settings()
    timings: dict[bool, list[float]] = {True: [], False: []}
    with TestClient(app) as client:
        for body in PROFILES:  # warm up: snapshot, indexes, the writer thread
            client.post(path, json=body)
        for block in range(BLOCKS * 2):
            recording = block % 2 == 0
            settings.demand_recording = recording
            for i in range(PER_BLOCK):
                body = PROFILES[i % len(PROFILES)]
                started = time.perf_counter()
                response = client.post(path, json=body)
                timings[recording].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text
        flushed = demand_recorder.flush(30)
    with Session(get_engine()) as session:
        stored = session.exec(select(func.count()).select_from(MatchEvent)).one()

    def summary(values: list[float]) -> tuple[float, float, float]:
        ordered = sorted(values)
        return statistics.median(ordered), ordered[int(len(ordered) * 0.95)], statistics.mean(ordered)

    on, off = summary(timings[True]), summary(timings[False])
    lines = [
        "# Demand recording overhead",
        "",
        f"Command: `make bench-demand` (`python bench/bench_demand.py`). Endpoint: {endpoint}.",
        f"{BLOCKS} blocks of {PER_BLOCK} requests with recording on, interleaved with as many with it off;",
        "in-process TestClient over SQLite with the curated catalogue; latency per request in milliseconds.",
        "",
        "| recording | requests | median ms | p95 ms | mean ms |",
        "|---|---|---|---|---|",
        f"| on | {len(timings[True])} | {on[0]:.3f} | {on[1]:.3f} | {on[2]:.3f} |",
        f"| off | {len(timings[False])} | {off[0]:.3f} | {off[1]:.3f} | {off[2]:.3f} |",
        "",
        f"Ratio on/off: median {on[0] / off[0]:.3f}, p95 {on[1] / off[1]:.3f}, mean {on[2] / off[2]:.3f}.",
        "",
        f"Events recorded {demand_recorder.recorded}, written {demand_recorder.written}, stored {stored}, "
        f"dropped {demand_recorder.dropped}, failed {demand_recorder.failed}; queue flushed: {flushed}.",
        "",
        "The request thread only normalises the profile and puts it on a bounded queue; a writer thread",
        "inserts batches. A full queue drops (and counts) events rather than block a match.",
        "",
    ]
    out = ROOT / "bench" / "results" / "demand.md"
    out.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    run()

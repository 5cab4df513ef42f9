"""Where a request's time goes: py-spy samples one navigator worker while wrk loads one scenario.

    .venv/bin/python bench/profile_http.py match      # or: healthz, offers, keywords, intake; make profile-http
    PROFILE_SECONDS=15 .venv/bin/python bench/profile_http.py match

Same server and settings as bench/bench_http.py (one worker, every feature on). py-spy (pip install py-spy; it
reads the worker's stacks from outside, 100 samples a second of the thread holding the GIL, so the shares are of
Python work) writes the collapsed
stacks to bench/results/profile-<scenario>.txt (open it in speedscope or inferno for a flame graph); this script
prints the share of samples inside each part of the request (inclusive) and the functions that were on the CPU
(self). Samples of the idle event loop are left out, so the shares are of the time spent working.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_http as bench

SECONDS = int(os.environ.get("PROFILE_SECONDS", "10"))
PY_SPY = Path(sys.executable).parent / "py-spy"
SCENARIOS = {
    "healthz": ("GET", "/healthz", None),
    "offers": ("GET", bench.OFFERS_QUERY, None),
    "match": ("POST", "/v1/match", bench.MATCH_BODIES),
    "keywords": ("POST", "/v1/match", bench.KEYWORD_BODIES),
    "intake": ("POST", "/v1/intake", bench.INTAKE_BODIES),
}
# (label, a substring of a collapsed frame "function (file:line)"): the parts of a request, counted inclusively.
PARTS = [
    ("uvicorn protocol (parse, write)", "httptools_impl.py"),
    ("edge middleware (all cross-cutting steps)", "app/middleware/edge.py"),
    ("  access log record", "log_access (app/middleware/observability.py"),
    ("  metrics", "observe (app/middleware/observability.py"),
    ("  rate limit", "check (app/middleware/ratelimit.py"),
    ("gzip middleware", "starlette/middleware/gzip.py"),
    ("starlette exception + routing", "starlette/routing.py"),
    ("fastapi request handler (params, body, DI)", "get_request_handler"),
    ("  fastapi: solve_dependencies", "solve_dependencies"),
    ("  fastapi: body json + validate", "_validate_value_with_model_field"),
    ("direct route (app.deps)", "direct_handler (app/deps.py"),
    ("snapshot dependency", "get_snapshot (app/deps.py"),
    ("match service (run_match)", "run_match (app/services/matching/match.py"),
    ("  normalise profile", "normalise_profile (app/matching/profile.py"),
    ("  score offers", "score_offers (app/matching/scoring.py"),
    ("  choose (top, diversity)", "_choose (app/matching/engine.py"),
    ("  results and reasons", "_scored (app/matching/engine.py"),
    ("  front door", "_front_doors (app/matching/engine.py"),
    ("match document", "match_document (app/services/matching/documents.py"),
    ("demand record", "record_match"),
    ("response render (orjson)", "render (app/renditions.py"),
    ("intake reading", "app/intake/"),
    ("offers query", "app/services/catalogue/"),
    ("log writer thread", "_write (app/middleware/observability.py"),
    ("demand writer thread", "_run (app/services/insights/demand.py"),
    ("event loop itself (uvloop, native I/O)", "Runner.run (asyncio/runners.py"),
]
# (label, path fragment): each busy sample goes to the deepest frame of its stack that one of these names, so the
# layers' shares are exclusive and add up to 100%: a middleware's own work, not that of what it calls.
LAYERS = [
    ("app.matching.{}", "app/matching/"),
    ("app.intake.{}", "app/intake/"),
    ("app.services.{}", "app/services/"),
    ("app.middleware.{}", "app/middleware/"),
    ("app.{}", "app/"),
    ("logging (stdlib)", "logging/"),
    ("sqlalchemy (demand writer)", "sqlalchemy/"),
    ("pydantic", "pydantic"),
    ("numpy", "numpy/"),
    ("starlette middleware (gzip, errors)", "starlette/middleware/"),
    ("starlette/fastapi routing and request handling", "starlette/"),
    ("starlette/fastapi routing and request handling", "fastapi/"),
    ("uvicorn protocol (parse, write)", "uvicorn/"),
    ("asyncio and the event loop", "asyncio/"),
]
IDLE = ("select (selectors.py", "Condition.wait (threading.py", "_wait (app/middleware/observability.py")
"""Frames where a thread sleeps (py-spy cannot always tell those of threads blocked in C from busy ones)."""


def _layer(frames: list[str]) -> str:
    for frame in reversed(frames):
        for label, needle in LAYERS:
            at = frame.find(needle)
            if at >= 0:
                module = frame[at + len(needle) :].split(".py", 1)[0].replace("/", ".")
                return label.format(module)
    return "other (stdlib, native)"


def summarise(collapsed: Path) -> str:
    layers: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in collapsed.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if not frames or any(idle in frames[-1] for idle in IDLE) or "(unknown" in frames[-1]:
            continue
        samples = int(count)
        total += samples
        own[frames[-1]] += samples
        layers[_layer(frames)] += samples
        for label, needle in PARTS:
            if any(needle in frame for frame in frames):
                inclusive[label] += samples
    lines = [f"{total} busy samples", "", "part of the request (inclusive) | share", "---|---:"]
    lines += [f"{label} | {inclusive[label] * 100 / max(total, 1):.1f}%" for label, _ in PARTS if inclusive[label]]
    lines += ["", "layer (exclusive: its own code) | share", "---|---:"]
    lines += [f"{label} | {count * 100 / max(total, 1):.1f}%" for label, count in layers.most_common()]
    lines += ["", "on the CPU (self) | share", "---|---:"]
    lines += [f"`{frame}` | {count * 100 / max(total, 1):.1f}%" for frame, count in own.most_common(25)]
    return "\n".join(lines) + "\n"


def main() -> None:
    scenario = sys.argv[1] if len(sys.argv) > 1 else "match"
    method, path, bodies = SCENARIOS[scenario]
    work = Path(tempfile.mkdtemp(prefix="navigator-profile-"))
    database = work / "navigator.db"
    bench.navigator(f"sqlite:///{database}", "load", str(bench.ROOT / "data"))
    collapsed = bench.RESULTS / f"profile-{scenario}.txt"
    with bench.serving(f"sqlite:///{database}", work / "server.log") as (pid, port):
        script = work / "load.lua"
        bench.write_script(script, method, bodies, None)
        load = threading.Thread(target=bench._wrk, args=(port, path, script, SECONDS + 4))
        load.start()
        subprocess.run(
            [
                *(str(PY_SPY), "record", "--pid", str(pid), "--duration", str(SECONDS), "--format", "raw"),
                *("--output", str(collapsed), "--nonblocking", "--threads", "--gil"),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        load.join()
    summary = summarise(collapsed)
    (bench.RESULTS / f"profile-{scenario}.md").write_text(f"py-spy, {scenario} ({method} {path})\n\n" + summary)
    print(summary)


if __name__ == "__main__":
    main()

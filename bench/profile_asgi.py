"""CPU per request of the app alone (no sockets, no HTTP parsing), and where it goes per stage, with cProfile.

    .venv/bin/python bench/profile_asgi.py                 # healthz, offers, match, keywords, intake
    .venv/bin/python bench/profile_asgi.py match           # one scenario

Drives the ASGI app in-process, one request after another, with the settings `navigator serve` uses (JSON access
log, written to /dev/null; metrics; rate limits with the in-memory counter; demand recording) on the real
catalogue in a fresh SQLite file. It prints the CPU time per request without the profiler (process time, so the
worker's own threads count), then, with cProfile on, each stage's share of the request (cumulative: a stage
includes what it calls). cProfile adds its own overhead per Python call, so read the shares, not its times.
Results: bench/results/profile-asgi.md.
"""

from __future__ import annotations

import asyncio
import cProfile
import json
import logging.config
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_http as bench
from bench_servers import QUOTA

# (label, file, function): each row's share is the function's cumulative time (it and what it calls) over the
# request's, on the request thread. Indented rows are inside the row above them. Coroutines are left out: cProfile
# counts a coroutine again each time it resumes, so their cumulative times overlap; the layers' own code is the
# last row instead.
STAGES = [
    ("access log record", "app/middleware/observability.py", "log_access"),
    ("metrics", "app/middleware/observability.py", "observe"),
    ("request context headers", "app/middleware/context.py", "add_context_headers"),
    ("FastAPI routing (finding the route)", "fastapi/routing.py", "_match"),
    ("FastAPI dependency injection", "fastapi/dependencies/utils.py", "solve_dependencies"),
    ("body parse", "app/direct.py", "_json_value"),
    ("body validation", "app/direct.py", "_validated"),
    ("query parse and validation", "app/direct.py", "query_model"),
    ("offers filter", "app/services/catalogue/offers.py", "filter_offers"),
    ("intake (reading, inference and the match)", "app/services/matching/intake.py", "run_intake"),
    ("match service (run_match)", "app/services/matching/match.py", "run_match"),
    ("  normalise profile (synonyms, keywords)", "app/matching/profile.py", "normalise_profile"),
    ("  score offers", "app/matching/scoring.py", "score_offers"),
    ("  choose (top, diversity)", "app/matching/engine.py", "_choose"),
    ("  results and reasons", "app/matching/engine.py", "_scored"),
    ("  front door", "app/matching/engine.py", "_front_doors"),
    ("match document", "app/services/matching/documents.py", "match_document"),
    ("demand record (queued)", "app/routers/matching.py", "_record"),
    ("response render (orjson)", "app/renditions.py", "render"),
]
LAYER_FILES = ("app/middleware/edge.py", "starlette/", "fastapi/", "uvicorn/", "asyncio/", "anyio/")
"""The ASGI layers, whose own code (not what they call) is the last row."""


def _app(root: Path) -> Any:
    database = Path(tempfile.mkdtemp(prefix="navigator-asgi-")) / "navigator.db"
    bench.navigator(f"sqlite:///{database}", "load", str(root / "data"))
    os.environ.update({"NAVIGATOR_DATABASE_URL": f"sqlite:///{database}", "NAVIGATOR_RATE_LIMIT_ENABLED": "true"})
    os.environ.update({"NAVIGATOR_RATE_LIMIT_PER_MINUTE": QUOTA, "NAVIGATOR_RATE_LIMIT_KEY_PER_MINUTE": QUOTA})
    from app.main import create_app
    from app.middleware.observability import logging_config

    config = logging_config(json_logs=True)
    config["handlers"]["stderr"]["stream"] = open(os.devnull, "w")  # noqa: SIM115 (for the process's life)
    logging.config.dictConfig(config)
    return create_app()


async def _call(app: Any, method: str, target: str, body: bytes) -> int:
    path, _, query = target.partition("?")
    headers = [(b"host", b"127.0.0.1"), (b"accept", b"application/json")]
    if body:
        headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    status: list[int] = []

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop()
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    await app(scope, receive, send)
    return status[0]


Request = tuple[str, str, bytes]


def _scenarios() -> dict[str, Callable[[int], Request]]:
    matches = [json.dumps(body).encode() for body in bench.MATCH_BODIES]
    keywords = [json.dumps(body).encode() for body in bench.KEYWORD_BODIES]
    intakes = [json.dumps(body).encode() for body in bench.INTAKE_BODIES]
    return {
        "healthz": lambda i: ("GET", "/healthz", b""),
        "offers": lambda i: ("GET", bench.OFFERS_QUERY, b""),
        "match": lambda i: ("POST", "/v1/match", matches[i % len(matches)]),
        "keywords": lambda i: ("POST", "/v1/match", keywords[i % len(keywords)]),
        "intake": lambda i: ("POST", "/v1/intake", intakes[i % len(intakes)]),
    }


def _shares(profile: cProfile.Profile, total: float) -> list[str]:
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    rows = []
    for label, file, function in STAGES:
        seconds = sum(entry[3] for (path, _, name), entry in stats.items() if path.endswith(file) and name == function)
        if seconds:
            rows.append(f"| {label} | {seconds * 100 / total:.1f}% |")
    own = sum(entry[2] for (path, _, _), entry in stats.items() if any(part in path for part in LAYER_FILES))
    rows.append(f"| the ASGI layers' own code (edge, gzip, Starlette, FastAPI, asyncio) | {own * 100 / total:.1f}% |")
    return rows


async def _run(app: Any, names: list[str]) -> list[str]:
    lines: list[str] = []
    for name in names:
        make = _scenarios()[name]
        for i in range(200):
            status = await _call(app, *make(i))
            assert status == 200, f"{name}: {status}"
        count = 2000 if name != "healthz" else 10000
        started = time.process_time()
        for i in range(count):
            await _call(app, *make(i))
        cpu_us = (time.process_time() - started) / count * 1e6
        profile = cProfile.Profile(time.thread_time)  # the request thread's CPU, not the writer threads'
        started = time.thread_time()
        profile.enable()
        for i in range(count // 4):
            await _call(app, *make(i))
        profile.disable()
        total = time.thread_time() - started
        lines += [f"### {name}: {cpu_us:.0f} µs of CPU per request", "", "| stage | share |", "|---|---:|"]
        lines += [*_shares(profile, total), ""]
        print(f"{name}: {cpu_us:.0f} us CPU per request", flush=True)
    return lines


async def _main(names: list[str]) -> list[str]:
    app = _app(bench.ROOT)
    startup: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    replies: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    await startup.put({"type": "lifespan.startup"})
    lifespan = asyncio.create_task(app({"type": "lifespan", "asgi": {"version": "3.0"}}, startup.get, replies.put))
    await replies.get()
    try:
        return await _run(app, names)
    finally:
        await startup.put({"type": "lifespan.shutdown"})
        await lifespan


def main() -> None:
    names = sys.argv[1:] or list(_scenarios())
    lines = asyncio.run(_main(names))
    header = [
        f"In-process ASGI, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
        + ", ".join(f"{value:.1f}" for value in os.getloadavg())
        + " (`bench/profile_asgi.py`): CPU per request without the profiler (the whole process: the log and demand"
        " writer threads included), then each stage's share of the request thread's CPU with cProfile (cumulative;"
        " indented rows are inside the row above).",
        "",
    ]
    text = "\n".join(header + lines)
    if len(names) == len(_scenarios()):
        (bench.RESULTS / "profile-asgi.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()

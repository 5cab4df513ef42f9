"""Runs `navigator serve` with probes, for bench/profile_tail.py: when each request, collection and background
write began and ended, written as JSON to $STALL_PROBE_OUT when the server stops.

    STALL_PROBE_OUT=/tmp/probe.json python bench/profile_stall_probe.py serve --no-migrate --port 8000

Probed: each HTTP request inside the app (from the ASGI call to its return, so the wait for a snapshot check is in
it and the queue in front of the worker is not), every garbage collection (by generation), every catalogue stamp
check (app.deps._checked_snapshot, on the thread pool) and every demand write (DemandRecorder._write, on its thread).
"""

from __future__ import annotations

import gc
import json
import os
import time
from pathlib import Path
from typing import Any

EVENTS: list[tuple[str, float, float]] = []
REQUESTS: list[tuple[float, float]] = []
_started: dict[str, float] = {}


def _collection(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _started["gc"] = time.perf_counter()
    else:
        EVENTS.append((f"gc{info['generation']}", _started["gc"], time.perf_counter()))


def _timed(kind: str, function: Any) -> Any:
    def probe(*args: Any) -> Any:
        began = time.perf_counter()
        try:
            return function(*args)
        finally:
            EVENTS.append((kind, began, time.perf_counter()))

    return probe


def install() -> None:
    gc.callbacks.append(_collection)
    import app.deps
    import app.main
    from app.services.insights.demand import DemandRecorder

    app.deps._checked_snapshot = _timed("stamp check", app.deps._checked_snapshot)
    DemandRecorder._write = _timed("demand write", DemandRecorder._write)  # type: ignore[method-assign]
    create = app.main.create_app

    def create_app() -> Any:
        inner = create()

        async def probed(scope: Any, receive: Any, send: Any) -> None:
            if scope["type"] != "http":
                await inner(scope, receive, send)
                return
            began = time.perf_counter()
            await inner(scope, receive, send)
            REQUESTS.append((began, time.perf_counter()))

        return probed

    app.main.create_app = create_app  # type: ignore[assignment]


def main() -> None:
    install()
    from app.cli import main as cli

    try:
        cli()
    finally:
        Path(os.environ["STALL_PROBE_OUT"]).write_text(json.dumps({"events": EVENTS, "requests": REQUESTS}))


if __name__ == "__main__":
    main()

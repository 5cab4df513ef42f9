"""The bench's ceiling: a bare FastAPI app answering {"ok": true}, served by the same uvicorn as the navigator.

    .venv/bin/uvicorn bench.bare_app:app --loop uvloop --http httptools --no-access-log --port 8001

No middleware, no logging, no database: what one Python worker can do with this framework and server, so every
navigator scenario in bench/results/http.md is reported as a fraction of it.
"""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def ok() -> dict[str, bool]:
    """The smallest useful answer."""
    return {"ok": True}

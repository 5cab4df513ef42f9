"""The fault figures of issue 16, printed: a stalled PostgreSQL (answers, recovery) and a header flood (growth).

Run from the repository root: `.venv/bin/python bench/faults_figures.py` (PostgreSQL as the tests find it). It
drives the same helpers as tests/test_faults.py and tests/test_head_limits.py, and prints what they measure.
"""

from __future__ import annotations

import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import build_engine
from app.services.exchange.files import read_catalogue
from app.services.exchange.loader import load_catalogue
from app.services.store.migrations import upgrade_database
from tests import test_faults, test_head_limits
from tests.conftest import POSTGRES_ADMIN_URL, fixture_catalogue_dir
from tests.serving import StallingProxy, running_server

WORK = Path("var/faults-figures")
MB = 2**20


def stalled_database() -> None:
    """A stalled PostgreSQL: the answers while it is away, and how soon everything is 200 again."""
    admin = create_engine(make_url(POSTGRES_ADMIN_URL), isolation_level="AUTOCOMMIT")
    name = f"navigator_figures_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade_database(url)
        engine = build_engine(url)
        with Session(engine) as session:
            load_catalogue(session, read_catalogue(fixture_catalogue_dir(WORK)))
            session.commit()
        key = test_faults.issue_key(engine, "figures", "editor")
        proxy = StallingProxy("127.0.0.1", engine.url.port or 5432)
        try:
            through = engine.url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
            with running_server(through, WORK) as server:
                test_faults._warm(server.url, key)
                proxy.stall()
                answers = test_faults._while_away(server.url, key)
                proxy.resume()
                recovery = test_faults._recovered(server.url, key)
        finally:
            proxy.close()
        engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    for kind in ("public", "admin", "write", "readyz"):
        of_kind = [a for a in answers if a.kind == kind]
        client = max(a.seconds for a in of_kind)
        served = max(a.server_seconds for a in of_kind)
        statuses = sorted({a.status for a in of_kind})
        print(
            f"stalled database, {kind}: {len(of_kind)} requests, {statuses}, {client:.2f} s ({served:.2f} s in server)"
        )
    print(f"stalled database, everything 200 again after {recovery:.2f} s")


def header_flood() -> None:
    """Eight connections sending unterminated 50 MB headers: the worker's growth and the slowest /healthz."""
    database = WORK / "flood.db"
    database.unlink(missing_ok=True)
    upgrade_database(f"sqlite:///{database}")
    with running_server(f"sqlite:///{database}", WORK) as server:
        for _ in range(20):
            httpx.get(server.url + "/healthz")
        baseline = test_head_limits._rss(server)
        longest: list[int] = []
        stop = threading.Event()
        floods = [threading.Thread(target=test_head_limits._flood, args=(server.port, longest, stop)) for _ in range(8)]
        for flood in floods:
            flood.start()
        peak, slowest = baseline, 0.0
        for _ in range(60):
            started = time.monotonic()
            httpx.get(server.url + "/healthz", timeout=30)
            slowest = max(slowest, time.monotonic() - started)
            peak = max(peak, test_head_limits._rss(server))
            time.sleep(0.05)
        stop.set()
        for flood in floods:
            flood.join()
    print(f"header flood: worker grew {(peak - baseline) / MB:.1f} MB, slowest /healthz {slowest:.3f} s")


if __name__ == "__main__":
    WORK.mkdir(parents=True, exist_ok=True)
    stalled_database()
    header_flood()

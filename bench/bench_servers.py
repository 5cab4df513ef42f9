"""What bench/bench_http.py (and the profiles) run: wrk and its script, the navigator, the bare app, the databases,
the synthetic catalogue, and the server's CPU time and memory read from /proc."""

from __future__ import annotations

import copy
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES_ADMIN = os.environ.get("NAVIGATOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BARE_APP = "bench.bare_app:app"
QUOTA = "1000000000"
"""Rate limits stay on, with a quota a benchmark never reaches: the counting is measured, not the refusals."""
PARENT_NEED = "professional-advice"
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WRK = shutil.which("wrk") or "wrk"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time used so far by the process and its descendants (the workers of a multi-worker
    server); Datasette and a one-worker server are a single process."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        times[child] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    tree = {pid}
    grew = True
    while grew:
        grew = False
        for child, parent in parents.items():
            if parent in tree and child not in tree:
                tree.add(child)
                grew = True
    return sum(times.get(member, 0.0) for member in tree)


def navigator(database_url: str, *args: str) -> None:
    env = {**os.environ, "NAVIGATOR_DATABASE_URL": database_url}
    subprocess.run([str(BIN / "navigator"), *args], env=env, check=True, stdout=subprocess.DEVNULL)


def wait_for(port: int, path: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on {port} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                conn.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
                if conn.recv(12)[9:12] == b"200":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server on {port} did not come up")


def start_api(database_url: str, log: Path, workers: int = 1) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    env = {
        **os.environ,
        "NAVIGATOR_DATABASE_URL": database_url,
        "NAVIGATOR_RATE_LIMIT_ENABLED": "true",
        "NAVIGATOR_RATE_LIMIT_PER_MINUTE": QUOTA,
        "NAVIGATOR_RATE_LIMIT_KEY_PER_MINUTE": QUOTA,
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    env.pop("NAVIGATOR_REDIS_URL", None)  # the in-memory counter: one worker
    with log.open("ab") as sink:
        process = subprocess.Popen(
            [str(BIN / "navigator"), "serve", "--no-migrate", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    wait_for(port, "/healthz", process)
    return process, port


def start_bare(log: Path) -> tuple[subprocess.Popen[bytes], int]:
    """bench/bare_app.py on the uvicorn `navigator serve` uses (uvloop, httptools), without an access log."""
    port = free_port()
    command = [str(BIN / "uvicorn"), BARE_APP, "--port", str(port), "--loop", "uvloop", "--http", "httptools"]
    with log.open("ab") as sink:
        process = subprocess.Popen(
            [*command, "--no-access-log", "--log-level", "warning"], cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT
        )
    wait_for(port, "/", process)
    return process, port


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def synthetic_catalogue(directory: Path, size: int) -> Path:
    """The real taxonomy and providers, and `size` offers: the real ones repeated with new slugs and names."""
    (directory / "catalogue").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "taxonomy.yaml", directory / "taxonomy.yaml")
    shutil.copy(ROOT / "data" / "catalogue" / "providers.yaml", directory / "catalogue" / "providers.yaml")
    real = yaml.safe_load((ROOT / "data" / "catalogue" / "offers.yaml").read_text())["offers"]
    offers = []
    for n in range(size):
        offer = copy.deepcopy(real[n % len(real)])  # no shared values: the curated reader refuses YAML anchors
        offer["slug"] = f"{offer['slug'][:60]}-s{n}"
        offer["name"] = f"{offer['name'][:180]} (copy {n})"
        offers.append(offer)
    (directory / "catalogue" / "offers.yaml").write_text(yaml.safe_dump({"offers": offers}, sort_keys=False))
    return directory


def postgres_databases(names: list[str]) -> list[str] | None:
    admin_url = make_url(POSTGRES_ADMIN)
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
    except Exception as exc:
        print(f"PostgreSQL not reachable ({type(exc).__name__}); PostgreSQL scenarios skipped.")
        return None
    return [admin_url.set(database=name).render_as_string(hide_password=False) for name in names]


def drop_postgres_databases(names: list[str]) -> None:
    admin = create_engine(make_url(POSTGRES_ADMIN), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for name in names:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def child_needs(database_url: str) -> list[str]:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT slug FROM taxonomy_term WHERE vocabulary = 'need' AND (slug = :p OR parent_slug = :p)"),
            {"p": PARENT_NEED},
        ).scalars()
        needs = sorted(rows)
    engine.dispose()
    return needs


@contextmanager
def serving(database_url: str, log: Path, workers: int = 1) -> Iterator[tuple[int, int]]:
    """A `navigator serve` process for the duration of the block: (its pid, its port)."""
    process, port = start_api(database_url, log, workers)
    try:
        yield process.pid, port
    finally:
        stop(process)


# ---- load generator (wrk) ------------------------------------------------------------------------------------

WRK_SCRIPT = """
local bodies = {BODIES}
local method = "{METHOD}"
local n = 0
wrk.headers["Accept"] = "application/json"
{HEADERS}
if method == "POST" then
  wrk.headers["Content-Type"] = "application/json"
end
request = function()
  n = n + 1
  local body = nil
  if #bodies > 0 then
    body = bodies[(n % #bodies) + 1]
  end
  return wrk.format(method, nil, nil, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT %d %d %d %d %d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout + e.status
  ))
end
"""


def _lua_string(text: str) -> str:
    return "[==[" + text + "]==]"


def _wrk(port: int, path: str, script: Path, seconds: float) -> tuple[int, float, float, float, int]:
    """(requests, seconds, p50 ms, p99 ms, errors) of one wrk run."""
    # wrk takes whole seconds.
    command = [WRK, "-t1", f"-c{CONNECTIONS}", f"-d{max(1, round(seconds))}s", "--timeout", "10s", "-s", str(script)]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], check=True, capture_output=True, text=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    requests, duration_us, p50_us, p99_us, errors = (int(field) for field in line.split()[1:])
    return requests, duration_us / 1e6, p50_us / 1000, p99_us / 1000, errors


def write_script(script: Path, method: str, bodies: list[Any] | None, headers: dict[str, str] | None) -> None:
    """The wrk script sending `bodies` in turn (with `headers`)."""
    encoded = [_lua_string(json.dumps(body)) for body in bodies or []]
    extra = "\n".join(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in (headers or {}).items())
    script.write_text(
        WRK_SCRIPT.replace("{BODIES}", "{" + ", ".join(encoded) + "}")
        .replace("{METHOD}", method)
        .replace("{HEADERS}", extra)
    )


def _wrk_version() -> str:
    banner = subprocess.run([WRK, "--version"], capture_output=True, text=True).stdout.split()
    return " ".join(banner[:2]) if banner else "wrk"

"""HTTP benchmarks on loopback: the API on one uvicorn worker against a bare baseline in the same app, and Datasette.

Scenarios, each on SQLite and on PostgreSQL (when reachable): GET /healthz (the baseline: same app, same server,
same middleware, touches no database), GET /v1/offers with filters, POST /v1/match on the real catalogue, and
POST /v1/match on a 10,000-offer synthetic catalogue. Then Datasette serving the same SQLite file with the same
filter in SQL. The match scenarios send the 25 golden profiles (data/golden_profiles.yaml) in turn, so the figure
is for varied, realistic requests rather than one request repeated.

The load comes from wrk (a C load generator: `apt-get install wrk`), one thread keeping CONNECTIONS keep-alive
connections busy for DURATION seconds after a warm-up. Besides requests per second and latency, the server's own
CPU time per request is read from /proc: it does not depend on how fast the client is, so it is the figure to size
workers by. Results: bench/results/http.json and http.md.

    .venv/bin/python bench/bench_http.py            # or: make bench
    BENCH_DURATION=8 BENCH_CONNECTIONS=32 .venv/bin/python bench/bench_http.py
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import yaml
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
DURATION = float(os.environ.get("BENCH_DURATION", "6"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
SYNTHETIC_OFFERS = int(os.environ.get("BENCH_SYNTHETIC_OFFERS", "10000"))
POSTGRES_ADMIN = os.environ.get("NAVIGATOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

GOLDEN = ROOT / "data" / "golden_profiles.yaml"
MATCH_BODIES: list[dict[str, Any]] = [profile["request"] for profile in yaml.safe_load(GOLDEN.read_text())["profiles"]]
WRK = shutil.which("wrk") or "wrk"
OFFERS_QUERY = "/v1/offers?need=professional-advice&stage=5"
LARGE_PAGE = "/v1/offers?limit=100"
PAGE_BYTES: dict[str, int] = {}
PARENT_NEED = "professional-advice"
# Datasette gets the same question in SQL: live offers tagged with the need or any of its children, serving stage 5,
# active or forthcoming, by name, first page of 20, with the provider's name.
DATASETTE_SQL = """
select offer.*, provider.slug as provider_slug, provider.name as provider_name
from offer join provider on provider.id = offer.provider_id
where offer.withdrawn_at is null and provider.withdrawn_at is null
  and offer.status in ('active', 'forthcoming')
  and exists (select 1 from json_each(offer.needs) where value in ({needs}))
  and exists (select 1 from json_each(offer.stages) where value = 5)
order by offer.name limit 20
"""


@dataclass
class Result:
    """One scenario's figures."""

    scenario: str
    backend: str
    server: str
    requests: int
    errors: int
    rps: float
    p50_ms: float
    p99_ms: float
    cpu_ms_per_request: float
    ratio_to_baseline: float | None = None
    rss_mb: float | None = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


def measure(
    scenario: str,
    backend: str,
    server: str,
    port: int,
    method: str,
    path: str,
    bodies: list[Any] | None = None,
    *,
    pid: int,
    work: Path,
    headers: dict[str, str] | None = None,
) -> Result:
    script = work / f"wrk-{uuid.uuid4().hex[:8]}.lua"
    encoded = [_lua_string(json.dumps(body)) for body in bodies or []]
    extra = "\n".join(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in (headers or {}).items())
    script.write_text(
        WRK_SCRIPT.replace("{BODIES}", "{" + ", ".join(encoded) + "}")
        .replace("{METHOD}", method)
        .replace("{HEADERS}", extra)
    )
    _wrk(port, path, script, WARMUP)
    before = cpu_seconds(pid)
    requests, seconds, p50, p99, errors = _wrk(port, path, script, DURATION)
    cpu = cpu_seconds(pid) - before
    result = Result(
        scenario=scenario,
        backend=backend,
        server=server,
        requests=requests,
        errors=errors,
        rps=round(requests / seconds, 1),
        p50_ms=round(p50, 2),
        p99_ms=round(p99, 2),
        cpu_ms_per_request=round(cpu * 1000 / max(requests, 1), 3),
    )
    print(
        f"  {scenario:<34} {backend:<10} {result.rps:>9.1f} rps  p50 {result.p50_ms:6.2f} ms  "
        f"p99 {result.p99_ms:6.2f} ms  server CPU {result.cpu_ms_per_request:.3f} ms/req  errors {result.errors}",
        flush=True,
    )
    return result


# ---- servers and databases ------------------------------------------------------------------------------------


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
        "NAVIGATOR_RATE_LIMIT_ENABLED": "false",  # one client at 32 connections is not abuse here
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    with log.open("ab") as sink:
        process = subprocess.Popen(
            [str(BIN / "navigator"), "serve", "--no-migrate", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    wait_for(port, "/healthz", process)
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
        offer = dict(real[n % len(real)])
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


# ---- the run --------------------------------------------------------------------------------------------------


@contextmanager
def serving(database_url: str, log: Path, workers: int = 1) -> Iterator[tuple[int, int]]:
    """A `navigator serve` process for the duration of the block: (its pid, its port)."""
    process, port = start_api(database_url, log, workers)
    try:
        yield process.pid, port
    finally:
        stop(process)


def run_backend(backend: str, real_url: str, synthetic_url: str, log: Path, work: Path) -> list[Result]:
    def match(scenario: str, port: int, pid: int) -> Result:
        return measure(scenario, backend, "navigator", port, "POST", "/v1/match", MATCH_BODIES, pid=pid, work=work)

    with serving(real_url, log) as (pid, port):
        baseline = measure(
            "hello (GET /healthz, baseline)", backend, "navigator", port, "GET", "/healthz", pid=pid, work=work
        )
        offers = measure(
            "GET /v1/offers (filtered)", backend, "navigator", port, "GET", OFFERS_QUERY, pid=pid, work=work
        )
        real = match("POST /v1/match (real catalogue)", port, pid)
        real.rss_mb = rss_mb(pid)
        # The largest page, as sent (identity) and gzipped: what compression costs the server per request.
        pages = []
        for encoding in ("identity", "gzip"):
            scenario = f"GET {LARGE_PAGE} ({encoding})"
            pages.append(
                measure(
                    scenario,
                    backend,
                    "navigator",
                    port,
                    "GET",
                    LARGE_PAGE,
                    pid=pid,
                    work=work,
                    headers={"Accept-Encoding": encoding},
                )
            )
            answer = httpx.get(f"http://127.0.0.1:{port}{LARGE_PAGE}", headers={"Accept-Encoding": encoding})
            PAGE_BYTES[encoding] = int(answer.headers["content-length"])  # bytes on the wire
    with serving(synthetic_url, log) as (pid, port):
        big = match(f"POST /v1/match ({SYNTHETIC_OFFERS // 1000}k offers)", port, pid)
        big.rss_mb = rss_mb(pid)
    results = [baseline, offers, real, *pages, big]
    if backend == "postgresql":
        # Scale-out on one host: the production shape (stateless workers sharing PostgreSQL), two workers for two
        # cores. The load generator shares those cores, so this is a floor for what a second core buys.
        with serving(real_url, log, workers=2) as (pid, port):
            results.append(match("POST /v1/match (real catalogue, 2 workers)", port, pid))
    for result in results:
        result.ratio_to_baseline = round(result.rps / baseline.rps, 3)
    return results


def run_datasette(sqlite_path: Path, needs: list[str], baseline: Result, log: Path) -> Result | None:
    datasette = BIN / "datasette"
    if not datasette.exists():
        print("Datasette not installed (pip install -e '.[bench]'); comparison skipped.")
        return None
    port = free_port()
    with log.open("ab") as sink:
        process = subprocess.Popen(
            [
                str(datasette),
                "serve",
                "-i",
                str(sqlite_path),
                "--port",
                str(port),
                "--setting",
                "sql_time_limit_ms",
                "5000",
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    sql = DATASETTE_SQL.format(needs=", ".join(f"'{need}'" for need in needs))
    path = f"/{sqlite_path.stem}.json?sql={quote(sql)}&_shape=array"
    try:
        wait_for(port, path, process)
        result = measure(
            "Datasette, same filter in SQL", "sqlite", "datasette", port, "GET", path, pid=process.pid, work=log.parent
        )
    finally:
        stop(process)
    result.ratio_to_baseline = round(result.rps / baseline.rps, 3)
    return result


def markdown(results: list[Result], checks: list[tuple[str, bool, str]], meta: dict[str, Any]) -> str:
    lines = [
        f"HTTP benchmark, {meta['when']}: {meta['machine']}; one uvicorn worker; {meta['load_generator']}, one thread,"
        f" {CONNECTIONS} keep-alive connections, {DURATION:g} s per scenario after {WARMUP:g} s warm-up, on the same"
        f" host; match scenarios send the {meta['match_bodies']}.",
        "",
        "| scenario | backend | server | req/s | p50 ms | p99 ms | ratio to baseline | server CPU ms/req | RSS MB |"
        " errors |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rss = f"{r.rss_mb:.0f}" if r.rss_mb is not None else ""
        ratio = f"{r.ratio_to_baseline:.2f}" if r.ratio_to_baseline is not None else ""
        lines.append(
            f"| {r.scenario} | {r.backend} | {r.server} | {r.rps:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | {ratio} |"
            f" {r.cpu_ms_per_request:.2f} | {rss} | {r.errors} |"
        )
    lines += ["", "| target | met | figure |", "|---|---|---|"]
    lines += [f"| {name} | {'yes' if ok else '**no**'} | {figure} |" for name, ok, figure in checks]
    return "\n".join(lines) + "\n"


def _wrk_version() -> str:
    banner = subprocess.run([WRK, "--version"], capture_output=True, text=True).stdout.split()
    return " ".join(banner[:2]) if banner else "wrk"


def evaluate(results: list[Result], datasette: Result | None) -> list[tuple[str, bool, str]]:
    checks: list[tuple[str, bool, str]] = []
    for backend in ("sqlite", "postgresql"):
        rows = {r.scenario: r for r in results if r.backend == backend and r.server == "navigator"}
        match = rows.get("POST /v1/match (real catalogue)")
        if match is None:
            continue
        checks.append(
            (
                f"match ≥ half the baseline req/s ({backend})",
                (match.ratio_to_baseline or 0) >= 0.5,
                f"{match.ratio_to_baseline:.2f} of baseline",
            )
        )
        checks.append(
            (
                f"match p99 ≤ 50 ms at {CONNECTIONS} connections ({backend})",
                match.p99_ms <= 50,
                f"{match.p99_ms:.1f} ms",
            )
        )
        checks.append(
            (
                f"RSS ≤ 200 MB with the real catalogue ({backend})",
                (match.rss_mb or 1e9) <= 200,
                f"{match.rss_mb:.0f} MB",
            )
        )
    offers = next((r for r in results if r.backend == "sqlite" and r.scenario.startswith("GET /v1/offers")), None)
    if datasette is not None and offers is not None:
        checks.append(
            (
                "filtered offers ≥ Datasette req/s (SQLite)",
                offers.rps >= datasette.rps,
                f"{offers.rps:,.0f} vs {datasette.rps:,.0f}",
            )
        )
    return checks


def main() -> None:
    if shutil.which(WRK) is None:
        sys.exit("bench_http needs wrk, the HTTP load generator: apt-get install wrk (or brew install wrk).")
    RESULTS.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="navigator-bench-"))
    log = work / "servers.log"
    print(f"Working in {work} ({CONNECTIONS} connections, {DURATION:g} s per scenario)")
    synthetic_dir = synthetic_catalogue(work / "synthetic", SYNTHETIC_OFFERS)
    sqlite_real = work / "navigator.db"
    sqlite_big = work / "synthetic.db"
    print("Loading the SQLite databases ...", flush=True)
    navigator(f"sqlite:///{sqlite_real}", "load", str(ROOT / "data"))
    navigator(f"sqlite:///{sqlite_big}", "load", str(synthetic_dir))
    results: list[Result] = []
    print("SQLite:", flush=True)
    results += run_backend("sqlite", f"sqlite:///{sqlite_real}", f"sqlite:///{sqlite_big}", log, work)
    needs = child_needs(f"sqlite:///{sqlite_real}")
    datasette = run_datasette(sqlite_real, needs, results[0], log)
    if datasette is not None:
        results.append(datasette)
    suffix = uuid.uuid4().hex[:8]
    names = [f"navigator_bench_{suffix}", f"navigator_bench_big_{suffix}"]
    urls = postgres_databases(names)
    if urls is not None:
        try:
            print("Loading the PostgreSQL databases ...", flush=True)
            navigator(urls[0], "load", str(ROOT / "data"))
            navigator(urls[1], "load", str(synthetic_dir))
            print("PostgreSQL:", flush=True)
            results += run_backend("postgresql", urls[0], urls[1], log, work)
        finally:
            drop_postgres_databases(names)
    checks = evaluate(results, datasette)
    meta = {
        "when": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "connections": CONNECTIONS,
        "duration_seconds": DURATION,
        "warmup_seconds": WARMUP,
        "synthetic_offers": SYNTHETIC_OFFERS,
        "match_bodies": f"{len(MATCH_BODIES)} golden profiles in turn ({GOLDEN.relative_to(ROOT)})",
        "load_generator": _wrk_version(),
        "offers_query": OFFERS_QUERY,
        "large_page_bytes": PAGE_BYTES,
    }
    (RESULTS / "http.json").write_text(
        json.dumps(
            {
                "meta": meta,
                "results": [asdict(r) for r in results],
                "targets": [{"target": n, "met": ok, "figure": f} for n, ok, f in checks],
            },
            indent=2,
        )
        + "\n"
    )
    table = markdown(results, checks, meta)
    (RESULTS / "http.md").write_text(table)
    print()
    print(table)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

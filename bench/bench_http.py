"""HTTP benchmarks on loopback: the API on one uvicorn worker against a bare FastAPI app, and Datasette.

The first row is the ceiling: bench/bare_app.py (FastAPI answering {"ok": true}, no middleware) on the same
uvicorn (uvloop, httptools, no access log). Every other row is reported as a ratio to it, with the server's CPU
per request, p50/p99 and errors. The navigator runs with every feature on: JSON access log with request ids,
Prometheus metrics, rate limits (in-memory counter, with a quota no benchmark reaches), the body limit, CORS and
demand recording.

Scenarios, each on SQLite and on PostgreSQL (when reachable): GET /healthz (touches no database), GET /v1/offers
with filters, POST /v1/match on the real catalogue with the golden profiles (data/golden_profiles.yaml) in turn,
POST /v1/match with only their keywords, POST /v1/intake with the golden descriptions (data/golden_descriptions.yaml)
in turn, the largest page identity and gzipped, and POST /v1/match on a 10,000-offer synthetic catalogue. Then
Datasette serving the same SQLite file with the same filter in SQL. Varied bodies, so the figures hold for requests
never seen before (there is no cache of whole answers).

The load comes from wrk (a C load generator: `apt-get install wrk`), one thread keeping CONNECTIONS keep-alive
connections busy for DURATION seconds after a warm-up. Besides requests per second and latency, the server's own
CPU time per request is read from /proc: it does not depend on how fast the client is, so it is the figure to size
workers by. Results: bench/results/http.json and http.md.

    .venv/bin/python bench/bench_http.py            # or: make bench-http
    BENCH_DURATION=8 BENCH_CONNECTIONS=32 .venv/bin/python bench/bench_http.py
    BENCH_BACKENDS=sqlite .venv/bin/python bench/bench_http.py    # SQLite only (quicker)
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_servers import (
    BIN,
    CONNECTIONS,
    ROOT,
    WRK,
    _wrk,
    _wrk_version,
    child_needs,
    cpu_seconds,
    drop_postgres_databases,
    free_port,
    navigator,
    postgres_databases,
    rss_mb,
    serving,
    start_bare,
    stop,
    synthetic_catalogue,
    wait_for,
    write_script,
)

RESULTS = ROOT / "bench" / "results"
DURATION = float(os.environ.get("BENCH_DURATION", "6"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "2"))
SYNTHETIC_OFFERS = int(os.environ.get("BENCH_SYNTHETIC_OFFERS", "10000"))
BACKENDS = os.environ.get("BENCH_BACKENDS", "sqlite,postgresql").split(",")

GOLDEN = ROOT / "data" / "golden_profiles.yaml"
MATCH_BODIES: list[dict[str, Any]] = [profile["request"] for profile in yaml.safe_load(GOLDEN.read_text())["profiles"]]
KEYWORD_BODIES = [{"keywords": body["keywords"]} for body in MATCH_BODIES if body.get("keywords")]
DESCRIPTIONS = ROOT / "data" / "golden_descriptions.yaml"
INTAKE_BODIES = [
    {"description": row["description"]} for row in yaml.safe_load(DESCRIPTIONS.read_text())["descriptions"]
]
OFFERS_QUERY = "/v1/offers?need=professional-advice&stage=5"
LARGE_PAGE = "/v1/offers?limit=100"
PAGE_BYTES: dict[str, int] = {}
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
    cpu_ratio: float | None = None
    """The bare app's server CPU per request over this one's: the req/s ratio when the worker has a core to itself."""
    rss_mb: float | None = None


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
    write_script(script, method, bodies, headers)
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


# ---- the run --------------------------------------------------------------------------------------------------


def run_bare(log: Path, work: Path, backend: str) -> Result:
    """The ceiling, measured again just before each backend's rows (the machine's load moves between them)."""
    process, port = start_bare(log)
    try:
        return measure(
            'bare FastAPI {"ok": true} (ceiling)', backend, "bare", port, "GET", "/", pid=process.pid, work=work
        )
    finally:
        stop(process)


def _ratios(block: list[Result]) -> list[Result]:
    """Every row of a block as a ratio to the block's first row, its own bare ceiling."""
    bare = block[0]
    for result in block:
        result.ratio_to_baseline = round(result.rps / bare.rps, 3)
        result.cpu_ratio = round(bare.cpu_ms_per_request / max(result.cpu_ms_per_request, 1e-6), 3)
    return block


def run_backend(backend: str, real_url: str, synthetic_url: str, log: Path, work: Path) -> list[Result]:
    def post(scenario: str, port: int, pid: int, path: str, bodies: list[Any]) -> Result:
        return measure(scenario, backend, "navigator", port, "POST", path, bodies, pid=pid, work=work)

    with serving(real_url, log) as (pid, port):
        results = [
            measure("GET /healthz", backend, "navigator", port, "GET", "/healthz", pid=pid, work=work),
            measure("GET /v1/offers (filtered)", backend, "navigator", port, "GET", OFFERS_QUERY, pid=pid, work=work),
            post("POST /v1/match (real catalogue)", port, pid, "/v1/match", MATCH_BODIES),
            post("POST /v1/match (keywords only)", port, pid, "/v1/match", KEYWORD_BODIES),
            post("POST /v1/intake (descriptions)", port, pid, "/v1/intake", INTAKE_BODIES),
        ]
        results[2].rss_mb = rss_mb(pid)
        # The largest page, as sent (identity) and gzipped: what compression costs the server per request.
        for encoding in ("identity", "gzip"):
            scenario = f"GET {LARGE_PAGE} ({encoding})"
            headers = {"Accept-Encoding": encoding}
            results.append(
                measure(scenario, backend, "navigator", port, "GET", LARGE_PAGE, pid=pid, work=work, headers=headers)
            )
            answer = httpx.get(f"http://127.0.0.1:{port}{LARGE_PAGE}", headers=headers)
            PAGE_BYTES[encoding] = int(answer.headers["content-length"])  # bytes on the wire
        results[-1].rss_mb = rss_mb(pid)
    with serving(synthetic_url, log) as (pid, port):
        big = post(f"POST /v1/match ({SYNTHETIC_OFFERS // 1000}k offers)", port, pid, "/v1/match", MATCH_BODIES)
        big.rss_mb = rss_mb(pid)
    results.append(big)
    if backend == "postgresql":
        # Scale-out on one host: the production shape (stateless workers sharing PostgreSQL), two workers for two
        # cores. The load generator shares those cores, so this is a floor for what a second core buys.
        with serving(real_url, log, workers=2) as (pid, port):
            results.append(post("POST /v1/match (real catalogue, 2 workers)", port, pid, "/v1/match", MATCH_BODIES))
    return results


def run_datasette(sqlite_path: Path, needs: list[str], log: Path) -> Result | None:
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
        return measure(
            "Datasette, same filter in SQL", "sqlite", "datasette", port, "GET", path, pid=process.pid, work=log.parent
        )
    finally:
        stop(process)


def markdown(results: list[Result], checks: list[tuple[str, bool, str]], meta: dict[str, Any]) -> str:
    lines = [
        f"HTTP benchmark, {meta['when']}: {meta['machine']}, load average {meta['load_average']} at the start;"
        f" one uvicorn worker; {meta['load_generator']}, one thread, {CONNECTIONS} keep-alive connections,"
        f" {DURATION:g} s per scenario after {WARMUP:g} s warm-up, on the same host; match scenarios send the"
        f" {meta['match_bodies']}; intake sends the {meta['intake_bodies']}. Every navigator feature on (JSON access"
        " log, metrics, rate limits with the in-memory counter, body limit, CORS, demand recording). The ratio is"
        " to the bare row of the same block (measured again before each backend): read ratios, not absolute figures, on"
        " a shared machine."
        " The CPU ratio (the bare app's server CPU per request over the scenario's) is what the req/s ratio would be"
        " with a core to the worker alone; other processes on the machine move req/s far more than they move it.",
        "",
        "| scenario | backend | server | req/s | ratio to bare | p50 ms | p99 ms | server CPU ms/req |"
        " CPU ratio to bare | RSS MB | errors |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rss = f"{r.rss_mb:.0f}" if r.rss_mb is not None else ""
        ratio = f"{r.ratio_to_baseline:.2f}" if r.ratio_to_baseline is not None else ""
        lines.append(
            f"| {r.scenario} | {r.backend} | {r.server} | {r.rps:,.0f} | {ratio} | {r.p50_ms:.1f} | {r.p99_ms:.1f} |"
            f" {r.cpu_ms_per_request:.3f} | {r.cpu_ratio or 0:.2f} | {rss} | {r.errors} |"
        )
    lines += ["", "| target | met | figure |", "|---|---|---|"]
    lines += [f"| {name} | {'yes' if ok else '**no**'} | {figure} |" for name, ok, figure in checks]
    return "\n".join(lines) + "\n"


def _check(checks: list[tuple[str, bool, str]], row: Result | None, name: str, floor: float) -> None:
    if row is not None and row.ratio_to_baseline is not None:
        checks.append((name, row.ratio_to_baseline >= floor, f"{row.ratio_to_baseline:.2f} of bare"))


def evaluate(results: list[Result], datasette: Result | None) -> list[tuple[str, bool, str]]:
    """The issue's figures: ratios to the bare app, the match p99, RSS, and the filtered page against Datasette."""
    checks: list[tuple[str, bool, str]] = []
    for backend in ("sqlite", "postgresql"):
        rows = {r.scenario: r for r in results if r.backend == backend and r.server == "navigator"}
        match = rows.get("POST /v1/match (real catalogue)")
        if match is None:
            continue
        _check(checks, rows.get("GET /healthz"), f"/healthz ≥ 0.8x bare ({backend})", 0.8)
        _check(checks, match, f"POST /v1/match ≥ 0.5x bare ({backend})", 0.5)
        _check(checks, rows.get("GET /v1/offers (filtered)"), f"filtered offers ≥ 0.5x bare ({backend})", 0.5)
        checks.append(
            (
                f"match p99 ≤ 20 ms at {CONNECTIONS} connections ({backend})",
                match.p99_ms <= 20,
                f"{match.p99_ms:.1f} ms",
            )
        )
        rss = max(r.rss_mb or 0 for r in rows.values() if "10k" not in r.scenario)
        checks.append((f"RSS ≤ 150 MB with the real catalogue ({backend})", rss <= 150, f"{rss:.0f} MB"))
    offers = next((r for r in results if r.backend == "sqlite" and r.scenario.startswith("GET /v1/offers")), None)
    if datasette is not None and offers is not None:
        checks.append(
            (
                "filtered offers ≥ 3x Datasette req/s (SQLite)",
                offers.rps >= 3 * datasette.rps,
                f"{offers.rps:,.0f} vs {datasette.rps:,.0f} ({offers.rps / max(datasette.rps, 1):.1f}x)",
            )
        )
    return checks


def run_all(work: Path, log: Path) -> tuple[list[Result], Result | None]:
    """Each backend's block: the bare ceiling first, then the scenarios (and Datasette after SQLite's), every row as
    a ratio to the block's own ceiling, measured minutes apart rather than at the start of the whole run."""
    synthetic_dir = synthetic_catalogue(work / "synthetic", SYNTHETIC_OFFERS)
    sqlite_real = work / "navigator.db"
    sqlite_big = work / "synthetic.db"
    print("Loading the SQLite databases ...", flush=True)
    navigator(f"sqlite:///{sqlite_real}", "load", str(ROOT / "data"))
    navigator(f"sqlite:///{sqlite_big}", "load", str(synthetic_dir))
    results: list[Result] = []
    datasette = None
    if "sqlite" in BACKENDS:
        print("SQLite:", flush=True)
        block = [run_bare(log, work, "sqlite")]
        block += run_backend("sqlite", f"sqlite:///{sqlite_real}", f"sqlite:///{sqlite_big}", log, work)
        datasette = run_datasette(sqlite_real, child_needs(f"sqlite:///{sqlite_real}"), log)
        results += _ratios(block + ([datasette] if datasette is not None else []))
    suffix = uuid.uuid4().hex[:8]
    names = [f"navigator_bench_{suffix}", f"navigator_bench_big_{suffix}"]
    urls = postgres_databases(names) if "postgresql" in BACKENDS else None
    if urls is not None:
        try:
            print("Loading the PostgreSQL databases ...", flush=True)
            navigator(urls[0], "load", str(ROOT / "data"))
            navigator(urls[1], "load", str(synthetic_dir))
            print("PostgreSQL:", flush=True)
            block = [run_bare(log, work, "postgresql")]
            results += _ratios(block + run_backend("postgresql", urls[0], urls[1], log, work))
        finally:
            drop_postgres_databases(names)
    return results, datasette


def main() -> None:
    if shutil.which(WRK) is None:
        sys.exit("bench_http needs wrk, the HTTP load generator: apt-get install wrk (or brew install wrk).")
    RESULTS.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="navigator-bench-"))
    log = work / "servers.log"
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"Working in {work} ({CONNECTIONS} connections, {DURATION:g} s per scenario, load {load_average})")
    results, datasette = run_all(work, log)
    checks = evaluate(results, datasette)
    meta = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_average": load_average,
        "connections": CONNECTIONS,
        "duration_seconds": DURATION,
        "warmup_seconds": WARMUP,
        "synthetic_offers": SYNTHETIC_OFFERS,
        "match_bodies": f"{len(MATCH_BODIES)} golden profiles in turn ({GOLDEN.relative_to(ROOT)})",
        "intake_bodies": f"{len(INTAKE_BODIES)} golden descriptions in turn ({DESCRIPTIONS.relative_to(ROOT)})",
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

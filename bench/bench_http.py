"""HTTP benchmarks on loopback: the API on one uvicorn worker against a bare baseline in the same app, and Datasette.

Scenarios, each on SQLite and on PostgreSQL (when reachable): GET /healthz (the baseline: same app, same server,
same middleware, touches no database), GET /v1/offers with filters, POST /v1/match on the real catalogue, and
POST /v1/match on a 10,000-offer synthetic catalogue. Then Datasette serving the same SQLite file with the same
filter in SQL. The load generator keeps CONNECTIONS keep-alive connections busy for DURATION seconds after a
warm-up, and records every request's latency. Results: bench/results/http.json and http.md.

    .venv/bin/python bench/bench_http.py            # or: make bench
    BENCH_DURATION=8 BENCH_CONNECTIONS=32 .venv/bin/python bench/bench_http.py
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
DURATION = float(os.environ.get("BENCH_DURATION", "6"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "1.5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
SYNTHETIC_OFFERS = int(os.environ.get("BENCH_SYNTHETIC_OFFERS", "10000"))
POSTGRES_ADMIN = os.environ.get("NAVIGATOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

MATCH_BODY = {
    "stage": 5,
    "needs": ["regulatory-advice", "health-system-access"],
    "sector": "digital-health",
    "organisation_type": "startup",
    "location": "leeds",
    "keywords": "software as a medical device",
}
OFFERS_QUERY = "/v1/offers?need=professional-advice&stage=5"
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
    ratio_to_baseline: float | None = None
    rss_mb: float | None = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# ---- load generator -------------------------------------------------------------------------------------------


def _request_bytes(method: str, path: str, body: bytes | None) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Accept: application/json"]
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        lowered = name.strip().lower()
        if lowered == b"content-length":
            length = int(value)
        elif lowered == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


async def _worker(
    port: int, payload: bytes, stop_at: float, record_from: float, latencies: list[float], failures: list[int]
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while (started := time.perf_counter()) < stop_at:
            writer.write(payload)
            status = await _read_response(reader)
            finished = time.perf_counter()
            if started >= record_from:
                latencies.append(finished - started)
                if status >= 400:
                    failures.append(status)
    finally:
        writer.close()


async def _drive(port: int, method: str, path: str, body: bytes | None) -> tuple[list[float], list[int], float]:
    payload = _request_bytes(method, path, body)
    now = time.perf_counter()
    record_from, stop_at = now + WARMUP, now + WARMUP + DURATION
    latencies: list[float] = []
    failures: list[int] = []
    await asyncio.gather(
        *(_worker(port, payload, stop_at, record_from, latencies, failures) for _ in range(CONNECTIONS))
    )
    return latencies, failures, DURATION


def measure(scenario: str, backend: str, server: str, port: int, method: str, path: str, body: Any = None) -> Result:
    encoded = json.dumps(body).encode() if body is not None else None
    latencies, failures, duration = asyncio.run(_drive(port, method, path, encoded))
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    result = Result(
        scenario=scenario,
        backend=backend,
        server=server,
        requests=len(latencies),
        errors=len(failures),
        rps=round(len(latencies) / duration, 1),
        p50_ms=round(statistics.median(latencies) * 1000, 2),
        p99_ms=round(p99 * 1000, 2),
    )
    print(
        f"  {scenario:<34} {backend:<10} {result.rps:>9.1f} rps  p50 {result.p50_ms:6.2f} ms  "
        f"p99 {result.p99_ms:6.2f} ms  errors {result.errors}",
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
                conn.sendall(_request_bytes("GET", path, None))
                if conn.recv(12)[9:12] == b"200":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server on {port} did not come up")


def start_api(database_url: str, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    env = {
        **os.environ,
        "NAVIGATOR_DATABASE_URL": database_url,
        "NAVIGATOR_RATE_LIMIT_ENABLED": "false",  # one client at 32 connections is not abuse here
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    with log.open("ab") as sink:
        process = subprocess.Popen(
            [str(BIN / "navigator"), "serve", "--no-migrate", "--port", str(port), "--workers", "1"],
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


def run_backend(backend: str, real_url: str, synthetic_url: str, log: Path) -> list[Result]:
    results: list[Result] = []
    process, port = start_api(real_url, log)
    try:
        baseline = measure("hello (GET /healthz, baseline)", backend, "navigator", port, "GET", "/healthz")
        offers = measure("GET /v1/offers (filtered)", backend, "navigator", port, "GET", OFFERS_QUERY)
        match = measure("POST /v1/match (real catalogue)", backend, "navigator", port, "POST", "/v1/match", MATCH_BODY)
        match.rss_mb = rss_mb(process.pid)
        results += [baseline, offers, match]
    finally:
        stop(process)
    process, port = start_api(synthetic_url, log)
    try:
        big = measure(
            f"POST /v1/match ({SYNTHETIC_OFFERS // 1000}k offers)",
            backend,
            "navigator",
            port,
            "POST",
            "/v1/match",
            MATCH_BODY,
        )
        big.rss_mb = rss_mb(process.pid)
        results.append(big)
    finally:
        stop(process)
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
        result = measure("Datasette, same filter in SQL", "sqlite", "datasette", port, "GET", path)
    finally:
        stop(process)
    result.ratio_to_baseline = round(result.rps / baseline.rps, 3)
    return result


def markdown(results: list[Result], checks: list[tuple[str, bool, str]], meta: dict[str, Any]) -> str:
    lines = [
        f"HTTP benchmark, {meta['when']}: {meta['machine']}; one uvicorn worker; {CONNECTIONS} keep-alive connections,"
        f" {DURATION:g} s per scenario after {WARMUP:g} s warm-up; load generator on the same host.",
        "",
        "| scenario | backend | server | req/s | p50 ms | p99 ms | ratio to baseline | RSS MB | errors |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rss = f"{r.rss_mb:.0f}" if r.rss_mb is not None else ""
        ratio = f"{r.ratio_to_baseline:.2f}" if r.ratio_to_baseline is not None else ""
        lines.append(
            f"| {r.scenario} | {r.backend} | {r.server} | {r.rps:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | {ratio} |"
            f" {rss} | {r.errors} |"
        )
    lines += ["", "| target | met | figure |", "|---|---|---|"]
    lines += [f"| {name} | {'yes' if ok else '**no**'} | {figure} |" for name, ok, figure in checks]
    return "\n".join(lines) + "\n"


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
    results += run_backend("sqlite", f"sqlite:///{sqlite_real}", f"sqlite:///{sqlite_big}", log)
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
            results += run_backend("postgresql", urls[0], urls[1], log)
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
        "match_body": MATCH_BODY,
        "offers_query": OFFERS_QUERY,
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

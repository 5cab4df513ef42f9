"""The tail of POST /v1/match under load: two or more versions of the code served side by side, measured in turn.

    .venv/bin/python bench/profile_tail.py                   # HEAD's committed code against the working tree
    .venv/bin/python bench/profile_tail.py --before 8422397  # a given commit against the working tree
    TAIL_ROUNDS=6 TAIL_SECONDS=5 .venv/bin/python bench/profile_tail.py

Each version runs as its own `navigator serve` worker (every feature on, as in bench/bench_http.py) on its own
copy of the same SQLite catalogue; wrk (32 connections) sends the golden profiles in turn to one, then the other,
round after round, so both see the same load on a shared machine. Per run: req/s, the latency percentiles (p50,
p90, p99, p99.9, max) and the server's CPU per request. The median of the rounds is the figure to read; the spread
between rounds is the machine's noise.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_http import MATCH_BODIES
from bench_servers import BIN, CONNECTIONS, QUOTA, ROOT, WRK, cpu_seconds, free_port, navigator, stop, wait_for

ROUNDS = int(os.environ.get("TAIL_ROUNDS", "4"))
SECONDS = int(os.environ.get("TAIL_SECONDS", "5"))
PERCENTILES = (50, 90, 99, 99.9)
PROBE = Path(__file__).resolve().parent / "profile_stall_probe.py"
SLOW_MS = 5.0
LUA = """
local bodies = {BODIES}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("TAIL %d %d %d", summary.requests, summary.duration, latency.max))
  for _, p in ipairs({PERCENTILES}) do io.write(string.format(" %d", latency:percentile(p))) end
  local e = summary.errors
  io.write(string.format(" %d\\n", e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def _source(rev: str, work: Path) -> Path:
    """The app package of commit `rev`, unpacked beside the run (the working tree itself for "worktree")."""
    if rev == "worktree":
        return ROOT
    target = work / f"src-{rev}"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "app", "data"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def _serve(source: Path, database: Path, log: Path, probe: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(source),
        "NAVIGATOR_DATA_DIR": str(source / "data"),
        "NAVIGATOR_DATABASE_URL": f"sqlite:///{database}",
        "NAVIGATOR_RATE_LIMIT_ENABLED": "true",
        "NAVIGATOR_RATE_LIMIT_PER_MINUTE": QUOTA,
        "NAVIGATOR_RATE_LIMIT_KEY_PER_MINUTE": QUOTA,
        "STALL_PROBE_OUT": str(probe),
    }
    env.pop("NAVIGATOR_REDIS_URL", None)
    command = [str(BIN / "python"), str(PROBE), "serve", "--no-migrate", "--port", str(port), "--workers", "1"]
    with log.open("ab") as sink:
        process = subprocess.Popen(command, cwd=source, env=env, stdout=sink, stderr=subprocess.STDOUT)
    wait_for(port, "/healthz", process)
    return process, port


def _run(port: int, pid: int, script: Path, seconds: int) -> dict[str, float]:
    command = [WRK, "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script)]
    before = cpu_seconds(pid)
    output = subprocess.run([*command, f"http://127.0.0.1:{port}/v1/match"], check=True, capture_output=True, text=True)
    cpu = cpu_seconds(pid) - before
    fields = [int(f) for f in next(x for x in output.stdout.splitlines() if x.startswith("TAIL ")).split()[1:]]
    requests, duration, maximum, *percentiles, errors = fields
    row = {"rps": requests / (duration / 1e6), "max": maximum / 1000, "errors": errors}
    row.update({f"p{p:g}": value / 1000 for p, value in zip(PERCENTILES, percentiles, strict=True)})
    row["cpu_ms"] = cpu * 1000 / max(requests, 1)
    return row


def _probed(path: Path) -> list[str]:
    """What the probes saw in one server over the whole run: the in-app latency, and each kind of pause."""
    probe = json.loads(path.read_text())
    spans = sorted((end - began) * 1000 for began, end in probe["requests"])
    n = len(spans)
    lines = [
        f"  {n} requests, time inside the app ms: p50 {spans[n // 2]:.2f}, p99 {spans[int(n * 0.99)]:.2f}, "
        f"max {spans[-1]:.2f}"
    ]
    kinds: dict[str, list[float]] = {}
    for kind, began, end in probe["events"]:
        kinds.setdefault(kind, []).append((end - began) * 1000)
    for kind, spans_ms in sorted(kinds.items()):
        lines.append(
            f"  {kind:<13} {len(spans_ms):>6} times, {sum(spans_ms):8.1f} ms in all, "
            f"median {statistics.median(spans_ms):6.2f} ms, max {max(spans_ms):7.2f} ms"
        )
    slow = Counter()
    for began, end in probe["requests"]:
        if (end - began) * 1000 > SLOW_MS:
            during = {kind for kind, b, e in probe["events"] if b < end and e > began}
            slow[" + ".join(sorted(during)) or "none of these"] += 1
    lines.append(f"  requests over {SLOW_MS:g} ms inside the app, by what ran meanwhile: {dict(slow.most_common())}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--before", default="HEAD", help="commit to compare with (default HEAD)")
    parser.add_argument("--after", default="worktree", help="commit or 'worktree' (default)")
    args = parser.parse_args()
    bodies = "{" + ", ".join("[==[" + json.dumps(b) + "]==]" for b in MATCH_BODIES) + "}"
    wanted = "{" + ",".join(map(str, PERCENTILES)) + "}"
    with tempfile.TemporaryDirectory(prefix="tail-") as name:
        work = Path(name)
        script = work / "match.lua"
        script.write_text(LUA.replace("{BODIES}", bodies).replace("{PERCENTILES}", wanted))
        servers = {}
        for label, rev in (("before", args.before), ("after", args.after)):
            database = work / f"{label}.db"
            navigator(f"sqlite:///{database}", "load", str(ROOT / "data"))
            servers[label] = _serve(_source(rev, work), database, work / f"{label}.log", work / f"{label}.json")
        rows: dict[str, list[dict[str, float]]] = {label: [] for label in servers}
        try:
            for process, port in servers.values():
                _run(port, process.pid, script, 2)  # warm-up
            for round_ in range(ROUNDS):
                for label in list(servers) if round_ % 2 == 0 else list(reversed(servers)):
                    process, port = servers[label]
                    rows[label].append(_run(port, process.pid, script, SECONDS))
                    print(f"round {round_} {label:<6} " + "  ".join(f"{k} {v:.2f}" for k, v in rows[label][-1].items()))
        finally:
            for process, _port in servers.values():
                stop(process)
        keys = list(rows["before"][0])
        print("\nmedian of the rounds:\n| version | " + " | ".join(keys) + " |\n" + "|---" * (len(keys) + 1) + "|")
        for label, runs in rows.items():
            print(f"| {label} | " + " | ".join(f"{statistics.median(r[k] for r in runs):.2f}" for k in keys) + " |")
        for label in servers:
            print(f"\n{label} ({args.before if label == 'before' else args.after}), probed:")
            print("\n".join(_probed(work / f"{label}.json")))


if __name__ == "__main__":
    main()

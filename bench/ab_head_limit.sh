#!/bin/bash
# A/B: stock httptools protocol vs HeadLimitedProtocol on GET /healthz: wrk 1 thread, 32 connections, 6 s after a
# 2 s warm-up; req/s and the server's own CPU per request (utime+stime from /proc, clock ticks of 10 ms).
cd "$(dirname "$0")/.."
export NAVIGATOR_DATABASE_URL=${NAVIGATOR_DATABASE_URL:-sqlite:///$PWD/var/bench-head-limit.db}
.venv/bin/navigator migrate >/dev/null
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
{
echo "# HeadLimitedProtocol vs stock httptools, GET /healthz ($(date -u +%F), $(nproc) CPUs)"
for round in 1 2 3 4; do
  for proto in httptools app.headlimit:HeadLimitedProtocol; do
    .venv/bin/uvicorn app.main:create_app --factory --port 8766 --http $proto --no-access-log --log-level warning >/dev/null 2>&1 &
    pid=$!
    for i in $(seq 50); do curl -sf localhost:8766/healthz >/dev/null && break; sleep 0.2; done
    wrk -t1 -c32 -d2s http://127.0.0.1:8766/healthz >/dev/null
    before=$(cpu $pid)
    out=$(wrk -t1 -c32 -d6s http://127.0.0.1:8766/healthz)
    after=$(cpu $pid)
    reqs=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    echo "$round $proto req/s=$rps cpu_ms_per_req=$(echo "scale=3; ($after-$before)*10/$reqs" | bc)"
    kill $pid; wait $pid 2>/dev/null
  done
done
} | tee bench/results/head-limit.txt

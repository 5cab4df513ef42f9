"""Request heads bounded in a real server over raw sockets: oversized or overlong heads get 431 and a closed
connection, and a flood of unterminated headers neither grows the worker nor slows /healthz."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import Engine

from tests.serving import Server, running_server

pytestmark = [pytest.mark.slow, pytest.mark.parametrize("backend", ["sqlite"], indirect=True)]
MB = 1024 * 1024
FLOOD_CONNECTIONS = 8
FLOOD_BYTES = 50 * MB
# The figures of the issue: the worker grows by at most 64 MB under the flood, and /healthz answers within 1 s.
GROWTH_BOUND = 64 * MB
HEALTHZ_SECONDS = 1.0


def _answer(port: int, head: bytes) -> bytes:
    """Send a request head (the server may hang up before all of it is read), then read what comes back."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        with contextlib.suppress(OSError):  # refused mid-send: what was answered is still readable
            connection.sendall(head)
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except OSError:
            pass
    return received


def _rss(server: Server) -> int:
    for line in Path(f"/proc/{server.process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


@pytest.fixture
def server(fixture_db: Engine, tmp_path: Path) -> Server:
    with running_server(fixture_db.url.render_as_string(hide_password=False), tmp_path) as running:
        yield running


def test_an_oversized_head_is_431_problem_and_the_connection_closed(server: Server) -> None:
    big_value = b"GET /v1/needs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 40_000 + b"\r\n\r\n"
    many = b"GET /v1/needs HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(101)) + b"\r\n"
    for head in (big_value, many):
        answer = _answer(server.port, head)
        status, _, rest = answer.partition(b"\r\n")
        assert status == b"HTTP/1.1 431 Request Header Fields Too Large", answer[:200]
        headers, _, body = rest.partition(b"\r\n\r\n")
        assert b"content-type: application/problem+json" in headers and b"connection: close" in headers
        assert b'"status":431' in body
    # A head within the limits (20 KB of cookies, 90 fields) is served.
    fine = b"GET /v1/needs HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + b"c" * 20_000 + b"\r\n"
    fine += b"".join(b"X-%d: 1\r\n" % i for i in range(88)) + b"Connection: close\r\n\r\n"
    assert _answer(server.port, fine).startswith(b"HTTP/1.1 200 OK")
    metrics = httpx.get(server.url + "/metrics").text
    assert 'status="431"} 2.0' in metrics


def _flood(port: int, longest: list[int], stop: threading.Event) -> None:
    """One attacker: an unterminated header of up to 50 MB, sent as fast as the server takes it, again and again
    on a new connection each time the server hangs up, until told to stop. Records the most one connection sent."""
    chunk = b"a" * (256 * 1024)
    most = 0
    while not stop.is_set():
        total = 0
        with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
            try:
                connection.sendall(b"GET /v1/needs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Flood: ")
                while total < FLOOD_BYTES and not stop.is_set():
                    connection.sendall(chunk)
                    total += len(chunk)
            except OSError:
                pass  # the server refused the head and closed the connection
        most = max(most, total)
        if total >= FLOOD_BYTES:
            break
    longest.append(most)


def test_a_flood_of_unterminated_headers_neither_grows_the_worker_nor_slows_healthz(server: Server) -> None:
    for _ in range(20):  # warm: the worker's steady size
        httpx.get(server.url + "/v1/needs")
    baseline = _rss(server)
    longest: list[int] = []
    stop = threading.Event()
    floods = [threading.Thread(target=_flood, args=(server.port, longest, stop)) for _ in range(FLOOD_CONNECTIONS)]
    for flood in floods:
        flood.start()
    peak, slowest = baseline, 0.0
    try:
        with httpx.Client(timeout=30) as probe:
            for _ in range(60):  # about three seconds of attack
                started = time.monotonic()
                assert probe.get(server.url + "/healthz").status_code == 200
                slowest = max(slowest, time.monotonic() - started)
                peak = max(peak, _rss(server))
                time.sleep(0.05)
    finally:
        stop.set()
        for flood in floods:
            flood.join(timeout=60)
    peak = max(peak, _rss(server))
    assert len(longest) == FLOOD_CONNECTIONS
    assert all(0 < most < FLOOD_BYTES for most in longest), "every connection was cut off before its 50 MB"
    assert peak - baseline <= GROWTH_BOUND, f"grew {(peak - baseline) / MB:.1f} MB"
    assert slowest <= HEALTHZ_SECONDS, f"/healthz took {slowest:.2f} s under the flood"

"""`make run` honours PORT and HOST, and a busy port is reported before anything is migrated."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from app.config import PROJECT_ROOT

NAVIGATOR = Path(sys.executable).parent / "navigator"


def test_make_run_passes_port_and_host_to_the_server() -> None:
    dry = subprocess.run(
        ["make", "-n", "run", "PORT=8123", "HOST=0.0.0.0"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert "navigator serve --host 0.0.0.0 --port 8123" in dry.stdout
    default = subprocess.run(["make", "-n", "run"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert "--host 127.0.0.1 --port 8000" in default.stdout


def test_a_busy_port_is_reported_before_migrating(tmp_path: Path) -> None:
    database = tmp_path / "never.db"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "NAVIGATOR_DATABASE_URL": f"sqlite:///{database}"}
        result = subprocess.run(
            [str(NAVIGATOR), "serve", "--port", str(port)], env=env, capture_output=True, text=True, timeout=60
        )
    assert result.returncode == 1
    assert f"127.0.0.1:{port}" in result.stderr and "--port" in result.stderr
    assert not database.exists(), "the database was migrated before the port was checked"

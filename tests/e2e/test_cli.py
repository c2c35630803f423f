"""The `opstap` command as a user runs it: help, clear errors, and the demo from start to stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest
import redis

from tests.conftest import free_port
from tests.integration.test_embedded_services import running

OPSTAP = [sys.executable, "-m", "services"]
COMMANDS = [
    ["db", "upgrade"],
    ["taxonomy", "import"],
    ["api"],
    ["worker"],
    ["relay"],
    ["demo"],
    ["beat"],
    ["services", "run"],
]


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    return env | extra


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: list[str]) -> None:
    result = subprocess.run([*OPSTAP, *command, "--help"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout and len(result.stdout.splitlines()) > 3


def test_a_wrong_database_url_gives_one_clear_line(tmp_path: Path) -> None:
    env = _clean_env(
        DATABASE_URL="postgresql://opstap:secret@127.0.0.1:1/nowhere",
        REDIS_URL="redis://127.0.0.1:1/0",
        OPSTAP_DATA_DIR=str(tmp_path),
    )
    result = subprocess.run([*OPSTAP, "db", "upgrade"], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "cannot connect to the database opstap@127.0.0.1:1/nowhere" in lines[0]
    assert "DATABASE_URL" in lines[0] and "secret" not in lines[0]


def test_an_import_folder_without_a_needed_file_names_it(tmp_path: Path) -> None:
    env = _clean_env(
        DATABASE_URL="postgresql://opstap@127.0.0.1:1/nowhere", OPSTAP_DATA_DIR=str(tmp_path)
    )
    folder = tmp_path / "esco"
    folder.mkdir()
    for name in ("skills_en.csv", "ISCOGroups_en.csv"):
        (folder / name).write_text("conceptType\r\n")
    result = subprocess.run(
        [*OPSTAP, "taxonomy", "import", str(folder)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "occupations_en.csv is missing from" in result.stderr


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def test_demo_runs_on_embedded_servers_and_ctrl_c_leaves_nothing(tmp_path: Path) -> None:
    port = free_port()
    env = _clean_env(
        OPSTAP_PORT=str(port), OPSTAP_DATA_DIR=str(tmp_path / "data"), OPSTAP_LOG_FORMAT="text"
    )
    env.pop("OPSTAP_ESCO_DIR", None)
    demo = subprocess.Popen(
        [*OPSTAP, "demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 240
        while not _ready(f"http://127.0.0.1:{port}/ready"):
            assert demo.poll() is None, demo.stdout.read() if demo.stdout else ""
            assert time.monotonic() < deadline, "demo did not become ready"
            time.sleep(0.5)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/taxonomy/stats") as resp:
            assert resp.status == 200
        family = psutil.Process(demo.pid).children(recursive=True)
        servers = _server_pids(tmp_path / "data")
        assert all(running(pid) for pid in servers)
    finally:
        demo.send_signal(signal.SIGINT)
        demo.wait(timeout=60)
    time.sleep(0.5)
    assert [p.pid for p in family if running(p.pid)] == []
    assert [pid for pid in servers if running(pid)] == []


def _server_pids(data_dir: Path) -> list[int]:
    """Pids of the embedded PostgreSQL and Redis servers kept in `data_dir`."""
    pg_pid = int((data_dir / "postgres" / "postmaster.pid").read_text().splitlines()[0])
    client = redis.Redis(unix_socket_path=str(data_dir / "redis" / "redis.sock"))
    redis_pid = int(client.info()["process_id"])
    client.close()
    return [pg_pid, redis_pid]

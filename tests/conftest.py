"""Fixtures: a real PostgreSQL and Redis for every test, never fakes.

`make test` runs pytest under `opstap services run`, which sets DATABASE_URL and REDIS_URL
(embedded servers when none are configured). Plain `pytest` works too: the session then starts
the embedded servers itself. Each session makes its own database, migrated and holding the
taxonomy (full ESCO when OPSTAP_ESCO_DIR is set, else the starter taxonomy), and drops it at
the end; each test gets a connection in a transaction that is rolled back.

Under pytest-xdist (`make test` runs `-n auto`) every worker is such a session: its own
database (named after the worker, cloned from a template that the run's first worker builds),
Celery queue, worker, relay and API processes, ports and data folder. They share the Redis
database: every key the code writes is unique to a session (hashed emails and tokens, event
ids, the session's queue). Whole test files go to one worker (`--dist loadfile`), and the
browser package as one unit, so module and package fixtures are built once.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import asyncpg
import pytest
import redis

from services.core import bootstrap, db
from services.core.embedded import running_services
from services.core.settings import STARTER_TAXONOMY_DIR, Settings

if TYPE_CHECKING:  # imported as a plugin below, so pytest rewrites its asserts
    from xdist.remote import Producer
    from xdist.scheduler import LoadFileScheduling

    from tests.receivers import SmtpReceiver

ROOT = Path(__file__).resolve().parents[1]
pytest_plugins = ("tests.receivers",)


@pytest.fixture(scope="session")
def service_urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(server URL, Redis URL): configured, or embedded servers for this session."""
    data_dir = Path(os.environ.get("OPSTAP_DATA_DIR", ROOT / ".opstap"))
    with running_services(
        os.environ.get("DATABASE_URL") or None, os.environ.get("REDIS_URL") or None, data_dir
    ) as urls:
        yield urls.database_url, urls.redis_url


@pytest.fixture(scope="session")
def esco_dir() -> Path | None:
    """The full ESCO folder when OPSTAP_ESCO_DIR names one."""
    value = os.environ.get("OPSTAP_ESCO_DIR")
    return Path(value) if value else None


def xdist_worker() -> str:
    """This process's pytest-xdist worker ("gw0", "gw1", ...), or "" when not distributed."""
    return os.environ.get("PYTEST_XDIST_WORKER", "")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Producer) -> LoadFileScheduling | None:
    """`--dist loadfile`, with the browser package as one unit: one Chromium, one `opstap api`
    process and one browser world for all its files."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class BrowserTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return "tests/browser" if path.startswith("tests/browser/") else path

    return BrowserTogether(config, log)


@pytest.fixture(scope="session")
async def settings(
    service_urls: tuple[str, str], esco_dir: Path | None, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Settings]:
    """Settings for a session database that is migrated and holds the taxonomy."""
    server_url, redis_url = service_urls
    data_dir = tmp_path_factory.mktemp("opstap-data")

    def on(url: str) -> Settings:
        return Settings(
            database_url=url,
            redis_url=redis_url,
            esco_dir=esco_dir,
            data_dir=data_dir,
            # Encoding full ESCO's labels takes a minute: sessions share the array files.
            vectors_dir=ROOT / ".opstap" / "vectors",
            secret_key="test-secret-key-test-secret-key-0123456789",
            log_format="text",
            # Every test signs in from 127.0.0.1, and parallel sessions share one Redis: the
            # per-address and global sign-in limits would soon refuse them. Tests of those
            # limits lower them on a copy of these settings.
            login_address_attempts=1_000_000,
            login_global_attempts=1_000_000,
        )

    async def fill(url: str) -> None:
        test_settings = on(url)
        await bootstrap.migrate(test_settings)
        await bootstrap.import_taxonomy(test_settings, test_settings.taxonomy_dir)
        await bootstrap.build_vectors(test_settings)
        await bootstrap.seed_catalogue(test_settings)
        await _build_transitions(url)

    if not xdist_worker():
        async with db.temporary_database(server_url, "opstap_test") as url:
            await fill(url)
            yield on(url)
        return
    lock = tmp_path_factory.getbasetemp().parent / "opstap-template.lock"
    async with _cloned_database(server_url, fill, lock) as url:
        yield on(url)


@contextlib.asynccontextmanager
async def _cloned_database(
    server_url: str, fill: Callable[[str], Awaitable[None]], lock: Path
) -> AsyncIterator[str]:
    """A database for this xdist worker, named after it: a copy of the run's template, which
    the first worker to get here builds with `fill` (the others wait on `lock`). The template
    goes when a worker's session ends; a worker that starts its session later builds it again."""
    template = f"opstap_test_template_{os.environ['PYTEST_XDIST_TESTRUNUID'][:10]}"
    name = f"opstap_test_{uuid.uuid4().hex[:10]}_{xdist_worker()}"
    with _exclusive(lock):
        if not await _admin(server_url, "SELECT 1 FROM pg_database WHERE datname = $1", template):
            await _admin(server_url, f'CREATE DATABASE "{template}"')
            try:
                await fill(db.with_database(server_url, template))
            except BaseException:
                await _admin(server_url, f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
                raise
        await _admin(server_url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield db.with_database(server_url, name)
    finally:
        await _admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        with _exclusive(lock):
            await _admin(server_url, f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')


async def _admin(server_url: str, statement: str, *args: object) -> object:
    """Run one statement on the server's own database; its first value."""
    conn = await db.connect(server_url)
    try:
        return await conn.fetchval(statement, *args)
    finally:
        await conn.close()


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (a file the xdist workers of one run share)."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


async def _build_transitions(url: str) -> None:
    from services.core.transitions import service as transitions

    conn = await db.connect(url)
    try:
        async with conn.transaction():
            await transitions.build(conn)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def taxonomy_is_esco(esco_dir: Path | None) -> bool:
    """Whether the session database holds full ESCO rather than the starter taxonomy."""
    return esco_dir is not None


@pytest.fixture(scope="session")
async def pool(settings: Settings) -> AsyncIterator[asyncpg.Pool]:
    """A pool on the session database."""
    assert settings.database_url
    the_pool = await db.create_pool(settings.database_url, min_size=1, max_size=5)
    yield the_pool
    await the_pool.close()


@pytest.fixture
async def conn(pool: asyncpg.Pool) -> AsyncIterator[asyncpg.Connection]:
    """A connection in a transaction that is rolled back after the test."""
    async with pool.acquire() as connection:
        tx = connection.transaction()
        await tx.start()
        try:
            yield connection
        finally:
            await tx.rollback()


@pytest.fixture
async def empty_database(service_urls: tuple[str, str]) -> AsyncIterator[str]:
    """The URL of a new database with the schema and nothing else, dropped afterwards."""
    async with db.temporary_database(service_urls[0], "opstap_test") as url:
        await bootstrap.migrate(Settings(database_url=url, redis_url=service_urls[1]))
        yield url


@pytest.fixture
def redis_client(service_urls: tuple[str, str]) -> Iterator[redis.Redis]:
    """A client on the test Redis."""
    client = redis.Redis.from_url(service_urls[1])
    yield client
    client.close()


@pytest.fixture(scope="session")
def starter_dir() -> Path:
    """The bundled starter taxonomy."""
    return STARTER_TAXONOMY_DIR


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[object]:
    """The API application on the session database, with its lifespan running."""
    from services.api.app import create_app

    application = create_app(settings)
    async with application.router.lifespan_context(application):
        await application.state.warming  # the matcher, built as the app starts: /ready is 200
        yield application


@pytest.fixture
async def client(app: object) -> AsyncIterator[object]:
    """An HTTP client that talks to the app in-process (real database and Redis behind it)."""
    import httpx

    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://opstap.test") as http:
        yield http


@pytest.fixture(scope="session")
def worker_settings(settings: Settings) -> Settings:
    """Settings with a queue of this session's own (named after its xdist worker, if any), so
    no other worker's or run's messages reach it."""
    queue = "-".join(filter(None, ("opstap-test", xdist_worker(), uuid.uuid4().hex[:8])))
    return settings.model_copy(update={"queue": queue})


# Quick retries and small limits, so failure paths finish within a test.
FAST_FAILURES = {
    "OPSTAP_DELIVERY_RETRY_SECONDS": "0.3",
    "OPSTAP_DELIVERY_RETRY_MAX_SECONDS": "2",
    "OPSTAP_WEBHOOK_FAILURE_LIMIT": "5",
    "OPSTAP_WORKER_METRICS_PORT": "0",
    "OPSTAP_RELAY_POLL_SECONDS": "0.2",
    "OPSTAP_OUTBOX_LEASE_SECONDS": "5",
}


def process_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment for an `opstap` subprocess on these settings."""
    return os.environ | {
        "DATABASE_URL": str(settings.database_url),
        "REDIS_URL": str(settings.redis_url),
        "OPSTAP_QUEUE": settings.queue,
        "OPSTAP_DATA_DIR": str(settings.data_dir),
        # The session's label vectors: the same semantic search and skill model as in-process.
        **({"OPSTAP_VECTORS_DIR": str(settings.vectors_dir)} if settings.vectors_dir else {}),
        "OPSTAP_LOG_FORMAT": "text",
        "OPSTAP_LOGIN_ADDRESS_ATTEMPTS": str(settings.login_address_attempts),
        "OPSTAP_LOGIN_GLOBAL_ATTEMPTS": str(settings.login_global_attempts),
        **FAST_FAILURES,
        **extra,
    }


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """An `opstap` subprocess in its own process group (so a kill reaches its children)."""
    return subprocess.Popen(
        [sys.executable, "-m", "services", *command], env=env, start_new_session=True
    )


def stop(proc: subprocess.Popen[bytes], *, timeout: float = 30) -> None:
    """Stop a process started by `start`, politely and then not."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_api(settings: Settings, **extra: str) -> Iterator[str]:
    """A real `opstap api` process on these settings, its base URL once /ready answers 200;
    stopped afterwards."""
    import httpx

    port = free_port()
    env = process_env(
        settings,
        OPSTAP_PORT=str(port),
        OPSTAP_SECRET_KEY=settings.secret(),
        OPSTAP_LOG_LEVEL="WARNING",
        **extra,
    )
    proc = start(["api"], env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180  # the matcher builds before /ready (14 s on full ESCO)
    try:
        while True:
            try:
                if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"opstap api did not become ready at {base}")
            time.sleep(0.3)
        yield base
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def smtp_receiver() -> Iterator[SmtpReceiver]:
    """A real local SMTP server that the session's worker sends its email to."""
    from tests.receivers import running_smtp_receiver

    with running_smtp_receiver() as receiver:
        yield receiver


@pytest.fixture(scope="session")
def celery_worker(
    worker_settings: Settings, smtp_receiver: SmtpReceiver
) -> Iterator[subprocess.Popen[bytes]]:
    """A real Celery worker process (`opstap worker`) on the session database and queue."""
    env = process_env(
        worker_settings,
        OPSTAP_SMTP_HOST=smtp_receiver.host,
        OPSTAP_SMTP_PORT=str(smtp_receiver.port),
        # The local webhook receivers listen on http://127.0.0.1 (development settings).
        OPSTAP_WEBHOOK_ALLOW_HTTP="true",
        OPSTAP_WEBHOOK_ALLOW_PRIVATE="true",
    )
    proc = start(["worker", "--concurrency", "1"], env)
    yield proc
    stop(proc)


@pytest.fixture(scope="module")
def relay(worker_settings: Settings) -> Iterator[subprocess.Popen[bytes]]:
    """A real relay process (`opstap relay`) for one test module, polling quickly."""
    proc = start(["relay"], process_env(worker_settings))
    yield proc
    stop(proc)

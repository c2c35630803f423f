"""The notification pipeline of issue 6: API commit -> outbox -> relay -> worker -> notification.

`python -m bench.pipeline [folder]` (folder: OPSTAP_ESCO_DIR, else the starter taxonomy). All
of it runs for real on a temporary database: the API in-process (httpx over ASGI), `opstap
relay` and `opstap worker` as subprocesses on a queue of their own, PostgreSQL and Redis from
DATABASE_URL and REDIS_URL. The world: a WISE with OPSTAP_BENCH_PIPELINE_PEOPLE synthetic people
(500 by default, drawn like bench/matcher_data.py, 9 in 10 consenting to matching), one person
with a login whose skills are exactly what the bench's vacancies ask, and an employer. Jobcoaches
take the weekly digest, so their notifications are written but not mailed; the person's email
goes nowhere (no SMTP server: the delivery task settles it as skipped).

- Latency: the employer publishes a vacancy through the API. From the outbox event's created_at
  (written in the API's transaction, just before it commits) to the created_at of the person's
  notification (written by the worker): both PostgreSQL's clock_timestamp(), so no polling
  error. One vacancy at a time, each from rest (every outbox event processed).
- Baseline: the same API call without the relay hop. The relay is paused (SIGSTOP) around the
  call and the bench sends `events.handle` itself right after the commit, as the relay would.
  Outbox and direct vacancies alternate, 200 of each (OPSTAP_BENCH_PIPELINE_EVENTS) after
  WARM_UP pairs.
- Throughput: 100 vacancies (OPSTAP_BENCH_PIPELINE_BACKLOG) imported as open through the API's
  CSV import (one commit, one vacancy.published each), from the relay's first send to the last
  processed_at of the backlog and of the events it caused; `opstap worker --concurrency 1`
  against `--concurrency 2`. CPU seconds of the worker and of PostgreSQL are counted too.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import ctypes
import io
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import kombu.exceptions
import numpy as np
from celery import Celery

from bench import common, matcher_data
from bench.common import Figure, server_url
from bench.matcher_data import Occupation
from services.api.app import create_app
from services.core import bootstrap, db, security
from services.core.access.policy import Actor, Role
from services.core.accounts import repository as accounts
from services.core.employees import service as employees
from services.core.employees.models import ConsentIn, EmployeeIn
from services.core.notifications import repository as notifications
from services.core.settings import Settings
from services.core.taxonomy import importer
from services.matcher.types import Person, Vacancy, VacancySkill
from services.worker.app import create_celery
from services.worker.relay import CHANNEL, HANDLE_TASK

SEED = 20261126
PEOPLE = int(os.environ.get("OPSTAP_BENCH_PIPELINE_PEOPLE", "500"))
LATENCY_EVENTS = int(os.environ.get("OPSTAP_BENCH_PIPELINE_EVENTS", "200"))  # of each kind
BACKLOG = int(os.environ.get("OPSTAP_BENCH_PIPELINE_BACKLOG", "100"))
WARM_UP = 3  # pairs before the measured ones
PER_COACH = 25  # people in a jobcoach's caseload
SCENE_SKILLS = 8  # at most, of the scene occupation's essential skills
TARGET_P95_MS = 1000.0
WAIT_S = 180.0  # longest wait for one vacancy (a cold worker building the ESCO model)
POLL_S = 0.02  # a backstop: waits wake on the outbox's NOTIFY
PASSWORD = "bench-pipeline-password"
PR_SET_PDEATHSIG = 1
API = "/api/v1"

AT_REST = """
SELECT NOT EXISTS (SELECT 1 FROM outbox_event WHERE processed_at IS NULL AND dead_at IS NULL)
"""
UNSENT = "SELECT id FROM outbox_event WHERE processed_at IS NULL AND published_at IS NULL"
TOLD = "SELECT EXISTS (SELECT 1 FROM notification WHERE account_id = $1 AND vacancy_id = $2)"
# Per measured vacancy: milliseconds from its event's created_at to each later moment.
TIMINGS = """
SELECT e.attempts,
       extract(epoch FROM n.created_at - e.created_at)::float8 * 1000 AS told,
       extract(epoch FROM e.published_at - e.created_at)::float8 * 1000 AS sent,
       extract(epoch FROM e.processed_at - e.created_at)::float8 * 1000 AS done
FROM outbox_event e
JOIN notification n
  ON n.vacancy_id = e.aggregate_id::uuid AND n.account_id = $2 AND n.kind = 'match_found'
WHERE e.event_type = 'vacancy.published' AND e.aggregate_id = ANY($1::text[])
"""
# Backends of this database; counted only where PostgreSQL runs on this machine.
BACKENDS = """
SELECT pid FROM pg_stat_activity
WHERE datname = current_database() AND inet_server_addr() IS NOT DISTINCT FROM inet_client_addr()
"""
# Everything since $1: the backlog's events, the deliveries they asked for, what they wrote.
BACKLOG_STATS = """
SELECT count(*) FILTER (WHERE event_type = 'vacancy.published') AS published,
       count(*) AS events,
       extract(epoch FROM max(processed_at) - min(published_at))::float8 AS seconds,
       (SELECT count(*) FROM notification WHERE created_at >= $1) AS notifications
FROM outbox_event WHERE created_at >= $1
"""


def _log(text: str) -> None:
    print(f"pipeline: {text}", file=sys.stderr, flush=True)


class Processes:
    """`opstap` subprocesses, each in its own process group, logging to a file."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env, self.logs = env, logs
        self.before_exec = _die_with_parent()
        self.running: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, *command: str) -> None:
        """Start `opstap <command>` as `name`."""
        with open(self.logs / f"{name}.log", "ab") as log:
            self.running[name] = subprocess.Popen(
                [sys.executable, "-m", "services", *command],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=self.before_exec,
            )

    def pause(self, name: str) -> None:
        """SIGSTOP `name`, and wait until the kernel has stopped it."""
        pid = self.running[name].pid
        os.killpg(pid, signal.SIGSTOP)
        deadline = time.monotonic() + 5
        while _state(pid) != "T" and time.monotonic() < deadline:
            time.sleep(0.0005)

    def resume(self, name: str) -> None:
        """Let a paused process go on."""
        os.killpg(self.running[name].pid, signal.SIGCONT)

    def stop(self, name: str) -> None:
        """Stop `name` politely (paused or not), then not."""
        proc = self.running.pop(name)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGCONT)
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def stop_all(self) -> None:
        """Stop every process started here."""
        for name in list(self.running):
            self.stop(name)

    def tails(self) -> str:
        """The end of every log."""
        return "\n".join(
            f"--- {log.name}\n{log.read_text(errors='replace')[-2000:]}"
            for log in sorted(self.logs.glob("*.log"))
        )

    def check(self) -> None:
        """Fail, with the end of its log, when a process has exited."""
        for name, proc in self.running.items():
            if proc.poll() is not None:
                tail = (self.logs / f"{name}.log").read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{name} exited with {proc.returncode}:\n{tail}")


def _die_with_parent() -> Callable[[], None] | None:
    """Linux: a child that gets SIGTERM when the bench dies, even killed outright."""
    try:
        prctl = ctypes.CDLL(None).prctl  # looked up here: the child only calls it
    except (OSError, AttributeError):
        return None
    return lambda: prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "T"  # no /proc: trust the signal


@dataclass
class Scene:
    """What the measurements act with: the API, the database, the queue, the processes."""

    http: httpx.AsyncClient
    conn: asyncpg.Connection  # also listens to the outbox's NOTIFY
    celery: Celery
    processes: Processes
    employer: dict[str, str] = field(default_factory=dict)  # auth headers
    person: uuid.UUID = field(default_factory=uuid.uuid4)  # the person's account
    vacancy: dict[str, Any] = field(default_factory=dict)  # a CSV row of the measured kind
    wake: asyncio.Event = field(default_factory=asyncio.Event)

    async def until(self, probe: Callable[[], Awaitable[bool]], what: str, within: float) -> None:
        """Wait until `probe` holds, woken by the outbox's NOTIFY and polling as a backstop."""
        deadline = time.monotonic() + within
        while True:
            self.wake.clear()
            if await probe():
                return
            self.processes.check()
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what}: not within {within:.0f} s\n{self.processes.tails()}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), POLL_S)

    async def at_rest(self, within: float = WAIT_S) -> None:
        """Wait until every outbox event is processed."""
        await self.until(lambda: self.conn.fetchval(AT_REST), "the outbox at rest", within)

    async def told(self, vacancy_id: str) -> None:
        """Wait until the person has a notification of the vacancy."""

        async def probe() -> bool:
            return bool(await self.conn.fetchval(TOLD, self.person, uuid.UUID(vacancy_id)))

        await self.until(probe, f"a notification of {vacancy_id}", WAIT_S)


async def _ok(response: httpx.Response) -> Any:
    if response.status_code not in (200, 201):
        raise RuntimeError(f"{response.request.url}: {response.status_code} {response.text}")
    return response.json()


async def _account(conn: asyncpg.Connection, org: uuid.UUID, role: Role) -> uuid.UUID:
    """An account; jobcoaches take the weekly digest instead of an email per match."""
    email = f"{role.value}-{uuid.uuid4().hex[:10]}@bench.example"
    hashed = security.hash_password(PASSWORD) if role is not Role.JOBCOACH else None
    name = f"Bench {role.value}"
    account = await accounts.insert_account(conn, org, email, name, role.value, hashed)
    if role is Role.JOBCOACH:
        await notifications.set_preferences(conn, account, "digest", False, "nl")
    return account


async def _sign_in(scene: Scene, account: uuid.UUID) -> dict[str, str]:
    email = await scene.conn.fetchval("SELECT email FROM account WHERE id = $1", account)
    form = {"username": email, "password": PASSWORD}
    token = await _ok(await scene.http.post(f"{API}/auth/token", data=form))
    return {"Authorization": f"Bearer {token['access_token']}"}


async def occupation_pool(conn: asyncpg.Connection) -> tuple[list[Occupation], list[str]]:
    """(occupations with at least 5 essential skills, every skill URI), from the database."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for r in await conn.fetch("SELECT * FROM occupation_skill ORDER BY occupation_uri, skill_uri"):
        lists = found.setdefault(r["occupation_uri"], ([], []))
        lists[r["relation"] != "essential"].append(r["skill_uri"])
    pool = [Occupation(u, tuple(e), tuple(o)) for u, (e, o) in found.items() if len(e) >= 5]
    return pool, [r["uri"] for r in await conn.fetch("SELECT uri FROM skill ORDER BY uri")]


def _employee_in(person: Person) -> EmployeeIn:
    return EmployeeIn(
        name=f"Bench {person.id}",
        ladder_rung=person.ladder_rung,
        hours_min=person.hours_min,
        hours_max=person.hours_max,
        latitude=person.latitude,
        longitude=person.longitude,
        max_travel_km=person.max_travel_km,
        languages=[{"language": lang, "cefr": cefr} for lang, cefr in person.languages],
        skills=[{"skill_uri": s.uri, "level": s.level, "source": s.source} for s in person.skills],
        accommodations=sorted(person.accommodations),
    )


async def populate(conn: asyncpg.Connection, people: Sequence[Person]) -> None:
    """The people at one WISE, through the employee service in one transaction. Their own
    events are settled here: the pipeline is measured from a world at rest."""
    async with conn.transaction():
        org = (await accounts.insert_organisation(conn, "wise", {"name": "Bench WISE"}))["id"]
        coach: Actor | None = None
        for i, person in enumerate(people):
            if i % PER_COACH == 0:
                coach_id = await _account(conn, org, Role.JOBCOACH)
                coach = Actor(coach_id, org, "wise", Role.JOBCOACH, "Bench coach")
            assert coach is not None
            employee = await employees.create(conn, coach, _employee_in(person))
            if i % 10 != 9:
                await employees.give_consent(conn, coach, employee, ConsentIn(purpose="matching"))
        await conn.execute("UPDATE outbox_event SET processed_at = clock_timestamp()")


async def stage(scene: Scene, occupation: Occupation) -> None:
    """Through the API: a WISE's admin records a person who can do `occupation`'s first
    skills well, consenting to matching; an employer signs in to post vacancies asking those."""
    conn = scene.conn
    wise = (await accounts.insert_organisation(conn, "wise", {"name": "Bench scene"}))["id"]
    firm = (await accounts.insert_organisation(conn, "employer", {"name": "Bench firm"}))["id"]
    coach = await _account(conn, wise, Role.JOBCOACH)
    scene.person = await _account(conn, wise, Role.EMPLOYEE)
    scene.employer = await _sign_in(scene, await _account(conn, firm, Role.EMPLOYER))
    skills = occupation.essential[:SCENE_SKILLS]
    headers = await _sign_in(scene, await _account(conn, wise, Role.ADMIN))
    body = {
        "name": "Noor Visser",
        "ladder_rung": 5,
        "hours_min": 16,
        "hours_max": 32,
        "jobcoach_id": str(coach),
        "account_id": str(scene.person),
        "skills": [{"skill_uri": s, "level": 4, "source": "certified"} for s in skills],
    }
    employee = await _ok(await scene.http.post(f"{API}/employees", headers=headers, json=body))
    url = f"{API}/employees/{employee['id']}/consents"
    await _ok(await scene.http.post(url, headers=headers, json={"purpose": "matching"}))
    vacancy = Vacancy(
        id="scene",
        skills=tuple(VacancySkill(s, "essential", 1) for s in skills),
        ladder_rung=5,
        contract_kind="wise_paid",
        hours_min=20,
        hours_max=24,
    )
    scene.vacancy = _row(vacancy, occupation.uri, "Bench vacancy", "draft")


def _row(vacancy: Vacancy, occupation_uri: str, title: str, status: str) -> dict[str, Any]:
    """A vacancy as a row of the API's CSV import (at most 200 skills, one relation each)."""
    skills = list({s.uri: s for s in vacancy.skills}.values())[:200]
    return {
        "title": title,
        "occupation_uri": occupation_uri,
        "contract_kind": vacancy.contract_kind,
        "hours_min": vacancy.hours_min,
        "hours_max": vacancy.hours_max,
        "latitude": "" if vacancy.latitude is None else vacancy.latitude,
        "longitude": "" if vacancy.longitude is None else vacancy.longitude,
        "skills_essential": "|".join(
            f"{s.uri}:{s.min_level}" for s in skills if s.relation == "essential"
        ),
        "skills_optional": "|".join(s.uri for s in skills if s.relation == "optional"),
        "accommodations": "|".join(sorted(vacancy.accommodations)),
        "language": vacancy.language[0] if vacancy.language else "",
        "language_cefr": vacancy.language[1] if vacancy.language else "",
        "status": status,
    }


def backlog_rows(pool: Sequence[Occupation], n: int, rng: np.random.Generator) -> list[Any]:
    """`n` open vacancies for occupations drawn from the pool, as CSV rows."""
    drawn = [pool[int(j)] for j in rng.integers(len(pool), size=n)]
    return [
        _row(matcher_data.vacancy_for(o, rng), o.uri, f"Bench backlog {i}", "open")
        for i, o in enumerate(drawn)
    ]


async def import_vacancies(scene: Scene, rows: Sequence[dict[str, Any]]) -> list[str]:
    """Import rows through the API's CSV import (one transaction); the new vacancies' ids."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    files = {"file": ("vacatures.csv", out.getvalue().encode(), "text/csv")}
    url = f"{API}/vacancies/import"
    result = await _ok(await scene.http.post(url, headers=scene.employer, files=files))
    if result["imported"] != len(rows):
        raise RuntimeError(f"the import refused rows: {result['errors'][:3]}")
    return [str(i) for i in result["ids"]]


async def publish(scene: Scene, vacancy_id: str, *, direct: bool) -> None:
    """Publish a draft through the API, then wait for rest; `direct`: the bench sends the
    event to the worker right after the commit, with the relay paused so it cannot."""
    url = f"{API}/vacancies/{vacancy_id}/publish"
    if direct:
        scene.processes.pause("relay")
    try:
        await _ok(await scene.http.post(url, headers=scene.employer))
        if direct:
            # At rest, with the relay paused, the event just committed is the only one unsent.
            unsent = [str(r["id"]) for r in await scene.conn.fetch(UNSENT)]
            if len(unsent) != 1:
                raise RuntimeError(f"expected one unsent event, found {len(unsent)}")
            scene.celery.send_task(HANDLE_TASK, args=unsent, task_id=unsent[0])
        await scene.told(vacancy_id)
    finally:
        if direct:
            scene.processes.resume("relay")
    await scene.at_rest()  # the relay sends the delivery the worker asked for, and so on


@dataclass(frozen=True)
class Latencies:
    """Milliseconds from the outbox event's created_at, per measured vacancy."""

    told: dict[str, list[float]]  # "outbox" / "direct": to the person's notification
    done: dict[str, list[float]]  # to processed_at, the worker's last write before commit
    sent: list[float]  # outbox only: to the relay's send (published_at)


async def measure_latency(scene: Scene) -> Latencies:
    """Outbox and direct vacancies alternately, one at a time, each from rest."""
    drafts = await import_vacancies(scene, [scene.vacancy] * 2 * (WARM_UP + LATENCY_EVENTS))
    measured: dict[str, list[str]] = {"outbox": [], "direct": []}
    started = time.perf_counter()
    for n in range(WARM_UP + LATENCY_EVENTS):
        for kind in ("outbox", "direct") if n % 2 == 0 else ("direct", "outbox"):
            vacancy_id = drafts.pop()
            await publish(scene, vacancy_id, direct=kind == "direct")
            if n >= WARM_UP:
                measured[kind].append(vacancy_id)
        if (n + 1) % 50 == 0:
            _log(f"{n + 1} pairs published in {time.perf_counter() - started:.0f} s")
    told, done, sent = {}, {}, []
    for kind, ids in measured.items():
        rows = await scene.conn.fetch(TIMINGS, ids, scene.person)
        # Each direct event must have gone to the worker without the relay: 0 sends.
        if len(rows) != len(ids) or any(r["attempts"] != int(kind == "outbox") for r in rows):
            raise RuntimeError(f"{kind}: a vacancy without its notification, or sent twice")
        told[kind], done[kind] = [r["told"] for r in rows], [r["done"] for r in rows]
        sent += [r["sent"] for r in rows if kind == "outbox"]
    return Latencies(told, done, sent)


@dataclass(frozen=True)
class Backlog:
    """One backlog through the worker."""

    concurrency: int
    published: int
    events: int
    seconds: float
    notifications: int
    worker_cpu: float  # CPU seconds of the worker's processes
    database_cpu: float  # CPU seconds of the PostgreSQL backends of the bench's database

    @property
    def rate(self) -> float:
        """vacancy.published events per second, until all they caused was processed."""
        return self.published / self.seconds


async def measure_backlog(scene: Scene, rows: Sequence[Any], concurrency: int) -> Backlog:
    """Import `rows` as open vacancies in one commit; time them through the worker."""
    worker = _tree(scene.processes.running[f"worker{concurrency}"].pid)
    backends = {r["pid"] for r in await scene.conn.fetch(BACKENDS)}
    cpu = _cpu_seconds(worker), _cpu_seconds(backends)
    since = await scene.conn.fetchval("SELECT clock_timestamp()")
    await import_vacancies(scene, rows)
    await scene.at_rest(WAIT_S + 5 * len(rows))
    backends |= {r["pid"] for r in await scene.conn.fetch(BACKENDS)}
    run = Backlog(
        concurrency,
        **dict(await scene.conn.fetchrow(BACKLOG_STATS, since)),
        worker_cpu=_cpu_seconds(worker) - cpu[0],
        database_cpu=_cpu_seconds(backends) - cpu[1],
    )
    _log(f"backlog, --concurrency {concurrency}: {run.rate:.1f} vacancies/s")
    return run


def _tree(pid: int) -> list[int]:
    """A process and its children (a prefork worker's pool)."""
    with contextlib.suppress(OSError):
        return [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
    return [pid]


def _cpu_seconds(pids: Iterable[int]) -> float:
    """User and system CPU seconds of these processes so far (Linux; 0 for any not here)."""
    ticks = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime and stime: fields 14 and 15
    return ticks / os.sysconf("SC_CLK_TCK")


def _pct(values: Sequence[float], q: float) -> float:
    return float(np.percentile(values, q))


def figures(lat: Latencies, runs: Sequence[Backlog]) -> list[Figure]:
    """Ours: the outbox, and two worker processes; the baselines: direct, and one process."""
    out, direct = lat.told["outbox"], lat.told["direct"]
    one, two = runs
    return [
        Figure(
            "commit -> notification p50, via outbox",
            _pct(out, 50),
            _pct(direct, 50),
            "ms",
            f"baseline: task sent at commit, no relay; outbox/direct"
            f" {_pct(out, 50) / _pct(direct, 50):.2f}; {len(out)} each, {PEOPLE:,} people",
        ),
        Figure(
            "commit -> notification p95, via outbox",
            _pct(out, 95),
            _pct(direct, 95),
            "ms",
            f"target < {TARGET_P95_MS:.0f} ms; outbox/direct"
            f" {_pct(out, 95) / _pct(direct, 95):.2f}",
        ),
        Figure(
            f"backlog of {two.published} published, per event",
            1000 / two.rate,
            1000 / one.rate,
            "ms",
            f"2 worker procs {two.rate:.1f}/s, baseline 1 proc {one.rate:.1f}/s;"
            f" 2/1 = {two.rate / one.rate:.2f}",
        ),
    ]


def report(lat: Latencies, runs: Sequence[Backlog], load: str) -> str:
    """Percentiles of every path, and the backlog runs in full."""
    lines = [
        f"pipeline: {PEOPLE:,} people, latency with `worker --concurrency 1`; load {load}",
        f"  {'ms from the outbox event to':<34} {'n':>4} {'p50':>7} {'p95':>7} {'p99':>7}"
        f" {'max':>7}",
    ]
    for name, values in (
        ("outbox: the notification", lat.told["outbox"]),
        ("direct: the notification", lat.told["direct"]),
        ("outbox: the relay's send", lat.sent),
        ("outbox: the worker's last write", lat.done["outbox"]),
        ("direct: the worker's last write", lat.done["direct"]),
    ):
        cells = " ".join(f"{_pct(values, q):>7.1f}" for q in (50, 95, 99, 100))
        lines.append(f"  {name:<34} {len(values):>4} {cells}")
    for run in runs:
        lines.append(
            f"  backlog, --concurrency {run.concurrency}: {run.published} vacancy.published"
            f" + {run.events - run.published} other events in {run.seconds:.1f} s:"
            f" {run.rate:.2f} vacancies/s, {run.events / run.seconds:.2f} events/s;"
            f" {run.notifications:,} notifications; CPU per vacancy: worker"
            f" {1000 * run.worker_cpu / run.published:.0f} ms, PostgreSQL"
            f" {1000 * run.database_cpu / run.published:.0f} ms"
        )
    lines.append(f"  throughput, 2 processes / 1 process: {runs[1].rate / runs[0].rate:.2f}")
    return "\n".join(lines)


def _forget_queue(celery: Celery, name: str) -> None:
    """Delete the bench's queue from Redis, with kombu's bindings and any message left."""
    with (
        contextlib.suppress(OSError, kombu.exceptions.OperationalError),
        celery.connection_for_write() as connection,
    ):
        queue = celery.amqp.queues[name].bind(connection.default_channel)
        queue.declare()
        queue.delete()
    celery.close()


def _load() -> str:
    return "/".join(f"{v:.1f}" for v in os.getloadavg())


def _env(settings: Settings) -> dict[str, str]:
    return os.environ | {
        "DATABASE_URL": str(settings.database_url),
        "REDIS_URL": str(settings.redis_url),
        "OPSTAP_QUEUE": settings.queue,
        "OPSTAP_DATA_DIR": str(settings.data_dir),
        "OPSTAP_LOG_FORMAT": "text",
        "OPSTAP_WORKER_METRICS_PORT": "0",
        "OPSTAP_RELAY_POLL_SECONDS": "0.2",
        "OPSTAP_SMTP_HOST": "",
    }


@contextlib.asynccontextmanager
async def _database(folder: Path, data_dir: Path) -> AsyncIterator[Settings]:
    """Settings for a temporary database holding the schema and the taxonomy."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        raise SystemExit("bench: REDIS_URL is not set; run it through `make bench`")
    async with db.temporary_database(server_url(), "opstap_bench") as url:
        settings = Settings(
            database_url=url,
            redis_url=redis_url,
            data_dir=data_dir,
            secret_key="bench-secret-key-bench-secret-key-0123456789",
            queue=f"opstap-bench-{uuid.uuid4().hex[:8]}",  # no other run's messages reach it
        )
        await bootstrap.migrate(settings)
        conn = await db.connect(url)
        try:
            async with conn.transaction():
                await importer.import_folder(conn, folder)
        finally:
            await conn.close()
        yield settings


@contextlib.asynccontextmanager
async def _api(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            yield http


async def _measure(scene: Scene) -> tuple[Latencies, list[Backlog]]:
    started = time.perf_counter()
    pool, skill_uris = await occupation_pool(scene.conn)
    rng = np.random.default_rng(SEED)
    await populate(scene.conn, matcher_data.population(pool, skill_uris, PEOPLE, rng))
    _log(f"{PEOPLE:,} people in {time.perf_counter() - started:.1f} s")
    scene.processes.start("relay", "relay")
    scene.processes.start("worker1", "worker", "--concurrency", "1")
    await stage(scene, max(pool, key=lambda o: (len(o.essential), o.uri)))
    await scene.at_rest()
    latencies = await measure_latency(scene)
    one = await measure_backlog(scene, backlog_rows(pool, BACKLOG, rng), 1)
    scene.processes.stop("worker1")
    scene.processes.start("worker2", "worker", "--concurrency", "2")
    # Both processes at once get a vacancy to score, so each has built its matcher.
    await import_vacancies(scene, backlog_rows(pool, 4, rng))
    await scene.at_rest()
    two = await measure_backlog(scene, backlog_rows(pool, BACKLOG, rng), 2)
    return latencies, [one, two]


async def run(folder: Path) -> tuple[list[Figure], str]:
    """The figures and the report; the relay and workers are stopped whatever happens."""
    load = _load()
    loop, task = asyncio.get_running_loop(), asyncio.current_task()
    assert task is not None
    loop.add_signal_handler(signal.SIGTERM, task.cancel)  # so the finally below runs
    try:
        return await _run(folder, load)
    finally:
        loop.remove_signal_handler(signal.SIGTERM)


async def _run(folder: Path, load: str) -> tuple[list[Figure], str]:
    with tempfile.TemporaryDirectory(prefix="opstap-bench-") as tmp:
        async with _database(folder, Path(tmp)) as settings:
            processes = Processes(_env(settings), Path(tmp))
            celery = create_celery(settings)
            assert settings.database_url
            conn = await db.connect(settings.database_url)
            try:
                async with _api(settings) as http:
                    scene = Scene(http, conn, celery, processes)
                    await conn.add_listener(CHANNEL, lambda *_: scene.wake.set())
                    latencies, runs = await _measure(scene)
            finally:
                processes.stop_all()
                _forget_queue(celery, settings.queue)
                await conn.close()
    load = f"{load} -> {_load()} (1/5/15 min)"
    return figures(latencies, runs), report(latencies, runs, load)


if __name__ == "__main__":
    common.main(run, sys.argv[1:])

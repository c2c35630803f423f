"""The API's read path under load: a real `opstap api` process, read by locust (headless).

On a temporary database: OPSTAP_BENCH_READ_PEOPLE synthetic people (20,000 by default; 100,000
with OPSTAP_BENCH_SCALE=national), 9 in 10 consenting to matching, and
OPSTAP_BENCH_READ_VACANCIES open vacancies (5,000), drawn like bench/matcher_data.py and written
with COPY (bench/worker_events.py). OPSTAP_BENCH_READ_SAMPLE consenting people (200) are the ones
read: they are shared out as the caseloads of COACHES jobcoaches at the people's WISE, and each
is rescored (services/core/matching/service.py `rescore_employee`: the best 50 open vacancies).

The API runs as a user runs it: `python -m services api` (one uvicorn process, the default),
awaited on /ready (the matcher is built at start). locust then reads with no think time, each
simulated user signed in as one of the jobcoaches and reading people of that coach's caseload
at random, for OPSTAP_BENCH_READ_SECONDS (30) at 16 and at 64 concurrent users:
- `GET /api/v1/employees/{id}/matches?limit=20` with the coach's bearer token (API sign-in):
  scores only, the answer by default;
- the same with `&explain=true`, each match with its explanation worded for the reader;
- `limit=50&explain=true`, the answer before (50 a page, always explained): the baseline,
  measured in the same run;
- the coach's person page `GET /coach/people/{id}` with the coach's page session cookie (signed
  in through the page form, so a server-side session row).
Measured per run: requests per second, p50/p95/p99/max of locust's response times, errors
(anything but a 200), and the CPU seconds per request of the API process, of the PostgreSQL
backends and of locust itself (all on the same 2 cores). Reads are audited once per reader,
person, purpose and hour (services/core/audit.py): the audit rows written by all the runs are
counted against that bound. locust runs in a process of its own (gevent patches everything it
imports), through its library API.
Run alone: `.venv/bin/opstap services run -- .venv/bin/python -m bench.api_reads`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import numpy as np

from bench import common, matcher_data, worker_events
from bench.common import Figure
from bench.pipeline import (
    BACKENDS,
    Processes,
    _cpu_seconds,
    _database,
    _env,
    _tree,
    occupation_pool,
)
from bench.skill_search import _wait_ready
from services.core import db, security
from services.core.accounts import repository as accounts
from services.core.matching import service as matching

NATIONAL = os.environ.get("OPSTAP_BENCH_SCALE") == "national"
PEOPLE = int(os.environ.get("OPSTAP_BENCH_READ_PEOPLE", "100000" if NATIONAL else "20000"))
VACANCIES = int(os.environ.get("OPSTAP_BENCH_READ_VACANCIES", "5000"))
SAMPLE = int(os.environ.get("OPSTAP_BENCH_READ_SAMPLE", "200"))
SECONDS = float(os.environ.get("OPSTAP_BENCH_READ_SECONDS", "30"))
USERS = (16, 64)
COACHES = 4
SEED = 20261202
TARGET_P95_MS = 100.0
PASSWORD = "bench-reads-password"
ROOT = Path(__file__).resolve().parents[1]
CSRF = re.compile(r'name="csrf_token" value="([0-9a-f]{64})"')
# What locust reads: its name in the figures, the path (one person's id goes in), whether by page.
ENDPOINTS = {
    "matches?limit=20": ("/api/v1/employees/{}/matches?limit=20", False),
    "...&explain=true": ("/api/v1/employees/{}/matches?limit=20&explain=true", False),
    "before: limit=50": ("/api/v1/employees/{}/matches?limit=50&explain=true", False),
    "person page": ("/coach/people/{}", True),
}
# The read audit of every run: rows, and rows per (reader, person, purpose, hour).
AUDITED = """
SELECT count(*) AS written,
       count(DISTINCT (actor_id, employee_id, purpose, read_hour)) AS keys,
       count(DISTINCT (actor_id, employee_id)) AS pairs,
       coalesce(array_agg(DISTINCT purpose), '{}') AS purposes
FROM audit_log WHERE action = 'read' AND at >= $1
"""
HOURS = """
SELECT count(*) FROM generate_series(date_trunc('hour', $1::timestamptz AT TIME ZONE 'UTC'),
                                     date_trunc('hour', now() AT TIME ZONE 'UTC'), '1 hour')
"""
SHOWN = "SELECT count(*) FROM suggestion_log WHERE shown_at >= $1"
# Run in a fresh interpreter: gevent must patch the standard library before anything imports it.
GENERATOR = (
    "from gevent import monkey; monkey.patch_all()\n"
    "import sys\n"
    "from bench import api_reads\n"
    "api_reads.generate(sys.argv[1], sys.argv[2])\n"
)


@dataclass(frozen=True)
class Coach:
    """A jobcoach and the caseload it reads."""

    email: str
    people: list[str]


@dataclass(frozen=True)
class Result:
    """One locust run: an endpoint at a number of concurrent users."""

    endpoint: str
    users: int
    seconds: float
    times_ms: list[float]
    errors: dict[str, int]
    unfinished: int  # sent but not answered when the run ended
    api_cpu: float  # CPU seconds of the API process during the run
    database_cpu: float  # of the PostgreSQL backends of the bench's database
    locust_cpu: float  # of the load generator, while it reads (not its start)

    @property
    def requests(self) -> int:
        return len(self.times_ms)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    @property
    def interval_ms(self) -> float:
        """Wall milliseconds per answered request (the inverse of the rate)."""
        return 1000 / self.rate if self.requests else float("inf")

    def pct(self, q: float) -> float:
        return float(np.percentile(self.times_ms, q)) if self.times_ms else float("nan")

    def per_request_ms(self, cpu: float) -> float:
        return 1000 * cpu / max(1, self.requests)


async def run(folder: Path) -> tuple[list[Figure], str]:
    with tempfile.TemporaryDirectory(prefix="opstap-bench-reads-") as tmp:
        async with _database(folder, Path(tmp)) as settings:
            conn = await db.connect(str(settings.database_url))
            try:
                started = time.perf_counter()
                coaches = await _world(conn)
                world_s = time.perf_counter() - started
                env = _env(settings) | {"OPSTAP_PORT": str(_free_port())}
                processes = Processes(env, Path(tmp))
                try:
                    return await _measure(conn, processes, coaches, world_s, Path(tmp))
                finally:
                    processes.stop_all()
            finally:
                await conn.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _world(conn: asyncpg.Connection) -> list[Coach]:
    """Everyone and the open vacancies (COPY); the jobcoaches with the sample as caseloads,
    each person of the sample rescored."""
    pool, skill_uris = await occupation_pool(conn)
    rng = np.random.default_rng(SEED)
    folks = matcher_data.population(pool, skill_uris, PEOPLE, rng)
    jobs = matcher_data.vacancies(pool, VACANCIES, rng)
    async with conn.transaction():
        wise = (await accounts.insert_organisation(conn, "wise", {"name": "Bench reads"}))["id"]
        firm = (await accounts.insert_organisation(conn, "employer", {"name": "Bench firm"}))["id"]
        person_ids = [uuid.uuid4() for _ in folks]
        await worker_events._copy_people(conn, wise, folks, person_ids, rng)
        await worker_events._copy_vacancies(conn, firm, jobs, [uuid.uuid4() for _ in jobs])
    await conn.execute("ANALYZE")
    consenting = {r["employee_id"] for r in await conn.fetch(CONSENTING)}
    sample = [i for i in person_ids if i in consenting][:SAMPLE]
    coaches: list[Coach] = []
    hashed = security.hash_password(PASSWORD)
    async with conn.transaction():
        for n in range(COACHES):
            email = f"coach{n}@reads.bench.example"
            name = f"Bench coach {n}"
            coach = await accounts.insert_account(conn, wise, email, name, "jobcoach", hashed)
            caseload = sample[n::COACHES]
            await conn.execute(ASSIGN, coach, caseload)
            coaches.append(Coach(email, [str(i) for i in caseload]))
        for person in sample:
            await matching.rescore_employee(conn, person)
    await conn.execute("ANALYZE")
    return coaches


CONSENTING = "SELECT employee_id FROM consent WHERE purpose = 'matching' AND withdrawn_at IS NULL"
ASSIGN = "UPDATE employee SET jobcoach_id = $1 WHERE id = ANY($2::uuid[])"


async def _signed_in(http: httpx.AsyncClient, coaches: list[Coach]) -> list[dict[str, Any]]:
    """Each coach's bearer token (API sign-in) and page session cookie (the sign-in form)."""
    readers = []
    for coach in coaches:
        form = {"username": coach.email, "password": PASSWORD}
        answer = await http.post("/api/v1/auth/token", data=form)
        answer.raise_for_status()
        # A browser of its own per coach: signing in ends the session its cookie held.
        http.cookies.clear()
        found = CSRF.search((await http.get("/sign-in")).text)
        if not found:
            raise RuntimeError("the sign-in page has no form token")
        data = {"csrf_token": found[1], "email": coach.email, "password": PASSWORD}
        signed = await http.post("/sign-in", data=data)
        cookie = http.cookies.get("opstap_session")
        if signed.status_code != 303 or not cookie:
            raise RuntimeError(f"page sign-in: {signed.status_code} {signed.text[:300]}")
        readers.append(
            {
                "token": answer.json()["access_token"],
                "cookie": f"opstap_session={cookie}",
                "people": coach.people,
            }
        )
    return readers


async def _measure(
    conn: asyncpg.Connection,
    processes: Processes,
    coaches: list[Coach],
    world_s: float,
    tmp: Path,
) -> tuple[list[Figure], str]:
    processes.start("api", "api")
    host = f"http://127.0.0.1:{processes.env['OPSTAP_PORT']}"
    load = _loadavg()
    since = await conn.fetchval("SELECT now()")
    results: list[Result] = []
    async with httpx.AsyncClient(base_url=host, timeout=60) as http:
        started = time.perf_counter()
        await _wait_ready(http, processes)
        ready_s = time.perf_counter() - started
        for users in USERS:
            for endpoint in ENDPOINTS:
                # Signed in anew for each run: a token lives 15 minutes, a long run outlives it.
                readers = await _signed_in(http, coaches)
                spec = {"host": host, "endpoint": endpoint, "users": users, "readers": readers}
                results.append(await _locust(conn, processes, spec, tmp))
                processes.check()
                await _settle(processes.running["api"].pid)
    audit = dict(await conn.fetchrow(AUDITED, since))
    audit["hours"] = await conn.fetchval(HOURS, since)
    audit["shown"] = await conn.fetchval(SHOWN, since)
    load = f"{load} -> {_loadavg()} (1/5/15 min)"
    return _figures(results), _report(results, audit, world_s, ready_s, load)


async def _locust(
    conn: asyncpg.Connection, processes: Processes, spec: dict[str, Any], tmp: Path
) -> Result:
    """One locust run in its own process; the CPU the API, PostgreSQL and locust spent on it."""
    path, out = tmp / "spec.json", tmp / "result.json"
    path.write_text(json.dumps(spec | {"seconds": SECONDS}))
    out.unlink(missing_ok=True)
    api = _tree(processes.running["api"].pid)
    backends = {r["pid"] for r in await conn.fetch(BACKENDS)}
    before = {pid: _cpu_seconds([pid]) for pid in (*api, *backends)}
    await asyncio.to_thread(_run_locust, path, out, tmp / "locust.log")
    backends |= {r["pid"] for r in await conn.fetch(BACKENDS)}
    spent = {pid: _cpu_seconds([pid]) - before.get(pid, 0.0) for pid in (*api, *backends)}
    found = json.loads(out.read_text())
    result = Result(
        spec["endpoint"],
        spec["users"],
        found["seconds"],
        found["times_ms"],
        found["errors"],
        found["unfinished"],
        api_cpu=sum(spent[pid] for pid in api),
        database_cpu=sum(spent[pid] for pid in backends if pid not in api),
        locust_cpu=found["cpu"],
    )
    print(
        f"api reads: {result.endpoint}, {result.users} users: {result.rate:.0f}/s,"
        f" p95 {result.pct(95):.0f} ms, {sum(result.errors.values())} errors",
        file=sys.stderr,
        flush=True,
    )
    return result


async def _settle(pid: int, within: float = 300) -> None:
    """Wait until the API has finished what the last run left it (requests whose reader has
    gone are still answered): under a tenth of a core for a second."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        cpu = _cpu_seconds([pid])
        await asyncio.sleep(1)
        if _cpu_seconds([pid]) - cpu < 0.1:
            return
    raise RuntimeError(f"the API was still busy {within:.0f} s after a run")


def _run_locust(spec: Path, out: Path, log: Path) -> None:
    with log.open("ab") as sink:
        done = subprocess.run(
            [sys.executable, "-c", GENERATOR, str(spec), str(out)],
            cwd=ROOT,
            stdout=sink,
            stderr=sink,
            check=False,
        )
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"locust exited with {done.returncode}:\n{tail}")


def generate(spec_path: str, out_path: str) -> None:
    """The load, in a process of its own (see GENERATOR): locust's users read for the run's
    seconds; every response time, and the errors by kind, go to `out_path` as JSON."""
    import gevent
    from locust import FastHttpUser, constant, task
    from locust.env import Environment

    spec = json.loads(Path(spec_path).read_text())
    template, by_page = ENDPOINTS[spec["endpoint"]]
    readers = spec["readers"]
    turn = itertools.count()
    times: list[float] = []
    errors: Counter[str] = Counter()
    sent = [0]

    class Reader(FastHttpUser):
        host = spec["host"]
        wait_time = constant(0)

        def on_start(self) -> None:
            n = next(turn)
            reader = readers[n % len(readers)]
            self.people = reader["people"]
            self.random = random.Random(SEED + n)
            self.send = (
                {"Cookie": reader["cookie"]}
                if by_page
                else {"Authorization": f"Bearer {reader['token']}"}
            )

        @task
        def read(self) -> None:
            sent[0] += 1
            url = template.format(self.random.choice(self.people))
            with self.client.get(
                url,
                headers=self.send,
                name=spec["endpoint"],
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code != 200:
                    response.failure(f"HTTP {response.status_code}")

    def record(response_time: float, exception: BaseException | None, **_: Any) -> None:
        if exception is None:
            times.append(response_time)
        else:
            errors[str(exception)[:80]] += 1

    env = Environment(user_classes=[Reader])
    env.events.request.add_listener(record)
    runner = env.create_local_runner()
    runner.start(spec["users"], spawn_rate=spec["users"])
    started, cpu = time.perf_counter(), time.process_time()
    gevent.sleep(spec["seconds"])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    runner.quit()
    unfinished = sent[0] - len(times) - errors.total()
    result = {
        "seconds": seconds,
        "cpu": cpu,
        "times_ms": times,
        "errors": dict(errors),
        "unfinished": unfinished,
    }
    Path(out_path).write_text(json.dumps(result))


def _loadavg() -> str:
    return "/".join(f"{v:.1f}" for v in os.getloadavg())


def _find(results: list[Result], endpoint: str, users: int) -> Result:
    return next(r for r in results if r.endpoint == endpoint and r.users == users)


def _figures(results: list[Result]) -> list[Figure]:
    """Matches at limit=20, scores only and explained, against the answer before (limit=50,
    explained) at each concurrency; the person page at 64 against 16 users."""
    out: list[Figure] = []
    for users in USERS:
        base = _find(results, "before: limit=50", users)
        target = f"; target < {TARGET_P95_MS:.0f} ms" if users == max(USERS) else ""
        for endpoint, what in (("matches?limit=20", "scores"), ("...&explain=true", "explained")):
            ours = _find(results, endpoint, users)
            out += [
                Figure(
                    f"matches ?limit=20 {what}, {users} users, p95",
                    ours.pct(95),
                    base.pct(95),
                    "ms",
                    f"baseline limit=50 explained; p50 {ours.pct(50):.0f}/{base.pct(50):.0f},"
                    f" p99 {ours.pct(99):.0f}/{base.pct(99):.0f} ms{target}",
                ),
                Figure(
                    f"matches ?limit=20 {what}, {users} users, per request",
                    ours.interval_ms,
                    base.interval_ms,
                    "ms",
                    f"{ours.rate:.0f} req/s, baseline {base.rate:.0f} req/s;"
                    f" errors {sum(ours.errors.values())}/{sum(base.errors.values())}",
                ),
            ]
    low, high = (_find(results, "person page", users) for users in USERS)
    out += [
        Figure(
            f"person page, {high.users} users, p95",
            high.pct(95),
            low.pct(95),
            "ms",
            f"baseline {low.users} users; p50 {high.pct(50):.0f}/{low.pct(50):.0f},"
            f" p99 {high.pct(99):.0f}/{low.pct(99):.0f} ms",
        ),
        Figure(
            f"person page, {high.users} users, per request",
            high.interval_ms,
            low.interval_ms,
            "ms",
            f"{high.rate:.0f} req/s, baseline {low.users} users {low.rate:.0f} req/s;"
            f" errors {sum(high.errors.values())}/{sum(low.errors.values())}",
        ),
    ]
    return out


def _report(
    results: list[Result], audit: dict[str, Any], world_s: float, ready_s: float, load: str
) -> str:
    """Every run in full, and the read audit against its bound."""
    lines = [
        f"api reads: {PEOPLE:,} people, {VACANCIES:,} open vacancies, {SAMPLE} read by"
        f" {COACHES} jobcoaches (world {world_s:.0f} s, API ready in {ready_s:.0f} s);"
        f" `opstap api`, one uvicorn process; locust, {SECONDS:.0f} s per run; load {load}",
        f"  {'endpoint':<18} {'users':>5} {'requests':>8} {'req/s':>7} {'p50':>6} {'p95':>6}"
        f" {'p99':>6} {'max':>6} {'errors':>6} {'unfin.':>6}   CPU ms/request: api, postgres,"
        " locust",
    ]
    for r in results:
        lines.append(
            f"  {r.endpoint:<18} {r.users:>5} {r.requests:>8} {r.rate:>7.1f} {r.pct(50):>6.0f}"
            f" {r.pct(95):>6.0f} {r.pct(99):>6.0f} {r.pct(100):>6.0f}"
            f" {sum(r.errors.values()):>6} {r.unfinished:>6}   {r.per_request_ms(r.api_cpu):.1f},"
            f" {r.per_request_ms(r.database_cpu):.1f}, {r.per_request_ms(r.locust_cpu):.1f}"
        )
        for error, n in sorted(r.errors.items(), key=lambda e: -e[1])[:3]:
            lines.append(f"      {n} x {error}")
    purposes = sorted(audit["purposes"])
    bound = SAMPLE * audit["hours"] * len(purposes)
    reads = sum(r.requests for r in results)
    lines.append(
        f"  audit: {audit['written']:,} read rows for {reads:,} reads; bound {bound:,} ="
        f" {SAMPLE} (reader, person) pairs x {audit['hours']} hour(s) x {len(purposes)}"
        f" purposes ({', '.join(purposes)}); {audit['pairs']} pairs read;"
        f" rows per (reader, person, purpose, hour) > 1: {audit['written'] - audit['keys']};"
        f" suggestion_log rows {audit['shown']:,} (once per reader, match and day)"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    common.main(run, sys.argv[1:])

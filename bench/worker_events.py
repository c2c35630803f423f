"""The worker's cost per event at size: warm indexes (core/matching/live.py) against the path
they replaced (every person, or every open vacancy, loaded and indexed for each event).

On a temporary database: OPSTAP_BENCH_EVENT_PEOPLE synthetic people (20,000 by default; 100,000
with OPSTAP_BENCH_SCALE=national), 9 in 10 consenting to matching, and
OPSTAP_BENCH_EVENT_VACANCIES open vacancies (5,000), drawn like bench/matcher_data.py and written
with COPY. Then EVENTS times each, in the handler's own transaction as the worker runs it:
- `vacancy.published`: matching.service.rescore_vacancy (rank everyone, explain the top 50,
  store them);
- `employee.profile_updated`: a person's skills change, then rescore_employee.
Measured: this process's CPU (the worker's part) and the PostgreSQL backend's CPU per event,
the median wall time, and the first event's cost (loading everything once). The baseline is the
path before the warm indexes, as it was (`_loaded_per_event`): every person (or every open
vacancy) loaded and indexed for each event, then the same ranking, explanations and writes.
Run alone: `.venv/bin/opstap services run -- .venv/bin/python -m bench.worker_events`.
"""

from __future__ import annotations

import functools
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import asyncpg
import numpy as np

from bench import common
from bench.common import Figure
from bench.pipeline import _database, occupation_pool
from services.core import db
from services.core.accounts import repository as accounts
from services.core.matching import live, repository
from services.core.matching import service as matching
from services.matcher.types import Person, Vacancy

NATIONAL = os.environ.get("OPSTAP_BENCH_SCALE") == "national"
PEOPLE = int(os.environ.get("OPSTAP_BENCH_EVENT_PEOPLE", "100000" if NATIONAL else "20000"))
VACANCIES = int(os.environ.get("OPSTAP_BENCH_EVENT_VACANCIES", "5000"))
EVENTS = int(os.environ.get("OPSTAP_BENCH_EVENTS", "20"))
SEED = 20261202


async def run(folder: Path) -> tuple[list[Figure], str]:
    with tempfile.TemporaryDirectory(prefix="opstap-bench-events-") as tmp:
        async with _database(folder, Path(tmp)) as settings:
            conn = await db.connect(str(settings.database_url))
            try:
                people, vacancy_ids = await _world(conn)
                return await _measure(conn, people, vacancy_ids)
            finally:
                await conn.close()


async def _world(conn: asyncpg.Connection) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    """Everyone and the open vacancies, written with COPY; their ids."""
    pool, skill_uris = await occupation_pool(conn)
    rng = np.random.default_rng(SEED)
    from bench import matcher_data

    folks = matcher_data.population(pool, skill_uris, PEOPLE, rng)
    jobs = matcher_data.vacancies(pool, VACANCIES, rng)
    async with conn.transaction():
        wise = await accounts.insert_organisation(conn, "wise", {"name": "Bench events WISE"})
        employer = await accounts.insert_organisation(conn, "employer", {"name": "Bench employer"})
        person_ids = [uuid.uuid4() for _ in folks]
        vacancy_ids = [uuid.uuid4() for _ in jobs]
        await _copy_people(conn, wise["id"], folks, person_ids, rng)
        await _copy_vacancies(conn, employer["id"], jobs, vacancy_ids)
    await conn.execute("ANALYZE")
    return person_ids, vacancy_ids


async def _copy_people(
    conn: asyncpg.Connection,
    organisation: uuid.UUID,
    folks: Sequence[Person],
    ids: Sequence[uuid.UUID],
    rng: np.random.Generator,
) -> None:
    await conn.copy_records_to_table(
        "employee",
        columns=[
            "id",
            "organisation_id",
            "name",
            "ladder_rung",
            "hours_min",
            "hours_max",
            "latitude",
            "longitude",
            "max_travel_km",
        ],
        records=[
            (
                i,
                organisation,
                f"Bench {p.id}",
                p.ladder_rung,
                p.hours_min,
                p.hours_max,
                p.latitude,
                p.longitude,
                p.max_travel_km,
            )
            for i, p in zip(ids, folks, strict=True)
        ],
    )
    await conn.copy_records_to_table(
        "employee_skill",
        columns=["employee_id", "skill_uri", "level", "source"],
        records=[
            (i, s.uri, s.level, s.source)
            for i, p in zip(ids, folks, strict=True)
            for s in {s.uri: s for s in p.skills}.values()
        ],
    )
    consenting = [i for i in ids if rng.uniform() < 0.9]
    await conn.copy_records_to_table(
        "consent", columns=["employee_id", "purpose"], records=[(i, "matching") for i in consenting]
    )


async def _copy_vacancies(
    conn: asyncpg.Connection,
    organisation: uuid.UUID,
    jobs: Sequence[Vacancy],
    ids: Sequence[uuid.UUID],
) -> None:
    occupation = await conn.fetchval("SELECT uri FROM occupation ORDER BY uri LIMIT 1")
    await conn.copy_records_to_table(
        "vacancy",
        columns=[
            "id",
            "organisation_id",
            "title",
            "occupation_uri",
            "contract_kind",
            "ladder_rung",
            "hours_min",
            "hours_max",
            "latitude",
            "longitude",
            "status",
        ],
        records=[
            (
                i,
                organisation,
                f"Bench {v.id}",
                occupation,
                "regular",
                v.ladder_rung,
                v.hours_min,
                v.hours_max,
                v.latitude,
                v.longitude,
                "open",
            )
            for i, v in zip(ids, jobs, strict=True)
        ],
    )
    await conn.copy_records_to_table(
        "vacancy_skill",
        columns=["vacancy_id", "skill_uri", "relation", "min_level"],
        records=[
            (i, s.uri, s.relation, s.min_level)
            for i, v in zip(ids, jobs, strict=True)
            for s in {s.uri: s for s in v.skills}.values()
        ],
    )


def _backend_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Costs:
    """Per event: this process's CPU, the backend's CPU, wall time (seconds)."""

    def __init__(self) -> None:
        self.worker: list[float] = []
        self.database: list[float] = []
        self.wall: list[float] = []

    async def timed(self, conn: asyncpg.Connection, work: Callable[[], Awaitable[object]]) -> None:
        backend = int(await conn.fetchval("SELECT pg_backend_pid()"))
        cpu, pg, wall = time.process_time(), _backend_cpu(backend), time.perf_counter()
        async with conn.transaction():
            await work()
        self.worker.append(time.process_time() - cpu)
        self.database.append(_backend_cpu(backend) - pg)
        self.wall.append(time.perf_counter() - wall)

    def ms(self, which: list[float]) -> float:
        return statistics.mean(which) * 1000


Rescore = Callable[[asyncpg.Connection, uuid.UUID], Awaitable[int]]


async def _events(
    conn: asyncpg.Connection,
    people: list[uuid.UUID],
    vacancy_ids: list[uuid.UUID],
    rescore_vacancy: Rescore,
    rescore_employee: Rescore,
) -> dict[str, Costs]:
    """EVENTS of each kind; the first of all (a load, for the warm path) is counted apart."""
    costs = {"load": Costs(), "vacancy": Costs(), "person": Costs()}
    rng = np.random.default_rng(SEED + 1)
    skills = [r["skill_uri"] for r in await conn.fetch("SELECT uri AS skill_uri FROM skill")]
    await costs["load"].timed(conn, lambda: rescore_vacancy(conn, vacancy_ids[0]))
    for n in range(EVENTS):
        vacancy = vacancy_ids[1 + n]
        await costs["vacancy"].timed(conn, functools.partial(rescore_vacancy, conn, vacancy))
        person = people[int(rng.integers(len(people)))]
        await conn.execute(  # the profile change the event announces
            "INSERT INTO employee_skill (employee_id, skill_uri, level, source) "
            "VALUES ($1, $2, 3, 'observed') ON CONFLICT DO NOTHING",
            person,
            skills[int(rng.integers(len(skills)))],
        )
        await costs["person"].timed(conn, functools.partial(rescore_employee, conn, person))
    return costs


class _LoadedPerEvent:
    """The path before the warm indexes: everyone (or every open vacancy) per event."""

    @staticmethod
    async def rescore_vacancy(conn: asyncpg.Connection, vacancy_id: uuid.UUID) -> int:
        engine = await live.matcher(conn)
        found = await repository.vacancies(conn, [vacancy_id])
        people = engine.index_people([live.person_of(r) for r in await repository.people(conn)])
        rows = [
            matching._row(e, engine.model.labels)
            for e in engine.candidates_for(live.vacancy_of(found[0]), people, k=matching.TOP_K)
        ]
        await repository.replace(conn, rows, vacancy_ids=[vacancy_id])
        return len(rows)

    @staticmethod
    async def rescore_employee(conn: asyncpg.Connection, employee_id: uuid.UUID) -> int:
        engine = await live.matcher(conn)
        found = await repository.people(conn, [employee_id])
        rows: list[repository.MatchRow] = []
        if found[0]["consent_matching"]:
            index = engine.index_vacancies(
                [live.vacancy_of(r) for r in await repository.vacancies(conn)]
            )
            rows = [
                matching._row(e, engine.model.labels)
                for e in engine.vacancies_for(live.person_of(found[0]), index, k=matching.TOP_K)
            ]
        await repository.replace(conn, rows, employee_ids=[employee_id])
        return len(rows)


async def _measure(
    conn: asyncpg.Connection, people: list[uuid.UUID], vacancy_ids: list[uuid.UUID]
) -> tuple[list[Figure], str]:
    await live.matcher(conn)  # the model is built once per process either way
    half = EVENTS + 1
    old = _LoadedPerEvent()
    before = await _events(
        conn, people, vacancy_ids[:half], old.rescore_vacancy, old.rescore_employee
    )
    warm = await _events(
        conn,
        people,
        vacancy_ids[half : 2 * half],
        matching.rescore_vacancy,
        matching.rescore_employee,
    )
    size = f"{len(people):,} people, {len(vacancy_ids):,} open vacancies"
    figures = []
    for kind, name in (("vacancy", "vacancy.published"), ("person", "employee.profile_updated")):
        figures += [
            Figure(
                f"worker CPU per {name}",
                warm[kind].ms(warm[kind].worker),
                before[kind].ms(before[kind].worker),
                "ms",
                f"baseline: everything loaded per event; {size}",
            ),
            Figure(
                f"PostgreSQL CPU per {name}",
                warm[kind].ms(warm[kind].database),
                before[kind].ms(before[kind].database),
                "ms",
            ),
        ]
    figures.append(
        Figure(
            "warm indexes: first event (loads everything)",
            warm["load"].ms(warm["load"].wall),
            0.0,
            "ms",
            size,
        )
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        f"worker events at {size} ({EVENTS} of each kind, mean per event); this process's "
        f"peak resident memory {peak:,.0f} MiB (the matcher, both paths' indexes, the world):"
    ]
    for label, costs in (("warm indexes", warm), ("loaded per event", before)):
        for kind in ("vacancy", "person"):
            c = costs[kind]
            lines.append(
                f"  {label:<17} {kind:<8} worker {c.ms(c.worker):8.1f} ms  "
                f"PostgreSQL {c.ms(c.database):8.1f} ms  wall p50 "
                f"{statistics.median(c.wall) * 1000:8.1f} ms"
            )
    return figures, "\n".join(lines)


if __name__ == "__main__":
    common.main(run, sys.argv[1:])

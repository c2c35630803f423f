"""What job carving's counts cost an API process at size: the first count loads the warm index
of everyone (core/matching/live.py `warm`), as a worker holds it, on top of what the API holds
already (the matcher and the open vacancies' index).

On a temporary database with the world of bench/worker_events.py (OPSTAP_BENCH_EVENT_PEOPLE
people, 100,000 with OPSTAP_BENCH_SCALE=national; 5,000 open vacancies), it prints the process's
resident memory after each step, the load's time, the longest stall of the event loop during
the load (a ticker every 10 ms: what other requests of an API process would wait), and the time
of a count for an occupation's full job and for three of its tasks.
Run: `.venv/bin/opstap services run -- .venv/bin/python -m bench.carving_load`.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import asyncpg

from bench import common, worker_events
from bench.pipeline import _database
from services.core import db
from services.core.matching import counts, live


def _resident_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def _longest_stall(work: asyncio.Future[Any]) -> float:
    """Seconds of the longest gap between ticks of a 10 ms ticker while `work` runs."""
    longest, last = 0.0, time.monotonic()
    while not work.done():
        await asyncio.sleep(0.01)
        now = time.monotonic()
        longest, last = max(longest, now - last), now
    return longest


async def _counts(conn: asyncpg.Connection) -> None:
    row = await conn.fetchrow(
        "SELECT s.occupation_uri, array_agg(s.skill_uri ORDER BY s.skill_uri) AS skills "
        "FROM occupation_skill s WHERE s.relation = 'essential' AND s.occupation_uri IN "
        "(SELECT occupation_uri FROM vacancy WHERE status = 'open') "
        "GROUP BY s.occupation_uri HAVING count(*) >= 5 ORDER BY s.occupation_uri LIMIT 1"
    )
    skills = list(row["skills"])
    for name, kept in (("the full job", skills), ("three of its tasks", skills[:3])):
        what = counts.vacancy(
            [(uri, "essential", 1) for uri in kept],
            contract_kind="regular",
            ladder_rung=4,
            hours=(0, 60),
            accommodations=[],
        )
        started = time.perf_counter()
        fits = await counts.fitting(conn, what, 60.0)
        took = 1000 * (time.perf_counter() - started)
        print(f"  count for {name} ({len(kept)} tasks): {fits} fit, {took:.0f} ms")


async def main() -> None:
    folder = common.taxonomy_dir()
    with tempfile.TemporaryDirectory(prefix="opstap-bench-carving-") as tmp:
        async with _database(folder, Path(tmp)) as settings:
            conn = await db.connect(str(settings.database_url))
            try:
                people, vacancies = await worker_events._world(conn)
                print(f"carving load: {len(people)} people, {len(vacancies)} open vacancies")
                print(f"  resident after writing the world: {_resident_mib():.0f} MiB")
                await live.open_vacancies(conn)  # what an API process holds already
                before = _resident_mib()
                print(
                    f"  ... with the matcher and the open vacancies (the API's): {before:.0f} MiB"
                )
                started = time.perf_counter()
                load = asyncio.ensure_future(live.warm(conn))
                stall = await _longest_stall(load)
                await load
                seconds = time.perf_counter() - started
                after = _resident_mib()
                print(
                    f"  first count's load of everyone: {seconds:.1f} s, +{after - before:.0f} MiB "
                    f"({after:.0f} MiB), longest event-loop stall {1000 * stall:.0f} ms"
                )
                await _counts(conn)
            finally:
                await conn.close()


if __name__ == "__main__":
    os.environ.setdefault("OPSTAP_BENCH_EVENT_VACANCIES", "5000")
    asyncio.run(main())

"""A full recompute through the real path: load, score, merge and store, in shards.

On a temporary database: OPSTAP_BENCH_RECOMPUTE_PEOPLE synthetic people (5,000 by default;
100,000 with OPSTAP_BENCH_SCALE=national), 9 in 10 consenting to matching, and
OPSTAP_BENCH_RECOMPUTE_VACANCIES open vacancies (500; 20,000 national), drawn like
bench/matcher_data.py and written with COPY (bench/worker_events.py's world). Then, one after
another on the same database:
- the path before (not at the national size: it takes hours): everyone loaded and indexed in
  one process, every kept pair explained, all stored in one transaction;
- `opstap match recompute --here`, every shard in one process;
- `opstap match recompute` with one worker process, and with two, each `--concurrency 1` and
  one scoring thread (OPSTAP_MATCHER_THREADS=1: two processes of one thread use this machine's
  two cores, as --here's two threads do), a relay, and shards of OPSTAP_BENCH_RECOMPUTE_SHARD
  people (a quarter of everyone).
Measured: wall time from start to done (for the workers, of a second run: a running service's
workers have built their matcher and loaded everyone, which the first run does), the peak
resident memory of the largest process doing the work, and the time the run spent scoring,
then merging and storing (the shards' marks).
Run alone: `.venv/bin/opstap services run -- .venv/bin/python -m bench.recompute`.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path
from uuid import UUID

import asyncpg

from bench import common, worker_events
from bench.common import Figure
from bench.pipeline import _database, _env, _tree
from services.core import db
from services.core.matching import live, repository
from services.core.matching.service import TOP_K, stored_explanation

NATIONAL = os.environ.get("OPSTAP_BENCH_SCALE") == "national"
PEOPLE = int(os.environ.get("OPSTAP_BENCH_RECOMPUTE_PEOPLE", "100000" if NATIONAL else "10000"))
VACANCIES = int(os.environ.get("OPSTAP_BENCH_RECOMPUTE_VACANCIES", "20000" if NATIONAL else "1000"))
SHARD = int(os.environ.get("OPSTAP_BENCH_RECOMPUTE_SHARD", str(max(1, PEOPLE // 4))))

PHASES = """
SELECT extract(epoch FROM max(s.scored_at) - r.started_at) AS scoring,
       extract(epoch FROM r.finished_at - max(s.scored_at)) AS storing,
       r.matches, r.status
FROM match_recompute r JOIN match_recompute_shard s ON s.recompute_id = r.id
WHERE r.id = (SELECT id FROM match_recompute ORDER BY started_at DESC LIMIT 1)
GROUP BY r.id
"""


class Run:
    """One measured recompute: its phases and the peak memory of the processes doing it."""

    def __init__(self, label: str, row: asyncpg.Record, wall: float, peak_mib: float) -> None:
        self.label, self.wall, self.peak_mib = label, wall, peak_mib
        self.scoring, self.storing = float(row["scoring"]), float(row["storing"])
        self.matches, self.status = int(row["matches"] or 0), str(row["status"])

    def line(self) -> str:
        return (
            f"  {self.label:<22} {self.wall:8.1f} s  (scoring {self.scoring:7.1f} s, merging and "
            f"storing {self.storing:7.1f} s)  {self.matches:,} matches  "
            f"peak {self.peak_mib:,.0f} MiB"
        )


async def run(folder: Path) -> tuple[list[Figure], str]:
    worker_events.PEOPLE, worker_events.VACANCIES = PEOPLE, VACANCIES
    with tempfile.TemporaryDirectory(prefix="opstap-bench-recompute-") as tmp:
        async with _database(folder, Path(tmp)) as settings:
            conn = await db.connect(str(settings.database_url))
            try:
                await worker_events._world(conn)
                before = await _explaining_every_pair(conn) if not NATIONAL else None
                env = _env(settings) | {"OPSTAP_LOG_LEVEL": "WARNING"}
                here = await _measure(conn, env, "in one process (--here)", 0)
                one = await _measure(conn, env, "one worker process", 1)
                two = await _measure(conn, env, "two worker processes", 2)
            finally:
                await conn.close()
    size = f"{PEOPLE:,} people x {VACANCIES:,} open vacancies, shards of {SHARD:,}"
    old = "not run at this size: it takes hours" if before is None else f"{before:8.1f} s"
    figures = [
        Figure(
            "full recompute, in one process",
            here.wall,
            before or 0.0,
            "s",
            f"baseline: every pair explained before storing; {size}",
        ),
        Figure(
            "full recompute, one worker",
            one.wall,
            here.wall,
            "s",
            "baseline: --here (two threads; the worker one)",
        ),
        Figure("full recompute, two workers", two.wall, one.wall, "s", "baseline: one worker"),
    ]
    report = "\n".join(
        [
            f"full recompute, {size}:",
            f"  {'every pair explained':<22} {old}  (the path before: one process and transaction)",
            *(r.line() for r in (here, one, two)),
        ]
    )
    return figures, report


async def _explaining_every_pair(conn: asyncpg.Connection) -> float:
    """The path before, as it was: everyone and every open vacancy loaded and indexed in one
    process, every kept pair explained, all stored in one transaction; seconds, wall."""
    began = time.perf_counter()
    async with conn.transaction():
        engine = await live.matcher(conn)
        people = {p.id: p for p in map(live.person_of, await repository.people(conn))}
        vacancies = {v.id: v for v in map(live.vacancy_of, await repository.vacancies(conn))}
        pairs = engine.recompute(
            engine.index_people(list(people.values())),
            engine.index_vacancies(list(vacancies.values())),
            k=TOP_K,
        )
        labels = engine.model.labels
        rows: list[repository.MatchRow] = []
        for v, p, _ in pairs:
            why = engine.explain(people[p], vacancies[v])
            data = stored_explanation(why, labels)
            rows.append((UUID(v), UUID(p), why.score, data, why.model_version))
        await repository.replace(conn, rows, vacancy_ids=[UUID(v) for v in vacancies])
    return time.perf_counter() - began


async def _measure(conn: asyncpg.Connection, env: dict[str, str], label: str, workers: int) -> Run:
    """One recompute: `--here` when `workers` is 0, else through that many worker processes,
    measured on a second run (a running service's workers have their matcher and everyone
    loaded; the first run loads them)."""
    services = [sys.executable, "-m", "services"]
    command = [*services, "match", "recompute", "--shard-people", str(SHARD)]
    helpers = [await asyncio.create_subprocess_exec(*services, "relay", env=env)]
    try:
        for _ in range(workers):
            worker = ("worker", "--concurrency", "1")
            alone = env | {"OPSTAP_MATCHER_THREADS": "1"}
            helpers.append(await asyncio.create_subprocess_exec(*services, *worker, env=alone))
        if workers:
            await _recompute(command, env, helpers, label)
        # --here tells of new matches in its own transaction; the workers' run ends at done and
        # a worker tells afterwards: neither is timed (the first run would tell everyone).
        here = () if workers else ("--here", "--no-announce")
        wall, peak = await _recompute([*command, *here], env, helpers, label)
        return Run(label, await conn.fetchrow(PHASES), wall, peak)
    finally:
        for process in helpers:
            process.terminate()
        for process in helpers:
            await process.wait()


async def _recompute(
    command: list[str], env: dict[str, str], helpers: list[asyncio.subprocess.Process], label: str
) -> tuple[float, float]:
    """Run the command to its end: (seconds, the peak MiB of any process doing the work)."""
    began = time.perf_counter()
    done = await asyncio.create_subprocess_exec(*command, env=env)
    peak = 0.0
    while done.returncode is None:
        workers_peak = max((_peak_mib(p.pid) for p in helpers[1:]), default=0.0)
        peak = max(peak, workers_peak, _peak_mib(done.pid))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), 0.5)
    if done.returncode != 0:
        raise RuntimeError(f"{label}: opstap match recompute exited with {done.returncode}")
    return time.perf_counter() - began, peak


def _peak_mib(pid: int) -> float:
    """The peak resident memory (VmHWM) of a process or any of its descendants, in MiB."""
    peak = 0.0
    for member in _tree(pid):
        with contextlib.suppress(OSError, ValueError):
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
        if member != pid:
            peak = max(peak, _peak_mib(member))
    return peak


if __name__ == "__main__":
    common.main(run, sys.argv[1:])

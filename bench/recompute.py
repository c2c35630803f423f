"""A full recompute through the real path: load, score, merge, explain and store, in shards.

On a temporary database: OPSTAP_BENCH_RECOMPUTE_PEOPLE synthetic people (10,000 by default;
100,000 with OPSTAP_BENCH_SCALE=national), 9 in 10 consenting to matching, and
OPSTAP_BENCH_RECOMPUTE_VACANCIES open vacancies (1,000; 20,000 national), drawn like
bench/matcher_data.py and written with COPY (bench/worker_events.py's world). Then, one after
another on the same database:
- baseline: `opstap match recompute --here`, every shard in one process (as the command ran
  before the work was shared out);
- `opstap match recompute` with one worker process, and with two, each `--concurrency 1`, a
  relay, and shards of OPSTAP_BENCH_RECOMPUTE_SHARD people (a quarter of everyone).
Measured: wall time from start to done (each process builds its matcher and loads everyone
once, as a freshly started worker does), the peak resident memory of the largest worker process, and
the time the run spent scoring and explaining (from the shards' marks).
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

import asyncpg

from bench import common, worker_events
from bench.common import Figure
from bench.pipeline import _database, _env, _tree
from services.core import db

NATIONAL = os.environ.get("OPSTAP_BENCH_SCALE") == "national"
PEOPLE = int(os.environ.get("OPSTAP_BENCH_RECOMPUTE_PEOPLE", "100000" if NATIONAL else "10000"))
VACANCIES = int(os.environ.get("OPSTAP_BENCH_RECOMPUTE_VACANCIES", "20000" if NATIONAL else "1000"))
SHARD = int(os.environ.get("OPSTAP_BENCH_RECOMPUTE_SHARD", str(max(1, PEOPLE // 4))))

PHASES = """
SELECT extract(epoch FROM max(s.scored_at) - r.started_at) AS scoring,
       extract(epoch FROM max(s.explained_at) - max(s.scored_at)) AS explaining,
       extract(epoch FROM r.finished_at - r.started_at) AS total, r.matches, r.status
FROM match_recompute r JOIN match_recompute_shard s ON s.recompute_id = r.id
WHERE r.id = (SELECT id FROM match_recompute ORDER BY started_at DESC LIMIT 1)
GROUP BY r.id
"""


class Run:
    """One measured recompute: its phases and the peak memory of the processes doing it."""

    def __init__(self, label: str, row: asyncpg.Record, wall: float, peak_mib: float) -> None:
        self.label, self.wall, self.peak_mib = label, wall, peak_mib
        self.scoring, self.explaining = float(row["scoring"]), float(row["explaining"])
        self.matches, self.status = int(row["matches"] or 0), str(row["status"])

    def line(self) -> str:
        return (
            f"  {self.label:<22} {self.wall:8.1f} s  (scoring {self.scoring:7.1f} s, explaining "
            f"{self.explaining:7.1f} s)  {self.matches:,} matches  peak {self.peak_mib:,.0f} MiB"
        )


async def run(folder: Path) -> tuple[list[Figure], str]:
    worker_events.PEOPLE, worker_events.VACANCIES = PEOPLE, VACANCIES
    with tempfile.TemporaryDirectory(prefix="opstap-bench-recompute-") as tmp:
        async with _database(folder, Path(tmp)) as settings:
            conn = await db.connect(str(settings.database_url))
            try:
                await worker_events._world(conn)
                env = _env(settings) | {"OPSTAP_LOG_LEVEL": "WARNING"}
                here = await _measure(conn, env, "in one process (--here)", 0)
                one = await _measure(conn, env, "one worker process", 1)
                two = await _measure(conn, env, "two worker processes", 2)
            finally:
                await conn.close()
    size = f"{PEOPLE:,} people x {VACANCIES:,} open vacancies, shards of {SHARD:,}"
    figures = [
        Figure("full recompute, one worker", one.wall, here.wall, "s", f"baseline --here; {size}"),
        Figure("full recompute, two workers", two.wall, one.wall, "s", "baseline: one worker"),
    ]
    report = "\n".join([f"full recompute, {size}:", *(r.line() for r in (here, one, two))])
    return figures, report


async def _measure(conn: asyncpg.Connection, env: dict[str, str], label: str, workers: int) -> Run:
    """One recompute: `--here` when `workers` is 0, else through that many worker processes."""
    services = [sys.executable, "-m", "services"]
    command = [*services, "match", "recompute", "--shard-people", str(SHARD)]
    helpers = [await asyncio.create_subprocess_exec(*services, "relay", env=env)]
    try:
        for _ in range(workers):
            worker = ("worker", "--concurrency", "1")
            helpers.append(await asyncio.create_subprocess_exec(*services, *worker, env=env))
        began = time.perf_counter()
        here = () if workers else ("--here",)
        done = await asyncio.create_subprocess_exec(*command, *here, env=env)
        peak = 0.0
        while done.returncode is None:
            # The largest peak of any process doing the work (a worker's pool child included).
            workers_peak = max((_peak_mib(p.pid) for p in helpers[1:]), default=0.0)
            peak = max(peak, workers_peak, _peak_mib(done.pid))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), 0.5)
        wall = time.perf_counter() - began
        if done.returncode != 0:
            raise RuntimeError(f"{label}: opstap match recompute exited with {done.returncode}")
        return Run(label, await conn.fetchrow(PHASES), wall, peak)
    finally:
        for process in helpers:
            process.terminate()
        for process in helpers:
            await process.wait()


def _peak_mib(pid: int) -> float:
    """The peak resident memory (VmHWM) of a process or any of its children, in MiB."""
    peak = 0.0
    for member in _tree(pid):
        with contextlib.suppress(OSError, ValueError):
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
    return peak


if __name__ == "__main__":
    common.main(run, sys.argv[1:])

"""`python -m bench`: run every benchmark and print its figures."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from bench import (
    api_reads,
    carving_load,
    match_heldout,
    matcher_eval,
    matcher_perf,
    pipeline,
    recompute,
    skill_search,
    taxonomy_import,
    taxonomy_search,
    transitions,
    worker_events,
)
from bench.common import Figure, server_url, taxonomy_dir
from services.core import bootstrap, db
from services.core.settings import Settings


def _print(figures: list[Figure]) -> None:
    for figure in figures:
        print(figure.line(), flush=True)


async def main() -> None:
    """Run the benchmarks one after another (the machine has 2 cores: no overlap)."""
    folder = taxonomy_dir()
    print(f"bench: taxonomy {folder}, cpus {os.cpu_count()}")
    print(f"{'figure':<44} {'ours':>14} {'':<9}{'baseline':>10}      ratio (baseline/ours)")
    async with db.temporary_database(server_url(), "opstap_bench") as url:
        _print(await taxonomy_import.run(folder, url))
        # The label vectors of this import, cached under the data folder like the tests'.
        settings = Settings(database_url=url, data_dir=Path(".opstap"))
        await bootstrap.build_vectors(settings)
        conn = await db.connect(url)
        try:
            _print(await taxonomy_search.run(conn, settings))
        finally:
            await conn.close()
    # Skill search and suggestions through a real API process, on a database of their own.
    search_figures, search_report = await skill_search.run(folder)
    _print(search_figures)
    # The matcher needs no database: pure computation on the taxonomy's files.
    figures, table = matcher_eval.run(folder)
    _print(figures)
    _print(matcher_perf.run(folder))
    transition_figures, transition_report = transitions.run(folder)
    _print(transition_figures)
    # The whole stack, relay and workers as subprocesses, on a temporary database of its own.
    pipeline_figures, pipeline_report = await pipeline.run(folder)
    _print(pipeline_figures)
    # The worker's cost per event at size, warm indexes against loading everything per event.
    event_figures, event_report = await worker_events.run(folder)
    _print(event_figures)
    # What job carving's first count adds to an API process (memory, load, event-loop stall).
    await carving_load.main()
    # The full recompute through the real path: in one process, one and two worker processes.
    recompute_figures, recompute_report = await recompute.run(folder)
    _print(recompute_figures)
    # The API's read path under load: a real API process read by locust, 16 and 64 users.
    read_figures, read_report = await api_reads.run(folder)
    _print(read_figures)
    # Matching quality on held-out people, through the API (its own generator and seed).
    heldout_figures, heldout_report = await match_heldout.run(folder)
    _print(heldout_figures)
    print(f"\n{event_report}")
    print(f"\n{recompute_report}")
    print(f"\n{read_report}")
    print(f"\n{search_report}")
    print(f"\n{heldout_report}")
    print(f"\n{table}")
    print(f"\n{transition_report}")
    print(f"\n{pipeline_report}")


if __name__ == "__main__":
    asyncio.run(main())

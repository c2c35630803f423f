"""What every benchmark shares: where the servers are, timing, and printing figures."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.core.settings import STARTER_TAXONOMY_DIR


@dataclass(frozen=True)
class Figure:
    """One measured figure against its baseline."""

    name: str
    ours: float
    baseline: float
    unit: str
    note: str = ""

    def line(self) -> str:
        """A printable line: ours, baseline, and how many times faster ours is."""
        ratio = self.baseline / self.ours if self.ours else float("inf")
        return (
            f"{self.name:<44} {self.ours:>10.3f} {self.unit:<3} baseline {self.baseline:>10.3f}"
            f" {self.unit:<3} x{ratio:>7.1f}  {self.note}"
        )


def server_url() -> str:
    """The PostgreSQL server to benchmark on (set by `opstap services run`)."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise SystemExit("bench: DATABASE_URL is not set; run it through `make bench`")
    return url


def taxonomy_dir() -> Path:
    """Full ESCO when OPSTAP_ESCO_DIR is set, else the starter taxonomy."""
    value = os.environ.get("OPSTAP_ESCO_DIR")
    return Path(value) if value else STARTER_TAXONOMY_DIR


async def timed(work: Callable[[], Awaitable[object]]) -> float:
    """Seconds one run of `work` takes."""
    started = time.perf_counter()
    await work()
    return time.perf_counter() - started


async def median_ms(work: Callable[[], Awaitable[object]], repeat: int) -> float:
    """Median milliseconds over `repeat` runs, after one warm-up run."""
    await work()
    return statistics.median([await timed(work) for _ in range(repeat)]) * 1000


def main(
    run: Callable[[Path], Coroutine[Any, Any, tuple[list[Figure], str]]], argv: list[str]
) -> None:
    """`python -m bench.<part> [folder]`: run one part and print its figures and report."""
    folder = Path(argv[0]) if argv else taxonomy_dir()
    found, text = asyncio.run(run(folder))
    print(f"bench: taxonomy {folder}, cpus {os.cpu_count()}")
    for figure in found:
        print(figure.line(), flush=True)
    print(f"\n{text}")

"""`python -m bench`: run every benchmark and print its figures."""

from __future__ import annotations

import asyncio
import os

from bench import taxonomy_import
from bench.common import taxonomy_dir


async def main() -> None:
    """Run the benchmarks one after another (the machine has 2 cores: no overlap)."""
    folder = taxonomy_dir()
    print(f"bench: taxonomy {folder}, cpus {os.cpu_count()}")
    print(f"{'figure':<44} {'ours':>14} {'':<9}{'baseline':>10}      ratio")
    for figure in await taxonomy_import.run(folder):
        print(figure.line(), flush=True)


if __name__ == "__main__":
    asyncio.run(main())

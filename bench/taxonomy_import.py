"""Taxonomy import: COPY + set-based sync against row-by-row INSERTs of the same rows."""

from __future__ import annotations

from pathlib import Path

from bench.common import Figure, server_url, timed
from services.core import db, migrate
from services.core.taxonomy import importer, reader
from services.core.taxonomy.importer import TABLES


async def _fresh_schema(url: str) -> None:
    migrate.upgrade(url)


async def _ours(url: str, folder: Path) -> tuple[float, float]:
    """Seconds for a first import and for a second (unchanged) import."""
    conn = await db.connect(url)
    try:

        async def once() -> None:
            async with conn.transaction():
                await importer.import_folder(conn, folder)

        return await timed(once), await timed(once)
    finally:
        await conn.close()


async def _baseline(url: str, folder: Path) -> float:
    """The plain approach: parse, then executemany one INSERT per row into each table."""
    conn = await db.connect(url)
    try:

        async def load() -> None:
            taxonomy = reader.read_folder(folder)
            async with conn.transaction():
                for table in TABLES:
                    columns = ", ".join(table.columns)
                    params = ", ".join(f"${i + 1}" for i in range(len(table.columns)))
                    await conn.executemany(
                        f"INSERT INTO {table.name} ({columns}) VALUES ({params})",
                        taxonomy.rows(table.name),
                    )

        return await timed(load)
    finally:
        await conn.close()


async def run(folder: Path, url: str) -> list[Figure]:
    """Import `folder` into the empty database `url`, and by the baseline into another one."""
    await _fresh_schema(url)
    first, second = await _ours(url, folder)
    async with db.temporary_database(server_url(), "opstap_bench") as baseline_url:
        await _fresh_schema(baseline_url)
        baseline = await _baseline(baseline_url, folder)
    return [
        Figure("taxonomy import, first (COPY + sync)", first, baseline, "s", folder.name),
        Figure("taxonomy import, again unchanged", second, baseline, "s", "0 changes"),
    ]

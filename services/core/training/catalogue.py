"""The starter catalogue: about forty modules for WISE work, kept in catalogue.csv (the
import format) with skill URIs of both the bundled starter taxonomy and ESCO; and the staff
curricula (B-WISE: jobcoaches and managers, digital skills first), kept in
catalogue_staff.csv, which teach DigComp competences only."""

from __future__ import annotations

import logging
from pathlib import Path

import asyncpg

from services.core.taxonomy.repository import unknown_skill_uris
from services.core.training import csv_import
from services.core.training.models import ModuleIn

log = logging.getLogger(__name__)

CATALOGUE = Path(__file__).with_name("catalogue.csv")
STAFF_CATALOGUE = Path(__file__).with_name("catalogue_staff.csv")


async def seed_catalogue(conn: asyncpg.Connection) -> int:
    """Create or update the starter modules, then the staff modules, by code; how many it
    wrote (0 when all were there)."""
    written = 0
    for path in (CATALOGUE, STAFF_CATALOGUE):
        written += await _seed_file(conn, path.name, _read(path))
    return written


def _read(path: Path) -> bytes:
    return path.read_bytes()  # a small file of the package, read once at start


async def _seed_file(conn: asyncpg.Connection, name: str, content: bytes) -> int:
    """The modules of one file, written when new or changed.

    Skill URIs the loaded taxonomy lacks are left out, so the one file serves both taxonomies;
    a module that would then teach nothing is skipped. Deactivated modules stay inactive.
    """
    columns, rows = csv_import.read_file(content)
    found = [csv_import.fields_of(row) for row in rows]
    uris = list({uri for data in found for uri in data["skills"]})
    unknown = set(await unknown_skill_uris(conn, uris))
    items: list[ModuleIn] = []
    for row, data in zip(rows, found, strict=True):
        data["skills"] = [uri for uri in data["skills"] if uri not in unknown]
        csv_import.check(row, data)
        if row.item is None or row.problems:
            raise RuntimeError(f"{name} line {row.line} is invalid: {row.problems}")
        if row.item.skills or row.item.competences:
            items.append(row.item)
    _, created, updated = await csv_import.upsert(conn, items, columns)
    log.info(
        "training catalogue %s: %d created, %d updated, %d skipped",
        name,
        created,
        updated,
        len(rows) - len(items),
    )
    return created + updated

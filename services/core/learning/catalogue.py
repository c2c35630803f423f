"""The starter qualifications: four examples for WISE work (logistics, cleaning, kitchen and
service, green maintenance) in qualifications.csv, with skill URIs of both the bundled starter
taxonomy and ESCO. Their crebo codes and wording are examples, not SBB's register: the file's
header says so, and an admin imports the real dossiers (POST /api/v1/qualifications/import)."""

from __future__ import annotations

import logging
from pathlib import Path

import asyncpg

from services.core.learning import csv_import
from services.core.taxonomy.repository import unknown_skill_uris

log = logging.getLogger(__name__)

QUALIFICATIONS = Path(__file__).with_name("qualifications.csv")


async def seed_qualifications(conn: asyncpg.Connection) -> int:
    """Create or update the starter qualifications; how many rows it wrote. Skill URIs the
    loaded taxonomy lacks are left out, so the one file serves both taxonomies."""
    rows = csv_import.read_file(QUALIFICATIONS.read_bytes())
    if bad := [row for row in rows if row.item is None]:
        raise RuntimeError(f"{QUALIFICATIONS.name} line {bad[0].line}: {bad[0].problems}")
    unknown = set(await unknown_skill_uris(conn, list({r.item.skill_uri for r in rows if r.item})))
    items = [r.item for r in rows if r.item is not None and r.item.skill_uri not in unknown]
    qualifications, processes = await csv_import.store(conn, items)
    log.info("qualifications: %d with %d work processes", qualifications, processes)
    return len(items)

"""Reading and adding to the accommodation vocabulary."""

from __future__ import annotations

import asyncpg

from services.core.accommodations import queries
from services.core.accommodations.models import Accommodation, AccommodationIn


async def list_all(conn: asyncpg.Connection) -> list[Accommodation]:
    """The whole vocabulary, by code."""
    return [Accommodation.model_validate(dict(r)) for r in await conn.fetch(queries.SELECT_ALL)]


async def insert(conn: asyncpg.Connection, item: AccommodationIn) -> Accommodation | None:
    """Add a code to the vocabulary; None when it exists already."""
    row = await conn.fetchrow(
        queries.INSERT,
        item.code,
        item.label_nl,
        item.label_en,
        item.description_nl,
        item.description_en,
    )
    return Accommodation.model_validate(dict(row)) if row else None


async def unknown_codes(conn: asyncpg.Connection, codes: list[str]) -> set[str]:
    """The codes among `codes` that are not in the vocabulary."""
    return {r["c"] for r in await conn.fetch(queries.UNKNOWN_CODES, codes)} if codes else set()

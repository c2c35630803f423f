"""Reading and adding to the accommodation vocabulary."""

from __future__ import annotations

import asyncpg

from services.core.accommodations import queries
from services.core.accommodations.models import Accommodation, AccommodationIn
from services.core.errors import Conflict, Invalid


async def list_all(conn: asyncpg.Connection) -> list[Accommodation]:
    """The whole vocabulary, by code."""
    return [Accommodation.model_validate(dict(r)) for r in await conn.fetch(queries.SELECT_ALL)]


async def add(conn: asyncpg.Connection, item: AccommodationIn) -> Accommodation:
    """Add a code to the vocabulary; Conflict when it exists."""
    row = await conn.fetchrow(
        queries.INSERT,
        item.code,
        item.label_nl,
        item.label_en,
        item.description_nl,
        item.description_en,
    )
    if row is None:
        raise Conflict(
            f"The accommodation {item.code!r} exists already.", fields={"code": "already in use"}
        )
    return Accommodation.model_validate(dict(row))


async def unknown_codes(conn: asyncpg.Connection, codes: list[str]) -> set[str]:
    """The codes among `codes` that are not in the vocabulary."""
    return {r["c"] for r in await conn.fetch(queries.UNKNOWN_CODES, codes)} if codes else set()


async def check_codes(conn: asyncpg.Connection, codes: list[str], field: str) -> None:
    """Invalid, naming `field`, when any code is not in the vocabulary."""
    if unknown := await unknown_codes(conn, codes):
        raise Invalid(
            f"Unknown accommodation code(s): {', '.join(sorted(unknown))}. "
            "See GET /api/v1/accommodations for the list.",
            fields={field: f"unknown code(s): {', '.join(sorted(unknown))}"},
        )

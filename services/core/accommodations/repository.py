"""SQL and access for the accommodation vocabulary."""

from __future__ import annotations

import asyncpg

from services.core.accommodations.models import Accommodation, AccommodationIn
from services.core.errors import Conflict, Invalid

SELECT_ALL = """
SELECT code, label_nl, label_en, description_nl, description_en FROM accommodation ORDER BY code
"""

INSERT = """
INSERT INTO accommodation (code, label_nl, label_en, description_nl, description_en)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (code) DO NOTHING
RETURNING code, label_nl, label_en, description_nl, description_en
"""

UNKNOWN_CODES = """
SELECT c FROM unnest($1::text[]) AS c
WHERE NOT EXISTS (SELECT 1 FROM accommodation a WHERE a.code = c)
"""


async def list_all(conn: asyncpg.Connection) -> list[Accommodation]:
    """The whole vocabulary, by code."""
    return [Accommodation.model_validate(dict(r)) for r in await conn.fetch(SELECT_ALL)]


async def add(conn: asyncpg.Connection, item: AccommodationIn) -> Accommodation:
    """Add a code to the vocabulary; Conflict when it exists."""
    row = await conn.fetchrow(
        INSERT, item.code, item.label_nl, item.label_en, item.description_nl, item.description_en
    )
    if row is None:
        raise Conflict(
            f"The accommodation {item.code!r} exists already.", fields={"code": "already in use"}
        )
    return Accommodation.model_validate(dict(row))


async def unknown_codes(conn: asyncpg.Connection, codes: list[str]) -> set[str]:
    """The codes among `codes` that are not in the vocabulary."""
    return {r["c"] for r in await conn.fetch(UNKNOWN_CODES, codes)} if codes else set()


async def check_codes(conn: asyncpg.Connection, codes: list[str], field: str) -> None:
    """Invalid, naming `field`, when any code is not in the vocabulary."""
    if unknown := await unknown_codes(conn, codes):
        raise Invalid(
            f"Unknown accommodation code(s): {', '.join(sorted(unknown))}. "
            "See GET /api/v1/accommodations for the list.",
            fields={field: f"unknown code(s): {', '.join(sorted(unknown))}"},
        )

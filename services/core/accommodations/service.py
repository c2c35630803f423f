"""The accommodation vocabulary's rules: who extends it, and which codes are known."""

from __future__ import annotations

import asyncpg

from services.core.access.policy import Actor, can_manage_organisation
from services.core.accommodations import repository
from services.core.accommodations.models import Accommodation, AccommodationIn
from services.core.errors import Conflict, Invalid


async def add(conn: asyncpg.Connection, actor: Actor, item: AccommodationIn) -> Accommodation:
    """Add a code to the vocabulary (admins); Conflict when it exists."""
    can_manage_organisation(actor)
    added = await repository.insert(conn, item)
    if added is None:
        raise Conflict(
            f"The accommodation {item.code!r} exists already.", fields={"code": "already in use"}
        )
    return added


async def check_codes(conn: asyncpg.Connection, codes: list[str], field: str) -> None:
    """Invalid, naming `field`, when any code is not in the vocabulary."""
    if unknown := await repository.unknown_codes(conn, codes):
        raise Invalid(
            f"Unknown accommodation code(s): {', '.join(sorted(unknown))}. "
            "See GET /api/v1/accommodations for the list.",
            fields={field: f"unknown code(s): {', '.join(sorted(unknown))}"},
        )

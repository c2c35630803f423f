"""The demo's staff learning: the first WISE gets seven more staff (werkbegeleiders), so that its
staff picture shows groups of 5 or more and withholds a small one; its admin, jobcoaches and
werkbegeleiders have a DigComp self-assessment; every demo jobcoach has a learning plan with one
module done and one planned. Deterministic: levels by position, modules by code."""

from __future__ import annotations

from datetime import date, timedelta

import asyncpg

from services.core import security
from services.core.accounts import repository as accounts
from services.core.demo.plan import DEMO_PASSWORD, WISES
from services.core.staff_learning import repository
from services.core.training import repository as training
from services.core.training.catalogue import seed_catalogue
from services.core.training.models import DIGCOMP_COMPETENCES

COLLEAGUES = (
    ("Anouk Smit", "anouk"),
    ("Bram Visser", "bram"),
    ("Chantal Ramos", "chantal"),
    ("Dennis Kok", "dennis"),
    ("Esra Demir", "esra"),
    ("Frank Hoekstra", "frank"),
    ("Gina Tahiri", "gina"),
)
# A level per staff member (admin, the two jobcoaches, the werkbegeleiders in order), raised by
# one in area 2 (most staff chat and mail every day) and lowered by one in area 3 (few make
# content): area 1 shows 5 staff at foundation and withholds the smaller bands.
BASE_LEVELS = (4, 2, 2, 2, 2, 2, 3, 3, 6, 0)
AREA_SHIFT = {"2": 1, "3": -1}
STAFF = """
SELECT a.id FROM account a JOIN organisation o ON o.id = a.organisation_id
WHERE o.name = $1 AND a.role IN ('admin', 'jobcoach')
ORDER BY a.role, a.created_at, a.email
"""
COACHES = "SELECT id FROM account WHERE role = 'jobcoach' AND email NOT LIKE 'werkbegeleider-%'"
# Each jobcoach: the first module done a few weeks ago, the second planned.
PLAN = ("coach-privacy-apps", "coach-digcomp-growth")


async def write(conn: asyncpg.Connection, today: date) -> None:
    """The werkbegeleiders, the self-assessments and the jobcoaches' plans."""
    organisation = await accounts.organisation_id_by_name(conn, WISES[0][0])
    assert organisation is not None  # seed.py wrote it
    slug = WISES[0][1]
    for name, person in COLLEAGUES:
        await accounts.insert_account(
            conn,
            organisation,
            f"werkbegeleider-{person}@{slug}.example",
            name,
            "jobcoach",
            security.hash_password(DEMO_PASSWORD),
        )
    staff = [r["id"] for r in await conn.fetch(STAFF, WISES[0][0])]
    for account_id, base in zip(staff, BASE_LEVELS, strict=False):
        levels = {
            c: max(0, min(8, base + AREA_SHIFT.get(c[0], 0))) if base else 0
            for c in DIGCOMP_COMPETENCES
        }
        await repository.replace_own_levels(conn, account_id, levels, today - timedelta(days=14))
    await seed_catalogue(conn)  # the staff modules, as bootstrap writes them (idempotent)
    done, planned = [await training.id_by_code(conn, code) for code in PLAN]
    if done is None or planned is None:
        return
    for row in await conn.fetch(COACHES):
        await repository.add(conn, row["id"], done, today - timedelta(days=40))
        await repository.set_completed(conn, row["id"], done, today - timedelta(days=12))
        await repository.add(conn, row["id"], planned, today - timedelta(days=12))

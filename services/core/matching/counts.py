"""How many people fit a vacancy that is not stored, and how many hold each of its skills
(job carving's what-if questions): counts over everyone with consent to matching, from the
process's warm index (live.py), with the matcher's own scores. Only numbers leave here.
"""

from __future__ import annotations

import asyncpg

from services.core.capacity import items as capacity_items
from services.core.matching import live
from services.matcher import constraints
from services.matcher.types import Relation, Vacancy, VacancySkill

WHAT_IF = "what-if"  # the id of a vacancy that is not stored


def vacancy(
    skills: list[tuple[str, Relation, int]],
    *,
    contract_kind: str,
    ladder_rung: int,
    hours: tuple[int, int],
    accommodations: list[str],
    capacity_demands: tuple[tuple[str, int], ...] = (),
) -> Vacancy:
    """A vacancy as the matcher sees it from its parts; skills = (uri, relation, min level)."""
    return Vacancy(
        id=WHAT_IF,
        skills=tuple(VacancySkill(uri, relation, level) for uri, relation, level in skills),
        ladder_rung=ladder_rung,
        contract_kind=contract_kind,
        hours_min=hours[0],
        hours_max=hours[1],
        accommodations=frozenset(accommodations),
        capacity_demands=capacity_demands,
        capacity_resolved=capacity_items.resolved_pairs(accommodations),
    )


async def fitting(conn: asyncpg.Connection, what: Vacancy, min_score: float) -> int:
    """How many people fit: they consent to matching, can do every essential task (hold the
    skill itself, at or near the level asked: matcher/live.py CAN_DO), score at least
    `min_score`, and their hours do not rule the job out (unknown hours do not)."""
    state = await live.warm(conn)
    found = state.people.fitting(what, min_score, every_essential=True)
    return sum(1 for person in found if constraints.hours(person, what).status != "fail")


async def holders(conn: asyncpg.Connection, what: Vacancy) -> tuple[dict[str, int], int]:
    """Per skill of the vacancy: how many people with consent to matching can do it (hold
    the skill itself); and how many people with consent there are."""
    state = await live.warm(conn)
    return state.people.holders(what), state.people.consenting()

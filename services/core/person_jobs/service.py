"""A person's own jobs: only the person themself reads them; a match stored with a score only
is explained when first read (as the matching service does) and worded for the person."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor, Role
from services.core.errors import NotFound
from services.core.matching import service as matching
from services.core.matching import texts
from services.core.matching.models import MatchExplanation
from services.core.person_jobs import repository
from services.core.person_jobs.models import PersonJob


def _own(actor: Actor, employee_id: UUID) -> None:
    """Someone else's jobs are not found, whoever asks."""
    if actor.role is not Role.EMPLOYEE or actor.employee_id != employee_id:
        raise NotFound("No such job among your own.")


async def _worded(
    conn: asyncpg.Connection, employee_id: UUID, rows: Sequence[Mapping[str, Any]]
) -> dict[UUID, MatchExplanation]:
    """Each row's explanation for the person, explaining (and keeping) those without one."""
    computed = await matching.explained(
        conn, [(r["vacancy_id"], employee_id) for r in rows if r["explanation"] is None]
    )
    found: dict[UUID, MatchExplanation] = {}
    for r in rows:
        stored: dict[str, Any] | None = r["explanation"] or computed.get(
            (r["vacancy_id"], employee_id)
        )
        if stored is not None:
            found[r["vacancy_id"]] = texts.explanation(stored, "person")
    return found


async def explanations(
    conn: asyncpg.Connection, actor: Actor, employee_id: UUID, vacancy_ids: Sequence[UUID]
) -> dict[UUID, MatchExplanation]:
    """The person's own matches with these vacancies, explained for them."""
    _own(actor, employee_id)
    rows = await repository.matches(conn, employee_id, vacancy_ids)
    return await _worded(conn, employee_id, rows)


async def job(
    conn: asyncpg.Connection, actor: Actor, employee_id: UUID, vacancy_id: UUID
) -> PersonJob:
    """A vacancy the person was matched to or told about; NotFound for any other."""
    _own(actor, employee_id)
    row = await repository.job(conn, employee_id, actor.account_id, vacancy_id)
    if row is None:
        raise NotFound("No such job among your own.")
    data = dict(row)
    explanation = None
    if data["score"] is not None:
        match = {"vacancy_id": vacancy_id, "explanation": data["explanation"]}
        explanation = (await _worded(conn, employee_id, [match])).get(vacancy_id)
    data["explanation"] = explanation
    return PersonJob.model_validate(data)

"""Matching: scoring people against vacancies with the matcher and storing the results
(on events, in the worker; for what-if questions), and reading stored matches, scoped to what
the caller may see, with audit of what was read.

The matcher and the warm indexes a process keeps are in live.py.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

import asyncpg

from services.core import audit
from services.core.access.policy import Actor, Role, require_role
from services.core.decisions import service as decisions
from services.core.matching import live, repository, texts
from services.core.matching.live import person_of, vacancy_of
from services.core.matching.models import (
    CandidateMatch,
    EmployeeMatches,
    MatchExplanation,
    VacancyMatch,
    VacancyMatches,
)
from services.matcher.types import Explanation

log = logging.getLogger(__name__)
TOP_K = 50


def _skill_uris(explanation: Explanation) -> set[str]:
    uris = set(explanation.missing_essential) | set(explanation.missing_optional)
    for evidence in (*explanation.matched, *explanation.related):
        uris.add(evidence.skill_uri)
        if evidence.via_uri:
            uris.add(evidence.via_uri)
    return uris


def stored_explanation(
    explanation: Explanation, labels: dict[str, tuple[str, str | None]]
) -> dict[str, Any]:
    """An explanation as a match stores it, with the en/nl label of every skill it names."""
    data: dict[str, Any] = dataclasses.asdict(explanation)
    data["labels"] = {
        uri: {"en": labels[uri][0], "nl": labels[uri][1]}
        for uri in sorted(_skill_uris(explanation))
        if uri in labels
    }
    return data


def _row(
    explanation: Explanation, labels: dict[str, tuple[str, str | None]]
) -> repository.MatchRow:
    """A stored match."""
    return (
        UUID(explanation.vacancy_id),
        UUID(explanation.person_id),
        explanation.score,
        stored_explanation(explanation, labels),
        explanation.model_version,
    )


async def rescore_vacancy(conn: asyncpg.Connection, vacancy_id: UUID) -> int:
    """One vacancy against everyone (a vacancy was published or changed); matches kept.

    Everyone comes from the process's warm index (live.py), caught up with the change log."""
    found = await repository.vacancies(conn, [vacancy_id])
    rows: list[repository.MatchRow] = []
    if found and found[0]["status"] == "open":
        state = await live.warm(conn)
        rows = [
            _row(e, state.matcher.model.labels)
            for e in state.people.candidates_for(vacancy_of(found[0]), k=TOP_K)
        ]
    await repository.replace(conn, rows, vacancy_ids=[vacancy_id])
    return len(rows)


async def rescore_employee(conn: asyncpg.Connection, employee_id: UUID) -> int:
    """One person against every open vacancy (their profile or consent changed)."""
    found = await repository.people(conn, [employee_id])
    rows: list[repository.MatchRow] = []
    if found and found[0]["consent_matching"]:
        state = await live.warm(conn)
        rows = [
            _row(e, state.matcher.model.labels)
            for e in state.vacancies.vacancies_for(person_of(found[0]), k=TOP_K)
        ]
    await repository.replace(conn, rows, employee_ids=[employee_id])
    return len(rows)


async def explained(
    conn: asyncpg.Connection, pairs: Sequence[tuple[UUID, UUID]]
) -> dict[tuple[UUID, UUID], dict[str, Any]]:
    """Explanations of stored matches (vacancy, employee) that have none (a full recompute
    stores scores only), computed now and kept for the next reader, as a match stores them."""
    if not pairs:
        return {}
    engine = await live.matcher(conn)
    people = {
        r["id"]: person_of(r) for r in await repository.people(conn, list({e for _, e in pairs}))
    }
    vacancies = {
        r["id"]: vacancy_of(r)
        for r in await repository.vacancies(conn, list({v for v, _ in pairs}))
    }
    found = {
        (v, e): stored_explanation(engine.explain(people[e], vacancies[v]), engine.model.labels)
        for v, e in dict.fromkeys(pairs)
        if v in vacancies and e in people
    }
    await repository.store_explanations(
        conn, [(v, e, why) for (v, e), why in found.items()], engine.model.version
    )
    return found


async def explain_stored(
    conn: asyncpg.Connection,
    *,
    vacancy_ids: Sequence[UUID] = (),
    employee_ids: Sequence[UUID] = (),
    min_score: float = 0.0,
) -> dict[tuple[UUID, UUID], dict[str, Any]]:
    """Explain the matches of these vacancies or people at or over `min_score` that have no
    explanation yet (before a statement reads them, as notifications do); what it computed."""
    pairs = await repository.unexplained(conn, vacancy_ids, employee_ids, min_score)
    return await explained(conn, pairs)


# An explanation shows skills, the accommodations to discuss and the work capacity asked:
# sensitive, so audited. A match without it shows that the person matches, with the score.
READ_FIELDS = ("skills", "accommodations", "capacity")
SCORE_FIELDS = ("matches",)


async def _explanations(
    conn: asyncpg.Connection,
    actor: Actor,
    rows: Sequence[asyncpg.Record],
    pair: Callable[[asyncpg.Record], tuple[UUID, UUID]],
    explain: bool,
    name: Callable[[asyncpg.Record], str | None] = lambda r: None,
) -> tuple[list[MatchExplanation | None], dict[tuple[UUID, UUID], dict[str, Any]]]:
    """Each row's explanation worded for the actor, about the person `name` gives for the row
    (None for each without `explain`), and the ones computed now because the match was stored
    with scores only ((vacancy, employee) keys)."""
    if not explain:
        return [None] * len(rows), {}
    computed = await explained(conn, [pair(r) for r in rows if r["explanation"] is None])
    reader = texts.reader_of(actor)
    return [
        texts.explanation(r["explanation"] or computed[pair(r)], reader, name(r)) for r in rows
    ], computed


async def for_vacancy(
    conn: asyncpg.Connection,
    actor: Actor,
    vacancy_id: UUID,
    limit: int,
    offset: int,
    *,
    explain: bool = True,
) -> VacancyMatches:
    """Ranked candidates for a vacancy; employers see consenting people, the rest as a count.
    Without `explain`, scores only (nothing is computed)."""
    require_role(actor, Role.ADMIN, Role.JOBCOACH, Role.EMPLOYER, action="see candidates")
    rows, visible, total = await repository.for_vacancy(
        conn, actor, vacancy_id, (limit, offset), explain
    )
    worded, computed = await _explanations(
        conn, actor, rows, lambda r: (vacancy_id, r["employee_id"]), explain, lambda r: r["name"]
    )
    items = [
        CandidateMatch(
            employee_id=r["employee_id"],
            name=r["name"],
            score=r["score"],
            explanation=why,
            computed_at=r["computed_at"],
        )
        for r, why in zip(rows, worded, strict=True)
    ]
    await audit.record_reads(
        conn,
        actor,
        [i.employee_id for i in items],
        READ_FIELDS if explain else SCORE_FIELDS,
        "vacancy_candidates",
    )
    await decisions.record_shown(
        conn,
        actor,
        "vacancy_matches",
        [(i.employee_id, vacancy_id) for i in items],
        {(e, v): why for (v, e), why in computed.items()},
    )
    return VacancyMatches(
        vacancy_id=vacancy_id,
        items=items,
        visible=visible,
        others=total - visible,
        limit=limit,
        offset=offset,
    )


async def for_employee(
    conn: asyncpg.Connection,
    actor: Actor,
    employee_id: UUID,
    limit: int,
    offset: int,
    *,
    rung: int | None = None,
    contract_kind: str | None = None,
    explain: bool = True,
    scores: tuple[float | None, float | None] = (None, None),
    capacity_fits: bool = False,
) -> EmployeeMatches:
    """Open vacancies that fit a person, best first, with the gaps to close (without
    `explain`, scores only: nothing is computed); `scores` = (at least, below) narrows them
    to a range of scores (the total counts that range); `capacity_fits` leaves out the work
    whose capacity demands the person does not meet (unknown and to-discuss stay)."""
    require_role(actor, Role.ADMIN, Role.JOBCOACH, Role.EMPLOYEE, action="see a person's matches")
    rows, total = await repository.for_employee(
        conn,
        actor,
        employee_id,
        (limit, offset),
        explain,
        rung,
        contract_kind,
        scores,
        capacity_fits,
    )
    worded, computed = await _explanations(
        conn, actor, rows, lambda r: (r["vacancy_id"], employee_id), explain
    )
    items = [
        VacancyMatch(
            **{
                k: r[k]
                for k in (
                    "vacancy_id",
                    "title",
                    "organisation_id",
                    "organisation_name",
                    "contract_kind",
                    "ladder_rung",
                    "score",
                    "computed_at",
                )
            },
            explanation=why,
        )
        for r, why in zip(rows, worded, strict=True)
    ]
    if items:
        await audit.record_reads(
            conn,
            actor,
            [employee_id],
            READ_FIELDS if explain else SCORE_FIELDS,
            "own_matches" if actor.role is Role.EMPLOYEE else "person_matches",
        )
    await decisions.record_shown(
        conn,
        actor,
        "employee_matches",
        [(employee_id, i.vacancy_id) for i in items],
        {(e, v): why for (v, e), why in computed.items()},
    )
    return EmployeeMatches(
        employee_id=employee_id, items=items, total=total, limit=limit, offset=offset
    )

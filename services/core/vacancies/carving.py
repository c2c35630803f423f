"""Job carving: an employer keeps the tasks of an occupation (its ESCO skills) that make a job
one of the WISEs' people can do, sees how many more people fit that job than the full one, and
posts it as a vacancy that matches and explains like any other.

A carved vacancy is a vacancy with carved = true: its occupation is its occupation_uri, its
kept tasks its skills (essential), and the tasks left out are the occupation's skills it does
not ask for. Who may carve is who may post vacancies (admins and employers).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import asyncpg

from services.core.access.policy import Actor, can_manage_vacancies
from services.core.errors import Invalid, Problem, invalid
from services.core.matching import counts
from services.core.matching import repository as matching_repository
from services.core.matching.live import vacancy_of
from services.core.taxonomy.models import Lang
from services.core.vacancies import repository, service
from services.core.vacancies.carving_models import (
    CarvedVacancyIn,
    CarvingIn,
    CarvingPreview,
    CarvingTask,
    CarvingTasks,
    difference,
    shown,
)
from services.core.vacancies.models import LADDER_RUNG, Vacancy, VacancyIn, VacancySkillIn
from services.matcher.types import Relation, VacancySkill
from services.matcher.types import Vacancy as WhatIf

SUBJECT = "carved job"
ANY_HOURS = (0, 60)
Task = tuple[str, Relation]  # (skill URI, essential | optional)


def _label(lang: Lang, nl: str | None, en: str | None) -> tuple[str | None, Lang]:
    """The label in `lang`, else the other one, and the language it is in."""
    if lang == "nl" and nl:
        return nl, "nl"
    if en:
        return en, "en"
    return nl, "nl"


async def _occupation(conn: asyncpg.Connection, occupation_uri: str) -> list[asyncpg.Record]:
    """The occupation's task rows; Invalid naming occupation_uri when it has none to carve."""
    rows = await repository.occupation_tasks(conn, occupation_uri)
    if not rows:
        raise Invalid(
            "No occupation of the taxonomy has this URI; search GET /api/v1/taxonomy/occupations.",
            fields={"occupation_uri": "is no occupation of the taxonomy"},
        )
    if rows[0]["skill_uri"] is None:
        raise Invalid(
            "This occupation has no tasks (skills) to carve from; choose another.",
            fields={"occupation_uri": "has no skills in the taxonomy"},
        )
    return rows


def _tasks(rows: Sequence[asyncpg.Record]) -> list[Task]:
    return [(r["skill_uri"], r["relation"]) for r in rows]


async def tasks(
    conn: asyncpg.Connection, actor: Actor, occupation_uri: str, lang: Lang
) -> CarvingTasks:
    """The occupation's tasks, essential first, each with how many people hold it."""
    can_manage_vacancies(actor)
    rows = await _occupation(conn, occupation_uri)
    full = what_if([(uri, rel, 1) for uri, rel in _tasks(rows)], None, None, [], None)
    held, everyone = await counts.holders(conn, full)
    occupation, occupation_lang = _label(lang, rows[0]["occupation_nl"], rows[0]["occupation_en"])
    items = []
    for r in rows:
        label, label_lang = _label(lang, r["label_nl"], r["label_en"])
        items.append(
            CarvingTask(
                skill_uri=r["skill_uri"],
                label=label or r["skill_uri"],
                label_lang=label_lang,
                relation=r["relation"],
                holders=shown(held.get(r["skill_uri"], 0)),
            )
        )
    items.sort(key=lambda x: (x.relation, x.label.lower(), x.skill_uri))  # as the reader reads
    return CarvingTasks(
        occupation_uri=occupation_uri,
        occupation_label=occupation or occupation_uri,
        occupation_label_lang=occupation_lang,
        people=shown(everyone),
        tasks=items,
    )


async def _checked(conn: asyncpg.Connection, body: CarvingIn) -> list[Task]:
    """The occupation's tasks; Invalid naming each kept task that is not one of them and each
    unknown accommodation code."""
    found = _tasks(await _occupation(conn, body.occupation_uri))
    uris = {uri for uri, _ in found}
    problems: list[Problem] = [
        (("kept", n), "is no task of this occupation; see GET /api/v1/carving/tasks")
        for n, uri in enumerate(body.kept)
        if uri not in uris
    ]
    unknown = await repository.unknown_accommodation_codes(conn, body.accommodations)
    problems += [
        (("accommodations", n), "unknown code; see GET /api/v1/accommodations")
        for n, code in enumerate(body.accommodations)
        if code in unknown
    ]
    if problems:
        raise invalid(SUBJECT, problems)
    return found


def what_if(
    skills: list[tuple[str, Relation, int]],
    hours_min: int | None,
    hours_max: int | None,
    accommodations: list[str],
    contract_kind: str | None,
) -> WhatIf:
    """A job that is not stored as the matcher sees it: any hours and the regular rung unless
    given (the rung does not enter whether someone fits)."""
    kind = contract_kind or "regular"
    return counts.vacancy(
        skills,
        contract_kind=kind,
        ladder_rung=LADDER_RUNG[kind],
        hours=(
            hours_min if hours_min is not None else ANY_HOURS[0],
            hours_max if hours_max is not None else ANY_HOURS[1],
        ),
        accommodations=accommodations,
    )


def _carved(body: CarvingIn) -> WhatIf:
    """The carved job as the matcher sees it: the kept tasks essential, with its conditions."""
    return what_if(
        [(uri, "essential", 1) for uri in body.kept],
        body.hours_min,
        body.hours_max,
        body.accommodations,
        body.contract_kind,
    )


async def preview(
    conn: asyncpg.Connection, actor: Actor, body: CarvingIn, *, min_score: float
) -> CarvingPreview:
    """How many people fit the carved job and the occupation's full job (counts only)."""
    can_manage_vacancies(actor)
    found = await _checked(conn, body)
    carved = _carved(body)
    return await _compare(conn, body.occupation_uri, found, body.kept, carved, min_score)


async def _compare(
    conn: asyncpg.Connection,
    occupation_uri: str,
    found: list[Task],
    kept: Sequence[str],
    carved: WhatIf,
    min_score: float,
) -> CarvingPreview:
    fits_full, fits_carved = await _fits(conn, found, carved, min_score)
    n_full, n_carved = shown(fits_full), shown(fits_carved)
    return CarvingPreview(
        occupation_uri=occupation_uri,
        min_score=min_score,
        full=n_full,
        carved=n_carved,
        difference=difference(n_full, n_carved),
        kept=list(kept),
        left_out=[uri for uri, _ in found if uri not in set(kept)],
    )


async def _fits(
    conn: asyncpg.Connection, found: list[Task], carved: WhatIf, min_score: float
) -> tuple[int, int]:
    """How many fit the occupation's full job (the carved job's conditions, every task with its
    own relation) and the carved job, exactly."""
    levels = {s.uri: s.min_level for s in carved.skills}
    full = dataclasses.replace(
        carved,
        skills=tuple(VacancySkill(uri, rel, levels.get(uri, 1)) for uri, rel in found),
    )
    return (
        await counts.fitting(conn, full, min_score),
        await counts.fitting(conn, carved, min_score),
    )


async def gain(conn: asyncpg.Connection, body: CarvingIn, *, min_score: float) -> int:
    """How many more people fit the carved job than the full one, exactly (for choices made
    without a reader, such as the demo's; readers see counts through `preview`)."""
    found = await _checked(conn, body)
    carved = _carved(body)
    full, fits = await _fits(conn, found, carved, min_score)
    return fits - full


async def holders(conn: asyncpg.Connection, occupation_uri: str) -> dict[str, int]:
    """How many people can do each task of the occupation, exactly (as `gain`)."""
    rows = await _occupation(conn, occupation_uri)
    full = what_if([(uri, rel, 1) for uri, rel in _tasks(rows)], None, None, [], None)
    return (await counts.holders(conn, full))[0]


async def compare(
    conn: asyncpg.Connection, actor: Actor, vacancy: Vacancy, *, min_score: float
) -> CarvingPreview | None:
    """For a carved vacancy the actor may see: how many people fit it as stored (hours,
    accommodations, work capacity asked) and how many its occupation's full job with the same
    conditions; None for a vacancy that is not carved or whose occupation has no tasks."""
    if not vacancy.carved:
        return None
    rows = await repository.occupation_tasks(conn, vacancy.occupation_uri)
    stored = await matching_repository.vacancies(conn, [vacancy.id])
    if not rows or rows[0]["skill_uri"] is None or not stored:
        return None
    carved = vacancy_of(stored[0])
    kept = [s.skill_uri for s in vacancy.skills]
    return await _compare(conn, vacancy.occupation_uri, _tasks(rows), kept, carved, min_score)


async def create(conn: asyncpg.Connection, actor: Actor, body: CarvedVacancyIn) -> Vacancy:
    """A new draft vacancy carved from the occupation: the kept tasks are its essential skills."""
    can_manage_vacancies(actor)
    await _checked(conn, body)
    data = body.model_dump(exclude={"kept"})
    skills = [VacancySkillIn(skill_uri=uri, relation="essential") for uri in body.kept]
    item = VacancyIn.model_validate(data | {"skills": skills})
    vacancy = await service.create(conn, actor, item)
    await repository.mark_carved(conn, vacancy.id)
    return await service.get(conn, actor, vacancy.id)

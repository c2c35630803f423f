"""What an agreement opens: the open vacancies that fit better with its skills certified.

The same what-if as a training plan's (next_steps/plan.py): the person as they are, and as they
would be with the skills certified (`with_skills`), scored against the process's live index of
every open vacancy (matching/live.py); "fits" is the one threshold for a match worth telling
about (settings.notify_min_score). For an active agreement the skills are every work process's;
for a completed one they are the skills it certified, and the comparison is the person without
them: what they add now.
"""

from __future__ import annotations

import dataclasses
from uuid import UUID

import asyncpg

from services.core.learning import repository
from services.core.learning.models import Agreement
from services.core.matching import live
from services.core.matching import repository as matching_repository
from services.core.next_steps.plan import with_skills
from services.core.settings import get_settings
from services.matcher.types import Person

MIN_RISE = 1.0  # points (0-100) a vacancy's score must rise to be named
SHOWN = 3


@dataclasses.dataclass(frozen=True)
class Rise:
    """An open vacancy whose score rises with the agreement's skills."""

    vacancy_id: UUID
    title: str
    organisation: str
    before: int
    after: int


@dataclasses.dataclass(frozen=True)
class Opens:
    """How many open vacancies fit without and with the skills, and the biggest rises."""

    completed: bool
    fits_before: int
    fits_after: int
    rises: list[Rise]


def _without(person: Person, uris: set[str]) -> Person:
    return dataclasses.replace(person, skills=tuple(s for s in person.skills if s.uri not in uris))


async def what_it_opens(conn: asyncpg.Connection, agreement: Agreement) -> Opens | None:
    """The what-if for an active or completed agreement; None for a stopped one, or a person
    the matcher does not know."""
    if agreement.status == "stopped":
        return None
    found = await matching_repository.people(conn, [agreement.employee_id])
    if not found:
        return None
    person = live.person_of(found[0])
    completed = agreement.status == "completed"
    if completed:
        shown = await repository.shown_skills(conn, agreement.id)
        certified = {s.uri for s in person.skills if s.source == "certified"}
        before, after = _without(person, set(shown) & certified), person
    else:
        before, after = person, person
        for uri, level in (await repository.qualification_skills(conn, agreement.crebo)).items():
            after = with_skills(after, [uri], level)
    index = (await live.open_vacancies(conn)).vacancies
    threshold = get_settings().notify_min_score
    old, new = index.scores(before), index.scores(after)
    risen = sorted(
        ((new[v] - old.get(v, 0.0), v) for v in new if new[v] - old.get(v, 0.0) >= MIN_RISE),
        key=lambda pair: (-pair[0], pair[1]),
    )[:SHOWN]
    titles = await repository.vacancy_titles(conn, [UUID(v) for _, v in risen])
    rises = [
        Rise(UUID(v), *titles[UUID(v)], before=round(old.get(v, 0.0)), after=round(new[v]))
        for _, v in risen
        if UUID(v) in titles
    ]
    return Opens(
        completed=completed,
        fits_before=sum(1 for s in old.values() if s >= threshold),
        fits_after=sum(1 for s in new.values() if s >= threshold),
        rises=rises,
    )

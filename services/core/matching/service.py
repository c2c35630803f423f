"""Matching: scoring people against vacancies with the matcher and storing the results
(on events, in the worker; for what-if questions), and reading stored matches, scoped to what
the caller may see, with audit of what was read.

The matcher model is built once per process, taxonomy and label vectors (it depends only on
those): the skills' sentence vectors (services/core/taxonomy/vectors.py) add semantic similarity
when they were built; without them the model learns from the taxonomy's structure alone.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import asyncpg

from services.core import audit
from services.core.access.policy import Actor, Role, require_role
from services.core.decisions import service as decisions
from services.core.matching import repository
from services.core.matching.models import (
    CandidateMatch,
    EmployeeMatches,
    MatchExplanation,
    VacancyMatch,
    VacancyMatches,
)
from services.core.settings import get_settings
from services.core.taxonomy import vectors
from services.matcher.scoring import Matcher
from services.matcher.similarity import build_skill_model
from services.matcher.types import (
    Explanation,
    Person,
    PersonSkill,
    SkillVectors,
    TaxonomyData,
    Vacancy,
    VacancySkill,
)

log = logging.getLogger(__name__)
TOP_K = 50
_loaded: dict[str, tuple[TaxonomyData, Matcher]] = {}


@dataclass(frozen=True)
class Report:
    """What one recompute did."""

    people: int
    vacancies: int
    matches: int
    seconds: float
    model_version: str


async def matcher(conn: asyncpg.Connection) -> Matcher:
    """The matcher for the taxonomy in use, built on first use in this process."""
    return (await loaded(conn))[1]


async def loaded(conn: asyncpg.Connection) -> tuple[TaxonomyData, Matcher]:
    """The taxonomy in use and the matcher built on it, built on first use in this process."""
    fingerprint = await repository.taxonomy_fingerprint(conn)
    settings = get_settings()
    version = vectors.version_of(fingerprint)
    # Vectors are built just after an import: a model made before they were stored is built
    # again once they are, so every process ends on the same model version.
    with_vectors = await vectors.available(conn, settings, version)
    key = f"{fingerprint}/{version if with_vectors else '-'}"
    if key not in _loaded:
        skill_vectors = None
        found = await vectors.skill_vectors(conn, settings, version) if with_vectors else None
        if found is not None:
            skill_vectors = SkillVectors(version, tuple(found[0]), found[1])
        rows = await repository.taxonomy(conn)
        data = TaxonomyData(
            skill_uris=[r["uri"] for r in rows["skills"]],
            occupation_uris=rows["occupations"],
            occupation_skills=[
                (r["occupation_uri"], r["skill_uri"], r["relation"])
                for r in rows["occupation_skills"]
            ],
            skill_relations=[(r["skill_uri"], r["related_skill_uri"]) for r in rows["relations"]],
            skill_broader=[(r["concept_uri"], r["broader_uri"]) for r in rows["broader"]],
            labels={r["uri"]: (r["label_en"], r["label_nl"]) for r in rows["skills"]},
            fingerprint=fingerprint,
            skill_vectors=skill_vectors,
        )
        _loaded.clear()
        _loaded[key] = (data, Matcher(build_skill_model(data)))
    return _loaded[key]


def person_of(row: asyncpg.Record) -> Person:
    """A person row as the matcher's Person."""
    return Person(
        id=str(row["id"]),
        skills=tuple(PersonSkill(uri, level, source) for uri, level, source in row["skills"]),
        ladder_rung=row["ladder_rung"],
        hours_min=row["hours_min"],
        hours_max=row["hours_max"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        max_travel_km=row["max_travel_km"],
        languages=tuple((lang, cefr) for lang, cefr in row["languages"]),
        accommodations=frozenset(row["accommodations"]),
        consent_matching=row["consent_matching"],
    )


def vacancy_of(row: asyncpg.Record) -> Vacancy:
    """A vacancy row as the matcher's Vacancy."""
    return Vacancy(
        id=str(row["id"]),
        skills=tuple(VacancySkill(uri, rel, level) for uri, rel, level in row["skills"]),
        ladder_rung=row["ladder_rung"],
        contract_kind=row["contract_kind"],
        hours_min=row["hours_min"],
        hours_max=row["hours_max"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        language=(row["language"], row["language_cefr"]) if row["language"] else None,
        accommodations=frozenset(row["accommodations"]),
    )


def _skill_uris(explanation: Explanation) -> set[str]:
    uris = set(explanation.missing_essential) | set(explanation.missing_optional)
    for evidence in (*explanation.matched, *explanation.related):
        uris.add(evidence.skill_uri)
        if evidence.via_uri:
            uris.add(evidence.via_uri)
    return uris


def _row(
    explanation: Explanation, labels: dict[str, tuple[str, str | None]]
) -> repository.MatchRow:
    """A stored match: the explanation, with the en/nl label of every skill it names."""
    data: dict[str, Any] = dataclasses.asdict(explanation)
    data["labels"] = {
        uri: {"en": labels[uri][0], "nl": labels[uri][1]}
        for uri in sorted(_skill_uris(explanation))
        if uri in labels
    }
    return (
        UUID(explanation.vacancy_id),
        UUID(explanation.person_id),
        explanation.score,
        data,
        explanation.model_version,
    )


async def recompute_all(conn: asyncpg.Connection) -> Report:
    """Score every person against every open vacancy; keep the top matches each way."""
    started = time.perf_counter()
    engine = await matcher(conn)
    people = {p.id: p for p in map(person_of, await repository.people(conn))}
    vacancies = {v.id: v for v in map(vacancy_of, await repository.vacancies(conn))}
    pairs = engine.recompute(
        engine.index_people(list(people.values())),
        engine.index_vacancies(list(vacancies.values())),
        k=TOP_K,
    )
    rows = [_row(engine.explain(people[p], vacancies[v]), engine.model.labels) for v, p, _ in pairs]
    await repository.replace(conn, rows)
    return Report(
        len(people), len(vacancies), len(rows), time.perf_counter() - started, engine.model.version
    )


async def rescore_vacancy(conn: asyncpg.Connection, vacancy_id: UUID) -> int:
    """One vacancy against everyone (a vacancy was published or changed); matches kept."""
    engine = await matcher(conn)
    found = await repository.vacancies(conn, [vacancy_id])
    rows: list[repository.MatchRow] = []
    if found and found[0]["status"] == "open":
        people = engine.index_people([person_of(r) for r in await repository.people(conn)])
        rows = [
            _row(e, engine.model.labels)
            for e in engine.candidates_for(vacancy_of(found[0]), people, k=TOP_K)
        ]
    await repository.replace(conn, rows, vacancy_ids=[vacancy_id])
    return len(rows)


async def rescore_employee(conn: asyncpg.Connection, employee_id: UUID) -> int:
    """One person against every open vacancy (their profile or consent changed)."""
    engine = await matcher(conn)
    found = await repository.people(conn, [employee_id])
    rows: list[repository.MatchRow] = []
    if found and found[0]["consent_matching"]:
        open_vacancies = engine.index_vacancies(
            [vacancy_of(r) for r in await repository.vacancies(conn)]
        )
        rows = [
            _row(e, engine.model.labels)
            for e in engine.vacancies_for(person_of(found[0]), open_vacancies, k=TOP_K)
        ]
    await repository.replace(conn, rows, employee_ids=[employee_id])
    return len(rows)


# An explanation shows skills and the accommodations to discuss: sensitive, so audited.
READ_FIELDS = ("skills", "accommodations")


async def for_vacancy(
    conn: asyncpg.Connection, actor: Actor, vacancy_id: UUID, limit: int, offset: int
) -> VacancyMatches:
    """Ranked candidates for a vacancy; employers see consenting people, the rest as a count."""
    require_role(actor, Role.ADMIN, Role.JOBCOACH, Role.EMPLOYER, action="see candidates")
    rows, visible, total = await repository.for_vacancy(conn, actor, vacancy_id, limit, offset)
    items = [
        CandidateMatch(
            employee_id=r["employee_id"],
            name=r["name"],
            score=r["score"],
            explanation=MatchExplanation.model_validate(r["explanation"]),
            computed_at=r["computed_at"],
        )
        for r in rows
    ]
    await audit.record_reads(
        conn, actor, [i.employee_id for i in items], READ_FIELDS, "vacancy_candidates"
    )
    await decisions.record_shown(
        conn, actor, "vacancy_matches", [(i.employee_id, vacancy_id) for i in items]
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
) -> EmployeeMatches:
    """Open vacancies that fit a person, best first, with the gaps to close."""
    require_role(actor, Role.ADMIN, Role.JOBCOACH, Role.EMPLOYEE, action="see a person's matches")
    rows, total = await repository.for_employee(
        conn, actor, employee_id, (limit, offset), rung, contract_kind
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
            explanation=MatchExplanation.model_validate(r["explanation"]),
        )
        for r in rows
    ]
    if items:
        await audit.record_reads(
            conn,
            actor,
            [employee_id],
            READ_FIELDS,
            "own_matches" if actor.role is Role.EMPLOYEE else "person_matches",
        )
    await decisions.record_shown(
        conn, actor, "employee_matches", [(employee_id, i.vacancy_id) for i in items]
    )
    return EmployeeMatches(
        employee_id=employee_id, items=items, total=total, limit=limit, offset=offset
    )

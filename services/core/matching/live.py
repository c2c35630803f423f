"""What a process keeps loaded for matching: the matcher built on the taxonomy in use, and
everyone and every open vacancy as live indexes (services/matcher/live.py) that follow the
change log (match_input_change: a trigger writes a row for every change to a person's or a
vacancy's matching data), instead of loading and indexing every row for each event.

Each catch-up reads the ids changed by transactions it has not seen committed (those from the
last snapshot's xmax on, and those then still running, so a late commit is not missed),
reloads those rows, and replaces them in the indexes. A new taxonomy (a new matcher) or
RELOAD_SECONDS since the last full load (well within the change log's retention) loads
everything again.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import time
import weakref
from dataclasses import dataclass

import asyncpg

from services.core.capacity import items as capacity_items
from services.core.matching import repository
from services.core.settings import get_settings
from services.core.taxonomy import vectors
from services.matcher.live import LivePeople, LiveVacancies
from services.matcher.scoring import Matcher
from services.matcher.similarity import build_skill_model
from services.matcher.types import (
    Person,
    PersonSkill,
    SkillVectors,
    TaxonomyData,
    Vacancy,
    VacancySkill,
)

RELOAD_SECONDS = 3600
CHANGES_KEPT_HOURS = 24
_loaded: dict[str, tuple[TaxonomyData, Matcher]] = {}


@dataclass
class WarmVacancies:
    """Every open vacancy, current up to `horizon`."""

    matcher: Matcher
    vacancies: LiveVacancies
    horizon: repository.Horizon  # includes the database (and server run) it was loaded from
    loaded_at: float


@dataclass
class Warm(WarmVacancies):
    """Everyone and every open vacancy, current up to `horizon`."""

    people: LivePeople


_warm: Warm | None = None
_open: WarmVacancies | None = None  # a process that scores no events keeps only this
Locks = weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock]
_warm_locks: Locks = weakref.WeakKeyDictionary()
_build_locks: Locks = weakref.WeakKeyDictionary()


def _lock(locks: Locks) -> asyncio.Lock:
    """This event loop's lock of `locks` (a process may run several loops: tests)."""
    return locks.setdefault(asyncio.get_running_loop(), asyncio.Lock())


# The matcher model is built once per process, taxonomy and label vectors (it depends only on
# those): the skills' sentence vectors (services/core/taxonomy/vectors.py) add semantic
# similarity when they were built; without them the model learns from the taxonomy alone.


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
    if key in _loaded:
        return _loaded[key]
    # One build at a time, off the event loop (13.7 s on full ESCO: an API process keeps
    # answering meanwhile, and a second request for it waits for the first build).
    async with _lock(_build_locks):
        if key not in _loaded:
            data = await _taxonomy_data(conn, fingerprint, version if with_vectors else None)
            model = await asyncio.to_thread(build_skill_model, data)
            _loaded.clear()
            _loaded[key] = (data, Matcher(model))
            _release_freed_memory()
    return _loaded[key]


def _release_freed_memory() -> None:
    """Give the build's scratch memory back to the system (glibc keeps freed memory of the
    build thread's arena: about 100 MB on full ESCO); a no-op where there is no glibc."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


async def _taxonomy_data(
    conn: asyncpg.Connection, fingerprint: str, version: str | None
) -> TaxonomyData:
    """The matcher's input: the taxonomy in use, with its skills' vectors when `version`."""
    skill_vectors = None
    found = await vectors.skill_vectors(conn, get_settings(), version) if version else None
    if version and found is not None:
        skill_vectors = SkillVectors(version, tuple(found[0]), found[1])
    rows = await repository.taxonomy(conn)
    return TaxonomyData(
        skill_uris=[r["uri"] for r in rows["skills"]],
        occupation_uris=rows["occupations"],
        occupation_skills=[
            (r["occupation_uri"], r["skill_uri"], r["relation"]) for r in rows["occupation_skills"]
        ],
        skill_relations=[(r["skill_uri"], r["related_skill_uri"]) for r in rows["relations"]],
        skill_broader=[(r["concept_uri"], r["broader_uri"]) for r in rows["broader"]],
        labels={r["uri"]: (r["label_en"], r["label_nl"]) for r in rows["skills"]},
        fingerprint=fingerprint,
        skill_vectors=skill_vectors,
    )


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
        capacity=tuple((item, level) for item, level in row["capacity"]),
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
        capacity_demands=tuple((item, level) for item, level in row["capacity_demands"]),
        capacity_resolved=capacity_items.resolved_pairs(row["accommodations"]),
    )


async def warm(conn: asyncpg.Connection) -> Warm:
    """The live indexes, caught up with every change committed before this call."""
    async with _lock(_warm_locks):  # one catch-up at a time: a slower one must not undo a newer one
        global _warm
        engine = await matcher(conn)
        state = _warm
        if not await _current(conn, state, engine):
            state = _warm = await _load(conn, engine)
        assert state is not None  # loaded just above when it was not current
        return state


async def open_vacancies(conn: asyncpg.Connection) -> WarmVacancies:
    """Every open vacancy as a live index, caught up like `warm`, for what-if questions (how
    many vacancies would fit after a course) in a process that scores no events and so needs
    no index of everyone (the API): the warm state when the process has one."""
    if _warm is not None:
        return await warm(conn)
    async with _lock(_warm_locks):
        global _open
        engine = await matcher(conn)
        state = _open
        if not await _current(conn, state, engine):
            horizon = await repository.horizon(conn)
            rows = [vacancy_of(r) for r in await repository.vacancies(conn)]
            # Built off the event loop: seconds at national size, and the API keeps answering.
            index = await asyncio.to_thread(LiveVacancies, engine, rows)
            state = _open = WarmVacancies(engine, index, horizon, _now())
        assert state is not None
        return state


def _now() -> float:
    return time.monotonic()


async def _current(conn: asyncpg.Connection, state: WarmVacancies | None, engine: Matcher) -> bool:
    """Whether `state` can serve, caught up now (False: load everything again)."""
    if state is None or state.matcher is not engine or _now() - state.loaded_at > RELOAD_SECONDS:
        return False
    return await _catch_up(conn, state)


async def _load(conn: asyncpg.Connection, engine: Matcher) -> Warm:
    """Everything, read after the horizon is taken (a change in between is read twice)."""
    horizon = await repository.horizon(conn)
    people_rows = await repository.people(conn)
    vacancy_rows = await repository.vacancies(conn)
    # Built off the event loop: 17 s at 100,000 people, and an API process (job carving's
    # counts) keeps answering meanwhile.
    people = await asyncio.to_thread(LivePeople, engine, map(person_of, people_rows))
    vacancies = await asyncio.to_thread(LiveVacancies, engine, map(vacancy_of, vacancy_rows))
    return Warm(engine, vacancies, horizon, _now(), people)


async def _catch_up(conn: asyncpg.Connection, state: WarmVacancies) -> bool:
    """Apply the changes since the state's horizon (to everyone too, for a Warm); False when
    `conn` is another database."""
    changes = await repository.changed_since(conn, state.horizon)
    if changes.horizon.source != state.horizon.source:
        return False
    people_ids, vacancy_ids = changes.people, changes.vacancies
    if people_ids and isinstance(state, Warm):
        found = {r["id"]: r for r in await repository.people(conn, people_ids)}
        state.people.apply(
            upserts=[person_of(r) for r in found.values()],
            removals=[str(i) for i in people_ids if i not in found],
        )
    if vacancy_ids:
        rows = await repository.vacancies(conn, vacancy_ids)
        open_rows = [r for r in rows if r["status"] == "open"]
        still_open = {r["id"] for r in open_rows}
        state.vacancies.apply(
            upserts=[vacancy_of(r) for r in open_rows],
            removals=[str(i) for i in vacancy_ids if i not in still_open],
        )
    state.horizon = changes.horizon
    return True


async def prune_changes(conn: asyncpg.Connection) -> int:
    """Drop change-log rows older than CHANGES_KEPT_HOURS (every process has loaded everything
    again since: RELOAD_SECONDS); how many."""
    return await repository.prune_changes(conn, CHANGES_KEPT_HOURS)

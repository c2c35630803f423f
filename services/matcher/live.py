"""Indexes that follow changes row by row, for a process that scores one event at a time.

Building an index over everyone costs far more than scoring one vacancy against it, so a live
index keeps two: a large base built now and then, and a small delta of the rows changed since
(rebuilt on each change: it stays small). A changed or removed row's base row is skipped. When
the delta grows past a share of the base, everything is built into a new base (compaction).
Scores do not depend on which index a row is in (index.py: the model's idf; one idf for skills
outside the model), so each part's top k, merged by (score, id) (Matcher.candidates_among), is
the top k of the whole: the same answer as one index built from every current row
(tests/unit/matcher/test_live.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

import numpy as np

from . import credit
from .index import PeopleIndex, VacancyIndex
from .scoring import Matcher
from .similarity import RELATED_CAP
from .types import Explanation, Filters, Person, Vacancy

Row = TypeVar("Row", Person, Vacancy)
Index = TypeVar("Index", PeopleIndex, VacancyIndex)
COMPACT_SHARE = 0.02  # the delta is built into a new base past this share of the base
COMPACT_MIN = 500  # ... or this many rows, whichever is more
# A person can do a task (job carving) when their credit for its skill is above what a related
# skill alone can give: they hold the skill itself, at or near the level asked. A neighbour
# covers it in a score, but is a skill to learn rather than one held.
CAN_DO = RELATED_CAP


class _Live(Generic[Row, Index]):
    """Rows by id, as a base index, a delta index and the base rows to skip."""

    def __init__(
        self, matcher: Matcher, rows: Iterable[Row], compact_min: int = COMPACT_MIN
    ) -> None:
        self.matcher = matcher
        self.compact_min = compact_min
        self.rows: dict[str, Row] = {row.id: row for row in rows}
        self.compactions = 0
        self._compact()

    def _build(self, rows: list[Row]) -> Index:
        raise NotImplementedError

    def _items(self, index: Index) -> tuple[Row, ...]:
        raise NotImplementedError

    def _compact(self) -> None:
        self.base: Index = self._build(sorted(self.rows.values(), key=lambda r: r.id))
        self.base_row = {row.id: i for i, row in enumerate(self._items(self.base))}
        self.skip = np.zeros(len(self.base_row), dtype=bool)
        self.changed: dict[str, Row] = {}
        self.delta: Index = self._build([])
        self.compactions += 1

    @property
    def model_version(self) -> str:
        return self.base.model_version

    def __len__(self) -> int:
        return len(self.rows)

    def whole(self) -> Index:
        """One index of every current row: the base, compacted first if any row changed."""
        if self.changed or self.skip.any():
            self._compact()
        return self.base

    def apply(self, upserts: Iterable[Row] = (), removals: Iterable[str] = ()) -> None:
        """Replace or add `upserts` and drop the rows with ids in `removals`."""
        touched = False
        for row in upserts:
            self.rows[row.id] = row
            self.changed[row.id] = row
            touched = True
        for row_id in removals:
            touched |= self.rows.pop(row_id, None) is not None
            touched |= self.changed.pop(row_id, None) is not None
            if row_id in self.base_row:
                self.skip[self.base_row[row_id]] = True
        if not touched:
            return
        for row_id in self.changed:
            if row_id in self.base_row:
                self.skip[self.base_row[row_id]] = True
        if len(self.changed) > max(self.compact_min, COMPACT_SHARE * len(self.base_row)):
            self._compact()
        else:
            self.delta = self._build(sorted(self.changed.values(), key=lambda r: r.id))


class LivePeople(_Live[Person, PeopleIndex]):
    """People, kept current, for ranking them against one vacancy at a time."""

    def _build(self, rows: list[Person]) -> PeopleIndex:
        return self.matcher.index_people(rows)

    def _items(self, index: PeopleIndex) -> tuple[Person, ...]:
        return index.people

    def candidates_for(
        self, vacancy: Vacancy, k: int = 50, filters: Filters | None = None
    ) -> list[Explanation]:
        """As Matcher.candidates_for over every current person."""
        parts = [(self.base, self.skip), (self.delta, None)]
        return self.matcher.candidates_among(vacancy, parts, k, filters)

    def fitting(
        self, vacancy: Vacancy, min_score: float, *, every_essential: bool = False
    ) -> list[Person]:
        """The current people with consent to matching who score at least `min_score` (0-100)
        for the vacancy (and, with `every_essential`, can do each essential skill: CAN_DO),
        by id: what-if questions about a vacancy not stored (job carving)."""
        reqs = credit.requirements(vacancy, self.matcher.model)
        essential = [req for req in reqs if req.relation == "essential"] if every_essential else []
        found: list[Person] = []
        for index, skip in ((self.base, self.skip), (self.delta, None)):
            if not index.people:
                continue
            # The one-vacancy path's own scores, quantised as every list shows them.
            scores = credit.quantise(self.matcher._people_scores(vacancy, index))
            fits = index.consent & (scores >= round(min_score * 10_000))
            for req in essential:
                fits &= self._credit(index, req) > CAN_DO
            if skip is not None:
                fits &= ~skip
            found += [index.people[row] for row in np.flatnonzero(fits)]
        return sorted(found, key=lambda p: p.id)

    def _credit(self, index: PeopleIndex, req: credit.Requirement) -> np.ndarray:
        """Every person's best credit for one requirement (0 for a skill nobody in the index
        has that is outside the model)."""
        column = req.column if req.column >= 0 else index.extra.get(req.uri, -1)
        if column < 0:
            return np.zeros(len(index.people), dtype=np.float32)
        return self.matcher._column_credit(index, column, req.min_level)

    def consenting(self) -> int:
        """How many current people consent to matching."""
        return sum(1 for person in self.rows.values() if person.consent_matching)

    def holders(self, vacancy: Vacancy) -> dict[str, int]:
        """Per skill the vacancy asks for: how many current people with consent can do it
        (CAN_DO: they hold the skill itself, at or near the level asked)."""
        reqs = credit.requirements(vacancy, self.matcher.model)
        counts = dict.fromkeys((req.uri for req in reqs), 0)
        for index, skip in ((self.base, self.skip), (self.delta, None)):
            if not index.people:
                continue
            counted = index.consent if skip is None else index.consent & ~skip
            for req in reqs:
                held = counted & (self._credit(index, req) > CAN_DO)
                counts[req.uri] += int(held.sum())
        return counts


class LiveVacancies(_Live[Vacancy, VacancyIndex]):
    """Vacancies, kept current, for ranking them against one person at a time."""

    def _build(self, rows: list[Vacancy]) -> VacancyIndex:
        return self.matcher.index_vacancies(rows)

    def _items(self, index: VacancyIndex) -> tuple[Vacancy, ...]:
        return index.vacancies

    def _parts(self) -> list[tuple[VacancyIndex, np.ndarray | None]]:
        """The base (its replaced or removed rows to skip) and the rows changed since."""
        return [(self.base, self.skip), (self.delta, None)]

    def vacancies_for(
        self, person: Person, k: int = 50, filters: Filters | None = None
    ) -> list[Explanation]:
        """As Matcher.vacancies_for over every current vacancy."""
        return self.matcher.vacancies_among(person, self._parts(), k, filters)

    def fitting(self, person: Person, min_score: float) -> int:
        """How many current vacancies score at least `min_score` for the person, consent not
        asked (what-if questions about a person's own profile: Matcher.vacancy_scores)."""
        found = 0
        for index, skip in self._parts():
            if index.vacancies:
                fits = self.matcher.vacancy_scores(person, index) >= min_score
                found += int((fits & ~skip).sum() if skip is not None else fits.sum())
        return found

    def scores(self, person: Person) -> dict[str, float]:
        """Vacancy id -> the person's score (0-100) for every current vacancy, consent not
        asked (what-if questions, as `fitting`)."""
        found: dict[str, float] = {}
        for index, skip in self._parts():
            if index.vacancies:
                scores = self.matcher.vacancy_scores(person, index)
                for row, (vacancy, score) in enumerate(zip(index.vacancies, scores, strict=True)):
                    if skip is None or not skip[row]:
                        found[vacancy.id] = float(score)
        return found

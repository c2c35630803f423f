"""Scores of (person, vacancy) pairs, 0-100: how well the person covers what the vacancy needs,
blended with how much of the person's profile the vacancy uses (fit).

See credit.py for the formula. Accommodations, names, ids and list order never enter it, and a
skill the vacancy requires, added to a person, can only raise it. One pair (score, explain)
and the vectorised paths (candidates_for, vacancies_for, recompute) share credit.py's
arithmetic and summation order, so they agree to float32 rounding.
Pairs scoring 0 are never suggested.
Filters apply to the side being ranked: in candidates_for ladder_rungs filters people's rungs,
in vacancies_for vacancies' rungs and contract kinds; max_distance_km keeps unknown locations.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

import numpy as np
from scipy import sparse

from . import constraints, credit, recompute
from .index import (
    PeopleIndex,
    VacancyIndex,
    column_idf,
    index_people,
    index_vacancies,
    ranges,
)
from .similarity import SkillModel
from .types import Explanation, Filters, Person, SkillEvidence, Vacancy

__all__ = ["Matcher", "PeopleIndex", "VacancyIndex"]


class Matcher:
    """Scores and ranks people and vacancies with one skill model."""

    def __init__(self, model: SkillModel) -> None:
        self.model = model
        self.n_skills = len(model.skill_uris)
        self.related = model.related.tocsr().astype(np.float32)
        self.related.sort_indices()
        self.related_by_column = self.related.tocsc()
        self.related_by_column.sort_indices()
        self.affinity = model.affinity.tocsr().astype(np.float32)
        self.affinity.sort_indices()
        self.affinity_by_column = self.affinity.tocsc()
        self.affinity_by_column.sort_indices()

    # One pair -----------------------------------------------------------------------------

    def score(self, person: Person, vacancy: Vacancy) -> float:
        """The pair's score, 0-100."""
        reqs = credit.requirements(vacancy, self.model)
        best, _, _, terms = self._best_credits(person, reqs)
        return _score(best, reqs, terms)

    def explain(self, person: Person, vacancy: Vacancy) -> Explanation:
        """The pair's score with its components, skill evidence, gaps and constraints."""
        return self._explain(person, vacancy, credit.requirements(vacancy, self.model))

    def _explain(
        self, person: Person, vacancy: Vacancy, reqs: tuple[credit.Requirement, ...]
    ) -> Explanation:
        best, via, levels, terms = self._best_credits(person, reqs)
        found: dict[str, list[tuple[int, SkillEvidence]]] = {"matched": [], "related": []}
        missing: dict[str, list[tuple[int, str]]] = {"essential": [], "optional": []}
        for position, req in enumerate(reqs):
            c = float(best[position])
            if c < credit.GAP_BELOW:
                missing[req.relation].append((req.order, req.uri))
                continue
            evidence = SkillEvidence(
                req.uri, req.relation, round(c, 4), via[position], levels[position], req.min_level
            )
            found["related" if via[position] else "matched"].append((req.order, evidence))
        return Explanation(
            person_id=person.id,
            vacancy_id=vacancy.id,
            score=_score(best, reqs, terms),
            components=_components(reqs, best, terms),
            matched=tuple(e for _, e in sorted(found["matched"], key=lambda x: x[0])),
            related=tuple(e for _, e in sorted(found["related"], key=lambda x: x[0])),
            missing_essential=tuple(uri for _, uri in sorted(missing["essential"])),
            missing_optional=tuple(uri for _, uri in sorted(missing["optional"])),
            constraints=constraints.check(person, vacancy),
            model_version=self.model.version,
        )

    def _best_credits(
        self, person: Person, reqs: tuple[credit.Requirement, ...]
    ) -> tuple[np.ndarray, list[str | None], list[int | None], np.ndarray]:
        """Per requirement: the best credit, the related skill it came through, its level;
        and fit's [numerator, denominator] (credit.py)."""
        skills = sorted(
            (s.uri, self.model.index.get(s.uri, -1), credit.source_code(s.source), s.level)
            for s in person.skills
        )
        # Fit counts each distinct skill once (skills are sorted by URI).
        first = [i for i, s in enumerate(skills) if i == 0 or s[0] != skills[i - 1][0]]
        idf = np.array([self.model.specificity(skills[i][0]) for i in first], dtype=np.float64)
        if not skills or not reqs:
            terms = credit.fit_sums(idf, np.zeros(len(first), np.float32))
            return np.zeros(len(reqs), np.float32), [None] * len(reqs), [None] * len(reqs), terms
        table, direct, affinity = self._credit_table(skills, reqs)
        # The vacancy's use of each skill: itself 1.0, else its best affinity to a requirement.
        terms = credit.fit_sums(idf, affinity.max(axis=1)[first])
        best = table.max(axis=0)
        hit = (table == best) & (best > 0)
        # Ties: the skill itself first, then the lowest URI (skills are sorted by URI).
        direct_hit = hit & direct
        by_itself = direct_hit.any(axis=0)
        chosen = np.where(by_itself, direct_hit.argmax(axis=0), hit.argmax(axis=0)).tolist()
        covered = (best > 0).tolist()
        via = [
            skills[c][0] if ok and not own else None
            for c, ok, own in zip(chosen, covered, by_itself.tolist(), strict=True)
        ]
        levels = [
            credit.level(skills[c][3]) if ok else None
            for c, ok in zip(chosen, covered, strict=True)
        ]
        return best, via, levels, terms

    def _credit_table(
        self, skills: list[tuple[str, int, int, int]], reqs: tuple[credit.Requirement, ...]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """credit[i, j] = related[i, j] * factor of person skill i at requirement j's min level,
        whether person skill i is requirement j itself, and affinity[i, j] (1.0 for itself)."""
        columns = np.array([r.column for r in reqs], dtype=np.int64)
        lookup = np.full(self.n_skills, -1, dtype=np.int64)
        lookup[columns[columns >= 0]] = np.flatnonzero(columns >= 0)
        direct = np.zeros((len(skills), len(reqs)), dtype=bool)
        position = {req.uri: j for j, req in enumerate(reqs)}
        for i, (uri, *_) in enumerate(skills):
            if uri in position:  # also skills outside the model, which only cover themselves
                direct[i, position[uri]] = True
        related, affinity = (
            _pair_values(matrix, [s[1] for s in skills], lookup, direct)
            for matrix in (self.related, self.affinity)
        )
        source = np.array([s[2] for s in skills], dtype=np.int64)[:, None]
        level = np.clip(np.array([s[3] for s in skills], dtype=np.int64), 1, credit.MAX_LEVEL)
        min_level = np.array([r.min_level for r in reqs], dtype=np.int64)[None, :]
        return related * credit.FACTOR[source, level[:, None], min_level], direct, affinity

    # Indexes ------------------------------------------------------------------------------

    def index_people(self, people: Sequence[Person]) -> PeopleIndex:
        """People as arrays for candidates_for and recompute."""
        return index_people(self.model, people)

    def index_vacancies(self, vacancies: Sequence[Vacancy]) -> VacancyIndex:
        """Vacancies as arrays for vacancies_for and recompute."""
        return index_vacancies(self.model, vacancies)

    def _check(self, index: PeopleIndex | VacancyIndex) -> None:
        if index.model_version != self.model.version:
            raise ValueError(
                f"index built with model {index.model_version}, matcher has {self.model.version}"
            )

    # One vacancy against all people -------------------------------------------------------

    def candidates_for(
        self, vacancy: Vacancy, people: PeopleIndex, k: int = 50, filters: Filters | None = None
    ) -> list[Explanation]:
        """The top k people for a vacancy (consent required), by score then person id."""
        return self.candidates_among(vacancy, [(people, None)], k, filters)

    def candidates_among(
        self,
        vacancy: Vacancy,
        parts: Sequence[tuple[PeopleIndex, np.ndarray | None]],
        k: int = 50,
        filters: Filters | None = None,
    ) -> list[Explanation]:
        """candidates_for over the rows of several indexes at once, leaving out the rows where
        an index's mask is true (live.py: a base index and the rows changed since)."""
        scored = []
        for people, skip in parts:
            self._check(people)
            eligible = people.consent.copy()
            if filters is not None and filters.ladder_rungs is not None:
                eligible &= np.isin(people.rung, sorted(filters.ladder_rungs))
            if filters is not None and filters.max_distance_km is not None:
                eligible &= _within(
                    people, vacancy.latitude, vacancy.longitude, filters.max_distance_km
                )
            scored.append((people.people, self._people_scores(vacancy, people), eligible, skip))
        reqs = credit.requirements(vacancy, self.model)
        chosen = _top_among(scored, k)
        return _ranked([self._explain(p, vacancy, reqs) for p in chosen], "person_id")

    def _people_scores(self, vacancy: Vacancy, people: PeopleIndex) -> np.ndarray:
        """Unquantised float32 scores (0-1) of every person in the index for one vacancy."""
        total = np.zeros(len(people.people), dtype=np.float32)
        reqs = credit.requirements(vacancy, self.model)
        # How much the vacancy uses each of the people's columns (credit.py, fit): the best
        # affinity[i, j] over its required columns j, 1.0 for a required column itself.
        use = np.zeros(people.n_columns, dtype=np.float32)
        for req in reqs:
            column = req.column if req.column >= 0 else people.extra.get(req.uri, -1)
            if column >= 0:
                total += self._column_credit(people, column, req.min_level) * req.weight
            if 0 <= column < self.n_skills:
                lo, hi = self.affinity_by_column.indptr[column : column + 2]
                sources = self.affinity_by_column.indices[lo:hi]
                use[sources] = np.maximum(use[sources], self.affinity_by_column.data[lo:hi])
            elif column >= 0:
                use[column] = 1.0
        # Fit's numerators: whole 1/1024ths, so the float64 sums are exact, as float32 too.
        used_columns = np.flatnonzero(use)
        starts = people.column_ptr[used_columns]
        counts = people.column_ptr[used_columns + 1] - starts
        positions = ranges(starts, counts)
        distinct = people.column_distinct[positions]
        terms = np.repeat(credit.fit_use(people.idf[used_columns], use[used_columns]), counts)
        used = np.bincount(
            people.column_row[positions[distinct]],
            weights=terms[distinct],
            minlength=len(people.people),
        )
        return credit.blend(total, credit.fit(used.astype(np.float32), people.specificity))

    def _column_credit(self, people: PeopleIndex, column: int, min_level: int) -> np.ndarray:
        """Every person's best credit for one required column, dense float32."""
        if column < self.n_skills:
            lo, hi = self.related_by_column.indptr[column : column + 2]
            sources = self.related_by_column.indices[lo:hi]
            related = self.related_by_column.data[lo:hi]
        else:
            sources, related = np.array([column]), np.array([1.0], dtype=np.float32)
        starts = people.column_ptr[sources]
        counts = people.column_ptr[sources + 1] - starts
        positions = ranges(starts, counts)
        values = np.repeat(related, counts) * people.column_factor[min_level - 1, positions]
        best = np.zeros(len(people.people), dtype=np.float32)
        np.maximum.at(best, people.column_row[positions], values)
        return best

    # One person against all vacancies -----------------------------------------------------

    def vacancies_for(
        self, person: Person, vacancies: VacancyIndex, k: int = 50, filters: Filters | None = None
    ) -> list[Explanation]:
        """The top k vacancies for a person (none without consent), by score then vacancy id."""
        return self.vacancies_among(person, [(vacancies, None)], k, filters)

    def vacancies_among(
        self,
        person: Person,
        parts: Sequence[tuple[VacancyIndex, np.ndarray | None]],
        k: int = 50,
        filters: Filters | None = None,
    ) -> list[Explanation]:
        """vacancies_for over the rows of several indexes at once, leaving out the rows where
        an index's mask is true (live.py)."""
        if not person.consent_matching:
            for vacancies, _ in parts:
                self._check(vacancies)
            return []
        scored = []
        for vacancies, skip in parts:
            self._check(vacancies)
            eligible = np.ones(len(vacancies.vacancies), dtype=bool)
            if filters is not None and filters.ladder_rungs is not None:
                eligible &= np.isin(vacancies.rung, sorted(filters.ladder_rungs))
            if filters is not None and filters.contract_kinds is not None:
                eligible &= np.isin(vacancies.contract_kind, sorted(filters.contract_kinds))
            if filters is not None and filters.max_distance_km is not None:
                eligible &= _within(
                    vacancies, person.latitude, person.longitude, filters.max_distance_km
                )
            scored.append(
                (vacancies.vacancies, self._vacancy_scores(person, vacancies), eligible, skip)
            )
        chosen = _top_among(scored, k)
        return _ranked([self.explain(person, v) for v in chosen], "vacancy_id")

    def vacancy_scores(self, person: Person, vacancies: VacancyIndex) -> np.ndarray:
        """The person's score (0-100) for every vacancy in the index, in index order; consent
        is not asked (what-if questions about a person's own profile)."""
        self._check(vacancies)
        millionths = credit.quantise(self._vacancy_scores(person, vacancies))
        return millionths.astype(np.float64) / 10_000  # as credit.to_score

    def _vacancy_scores(self, person: Person, vacancies: VacancyIndex) -> np.ndarray:
        """Unquantised float32 scores (0-1) of every vacancy in the index for one person."""
        columns = self.model.index | vacancies.extra
        skills = [
            (columns[s.uri], credit.source_code(s.source), credit.level(s.level))
            for s in person.skills
            if s.uri in columns
        ]
        profile = credit.profile(person, self.model)  # fit's denominator: all skills
        # Best credit per (min level, column), stacked like the index's weight columns.
        best = np.zeros((credit.MAX_LEVEL, vacancies.n_columns), dtype=np.float32)
        for column, source, level in skills:
            factor = credit.FACTOR[source, level, 1:]  # one per min level 1..4
            if column < self.n_skills:
                lo, hi = self.related.indptr[column : column + 2]
                targets = self.related.indices[lo:hi]
                values = self.related.data[lo:hi][None, :] * factor[:, None]
                best[:, targets] = np.maximum(best[:, targets], values)
            else:
                best[:, column] = np.maximum(best[:, column], factor)
        coverage = np.asarray(vacancies.weights @ best.ravel(), dtype=np.float32)
        return credit.blend(coverage, credit.fit(self._fit_numerators(skills, vacancies), profile))

    def _fit_numerators(
        self, skills: list[tuple[int, int, int]], vacancies: VacancyIndex
    ) -> np.ndarray:
        """Per vacancy, sum over the person's distinct columns of idf x the vacancy's use of it
        (credit.py, fit), as float32 (exact)."""
        idf = column_idf(self.model, vacancies.n_columns)
        by_column = vacancies.required_by_column
        used = np.zeros(len(vacancies.vacancies), dtype=np.float64)
        for column in sorted({column for column, _, _ in skills}):
            if column < self.n_skills:
                lo, hi = self.affinity.indptr[column : column + 2]
                targets, values = self.affinity.indices[lo:hi], self.affinity.data[lo:hi]
            else:  # outside the model: it relates only to itself
                targets, values = np.array([column]), np.ones(1, dtype=np.float32)
            starts = by_column.indptr[targets]
            counts = by_column.indptr[targets + 1] - starts
            rows = by_column.indices[ranges(starts, counts)]
            use = np.zeros(len(vacancies.vacancies), dtype=np.float32)
            np.maximum.at(use, rows, np.repeat(values, counts))
            hit = np.flatnonzero(use)
            used[hit] += credit.fit_use(idf[column], use[hit])
        return used.astype(np.float32)

    # Everyone against everyone ------------------------------------------------------------

    def recompute(
        self,
        people: PeopleIndex,
        vacancies: VacancyIndex,
        k: int = 50,
        people_chunk: int = 4096,
        threads: int = recompute.THREADS,
        rows: np.ndarray | None = None,
    ) -> Iterator[tuple[str, str, float]]:
        """(vacancy_id, person_id, score) for each vacancy's top k people and each person's top k
        vacancies (consenting people among `rows`, default all; scores above 0), computed in
        chunks of people, `threads` chunks at a time."""
        self._check(people)
        self._check(vacancies)
        args = (self.related, self.affinity, people, vacancies, k, people_chunk, threads, rows)
        return recompute.run(*args)


def _pair_values(
    matrix: sparse.csr_matrix, rows: list[int], lookup: np.ndarray, direct: np.ndarray
) -> np.ndarray:
    """matrix[row, column] for each person skill (row, -1 outside the model) and requirement
    (lookup: model column -> requirement), and 1.0 where the skill is the requirement."""
    values = np.zeros(direct.shape, dtype=np.float32)
    model_rows = np.array([i for i, row in enumerate(rows) if row >= 0], dtype=np.int64)
    skill_ids = np.array([rows[i] for i in model_rows], dtype=np.int64)
    starts = matrix.indptr[skill_ids]
    counts = matrix.indptr[skill_ids + 1] - starts
    positions = ranges(starts, counts)
    owner = np.repeat(model_rows, counts)
    target = lookup[matrix.indices[positions]]
    hit = target >= 0
    values[owner[hit], target[hit]] = matrix.data[positions[hit]]
    values[direct] = 1.0
    return values


def _score(best: np.ndarray, reqs: tuple[credit.Requirement, ...], terms: np.ndarray) -> float:
    """The 0-100 score from the best credit per requirement and the fit terms."""
    coverage = np.array([credit.weighted_sum(best, reqs)], np.float32)
    total = credit.blend(coverage, credit.fit(terms[:1], terms[1:]))
    return credit.to_score(credit.quantise(total)[0])


def _components(
    reqs: tuple[credit.Requirement, ...], best: np.ndarray, terms: np.ndarray
) -> dict[str, float]:
    """Essential and optional coverage and fit, each 0-100; "no_skills" when the vacancy lists
    none.

    Coverage parts are weighted like the score (by each skill's specificity): coverage is their
    mix in proportion to the two groups' total weights, and the score is (1 - FIT) * coverage
    + FIT * fit (credit.py; up to float32 rounding).
    """
    if not reqs:
        return {"no_skills": 0.0}
    parts: dict[str, float] = {}
    for relation in ("essential", "optional"):
        group = [
            (float(r.weight), float(best[i])) for i, r in enumerate(reqs) if r.relation == relation
        ]
        weight = sum(w for w, _ in group)
        if group and weight > 0:
            parts[relation] = round(100 * sum(w * c for w, c in group) / weight, 4)
        elif group:
            parts[relation] = round(100 * sum(c for _, c in group) / len(group), 4)
    parts["fit"] = round(100 * float(credit.fit(terms[0], terms[1])), 4)
    return parts


def _within(
    index: PeopleIndex | VacancyIndex, lat: float | None, lon: float | None, km: float
) -> np.ndarray:
    """Rows within km of a point; rows (or a point) without a location are kept."""
    if lat is None or lon is None:
        return np.ones(len(index.latitude), dtype=bool)
    distance = constraints.haversine_km_many(index.latitude, index.longitude, lat, lon)
    return np.isnan(distance) | (distance <= km)


Row = TypeVar("Row", Person, Vacancy)


def _top_among(
    parts: Sequence[tuple[Sequence[Row], np.ndarray, np.ndarray, np.ndarray | None]], k: int
) -> list[Row]:
    """The k best rows over several indexes, by score then id: each part is (its rows, their
    unquantised scores, eligible, rows to skip or None). Each part's own top k holds its share
    of the whole's, ties by row = id order within a part; merged by (score, id)."""
    best: list[tuple[float, str, Row]] = []
    for rows, raw, eligible, skip in parts:
        scores = credit.quantise(raw)
        if skip is not None:
            eligible = eligible & ~skip
        best += [(-float(scores[r]), rows[r].id, rows[r]) for r in top_k(scores, eligible, k)]
    return [row for _, _, row in sorted(best, key=lambda b: (b[0], b[1]))[:k]]


def top_k(scores: np.ndarray, eligible: np.ndarray, k: int) -> np.ndarray:
    """Rows of the k highest scores above 0 among eligible rows; ties by row (= id order)."""
    rows = np.flatnonzero(eligible & (scores > 0))
    if k <= 0:
        return rows[:0]
    if len(rows) > k:
        threshold = np.partition(scores[rows], len(rows) - k)[len(rows) - k]
        rows = rows[scores[rows] >= threshold]
    return rows[np.lexsort((rows, -scores[rows]))][:k]


def _ranked(explanations: list[Explanation], id_field: str) -> list[Explanation]:
    # The explanation's own score decides the final order, so a list is sorted by what it shows.
    return sorted(explanations, key=lambda e: (-e.score, getattr(e, id_field)))

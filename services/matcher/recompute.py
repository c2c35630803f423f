"""Everyone against everyone, in chunks of people, keeping the top k each way.

Per chunk: C = best credit of each person for each required (min level, column), stacked
(a max over the person's skills of related[i, j] * factor, built as sparse entries and reduced
by sorting), then coverage = C @ W (sparse x sparse, float32, summed in stacked column order
like credit.weighted_sum), fit's numerators = H @ U (H: each person's distinct skills as 0/1;
U: per column i and vacancy v, idf_i times v's use of i, the best affinity[i, j] over v's
required j, in whole 1/1024ths as credit.fit_use rounds them: built once, by vacancies; exact)
over the person's idf total, and the two blended as credit.blend does. Only the chunk x
vacancies blocks in flight (`threads` of them, each under DENSE_CELLS) and U's scratch block are
ever dense; a person's top k is taken per chunk and each vacancy's top k is kept as a running
selection across chunks. Scores are ranked as whole millionths, ties by id.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from . import credit
from .index import PeopleIndex, VacancyIndex, pointers, ranges, sorted_csr

DENSE_CELLS = 1 << 25  # 32 Mi float32 cells: 128 MiB for one chunk's dense score block
# Chunks scored at once by default: the sparse products and the partitions release the GIL.
THREADS = min(2, os.cpu_count() or 1)
SCORE_BITS = 20  # quantised scores are whole millionths: at most 1,000,000 < 2**20


@dataclass(frozen=True)
class Plan:
    """The required columns, stacked per min level like VacancyIndex.weights, compacted."""

    related: sparse.csr_matrix  # people's columns x used columns: related[:, used]
    min_level: np.ndarray  # of each used column
    weights: sparse.csr_matrix  # used columns x vacancies
    use: sparse.csr_matrix  # people's columns x vacancies: fit's term of each (module docstring)


def run(
    related: sparse.csr_matrix,
    affinity: sparse.csr_matrix,
    people: PeopleIndex,
    vacancies: VacancyIndex,
    k: int,
    people_chunk: int,
    threads: int = THREADS,
    rows: np.ndarray | None = None,
) -> Iterator[tuple[str, str, float]]:
    """(vacancy_id, person_id, score) of the union of both top-k selections, by vacancy id, for
    the consenting people among `rows` (every row by default); `threads` blocks are scored at
    once. Shards of one people index share its plan (`_plans`)."""
    plan = _plans.get(related, affinity, people, vacancies, threads)
    consenting = np.flatnonzero(people.consent)
    rows = consenting if rows is None else np.intersect1d(consenting, rows)
    if plan is None or k <= 0 or len(rows) == 0:
        return
    n_vacancies, n_people = len(vacancies.vacancies), len(people.people)
    # The dense block of a chunk stays under DENSE_CELLS whatever the number of vacancies.
    chunk = max(1, min(people_chunk, DENSE_CELLS // max(1, n_vacancies)))
    blocks = [rows[start : start + chunk] for start in range(0, len(rows), chunk)]
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    best = _Selection(n_vacancies, k, n_people)
    for block, (negated, (r, c)) in zip(
        blocks, _scored(people, blocks, plan, k, threads), strict=True
    ):
        found.append((block[r], c, -negated[r, c]))
        best.add(negated, block)
        del negated
    found.append(best.pairs())
    person, vacancy, score = (np.concatenate(parts) for parts in zip(*found, strict=True))
    _, first = np.unique(vacancy * n_people + person, return_index=True)
    person, vacancy, score = person[first], vacancy[first], score[first]
    order = _order(vacancy, score, person, n_people)
    person_ids = [p.id for p in people.people]
    vacancy_ids = [v.id for v in vacancies.vacancies]
    scores = (score[order].astype(np.float64) / 10_000).tolist()  # as credit.to_score
    for v, p, s in zip(vacancy[order].tolist(), person[order].tolist(), scores, strict=True):
        yield vacancy_ids[v], person_ids[p], s


def scores(
    related: sparse.csr_matrix,
    affinity: sparse.csr_matrix,
    people: PeopleIndex,
    vacancies: VacancyIndex,
    people_chunk: int = 4096,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(rows, scores) per chunk of people, consenting or not: the quantised scores (whole
    millionths, rows x vacancies, dense float32) that run ranks, for evaluations."""
    plan = _plan(related, affinity, people, vacancies)
    n_vacancies, n_people = len(vacancies.vacancies), len(people.people)
    chunk = max(1, min(people_chunk, DENSE_CELLS // max(1, n_vacancies)))
    for start in range(0, n_people, chunk):
        rows = np.arange(start, min(n_people, start + chunk), dtype=np.int64)
        if plan is None:
            yield rows, np.zeros((len(rows), n_vacancies), dtype=np.float32)
        else:
            yield rows, _chunk_scores(people, rows, plan)


def _scored(
    people: PeopleIndex, blocks: list[np.ndarray], plan: Plan, k: int, threads: int
) -> Iterator[tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]]:
    """Each block's negated scores and its people's top k, in order, `threads` at a time."""
    with ThreadPoolExecutor(threads) as pool:
        pending: deque[Future[tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]]] = deque()
        for block in blocks:
            pending.append(pool.submit(_score_block, people, block, plan, k))
            if len(pending) >= threads:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _score_block(
    people: PeopleIndex, rows: np.ndarray, plan: Plan, k: int
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """Negated quantised scores (rows x vacancies, dense float32) and each row's top k."""
    negated = _chunk_scores(people, rows, plan)
    # Negated, the best are the smallest: numpy's partition is many times faster selecting
    # the first k than the last k of rows that are mostly zeros.
    np.negative(negated, out=negated)
    return negated, _top_per_row(negated, k)


class _LastPlan:
    """The plan of the last (model, people index, vacancy index) asked for: the shards of a
    recompute score rows of one people index against one vacancy index, and building the plan
    (U above all) costs about as much as scoring a few thousand people. Held by weak references
    to the indexes, so a new index (a change) builds a new plan and the old indexes are not
    kept alive; the plan itself is kept until then."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._keys: tuple[weakref.ref[object], ...] = ()
        self._plan: Plan | None = None

    def get(
        self,
        related: sparse.csr_matrix,
        affinity: sparse.csr_matrix,
        people: PeopleIndex,
        vacancies: VacancyIndex,
        threads: int,
    ) -> Plan | None:
        objects = (related, affinity, people, vacancies)
        with self._lock:
            if len(self._keys) == 4 and all(
                key() is obj for key, obj in zip(self._keys, objects, strict=True)
            ):
                return self._plan
            self._keys, self._plan = (), None  # the old plan's memory back before the new
            plan = _plan(related, affinity, people, vacancies, threads)
            self._keys, self._plan = tuple(weakref.ref(obj) for obj in objects), plan
            return plan


_plans = _LastPlan()


def _plan(
    related: sparse.csr_matrix,
    affinity: sparse.csr_matrix,
    people: PeopleIndex,
    vacancies: VacancyIndex,
    threads: int = THREADS,
) -> Plan | None:
    """The stacked required columns in the people's column space; None when nothing is."""
    n_skills, width = related.shape[0], vacancies.n_columns
    # Vacancy columns in the people's column space: a URI outside the model that no person
    # has is -1 (nobody can cover it; it still counts in the vacancy's total weight).
    to_people = np.arange(width, dtype=np.int64)
    for uri, column in vacancies.extra.items():
        to_people[column] = people.extra.get(uri, -1)
    cells = vacancies.weights.tocoo()
    level, columns = cells.col // width + 1, to_people[cells.col % width]
    keep = columns >= 0
    stacked = (level[keep] - 1) * people.n_columns + columns[keep]
    used, compact = np.unique(stacked, return_inverse=True)
    if len(used) == 0:
        return None
    shape = (len(used), len(vacancies.vacancies))
    weights = sorted_csr(cells.data[keep], compact, cells.row[keep], shape)
    return Plan(
        _related_part(related, used % people.n_columns, n_skills, people.n_columns),
        used // people.n_columns + 1,
        weights,
        _use(affinity, people, vacancies, to_people, threads),
    )


def _use(
    affinity: sparse.csr_matrix,
    people: PeopleIndex,
    vacancies: VacancyIndex,
    to_people: np.ndarray,
    threads: int,
) -> sparse.csr_matrix:
    """U[i, v] = credit.fit_use(idf_i, best affinity[i, j] over v's required columns j) for the
    columns i people have (people's columns x vacancies, float32), built for a chunk of
    vacancies at a time in a dense scratch block (under DENSE_CELLS / 4)."""
    width, n_vacancies = people.n_columns, len(vacancies.vacancies)
    chunk = max(1, DENSE_CELLS // 4 // max(1, width))
    with ThreadPoolExecutor(threads) as pool:
        blocks = list(
            pool.map(
                lambda start: _use_block(
                    affinity, people, vacancies, to_people, start, min(n_vacancies, start + chunk)
                ),
                range(0, n_vacancies, chunk),
            )
        )
    if not blocks:
        return sparse.csr_matrix((width, n_vacancies), dtype=np.float32)
    use = sparse.hstack(blocks, format="csc").tocsr()
    use.sort_indices()
    return use


def _use_block(
    affinity: sparse.csr_matrix,
    people: PeopleIndex,
    vacancies: VacancyIndex,
    to_people: np.ndarray,
    start: int,
    stop: int,
) -> sparse.csc_matrix:
    """U's columns start..stop (a CSC block)."""
    n_skills, width = affinity.shape[0], people.n_columns
    scratch = np.zeros((stop - start) * width, dtype=np.float32)  # row-major: v * width + i
    pointer = vacancies.required.indptr[start : stop + 1]
    lengths = np.diff(pointer)
    # The k-th required column of every vacancy at once: within one k, no cell of the scratch
    # block is hit twice (one column per vacancy, each affinity row without repeats), so a
    # plain maximum over gathered cells is the running best, in the same order every time.
    for k in range(int(lengths.max()) if len(lengths) else 0):
        owners = np.flatnonzero(lengths > k)
        columns = to_people[vacancies.required.indices[pointer[owners] + k]]
        outside = columns >= n_skills  # outside the model: relates only to itself
        scratch[owners[outside] * width + columns[outside]] = 1.0
        inside = (columns >= 0) & ~outside
        owners, columns = owners[inside], columns[inside]
        lo = affinity.indptr[columns]
        counts = affinity.indptr[columns + 1] - lo
        positions = ranges(lo, counts)
        cells = np.repeat(owners * width, counts) + affinity.indices[positions]
        scratch[cells] = np.maximum(scratch[cells], affinity.data[positions])
    cells = np.flatnonzero(scratch)  # by vacancy, then column: CSC order
    v, i = np.divmod(cells, width)
    held = np.diff(people.column_ptr)[i] > 0  # columns nobody has are not needed
    v, i, cells = v[held], i[held], cells[held]
    values = credit.fit_use(people.idf[i], scratch[cells]).astype(np.float32)
    return sparse.csc_matrix(
        (values, i.astype(np.int32), pointers(v, stop - start)), shape=(width, stop - start)
    )


def _related_part(
    related: sparse.csr_matrix, used: np.ndarray, n_skills: int, n_columns: int
) -> sparse.csr_matrix:
    """related[:, used] over the people's columns; a column outside the model covers itself."""
    model = np.flatnonzero(used < n_skills)
    part = related[:, used[model]].tocoo()
    outside = np.flatnonzero(used >= n_skills)
    rows = np.concatenate((part.row, used[outside])).astype(np.int64)
    cols = np.concatenate((model[part.col], outside)).astype(np.int64)
    values = np.concatenate((part.data, np.ones(len(outside), np.float32))).astype(np.float32)
    return sorted_csr(values, rows, cols, (n_columns, len(used)))


def _chunk_scores(people: PeopleIndex, rows: np.ndarray, plan: Plan) -> np.ndarray:
    """Quantised scores of these people against every vacancy: dense float32 rows x vacancies."""
    dense = (_credits(people, rows, plan) @ plan.weights).toarray()
    dense = dense.astype(np.float32, copy=False)
    # credit.blend, in place: each product rounded to float32, then the sum.
    dense *= credit.COVER
    fit = credit.fit(
        (_distinct_skills(people, rows) @ plan.use).toarray(), people.specificity[rows][:, None]
    )
    fit *= credit.FIT
    dense += fit
    return credit.quantise(dense)


def _distinct_skills(people: PeopleIndex, rows: np.ndarray) -> sparse.csr_matrix:
    """Indicator of each person's (row's) distinct columns: CSR, float32, rows x columns."""
    starts = people.row_ptr[rows]
    counts = people.row_ptr[rows + 1] - starts
    entries = ranges(starts, counts)
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), counts)
    columns = people.column[entries].astype(np.int64)
    first = people.distinct[entries]
    ones = np.ones(int(first.sum()), dtype=np.float32)
    return sorted_csr(ones, owner[first], columns[first], (len(rows), people.n_columns))


def _credits(people: PeopleIndex, rows: np.ndarray, plan: Plan) -> sparse.csr_matrix:
    """Best credit of each person (row) for each used column: CSR, float32, sorted."""
    related = plan.related
    starts = people.row_ptr[rows]
    counts = people.row_ptr[rows + 1] - starts
    entries = ranges(starts, counts)
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), counts)
    columns = people.column[entries]
    lo = related.indptr[columns]
    n = related.indptr[columns + 1] - lo
    positions = ranges(lo, n)
    target = related.indices[positions]
    factor = credit.FACTOR[
        np.repeat(people.source[entries], n),
        np.repeat(people.level[entries], n),
        plan.min_level[target],
    ]
    width = related.shape[1]
    key = np.repeat(owner, n) * width + target
    values = related.data[positions] * factor
    order = np.argsort(key, kind="stable")
    key, values = key[order], values[order]
    if len(key):
        first = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
        key, values = key[first], np.maximum.reduceat(values, first)
    matrix = sparse.csr_matrix(
        (values, (key % width).astype(np.int32), pointers(key // width, len(rows))),
        shape=(len(rows), width),
    )
    matrix.has_sorted_indices = True
    return matrix


def _top_per_row(negated: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's k best scores above 0; ties go to the lower column."""
    n_rows, n_cols = negated.shape
    if n_cols > k:
        part = negated.copy()
        part.partition(k - 1, axis=1)
        bar = np.minimum(part[:, k - 1], -1.0)
        del part
    else:
        bar = np.full(n_rows, -1.0, dtype=np.float32)
    r, c = np.nonzero(negated <= bar[:, None])
    order = _order(r, -negated[r, c], c, n_cols)
    r, c = r[order], c[order]
    keep = _rank_in_group(r) < k
    return r[keep], c[keep]


def _order(group: np.ndarray, score: np.ndarray, tie: np.ndarray, n_tie: int) -> np.ndarray:
    """The argsort by group, then score descending, then tie (each a non-negative integer)."""
    group, tie = group.astype(np.int64), tie.astype(np.int64)
    tie_bits = max(1, int(n_tie).bit_length())
    group_bits = max(1, int(group.max()).bit_length()) if len(group) else 1
    if group_bits + SCORE_BITS + tie_bits > 62:
        return np.lexsort((tie, -score, group))
    # One int64 key sorts several times faster than a three-key lexsort.
    key = group << (SCORE_BITS + tie_bits)
    key |= ((1 << SCORE_BITS) - 1 - score.astype(np.int64)) << tie_bits
    key |= tie
    return np.argsort(key, kind="stable")


def _rank_in_group(groups: np.ndarray) -> np.ndarray:
    """0, 1, 2, ... within each run of equal values of a grouped array."""
    if len(groups) == 0:
        return groups
    starts = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
    lengths = np.diff(np.concatenate((starts, [len(groups)])))
    return np.arange(len(groups)) - np.repeat(starts, lengths)


class _Selection:
    """Each vacancy's best k (person row, score) so far, best first; ties to the lower row.

    Dense vacancies x k arrays (score 0 = empty), so a chunk only touches the vacancies that
    got a candidate good enough to enter.
    """

    def __init__(self, n_vacancies: int, k: int, n_people: int) -> None:
        self.k, self.n_people = k, n_people
        self.score = np.zeros((n_vacancies, k), dtype=np.float32)
        self.row = np.zeros((n_vacancies, k), dtype=np.int64)

    def add(self, negated: np.ndarray, rows: np.ndarray) -> None:
        """Take a chunk's candidates (negated scores: chunk rows x vacancies) into the selection."""
        kth = self.score[:, -1]
        # Scores are whole numbers, and later chunks hold higher rows: a full vacancy only
        # takes scores at least one above its k-th.
        bar = np.where(kth > 0, -kth - 1.0, -1.0).astype(np.float32)
        open_ = np.flatnonzero(kth == 0)
        if len(open_) and negated.shape[0] > self.k:
            # Vacancies short of k so far use this chunk's own k-th best as the bar.
            part = negated[:, open_]
            part.partition(self.k - 1, axis=0)
            bar[open_] = np.minimum(part[self.k - 1], -1.0)
            del part
        r, c = np.nonzero(negated <= bar[None, :])
        if len(c):
            self._merge(rows[r], c, -negated[r, c])

    def _merge(self, row: np.ndarray, vacancy: np.ndarray, score: np.ndarray) -> None:
        touched = np.unique(vacancy)
        held = self.score[touched] > 0
        row = np.concatenate((self.row[touched][held], row))
        score = np.concatenate((self.score[touched][held], score))
        vacancy = np.concatenate((np.repeat(touched, held.sum(axis=1)), vacancy))
        order = _order(vacancy, score, row, self.n_people)
        row, vacancy, score = row[order], vacancy[order], score[order]
        rank = _rank_in_group(vacancy)
        keep = rank < self.k
        self.score[touched] = 0.0
        self.score[vacancy[keep], rank[keep]] = score[keep]
        self.row[vacancy[keep], rank[keep]] = row[keep]

    def pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(person row, vacancy, score) of every kept entry."""
        vacancy, slot = np.nonzero(self.score > 0)
        return self.row[vacancy, slot], vacancy, self.score[vacancy, slot]

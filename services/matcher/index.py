"""People and vacancies as flat arrays, sorted by id, ready for the vectorised paths.

Rows are kept in id order so that "ties by id" is "ties by row". Skills outside the model
(a URI the taxonomy does not have) get extra columns after the model's, numbered in URI order;
they cover only themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from . import credit
from .similarity import SkillModel
from .types import Person, Vacancy


@dataclass(frozen=True, eq=False)
class PeopleIndex:
    """People's skills as entries (row, column, source code, level), sorted by row then column."""

    people: tuple[Person, ...]  # sorted by id
    model_version: str
    extra: dict[str, int]  # URIs outside the model -> their column
    n_columns: int
    row_ptr: np.ndarray  # entries of row p: row_ptr[p]:row_ptr[p + 1]
    column: np.ndarray
    source: np.ndarray
    level: np.ndarray
    row_of: np.ndarray  # the row of each entry
    distinct: np.ndarray  # whether each entry is its row's first of its column (fit counts once)
    # The entries again in column order (then row), for the one-vacancy path: those of column c
    # are positions column_ptr[c]:column_ptr[c + 1] of these arrays.
    column_ptr: np.ndarray
    column_row: np.ndarray  # the row of each entry
    column_factor: np.ndarray  # MAX_LEVEL x entries, float32: credit.FACTOR at min level 1..4
    column_distinct: np.ndarray
    specificity: np.ndarray  # per row, float32: sum of idf over distinct skills (fit, exact)
    idf: np.ndarray  # per column, float64: the model's idf, the unknown idf for extra columns
    rung: np.ndarray
    consent: np.ndarray
    latitude: np.ndarray  # NaN when unknown
    longitude: np.ndarray


@dataclass(frozen=True, eq=False)
class VacancyIndex:
    """Vacancies' required skills as one stacked weight matrix."""

    vacancies: tuple[Vacancy, ...]  # sorted by id
    model_version: str
    extra: dict[str, int]  # URIs outside the model -> their column
    n_columns: int
    # vacancies x (MAX_LEVEL * n_columns), float32: column (m - 1) * n_columns + c holds the
    # weight of column c required at min level m, so a row in column order is summation order.
    weights: sparse.csr_matrix
    # vacancies x n_columns, float32: the idf of each required column (either relation, any
    # min level), for the fit term's numerators (credit.py).
    required: sparse.csr_matrix
    required_by_column: sparse.csc_matrix  # the same by column: who requires a column
    rung: np.ndarray
    contract_kind: np.ndarray
    latitude: np.ndarray
    longitude: np.ndarray


def _extra_columns(uris: set[str], model: SkillModel) -> dict[str, int]:
    outside = sorted(uri for uri in uris if uri not in model.index)
    return {uri: len(model.skill_uris) + i for i, uri in enumerate(outside)}


def _coordinates(items: Sequence[Person] | Sequence[Vacancy]) -> tuple[np.ndarray, np.ndarray]:
    lat = [np.nan if x.latitude is None or x.longitude is None else x.latitude for x in items]
    lon = [np.nan if x.latitude is None or x.longitude is None else x.longitude for x in items]
    return np.array(lat, dtype=np.float64), np.array(lon, dtype=np.float64)


def index_people(model: SkillModel, people: Sequence[Person]) -> PeopleIndex:
    """Flatten people into arrays (see PeopleIndex)."""
    ordered = tuple(sorted(people, key=lambda p: p.id))
    # Flat lists of strings and ints, no tuples: creating millions of tracked objects would
    # set off the garbage collector over every person already in memory.
    skills = [s for p in ordered for s in p.skills]
    uris = [s.uri for s in skills]
    sources = [s.source for s in skills]
    levels = [s.level for s in skills]
    for source in set(sources):
        credit.source_code(source)  # refuses an unknown source before anything is built
    extra = _extra_columns(set(uris), model)
    columns = model.index | extra
    row_of = np.repeat(np.arange(len(ordered)), [len(p.skills) for p in ordered])
    column = np.array([columns[uri] for uri in uris], dtype=np.int64)
    order = np.lexsort((column, row_of))  # within a person, by column
    column, row_of = column[order], row_of[order].astype(np.int64)
    codes = np.array([credit.SOURCE_CODE[source] for source in sources], dtype=np.int8)[order]
    clipped_levels = np.clip(np.array(levels, dtype=np.int64), 1, credit.MAX_LEVEL)[order]
    n_columns = len(model.skill_uris) + len(extra)
    # Fit's denominators: each person's distinct columns (entries are sorted by row, column).
    distinct = np.ones(len(column), dtype=bool)
    distinct[1:] = (column[1:] != column[:-1]) | (row_of[1:] != row_of[:-1])
    idf = column_idf(model, n_columns)
    total = np.bincount(row_of[distinct], weights=idf[column[distinct]], minlength=len(ordered))
    lat, lon = _coordinates(ordered)
    by_column = np.argsort(column, kind="stable")
    factor = credit.FACTOR[codes[by_column], clipped_levels[by_column]]  # entries x levels
    return PeopleIndex(
        people=ordered,
        model_version=model.version,
        extra=extra,
        n_columns=n_columns,
        row_ptr=pointers(row_of, len(ordered)),
        column=column.astype(np.int32),
        source=codes,
        level=clipped_levels.astype(np.int8),
        row_of=row_of,
        distinct=distinct,
        column_ptr=pointers(column, n_columns),
        column_row=row_of[by_column],
        column_factor=np.ascontiguousarray(factor[:, 1:].T),
        column_distinct=distinct[by_column],
        specificity=total.astype(np.float32),  # whole 1/1024ths: exact
        idf=idf,
        rung=np.array([p.ladder_rung for p in ordered], dtype=np.int16),
        consent=np.array([p.consent_matching for p in ordered], dtype=bool),
        latitude=lat,
        longitude=lon,
    )


def index_vacancies(model: SkillModel, vacancies: Sequence[Vacancy]) -> VacancyIndex:
    """Flatten vacancies into one stacked weight matrix (see VacancyIndex)."""
    ordered = tuple(sorted(vacancies, key=lambda v: v.id))
    skills = [s for v in ordered for s in v.skills]
    uris = [s.uri for s in skills]
    extra = _extra_columns(set(uris), model)
    columns = model.index | extra
    n_columns = len(model.skill_uris) + len(extra)
    rows = np.repeat(np.arange(len(ordered), dtype=np.int64), [len(v.skills) for v in ordered])
    key = rows * n_columns + np.array([columns[uri] for uri in uris], dtype=np.int64)
    # A URI listed twice counts once, at its strictest, as in credit.requirements.
    unique, inverse = np.unique(key, return_inverse=True)
    essential = np.zeros(len(unique), dtype=np.int8)
    np.maximum.at(essential, inverse, [s.relation == "essential" for s in skills])
    min_level = np.ones(len(unique), dtype=np.int64)
    np.maximum.at(min_level, inverse, np.clip([s.min_level for s in skills], 1, credit.MAX_LEVEL))
    row, column = unique // n_columns, unique % n_columns
    relation = np.where(essential == 1, credit.WEIGHT["essential"], credit.WEIGHT["optional"])
    idf = column_idf(model, n_columns)
    weight = relation * idf[column]  # exact: see credit.requirements
    total = np.bincount(row, weights=weight, minlength=len(ordered))
    # float64 division then float32, exactly as credit.requirements computes each weight.
    values = (weight / total[row]).astype(np.float32)
    stacked = (min_level - 1) * n_columns + column
    shape = (len(ordered), credit.MAX_LEVEL * n_columns)
    lat, lon = _coordinates(ordered)
    required = sorted_csr(idf[column].astype(np.float32), row, column, (len(ordered), n_columns))
    by_column = required.tocsc()
    by_column.sort_indices()
    return VacancyIndex(
        vacancies=ordered,
        model_version=model.version,
        extra=extra,
        n_columns=n_columns,
        weights=sorted_csr(values, row, stacked, shape),
        required=required,
        required_by_column=by_column,
        rung=np.array([v.ladder_rung for v in ordered], dtype=np.int16),
        contract_kind=np.array([v.contract_kind for v in ordered], dtype=object),
        latitude=lat,
        longitude=lon,
    )


def column_idf(model: SkillModel, n_columns: int) -> np.ndarray:
    """The idf of each column, float64: model skills', then the unknown idf for extra ones."""
    outside = np.full(max(0, n_columns - len(model.skill_uris)), model.unknown_idf)
    return np.concatenate((model.idf.astype(np.float64), outside))


def pointers(keys: np.ndarray, n: int) -> np.ndarray:
    """CSR-style pointers for sorted-or-grouped integer keys in 0..n-1."""
    counts = np.bincount(keys, minlength=n) if len(keys) else np.zeros(n, dtype=np.int64)
    return np.concatenate(([0], np.cumsum(counts))).astype(np.int64)


def sorted_csr(
    values: np.ndarray, rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]
) -> sparse.csr_matrix:
    """A CSR matrix from entries with unique (row, col), indices sorted, dtype kept."""
    order = np.lexsort((cols, rows))
    rows, cols, values = rows[order], cols[order], values[order]
    indptr = pointers(rows.astype(np.int64), shape[0])
    matrix = sparse.csr_matrix((values, cols.astype(np.int32), indptr), shape=shape)
    matrix.has_sorted_indices = True
    return matrix


def ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The concatenation of arange(s, s + n) for each start s and count n."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(counts) - counts
    return np.arange(total, dtype=np.int64) - np.repeat(offsets - starts, counts)

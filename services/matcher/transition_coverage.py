"""Transition similarity and training gap: how well one occupation's skills cover another's.

Nesta's method (Kanders et al. 2020, "Mapping career causeways") on the matcher's skill model.

Similarity, asymmetric: how well the origin's skills cover the destination's essential skills.
sim(o -> d) = sum_j idf_j c_oj / sum_j idf_j over d's essential skills j, with idf the
matcher's specificity (similarity.py) and c_oj the best credit o's skills give for j: the max
over o's skills i of related[i, j] (1.0 for j itself, at most RELATED_CAP for a related skill)
times ORIGIN_FACTOR of i (essential 1; optional 0.5, as not every worker in o has an optional
skill, and Nesta's skills facet half counts all-to-essential, half essential-to-essential).
A max, as Nesta pairs each destination skill with its best origin skill and as credit.py does.
A destination without essential skills has similarity 0 and is never a destination.
Similarities and gaps are rounded to 4 decimals.

Training gap of a step: sum over the destination's essential skills of (1 - c_oj): skill
equivalents to learn. A skill the origin lacks counts 1, one a related skill half covers 0.5.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .index import ranges
from .similarity import SkillModel
from .types import TaxonomyData

ORIGIN_FACTOR = {"essential": 1.0, "optional": 0.5}
DECIMALS = 4


@dataclass(frozen=True, eq=False)
class Coverage:
    """Similarity and training gap of every ordered pair of occupations (dense, origin rows)."""

    uris: list[str]  # occupations, rows and columns in this order
    similarity: np.ndarray  # n x n float32 [origin, destination]
    gap: np.ndarray  # n x n float32 [origin, destination]
    skill_uris: list[str]  # the skills some occupation lists as essential, model order
    credit: np.ndarray  # skills x n float32: each origin's best credit for each such skill
    essential: sparse.csr_matrix  # n x skills 0/1: each occupation's essential skills


def coverage(data: TaxonomyData, model: SkillModel, uris: Sequence[str]) -> Coverage:
    """Similarity and gap of every ordered pair among `uris` (module docstring)."""
    position = {uri: i for i, uri in enumerate(uris)}
    factor: dict[tuple[int, str], float] = {}
    for occupation, skill, relation in data.occupation_skills:
        if occupation in position:
            key = (position[occupation], skill)
            factor[key] = max(factor.get(key, 0.0), ORIGIN_FACTOR[relation])
    columns = _columns(model, {skill for _, skill in factor})
    essential_keys = sorted(k for k, v in factor.items() if v == ORIGIN_FACTOR["essential"])
    used = sorted({columns[skill] for _, skill in essential_keys})
    row_of = np.full(len(columns), -1, dtype=np.int64)
    row_of[used] = np.arange(len(used))
    skill_uris = sorted(columns, key=columns.__getitem__)
    credit_matrix = _best_credit(factor, columns, model, row_of, len(uris))
    rows = [o for o, _ in essential_keys]
    cols = [int(row_of[columns[s]]) for _, s in essential_keys]
    essential = _zero_one(rows, cols, (len(uris), len(used)))
    idf = np.array([model.specificity(skill_uris[c]) for c in used], dtype=np.float64)
    weights = sparse.csr_matrix(essential.multiply(idf[None, :]))
    totals = np.asarray(weights.sum(axis=1)).ravel()
    scale = np.divide(1.0, totals, where=totals > 0, out=np.zeros_like(totals))
    weighted = sparse.csr_matrix(sparse.diags(scale) @ weights, dtype=np.float32)
    similarity = np.asarray(weighted @ credit_matrix, dtype=np.float32).T
    counts = np.diff(essential.indptr).astype(np.float32)
    covered = np.asarray(essential @ credit_matrix, dtype=np.float32).T
    gap = np.maximum(counts[None, :] - covered, np.float32(0.0))
    return Coverage(
        list(uris),
        np.round(np.ascontiguousarray(similarity), DECIMALS),
        np.round(np.ascontiguousarray(gap), DECIMALS),
        [skill_uris[c] for c in used],
        credit_matrix,
        essential,
    )


def _zero_one(rows: list[int], cols: list[int], shape: tuple[int, int]) -> sparse.csr_matrix:
    """A float32 matrix with 1 at each (row, col)."""
    return sparse.csr_matrix(
        (np.ones(len(rows), np.float32), (np.array(rows, np.int64), np.array(cols, np.int64))),
        shape=shape,
    )


def _columns(model: SkillModel, skills: set[str]) -> dict[str, int]:
    """Model skills at their index; others after them in URI order (they cover only themselves)."""
    columns = dict(model.index)
    for uri in sorted(skills - columns.keys()):
        columns[uri] = len(columns)
    return columns


def _best_credit(
    factor: dict[tuple[int, str], float],
    columns: dict[str, int],
    model: SkillModel,
    row_of: np.ndarray,
    n: int,
) -> np.ndarray:
    """credit[s, o] = max over o's skills i of related[i, s] * ORIGIN_FACTOR (float32)."""
    result = np.zeros((int((row_of >= 0).sum()), n), dtype=np.float32)
    if not factor:
        return result
    owner = np.array([o for o, _ in factor], dtype=np.int64)
    column = np.array([columns[s] for _, s in factor], dtype=np.int64)
    value = np.array(list(factor.values()), dtype=np.float32)
    inside = column < model.related.shape[0]
    related = model.related
    starts = related.indptr[column[inside]]
    counts = related.indptr[column[inside] + 1] - starts
    positions = ranges(starts, counts)
    targets = np.concatenate([related.indices[positions], column[~inside]])
    owners = np.concatenate([np.repeat(owner[inside], counts), owner[~inside]])
    values = np.concatenate(
        [related.data[positions] * np.repeat(value[inside], counts), value[~inside]]
    )
    keep = row_of[targets] >= 0
    np.maximum.at(result, (row_of[targets[keep]], owners[keep]), values[keep])
    return result

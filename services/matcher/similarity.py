"""Skill-to-skill similarity learned from the taxonomy itself: which skill covers which, partly.

Three signals, combined as a probabilistic OR so that each can only raise a similarity:
- co-occurrence: skills as documents over occupations (TF-IDF, so that occupations asking for
  many skills say less about each pair), compared by exact sparse cosine;
- the hierarchy: skills that share a broader skill or group, and a skill and its broader skill;
- explicit ESCO skill-skill relations, which are curated and therefore always kept.
Each skill keeps its `neighbours` most similar skills at or above `min_similarity`; the matrix
is then made symmetric (a pair counts if either side keeps it) and scaled by RELATED_CAP so a
related skill never counts as much as the skill itself. The diagonal is 1.0.

The model also holds each skill's specificity, an inverse document frequency over occupations:
idf_j = log(1 + N / (1 + df_j)), N occupations of which df_j list skill j (either relation).
A skill that hundreds of occupations ask for ("work in teams") says little about which job a
person fits; one that two occupations ask for says a lot. The scorer weighs each required skill
by it (credit.py). Values are rounded to whole 1/1024ths (at least one), so that the weights and
their sums are exact in float64 whatever the order they are added in. A skill outside the model
(a URI the taxonomy does not have) gets the median idf of the skills occupations list: nothing
is known about how specific it is, so it counts as a typical skill, neither dominating a vacancy
nor vanishing from it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from .types import TaxonomyData

METHOD_VERSION = "tfidf-cosine+hierarchy+explicit+idf/2"

OPTIONAL_WEIGHT = 0.5  # an optional skill says less about an occupation than an essential one
HIERARCHY_WEIGHT = 0.7  # siblings with no co-occurrence end at 0.35: just above the default cut
EXPLICIT_SIMILARITY = 0.8  # an ESCO skill-skill relation, before the cap
# The most a related skill is worth, against 1.0 for the skill itself. A related skill shows a
# person could pick a skill up, not that they have it: at most half. (It was 0.7 before skills
# were weighed by idf; related credit flows mostly between specific, co-occurring skills, which
# now weigh the most, so at 0.7 a neighbouring occupation's vacancy caught up with the own one.)
RELATED_CAP = 0.5
DECIMALS = 4  # stored values are rounded: float noise below this never shows in a score
IDF_STEP = 1024  # idf values are whole 1/1024ths: exact sums (see the module docstring)
CHUNK = 1024  # rows of the cosine computed at once: 1024 x 13,896 float32 is 57 MB


@dataclass(frozen=True, eq=False)
class SkillModel:
    """Skills, their index, and related[i, j]: the credit skill i gives for skill j (symmetric)."""

    skill_uris: list[str]
    index: dict[str, int]
    related: sparse.csr_matrix  # n x n float32 in [0, 1]; diagonal 1.0; off-diagonal <= cap
    version: str
    labels: dict[str, tuple[str, str | None]]
    idf: np.ndarray  # n float32: each skill's specificity over occupations (module docstring)
    unknown_idf: float  # the idf of a skill outside the model: the median of listed skills'

    def specificity(self, uri: str) -> float:
        """The idf of a skill, also of one outside the model (as float64, exactly)."""
        column = self.index.get(uri, -1)
        return float(self.idf[column]) if column >= 0 else self.unknown_idf


def build_skill_model(
    data: TaxonomyData, *, neighbours: int = 10, min_similarity: float = 0.3
) -> SkillModel:
    """Learn the skill-to-skill similarity from `data`; same input, same matrix and version."""
    uris = sorted(set(data.skill_uris))
    index = {uri: i for i, uri in enumerate(uris)}
    kept = _top_neighbours(
        _cooccurrence_vectors(data, index),
        _hierarchy_vectors(data, index),
        _explicit_pairs(data, index),
        neighbours,
        min_similarity,
    )
    related = _finish(kept, len(uris))
    labels = {uri: data.labels[uri] for uri in uris if uri in data.labels}
    idf, unknown_idf = _specificity(data, index)
    params: dict[str, object] = {
        "neighbours": neighbours,
        "min_similarity": min_similarity,
        "idf": hashlib.sha256(idf.tobytes()).hexdigest()[:12],
        "unknown_idf": unknown_idf,
    }
    version = model_version(data, params)
    return SkillModel(uris, index, related, version, labels, idf, unknown_idf)


def _specificity(data: TaxonomyData, index: dict[str, int]) -> tuple[np.ndarray, float]:
    """Each skill's idf over occupations (float32, whole 1/1024ths) and the idf for unknowns."""
    occupations = set(data.occupation_uris) | {o for o, _, _ in data.occupation_skills}
    pairs = {(o, s) for o, s, _ in data.occupation_skills if s in index}
    df = np.zeros(len(index), dtype=np.float64)
    for _, skill in pairs:
        df[index[skill]] += 1
    raw = np.log1p(len(occupations) / (1.0 + df))
    # At least one step: with no occupations at all every skill weighs the same, not nothing.
    idf = np.maximum(np.round(raw * IDF_STEP), 1.0) / IDF_STEP
    listed = idf[df > 0]
    typical = np.median(listed) if len(listed) else (idf.max() if len(idf) else 1.0)
    unknown = max(round(float(typical) * IDF_STEP), 1) / IDF_STEP
    return idf.astype(np.float32), unknown


def model_version(data: TaxonomyData, params: dict[str, object]) -> str:
    """A short hash of the method, the taxonomy and the parameters."""
    taxonomy = data.fingerprint or _content_digest(data)
    text = json.dumps([METHOD_VERSION, taxonomy, params], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _content_digest(data: TaxonomyData) -> str:
    # Without an import fingerprint the content itself stands for the taxonomy.
    digest = hashlib.sha256()
    for part in (
        sorted(data.skill_uris),
        sorted(data.occupation_uris),
        sorted(data.occupation_skills),
        sorted(data.skill_relations),
        sorted(data.skill_broader),
    ):
        digest.update(json.dumps(part).encode())
    return digest.hexdigest()


def _cooccurrence_vectors(data: TaxonomyData, index: dict[str, int]) -> sparse.csr_matrix:
    """Unit-length skill rows over occupations, TF-IDF weighted (zero for skills in none)."""
    occupations = sorted(set(data.occupation_uris) | {o for o, _, _ in data.occupation_skills})
    occ_index = {uri: i for i, uri in enumerate(occupations)}
    cells: dict[tuple[int, int], float] = {}
    for occupation, skill, relation in data.occupation_skills:
        if skill in index:
            key = (index[skill], occ_index[occupation])
            value = 1.0 if relation == "essential" else OPTIONAL_WEIGHT
            cells[key] = max(cells.get(key, 0.0), value)
    shape = (len(index), len(occupations))
    if not cells:
        return sparse.csr_matrix(shape, dtype=np.float32)
    keys = sorted(cells)
    rows, cols = (np.array(a, dtype=np.int64) for a in zip(*keys, strict=True))
    counts = sparse.csr_matrix(([cells[key] for key in keys], (rows, cols)), shape=shape)
    # Skills are the documents and occupations the terms: an occupation that asks for many
    # skills says less about any one pair of them.
    weighted = TfidfTransformer(norm="l2", sublinear_tf=False).fit_transform(counts)
    return sparse.csr_matrix(weighted, dtype=np.float32)


def _hierarchy_vectors(data: TaxonomyData, index: dict[str, int]) -> sparse.csr_matrix:
    """Rows over {the skill itself} + {its broader concepts}, unit length.

    A dot product is then 0.5 for siblings under one broader concept and for a skill and its
    broader skill, less when a skill has several broader concepts.
    """
    groups: dict[str, int] = dict(index)
    pairs = {(i, i) for i in range(len(index))}
    if not pairs:
        return sparse.csr_matrix((0, 0), dtype=np.float32)
    for skill, broader in sorted(set(data.skill_broader)):
        if skill in index:
            pairs.add((index[skill], groups.setdefault(broader, len(groups))))
    rows, cols = (np.array(a, dtype=np.int64) for a in zip(*sorted(pairs), strict=True))
    vectors = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(index), len(groups))
    )
    return normalize(vectors).astype(np.float32)


def _explicit_pairs(data: TaxonomyData, index: dict[str, int]) -> sparse.csr_matrix:
    """A symmetric 0/1 matrix of the explicit skill-skill relations."""
    pairs = {
        (index[a], index[b])
        for a, b in data.skill_relations
        if a in index and b in index and a != b
    }
    pairs |= {(b, a) for a, b in pairs}
    n = len(index)
    if not pairs:
        return sparse.csr_matrix((n, n), dtype=np.float32)
    rows, cols = (np.array(a, dtype=np.int64) for a in zip(*sorted(pairs), strict=True))
    return sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(n, n))


def _top_neighbours(
    cooccurrence: sparse.csr_matrix,
    hierarchy: sparse.csr_matrix,
    explicit: sparse.csr_matrix,
    neighbours: int,
    min_similarity: float,
) -> sparse.coo_matrix:
    """Per skill: its top `neighbours` by combined similarity, plus its explicit relations."""
    n = hierarchy.shape[0]
    if n == 0:
        return sparse.coo_matrix((0, 0), dtype=np.float32)
    cooccurrence_t = cooccurrence.T.tocsr()
    hierarchy_t = hierarchy.T.tocsr()
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for start in range(0, n, CHUNK):
        stop = min(n, start + CHUNK)
        block = _combined_block(
            (cooccurrence[start:stop], cooccurrence_t),
            (hierarchy[start:stop], hierarchy_t),
            explicit[start:stop],
            start,
        )
        picked = _pick(block, neighbours, min_similarity) | (explicit[start:stop].toarray() > 0)
        r, c = np.nonzero(picked)
        rows.append(r + start)
        cols.append(c)
        values.append(block[r, c])
    return sparse.coo_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    )


def _combined_block(
    cooccurrence: tuple[sparse.csr_matrix, sparse.csr_matrix],
    hierarchy: tuple[sparse.csr_matrix, sparse.csr_matrix],
    explicit: sparse.csr_matrix,
    start: int,
) -> np.ndarray:
    """Rows start.. of the combined similarity (each signal as rows, transposed), diagonal 0."""
    block = np.minimum((cooccurrence[0] @ cooccurrence[1]).toarray(), np.float32(1.0))
    # A probabilistic OR, only where the hierarchy says something: it can only raise a value.
    siblings = (hierarchy[0] @ hierarchy[1]).tocoo()
    r, c = siblings.row, siblings.col
    block[r, c] = 1.0 - (1.0 - block[r, c]) * (1.0 - HIERARCHY_WEIGHT * siblings.data)
    pairs = explicit.tocoo()
    block[pairs.row, pairs.col] = np.maximum(block[pairs.row, pairs.col], EXPLICIT_SIMILARITY)
    block[np.arange(block.shape[0]), np.arange(start, start + block.shape[0])] = 0.0
    return block


def _pick(block: np.ndarray, neighbours: int, min_similarity: float) -> np.ndarray:
    """A mask of each row's top `neighbours` at or above `min_similarity`; ties by column."""
    keep = block >= min_similarity
    if neighbours >= block.shape[1]:
        return keep
    if neighbours <= 0:
        return np.zeros_like(keep)
    kth = -np.partition(-block, neighbours - 1, axis=1)[:, neighbours - 1 : neighbours]
    picked = keep & (block >= kth)
    # Where ties at the k-th value would keep too many, the lowest columns win.
    for row in np.flatnonzero(picked.sum(axis=1) > neighbours):
        above = block[row] > kth[row, 0]
        at = np.flatnonzero(picked[row] & ~above)
        picked[row, at[neighbours - int((above & keep[row]).sum()) :]] = False
    return picked


def _finish(kept: sparse.coo_matrix, n: int) -> sparse.csr_matrix:
    """Symmetric, capped, with 1.0 on the diagonal; float32 with sorted indices."""
    scaled = kept.tocsr().astype(np.float32) * np.float32(RELATED_CAP)
    # The blocks have a zero diagonal, so adding the identity sets it to exactly 1.0.
    result = (scaled.maximum(scaled.T) + sparse.identity(n, np.float32, format="csr")).tocsr()
    result.data = np.round(result.data, DECIMALS).astype(np.float32)
    result.sort_indices()
    return result

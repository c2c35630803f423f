"""Skill-to-skill similarity learned from the taxonomy itself: which skill covers which, partly.

Four signals, each in [0, 1], combined as a probabilistic OR so that each can only raise a
similarity:
- the hierarchy: skills under one broader concept (siblings), and a skill and its broader
  skill. A broader URI that is itself a skill is a skill parent: its children are variants of
  one skill (PARENT_WEIGHT, 1.0); otherwise it is a skill group, which gathers the skills of a
  field (GROUP_WEIGHT, 0.8: a group sibling counts less). Siblings under several concepts take
  the best. Not weighed by the concept's size: a group of 200 is no weaker a hint than one of
  20 for any one pair of its members (a size weight was tried, log(n / members) / log(n), and
  lost most of what sibling credit gains on the evaluation's neighbours people);
- explicit ESCO skill-skill relations (EXPLICIT_SIMILARITY), which are curated and therefore
  always kept;
- co-occurrence: skills as documents over occupations (TF-IDF, so that occupations asking for
  many skills say less about each pair), compared by exact sparse cosine;
- semantic similarity, when the taxonomy comes with skill vectors (types.SkillVectors: the
  sentence encoder's vector of each English preferred label): ranks, not raw cosines, since
  label cosines crowd together (siblings separate from random pairs only weakly, AUC about
  0.8) and their scale is the encoder's. Each skill's SEMANTIC_TOP nearest labels by cosine
  (at most the nearest SEMANTIC_SHARE of the other skills, for small taxonomies) get
  SEMANTIC_WEIGHT times 1 - rank / SEMANTIC_TOP (the nearest most).
Each skill keeps its `neighbours` (NEIGHBOURS) most similar skills at or above
`min_similarity` plus its explicit relations; among siblings of equal hierarchy weight the other
signals decide who is kept. The matrix is then made symmetric (a pair counts if either side
keeps it) and scaled by RELATED_CAP so a related skill never counts as much as the skill itself
(a group sibling gives 0.4, a parent sibling 0.5). The diagonal is 1.0. That is `related`, the
credit coverage and the explanations use (credit.py). `affinity`, which fit uses, is built the
same way with FIT_NEIGHBOURS per skill, taken in the same order: related <= affinity.

Why these widths: a skill group holds a median of 53 skills (the largest over 200), and a person
who learned one skill of a group may hold any other. With only the 10 nearest kept (method
version 2) a sibling drawn at random was almost never among them, and related credit found
nothing to give. Fit asks whether a vacancy lies in the person's field, and needs nearly all
siblings: FIT_NEIGHBOURS = 100 keeps all of them for most skills (the median skill has 56 over
its broader concepts, the 75th percentile 96); on the evaluation's neighbours people 60 put 2
points fewer in the top 10, 200 none more. Coverage credits a neighbour in place of a skill the
person lacks; it gains little past the nearest 30 (under a point in the top 10 with 100), while
its cost grows with every neighbour, since the recompute expands each of a person's skills into
the requirements it covers (bench/matcher_perf.py). More neighbours never let weak relations add
up: the scorer takes the best credit per required skill, never a sum (credit.py).

The model also holds each skill's specificity, an inverse document frequency over occupations:
idf_j = log(1 + N / (1 + df_j)), N occupations of which df_j list skill j (either relation).
A skill that hundreds of occupations ask for ("work in teams") says little about which job a
person fits; one that two occupations ask for says a lot. The scorer weighs each required skill
by it (credit.py). Values are rounded to whole 1/1024ths (at least one), so that the weights and
their sums are exact in float64 whatever the order they are added in. A skill outside the model
(a URI the taxonomy does not have) gets the median idf of the skills occupations list: nothing
is known about how specific it is, so it counts as a typical skill, neither dominating a vacancy
nor vanishing from it.

Deterministic: same input, same matrix and version. Pairs are built in URI order, ties in a
top-k go to the lower column, and cosines of label vectors are rounded to COSINE_DECIMALS before
ranking, so that float noise from the BLAS cannot reorder near-equal neighbours. The version
hashes METHOD_VERSION, the taxonomy, every parameter and the vectors (model id and content).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from .types import SkillVectors, TaxonomyData

# The method of the model and of the scorer on it (credit.py): stored matches carry the version.
METHOD_VERSION = "hierarchy+explicit+tfidf-cosine+semantic-rank+idf+affinity-fit/4"

NEIGHBOURS = 30  # kept per skill for coverage (related), besides explicit relations ...
FIT_NEIGHBOURS = 100  # ... and for fit (affinity): module docstring, why that many
MIN_SIMILARITY = 0.1  # the least combined similarity kept, before the cap
OPTIONAL_WEIGHT = 0.5  # an optional skill says less about an occupation than an essential one
PARENT_WEIGHT = 1.0  # siblings under a broader skill, and a skill and its broader skill ...
GROUP_WEIGHT = 0.8  # ... and siblings under a skill group: less (module docstring)
EXPLICIT_SIMILARITY = 0.8  # an ESCO skill-skill relation, before the cap
SEMANTIC_TOP = 20  # nearest labels per skill that get semantic similarity ...
SEMANTIC_SHARE = 0.01  # ... if also in the nearest 1% of the other skills (small taxonomies)
SEMANTIC_WEIGHT = 0.5  # the nearest label's similarity; the SEMANTIC_TOP-th gets 1/SEMANTIC_TOP
COSINE_DECIMALS = 4  # label cosines are rounded before ranking (module docstring)
# The most a related skill is worth, against 1.0 for the skill itself. A related skill shows a
# person could pick a skill up, not that they have it: at most half. (It was 0.7 before skills
# were weighed by idf; related credit flows mostly between specific, co-occurring skills, which
# now weigh the most, so at 0.7 a neighbouring occupation's vacancy caught up with the own one.)
RELATED_CAP = 0.5
DECIMALS = 4  # stored values are rounded: float noise below this never shows in a score
IDF_STEP = 1024  # idf values are whole 1/1024ths: exact sums (see the module docstring)
CHUNK = 256  # rows of the cosine computed at once: 256 x 13,896 float32 is 14 MB


@dataclass(frozen=True, eq=False)
class SkillModel:
    """Skills, their index, related[i, j]: the credit skill i gives for skill j (symmetric), and
    affinity[i, j]: how much a vacancy asking for j uses a person's skill i (fit, credit.py)."""

    skill_uris: list[str]
    index: dict[str, int]
    related: sparse.csr_matrix  # n x n float32 in [0, 1]; diagonal 1.0; off-diagonal <= cap
    affinity: sparse.csr_matrix  # the same with more neighbours, for fit: related <= affinity
    version: str
    labels: dict[str, tuple[str, str | None]]
    idf: np.ndarray  # n float32: each skill's specificity over occupations (module docstring)
    unknown_idf: float  # the idf of a skill outside the model: the median of listed skills'

    def specificity(self, uri: str) -> float:
        """The idf of a skill, also of one outside the model (as float64, exactly)."""
        column = self.index.get(uri, -1)
        return float(self.idf[column]) if column >= 0 else self.unknown_idf


def build_skill_model(
    data: TaxonomyData,
    *,
    neighbours: int = NEIGHBOURS,
    fit_neighbours: int = FIT_NEIGHBOURS,
    min_similarity: float = MIN_SIMILARITY,
) -> SkillModel:
    """Learn the skill-to-skill similarity from `data`; same input, same matrices and version.

    `related` keeps `neighbours` per skill, `affinity` max(neighbours, fit_neighbours), both
    at or above `min_similarity`, both with every explicit relation (module docstring)."""
    uris = sorted(set(data.skill_uris))
    index = {uri: i for i, uri in enumerate(uris)}
    semantic = _semantic_vectors(data.skill_vectors, index)
    related, affinity = (
        _finish(kept, len(uris))
        for kept in _top_neighbours(
            Signals(
                _cooccurrence_vectors(data, index),
                _hierarchy_pairs(data, index),
                _explicit_pairs(data, index),
                semantic,
            ),
            (neighbours, max(neighbours, fit_neighbours)),
            min_similarity,
        )
    )
    labels = {uri: data.labels[uri] for uri in uris if uri in data.labels}
    idf, unknown_idf = _specificity(data, index)
    params: dict[str, object] = {
        "neighbours": [neighbours, fit_neighbours],
        "min_similarity": min_similarity,
        "weights": [OPTIONAL_WEIGHT, PARENT_WEIGHT, GROUP_WEIGHT, EXPLICIT_SIMILARITY],
        "semantic": [SEMANTIC_TOP, SEMANTIC_SHARE, SEMANTIC_WEIGHT, COSINE_DECIMALS],
        "cap": [RELATED_CAP, DECIMALS],
        "vectors": _vectors_digest(data.skill_vectors),
        "idf": hashlib.sha256(idf.tobytes()).hexdigest()[:12],
        "unknown_idf": unknown_idf,
    }
    version = model_version(data, params)
    return SkillModel(uris, index, related, affinity, version, labels, idf, unknown_idf)


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


def _vectors_digest(vectors: SkillVectors | None) -> list[str] | None:
    """The vectors' model id and a hash of their content (None without vectors)."""
    if vectors is None:
        return None
    digest = hashlib.sha256(json.dumps(list(vectors.uris)).encode())
    digest.update(np.ascontiguousarray(vectors.matrix, dtype=np.float32).tobytes())
    return [vectors.model, digest.hexdigest()[:12]]


@dataclass(frozen=True)
class Signals:
    """The four signals in the model's skill order (module docstring)."""

    cooccurrence: sparse.csr_matrix  # n x occupations, unit rows: cosine = rows @ rows.T
    hierarchy: sparse.csr_matrix  # n x n, weight of the best shared concept, zero diagonal
    explicit: sparse.csr_matrix  # n x n, 0/1
    semantic: np.ndarray | None  # n x d float32 unit rows (zero for a skill without a vector)


def _semantic_vectors(vectors: SkillVectors | None, index: dict[str, int]) -> np.ndarray | None:
    """The vectors in the model's skill order; a skill without one gets a zero row."""
    if vectors is None or len(index) == 0:
        return None
    matrix = np.asarray(vectors.matrix, dtype=np.float32)
    if matrix.ndim != 2 or matrix.shape[0] != len(vectors.uris):
        raise ValueError(f"skill vectors: {matrix.shape} for {len(vectors.uris)} uris")
    out = np.zeros((len(index), matrix.shape[1]), dtype=np.float32)
    rows = [(index[uri], i) for i, uri in enumerate(vectors.uris) if uri in index]
    if not rows:
        return None
    to, source = (np.array(a, dtype=np.int64) for a in zip(*rows, strict=True))
    out[to] = matrix[source]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def _hierarchy_pairs(data: TaxonomyData, index: dict[str, int]) -> sparse.csr_matrix:
    """weight[i, j]: the best weight of a concept both sit under, or of j as i's broader skill
    (PARENT_WEIGHT when the broader URI is itself a skill, GROUP_WEIGHT otherwise)."""
    n = len(index)
    members: dict[str, set[int]] = defaultdict(set)
    for skill, broader in data.skill_broader:
        if skill in index and skill != broader:
            members[broader].add(index[skill])
    if n < 2 or not members:
        return sparse.csr_matrix((n, n), dtype=np.float32)
    rows, cols, values = [], [], []
    for broader in sorted(members):
        group = np.array(sorted(members[broader]), dtype=np.int64)
        weight = GROUP_WEIGHT
        if broader in index:  # a skill parent: its children, and the parent with each child
            weight = PARENT_WEIGHT
            group = np.union1d(group, [index[broader]])
        rows.append(np.repeat(group, len(group)))
        cols.append(np.tile(group, len(group)))
        values.append(np.full(len(group) ** 2, weight, dtype=np.float64))
    row, col, value = np.concatenate(rows), np.concatenate(cols), np.concatenate(values)
    off = row != col
    key = row[off] * n + col[off]
    value = value[off]
    order = np.lexsort((-value, key))  # per pair, the best weight first
    key, value = key[order], value[order]
    first = np.concatenate(([True], key[1:] != key[:-1])) if len(key) else np.zeros(0, bool)
    key, value = key[first], value[first]
    return sparse.csr_matrix(
        (value.astype(np.float32), (key // n, key % n)), shape=(n, n), dtype=np.float32
    )


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
    signals: Signals, widths: tuple[int, ...], min_similarity: float
) -> list[sparse.coo_matrix]:
    """Per width: each skill's top `width` by combined similarity, plus its explicit relations."""
    n = signals.hierarchy.shape[0]
    if n == 0:
        return [sparse.coo_matrix((0, 0), dtype=np.float32) for _ in widths]
    cooccurrence_t = signals.cooccurrence.T.tocsr()
    parts: list[list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = [[] for _ in widths]
    for start in range(0, n, CHUNK):
        stop = min(n, start + CHUNK)
        block = _combined_block(signals, cooccurrence_t, start, stop)
        explicit = signals.explicit[start:stop].toarray() > 0
        for width, found in zip(widths, parts, strict=True):
            r, c = np.nonzero(_pick(block, width, min_similarity) | explicit)
            found.append((r + start, c, block[r, c]))
    return [
        sparse.coo_matrix(
            (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
        )
        for rows, cols, values in (zip(*found, strict=True) for found in parts)
    ]


def _combined_block(
    signals: Signals, cooccurrence_t: sparse.csr_matrix, start: int, stop: int
) -> np.ndarray:
    """Rows start..stop of the combined similarity (a probabilistic OR), diagonal 0."""
    block = (signals.cooccurrence[start:stop] @ cooccurrence_t).toarray()
    np.minimum(block, np.float32(1.0), out=block)
    for part in (signals.hierarchy[start:stop], _semantic_block(signals.semantic, start, stop)):
        # Only where the signal says something: it can only raise a value.
        cells = part.tocoo()
        r, c = cells.row, cells.col
        block[r, c] = 1.0 - (1.0 - block[r, c]) * (1.0 - cells.data)
    pairs = signals.explicit[start:stop].tocoo()
    block[pairs.row, pairs.col] = np.maximum(block[pairs.row, pairs.col], EXPLICIT_SIMILARITY)
    block[np.arange(stop - start), np.arange(start, stop)] = 0.0
    return block


def _semantic_block(vectors: np.ndarray | None, start: int, stop: int) -> sparse.csr_matrix:
    """Rows start..stop: each skill's SEMANTIC_TOP nearest labels, by rank (module docstring)."""
    n = 0 if vectors is None else vectors.shape[0]
    if vectors is None or n < 2 or SEMANTIC_TOP <= 0:
        return sparse.csr_matrix((stop - start, n), dtype=np.float32)
    cosine = np.round(vectors[start:stop] @ vectors.T, COSINE_DECIMALS)
    cosine[np.arange(stop - start), np.arange(start, stop)] = -np.inf
    missing = ~vectors.any(axis=1)
    cosine[:, missing] = -np.inf
    top = min(SEMANTIC_TOP, math.ceil(SEMANTIC_SHARE * (n - 1)))
    # The top candidates by partition, then an exact order: cosine down, then column.
    candidates = np.argpartition(-cosine, top - 1, axis=1)[:, :top]
    kth = np.take_along_axis(cosine, candidates, axis=1).min(axis=1)
    r, c = np.nonzero((cosine >= kth[:, None]) & np.isfinite(cosine))
    order = np.lexsort((c, -cosine[r, c], r))
    r, c = r[order], c[order]
    starts = np.flatnonzero(np.concatenate(([True], r[1:] != r[:-1])))
    rank = np.arange(len(r)) - np.repeat(starts, np.diff(np.concatenate((starts, [len(r)]))))
    keep = rank < top
    value = SEMANTIC_WEIGHT * (1.0 - rank[keep] / SEMANTIC_TOP)
    return sparse.csr_matrix(
        (value.astype(np.float32), (r[keep], c[keep])), shape=(stop - start, n)
    )


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

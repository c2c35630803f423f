"""The arithmetic every scoring path shares, so that they agree to the last float32 bit.

A required skill j weighs w_j = relation weight (essential 1, optional OPTIONAL) times its
specificity idf_j (similarity.py: an inverse document frequency over the taxonomy's
occupations), so a skill few occupations ask for counts for more than one nearly all ask for;
the weights depend on the vacancy and the model only, never on the person. It gets credit c_j
in [0, 1]:
- from the skill itself: source factor (self 0.8, observed 1.0, certified 1.0) times the level
  factor min(1, person level / min level);
- from a related skill i: related[i, j] (at most similarity.RELATED_CAP, 0.5) times skill i's own
  factor for j's min level.
c_j is the best of these (a max, as Nesta pairs each required skill with its best skill): a sum
would let several loosely related skills add up to a skill the person does not have.
Coverage = sum_j w_j c_j / sum_j w_j, accumulated in float32 one term at a time in one fixed
order (by min level, then by column: model skills by index, others by URI: the order of the
stacked columns in the sparse paths).

Fit = sum_i t_i / sum_i s_i over the person's distinct skills i, where s_i is the skill's
specificity (idf, as above) and t_i = s_i u_i rounded to whole 1/1024ths (fit_use), u_i being
how much the vacancy uses skill i: 1 when it requires i (either relation), else the best
affinity[i, j] over its required skills j (similarity.py: related with more neighbours kept; at
most RELATED_CAP; 0 when none is related; a URI outside the model relates only to itself).
How much of the person's own profile, weighed by specificity, lies in what the vacancy asks
for. Both sums are whole multiples of 1/1024 (see similarity.py), so they are exact in float32
and float64 in any order; fit is their float32 quotient (0 for a person without skills).
Source and level do not enter fit: it asks which of the person's skills the vacancy needs, not
how well.

Score = 100 * ((1 - FIT) * coverage + FIT * fit), FIT = 0.5, in float32 (each product rounded,
then the sum), clipped to 0-1 and quantised to 4 decimals. The two terms look from both ends.
Coverage asks whether the person has what the vacancy needs (asymmetric: a person with extra
skills is not punished); a neighbouring occupation that shares the own one's skill groups can
answer that as well as the own. Fit asks whether the vacancy explains what the person has: the
own occupation's vacancy is the one whose requirements sit next to all of the person's skills,
where another asks for one or two of them and leaves the rest unused. Fit also keeps a generic
vacancy, which asks for a few of the person's common skills and little else, from outranking
the vacancy of the person's own trade. On the evaluation (bench/matcher_eval.py, tuned seeds),
people whose skills were siblings of their occupation's found its vacancy in the top 10 in 12%
of cases with method version 2 (10 neighbours per skill, exact-only fit at a quarter); with
every sibling kept (version 3) but fit still exact-only, 41%; with related fit at a quarter 81%,
at a half 92%, exact and noisy people as good or better, thin ones within a tenth of a point
(at about the best their three skills allow: bench/matcher_eval.py); three quarters gained
nothing more and cost the noisy people some of their first places. Half is a binary
fraction: exact weights. Adding to a person a skill the vacancy requires adds s_i to fit's
numerator and denominator (u_i = 1), so fit (<= 1) cannot fall, and coverage cannot fall: the
score never drops.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .similarity import IDF_STEP, SkillModel
from .types import Person, Relation, Vacancy

SOURCE_FACTOR = {"self": 0.8, "observed": 1.0, "certified": 1.0}
SOURCE_CODE = {name: code for code, name in enumerate(SOURCE_FACTOR)}
# An optional skill is a nice-to-have: a person who has every essential skill and none of the
# optional ones covers what the job needs, and should not end up near half marks because the
# vacancy lists many extras. A quarter of an essential keeps the optional skills telling apart
# people who have all essentials, without letting a long optional list outweigh them. Both are
# whole binary fractions, so relation weight x idf stays exact (see similarity.py).
OPTIONAL = 0.25
WEIGHT: dict[str, float] = {"essential": 1.0, "optional": OPTIONAL}
MAX_LEVEL = 4
GAP_BELOW = 0.1  # a required skill with less credit is listed as missing: the training gap
# The share of the score that is fit (module docstring); 1 - FIT is coverage's.
FIT = np.float32(0.5)
COVER = np.float32(1.0) - FIT
QUANTUM = np.float32(1_000_000)  # scores are whole millionths of the 0-1 scale: 4 decimals of 100

# FACTOR[source code, person level, min level]; levels are clamped to 1..4 (index 0 unused).
FACTOR = np.zeros((len(SOURCE_FACTOR), MAX_LEVEL + 1, MAX_LEVEL + 1), dtype=np.float32)
for _name, _code in SOURCE_CODE.items():
    for _level in range(1, MAX_LEVEL + 1):
        for _min in range(1, MAX_LEVEL + 1):
            FACTOR[_code, _level, _min] = SOURCE_FACTOR[_name] * min(1.0, _level / _min)


def level(value: int) -> int:
    """A skill level clamped to 1..4."""
    return min(MAX_LEVEL, max(1, int(value)))


def source_code(source: str) -> int:
    """The code of a skill's source; ValueError for one the matcher does not know."""
    try:
        return SOURCE_CODE[source]
    except KeyError:
        known = list(SOURCE_CODE)
        raise ValueError(f"unknown skill source {source!r}; expected one of {known}") from None


class Requirement(NamedTuple):
    """One required skill after duplicates are merged; weight (relation x idf) sums to 1."""

    uri: str
    relation: Relation
    min_level: int
    weight: np.float32
    column: int  # index in the skill model, -1 outside it
    order: int  # position in the vacancy, for showing the skills as the employer listed them


def requirements(vacancy: Vacancy, model: SkillModel) -> tuple[Requirement, ...]:
    """The vacancy's skills in summation order; a URI listed twice counts once, at its strictest."""
    index = model.index
    merged: dict[str, tuple[Relation, int, int]] = {}
    for order, skill in enumerate(vacancy.skills):
        relation, min_level, first = merged.get(skill.uri, (skill.relation, 1, order))
        if skill.relation == "essential":
            relation = "essential"
        merged[skill.uri] = (relation, max(min_level, level(skill.min_level)), first)
    if not merged:
        return ()
    raw = {
        uri: WEIGHT[relation] * model.specificity(uri) for uri, (relation, _, _) in merged.items()
    }
    # Each raw weight is a whole multiple of 1/4096, so this float64 sum is exact in any order
    # and equals index_vacancies' bincount to the bit; so does each float32 weight.
    total = 0.0
    for value in raw.values():
        total += value
    result = [
        Requirement(
            uri, relation, min_level, np.float32(raw[uri] / total), index.get(uri, -1), first
        )
        for uri, (relation, min_level, first) in merged.items()
    ]
    return tuple(sorted(result, key=sort_key))


def sort_key(requirement: Requirement) -> tuple[int, int, int, str]:
    """Summation order: by min level, then model skills by index, then other URIs by text."""
    outside = requirement.column < 0
    return (requirement.min_level, int(outside), requirement.column, requirement.uri)


def weighted_sum(credits: np.ndarray, reqs: tuple[Requirement, ...]) -> np.float32:
    """sum_j w_j c_j in float32, one term at a time in summation order, as the sparse paths add."""
    total = np.float32(0.0)
    for position, req in enumerate(reqs):
        total = np.float32(total + np.float32(credits[position] * req.weight))
    return total


def fit_use(idf: np.ndarray | float, use: np.ndarray | np.floating | float) -> np.ndarray:
    """t = idf x use in whole 1/1024ths, float64 (exact: both factors are float32)."""
    product = np.asarray(idf, dtype=np.float64) * np.asarray(use, dtype=np.float32)
    return np.asarray(np.rint(product * IDF_STEP) / IDF_STEP)


def fit_sums(idf: np.ndarray, use: np.ndarray) -> np.ndarray:
    """[numerator, denominator] of fit from each distinct skill's idf and the vacancy's use of
    it, float32 (exact: whole 1/1024ths in any order)."""
    return np.array([fit_use(idf, use).sum(), np.sum(idf, dtype=np.float64)], dtype=np.float32)


def profile(person: Person, model: SkillModel) -> np.float32:
    """Fit's denominator: the idf of the person's distinct skills, summed (exact)."""
    idf = [model.specificity(uri) for uri in sorted({skill.uri for skill in person.skills})]
    return fit_sums(np.array(idf, dtype=np.float64), np.zeros(len(idf), np.float32))[1]


def fit(numerator: np.ndarray, denominator: np.ndarray | np.floating) -> np.ndarray:
    """Float32 numerator / denominator, 0 where the denominator is 0 (broadcast)."""
    numerator, denominator = np.broadcast_arrays(
        np.asarray(numerator, dtype=np.float32), np.asarray(denominator, dtype=np.float32)
    )
    out = np.zeros(numerator.shape, dtype=np.float32)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out


def blend(coverage: np.ndarray, fit_values: np.ndarray) -> np.ndarray:
    """(1 - FIT) * coverage + FIT * fit, float32, each product rounded and then the sum."""
    coverage = np.asarray(coverage, dtype=np.float32)
    return np.asarray(coverage * COVER + np.asarray(fit_values, dtype=np.float32) * FIT)


def quantise(scores: np.ndarray) -> np.ndarray:
    """Float32 0-1 scores as float32 whole millionths (exact integers), in place."""
    np.clip(scores, 0.0, 1.0, out=scores)
    scores *= QUANTUM
    np.rint(scores, out=scores)
    return scores


def to_score(millionths: float) -> float:
    """Whole millionths of 1 as a 0-100 score with 4 decimals."""
    return float(millionths) / 10_000

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

Fit = sum_i s_i u_i / sum_i s_i over the person's distinct skills i, where s_i is the skill's
specificity (idf, as above) and u_i is 1 when the vacancy requires skill i (either relation),
else 0: how much of the person's own profile, weighed by specificity, the vacancy uses. Both
sums are whole multiples of 1/1024 (see similarity.py), so they are exact in float32 and
float64 in any order; fit is their float32 quotient (0 for a person without skills).

Score = 100 * ((1 - FIT) * coverage + FIT * fit), FIT = 0.25, in float32 (each product rounded,
then the sum), clipped to 0-1 and quantised to 4 decimals. The score stays mostly "how well the
person covers what the job needs" (asymmetric: a person with extra skills is not punished
much), while the fit term keeps a generic vacancy, which asks for a few of the person's common
skills and little else, from outranking the vacancy of the person's own trade, which uses most
of what they can do. A quarter (a binary fraction: exact weights) makes fit a tie-breaker
between vacancies with near coverage, never enough to lift a vacancy the person does not cover.
Adding to a person a skill the vacancy requires raises fit's numerator and denominator by the
same s_i, so fit (<= 1) cannot fall, and coverage cannot fall: the score never drops.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .similarity import SkillModel
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
FIT = np.float32(0.25)
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


def fit_terms(person: Person, reqs: tuple[Requirement, ...], model: SkillModel) -> np.ndarray:
    """[numerator, denominator] of the person's fit for these requirements, float32 (exact)."""
    required = {req.uri for req in reqs}
    numerator = denominator = 0.0
    for uri in sorted({skill.uri for skill in person.skills}):
        value = model.specificity(uri)
        denominator += value
        if uri in required:
            numerator += value
    return np.array([numerator, denominator], dtype=np.float32)


def fit(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
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

"""The arithmetic every scoring path shares, so that they agree to the last float32 bit.

A required skill j (weight w_j: essential 2, optional 1) gets credit c_j in [0, 1]:
- from the skill itself: source factor (self 0.8, observed 1.0, certified 1.0) times the level
  factor min(1, person level / min level);
- from a related skill i: related[i, j] (at most 0.7) times skill i's own factor for j's min level.
c_j is the best of these (a max, as Nesta pairs each required skill with its best skill): a sum
would let several loosely related skills add up to a skill the person does not have.
Score = 100 * sum_j w_j c_j / sum_j w_j, accumulated in float32 one term at a time in one fixed
order (by min level, then by column: model skills by index, others by URI: the order of the
stacked columns in the sparse paths) and quantised to 4 decimals.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .types import Relation, Vacancy

SOURCE_FACTOR = {"self": 0.8, "observed": 1.0, "certified": 1.0}
SOURCE_CODE = {name: code for code, name in enumerate(SOURCE_FACTOR)}
WEIGHT: dict[str, float] = {"essential": 2.0, "optional": 1.0}
MAX_LEVEL = 4
GAP_BELOW = 0.1  # a required skill with less credit is listed as missing: the training gap
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
    """One required skill after duplicates are merged; weight is normalised to sum to 1."""

    uri: str
    relation: Relation
    min_level: int
    weight: np.float32
    column: int  # index in the skill model, -1 outside it
    order: int  # position in the vacancy, for showing the skills as the employer listed them


def requirements(vacancy: Vacancy, index: dict[str, int]) -> tuple[Requirement, ...]:
    """The vacancy's skills in summation order; a URI listed twice counts once, at its strictest."""
    merged: dict[str, tuple[Relation, int, int]] = {}
    for order, skill in enumerate(vacancy.skills):
        relation, min_level, first = merged.get(skill.uri, (skill.relation, 1, order))
        if skill.relation == "essential":
            relation = "essential"
        merged[skill.uri] = (relation, max(min_level, level(skill.min_level)), first)
    if not merged:
        return ()
    total = sum(WEIGHT[relation] for relation, _, _ in merged.values())
    weight = {name: np.float32(value / total) for name, value in WEIGHT.items()}
    result = [
        Requirement(uri, relation, min_level, weight[relation], index.get(uri, -1), first)
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


def quantise(scores: np.ndarray) -> np.ndarray:
    """Float32 0-1 scores as float32 whole millionths (exact integers), in place."""
    np.clip(scores, 0.0, 1.0, out=scores)
    scores *= QUANTUM
    np.rint(scores, out=scores)
    return scores


def to_score(millionths: float) -> float:
    """Whole millionths of 1 as a 0-100 score with 4 decimals."""
    return float(millionths) / 10_000

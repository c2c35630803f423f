"""Synthetic people and vacancies on a real taxonomy, shared by the matcher benchmarks.

Everything is drawn from a numpy Generator the caller seeds, so a run is repeatable.
A person is built from one occupation (part of its essential skills, a few optional ones,
some unrelated skills); a vacancy asks for one occupation's skills. The benchmarks know
which occupation each came from, which is what the evaluation scores against.
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

import numpy as np

from services.core.taxonomy import importer, reader
from services.core.vacancies.models import LADDER_RUNG
from services.matcher.types import (
    Person,
    PersonSkill,
    Relation,
    Source,
    TaxonomyData,
    Vacancy,
    VacancySkill,
)

# Amsterdam Centraal; people and workplaces scatter around it (1 degree latitude ~ 111 km).
AMSTERDAM = (52.3791, 4.9003)
SPREAD_DEG = (0.07, 0.11)  # about 8 km either way
CONTRACT_KINDS = tuple(sorted(LADDER_RUNG))
ACCOMMODATIONS = (
    "part_time",
    "flexible_hours",
    "fixed_routine",
    "quiet_workspace",
    "visual_instructions",
    "simple_language",
    "job_coach_on_site",
    "buddy_colleague",
    "extra_breaks",
    "adapted_workstation",
    "wheelchair_access",
    "reduced_pace",
    "remote_possible",
)
CEFR_SPOKEN = ("A2", "B1", "B2", "C1")
T = TypeVar("T")


@dataclass(frozen=True)
class Occupation:
    """One occupation's skills, as the synthetic builders need them."""

    uri: str
    essential: tuple[str, ...]
    optional: tuple[str, ...]


def taxonomy_data(folder: Path) -> TaxonomyData:
    """The matcher's input from a taxonomy folder, shaped like services.core.matching loads it."""
    taxonomy = reader.read_folder(folder)
    labels: dict[str, list[str | None]] = {}
    for row in taxonomy.taxonomy_label.values():
        if row.label_kind == "preferred" and row.concept_kind in ("skill", "occupation"):
            pair = labels.setdefault(row.concept_uri, [None, None])
            pair[0 if row.lang == "en" else 1] = row.label
    return TaxonomyData(
        skill_uris=sorted(taxonomy.skill),
        occupation_uris=sorted(taxonomy.occupation),
        occupation_skills=sorted(
            (
                r.occupation_uri,
                r.skill_uri,
                "essential" if r.relation == "essential" else "optional",
            )
            for r in taxonomy.occupation_skill
        ),
        skill_relations=sorted((r.skill_uri, r.related_skill_uri) for r in taxonomy.skill_relation),
        # Like the worker: broader links of skills only, not of skill groups among themselves.
        skill_broader=sorted(
            (r.concept_uri, r.broader_uri)
            for r in taxonomy.taxonomy_broader
            if r.pillar == "skill" and r.concept_type == "KnowledgeSkillCompetence"
        ),
        labels={uri: (en or uri, nl) for uri, (en, nl) in labels.items()},
        fingerprint=importer.fingerprint(folder),
    )


def occupations(data: TaxonomyData, min_essential: int = 1) -> list[Occupation]:
    """Occupations with at least `min_essential` essential skills, in URI order."""
    skills: dict[str, dict[Relation, list[str]]] = defaultdict(
        lambda: {"essential": [], "optional": []}
    )
    for occupation, skill, relation in data.occupation_skills:
        skills[occupation][relation].append(skill)
    return [
        Occupation(uri, tuple(s["essential"]), tuple(s["optional"]))
        for uri in data.occupation_uris
        if len((s := skills[uri])["essential"]) >= min_essential
    ]


@cache
def _person_skill(uri: str, level: int, source: Source) -> PersonSkill:
    # 100,000 people share far fewer distinct (skill, level, source) triples: one object each.
    return PersonSkill(uri, level, source)


@cache
def _vacancy_skill(uri: str, relation: Relation, min_level: int) -> VacancySkill:
    return VacancySkill(uri, relation, min_level)


def _source(u: float) -> Source:
    # Half self-reported, a third observed by a coach, the rest certified.
    return "self" if u < 0.5 else "observed" if u < 0.85 else "certified"


class _Draws:
    """Uniforms from the caller's Generator, taken in blocks: one numpy call per person.

    A numpy call costs microseconds, a Python float from a list nanoseconds; 100,000 people
    with a dozen draws each would otherwise spend most of their time in numpy's call overhead.
    """

    def __init__(self, rng: np.random.Generator, size: int) -> None:
        self.rng = rng
        self.size = size
        self.values: list[float] = rng.random(size).tolist()
        self.at = 0

    def take(self, n: int) -> list[float]:
        """The next n uniforms in [0, 1)."""
        if self.at + n >= len(self.values):
            self.values = self.values[self.at :] + self.rng.random(max(n, self.size)).tolist()
            self.at = 0
        self.at += n
        return self.values[self.at - n : self.at]

    def uniform(self, low: float = 0.0, high: float = 1.0) -> float:
        if self.at == len(self.values):
            self.take(0)
        self.at += 1
        return low + (high - low) * self.values[self.at - 1]

    def integer(self, low: int, high: int) -> int:
        """low <= n < high."""
        return min(high - 1, low + int(self.uniform() * (high - low)))

    def pick(self, options: Sequence[T]) -> T:
        return options[self.integer(0, len(options))]

    def sample(self, n: int, k: int) -> list[int]:
        """k distinct indices out of range(n), in increasing order."""
        if k <= 0:
            return []
        keys = self.take(n)
        return sorted(sorted(range(n), key=keys.__getitem__)[:k])

    def normal(self) -> float:
        # Box-Muller; 1 - u keeps the logarithm finite.
        return math.sqrt(-2.0 * math.log(1.0 - self.uniform())) * math.cos(
            2.0 * math.pi * self.uniform()
        )

    def coordinates(self) -> tuple[float, float]:
        return (
            round(AMSTERDAM[0] + SPREAD_DEG[0] * self.normal(), 5),
            round(AMSTERDAM[1] + SPREAD_DEG[1] * self.normal(), 5),
        )


def synthetic_person(
    occupation: Occupation,
    rng: np.random.Generator,
    *,
    skill_pool: Sequence[str],
    person_id: str,
) -> Person:
    """Someone trained for `occupation`: 40-80% of its essentials, 0-3 optionals, 2-5 others."""
    essential, optional = occupation.essential, occupation.optional
    draw = _Draws(rng, len(essential) + len(optional) + 48)
    keep = max(1, round(draw.uniform(0.4, 0.8) * len(essential)))
    chosen = [essential[i] for i in draw.sample(len(essential), keep)]
    take = draw.integer(0, min(3, len(optional)) + 1)
    chosen += [optional[i] for i in draw.sample(len(optional), take)]
    own = {*essential, *optional}
    others: list[str] = []
    wanted = draw.integer(2, 6)
    while len(others) < wanted:
        uri = draw.pick(skill_pool)
        if uri not in own and uri not in others:
            others.append(uri)
    chosen += others
    levels = [1 + int(4 * u) for u in draw.take(len(chosen))]
    sources = [_source(u) for u in draw.take(len(chosen))]
    skills = tuple(map(_person_skill, chosen, levels, sources))
    hours_min = draw.pick((8, 12, 16, 20, 24))
    lat, lon = draw.coordinates()
    needs = draw.sample(len(ACCOMMODATIONS), draw.integer(0, 3))
    return Person(
        id=person_id,
        skills=skills,
        ladder_rung=draw.integer(3, 6),
        hours_min=hours_min,
        hours_max=hours_min + draw.pick((4, 8, 12, 16)),
        latitude=lat,
        longitude=lon,
        max_travel_km=draw.pick((5, 10, 15, 25)),
        languages=(("nl", draw.pick(CEFR_SPOKEN)),),
        accommodations=frozenset(ACCOMMODATIONS[i] for i in needs),
        consent_matching=True,
    )


def vacancy_for(
    occupation: Occupation,
    rng: np.random.Generator | None = None,
    *,
    vacancy_id: str | None = None,
) -> Vacancy:
    """A vacancy asking for `occupation`'s skills (essential at level 1-2, optional at 1)."""
    # Without a generator the vacancy still comes out the same every run: seed it by the URI.
    rng = rng or np.random.default_rng(zlib.crc32(occupation.uri.encode()))
    draw = _Draws(rng, len(occupation.essential) + 32)
    skills = tuple(
        _vacancy_skill(uri, "essential", draw.integer(1, 3)) for uri in occupation.essential
    ) + tuple(_vacancy_skill(uri, "optional", 1) for uri in occupation.optional)
    kind = draw.pick(CONTRACT_KINDS)
    hours_min = draw.pick((8, 16, 24, 32))
    lat, lon = draw.coordinates()
    offered = draw.sample(len(ACCOMMODATIONS), draw.integer(0, 5))
    return Vacancy(
        id=vacancy_id or f"v:{occupation.uri}",
        skills=skills,
        ladder_rung=LADDER_RUNG[kind],
        contract_kind=kind,
        hours_min=hours_min,
        hours_max=hours_min + draw.pick((0, 4, 8)),
        latitude=lat,
        longitude=lon,
        language=("nl", "A2") if draw.uniform() < 0.5 else None,
        accommodations=frozenset(ACCOMMODATIONS[i] for i in offered),
    )


def population(
    pool: Sequence[Occupation], skill_pool: Sequence[str], n: int, rng: np.random.Generator
) -> list[Person]:
    """`n` people, each trained for an occupation drawn from `pool`; ids p0000000, p0000001, ..."""
    drawn = rng.integers(len(pool), size=n)
    return [
        synthetic_person(pool[int(j)], rng, skill_pool=skill_pool, person_id=f"p{i:07d}")
        for i, j in enumerate(drawn)
    ]


def vacancies(pool: Sequence[Occupation], n: int, rng: np.random.Generator) -> list[Vacancy]:
    """`n` vacancies, each for an occupation drawn from `pool`; ids v0000000, v0000001, ..."""
    drawn = rng.integers(len(pool), size=n)
    return [vacancy_for(pool[int(j)], rng, vacancy_id=f"v{i:07d}") for i, j in enumerate(drawn)]

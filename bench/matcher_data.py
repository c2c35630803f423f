"""Synthetic people and vacancies on a real taxonomy, shared by the matcher benchmarks.

Everything is drawn from a numpy Generator the caller seeds, so a run is repeatable.
A person is built from one occupation (part of its essential skills, a few optional ones,
some unrelated skills); a vacancy asks for one occupation's skills. The benchmarks know
which occupation each came from, which is what the evaluation scores against.

The evaluation (bench/matcher_eval.py) draws people of four kinds (KINDS, person_of_kind):
- exact: about 60% of the occupation's essential skills, as they are;
- neighbours: about 60% of the essential skills, each swapped for a neighbour: a sibling under
  one of its broader concepts (skill group or broader skill) or an ESCO-related skill, drawn
  uniformly from the union (a skill without either stays itself: 0.4% of essential skills);
- thin: 3 essential skills;
- noisy: about half the essential skills plus as many unrelated skills (drawn from the skills
  some occupation lists, none of this occupation's own).
"""

from __future__ import annotations

import hashlib
import math
import sys
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
    SkillVectors,
    Source,
    TaxonomyData,
    Vacancy,
    VacancySkill,
)

CACHE = Path(__file__).resolve().parents[1] / ".opstap" / "bench"  # git ignores .opstap

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


KINDS = ("exact", "neighbours", "thin", "noisy")
SHARE = 0.6  # of the essential skills, for exact and neighbours people
THIN = 3
NOISY_SHARE = 0.5


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


def skill_vectors(data: TaxonomyData, cache: Path = CACHE) -> SkillVectors | None:
    """The encoder's vectors of the skills' English preferred labels, as the worker loads them;
    cached under `cache` per model and label set (never committed). None without the encoder."""
    from services.core.taxonomy.embeddings import MODEL_ID, ModelUnavailable, encoder

    uris = tuple(sorted(set(data.skill_uris)))
    labels = [data.labels.get(uri, (uri, None))[0] or uri for uri in uris]
    key = hashlib.sha256(repr((MODEL_ID, uris, labels)).encode()).hexdigest()[:16]
    path = cache / f"skill-vectors-{key}.npy"
    if path.is_file():
        return SkillVectors(MODEL_ID, uris, np.load(path))
    try:
        matrix = encoder(threads=2).encode(labels)
    except ModelUnavailable as error:
        print(f"matcher data: no skill vectors ({error})", file=sys.stderr)
        return None
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, matrix)
    return SkillVectors(MODEL_ID, uris, matrix)


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


@dataclass(frozen=True)
class Neighbours:
    """Per skill, the skills a neighbours person may hold instead: siblings and related skills."""

    of: dict[str, tuple[str, ...]]  # skill -> sorted neighbours (never the skill itself)
    listed: tuple[str, ...]  # skills some occupation lists, sorted: the noisy kind's noise


def neighbours(data: TaxonomyData) -> Neighbours:
    """Siblings under each broader concept, plus ESCO's skill-skill relations (both ways)."""
    skills = set(data.skill_uris)
    children: dict[str, set[str]] = defaultdict(set)
    for skill, broader in data.skill_broader:
        if skill in skills:
            children[broader].add(skill)
    found: dict[str, set[str]] = defaultdict(set)
    for members in children.values():
        for skill in members:
            found[skill] |= members
    for a, b in data.skill_relations:
        if a in skills and b in skills:
            found[a].add(b)
            found[b].add(a)
    listed = tuple(sorted({s for _, s, _ in data.occupation_skills if s in skills}))
    return Neighbours(
        {skill: tuple(sorted(near - {skill})) for skill, near in found.items()}, listed
    )


def person_of_kind(
    kind: str,
    occupation: Occupation,
    rng: np.random.Generator,
    *,
    near: Neighbours,
    person_id: str,
) -> Person:
    """Someone trained for `occupation`, of one of KINDS (module docstring); random levels and
    sources, constraints as synthetic_person draws them."""
    essential = occupation.essential
    draw = _Draws(rng, 2 * len(essential) + 64)
    n = len(essential)
    if kind == "thin":
        chosen = [essential[i] for i in draw.sample(n, min(THIN, n))]
    elif kind == "noisy":
        chosen = [essential[i] for i in draw.sample(n, max(1, round(NOISY_SHARE * n)))]
        own = {*essential, *occupation.optional}
        wanted = len(chosen)
        while len(chosen) < 2 * wanted:
            uri = draw.pick(near.listed)
            if uri not in own and uri not in chosen:
                chosen.append(uri)
    elif kind in ("exact", "neighbours"):
        chosen = [essential[i] for i in draw.sample(n, max(1, round(SHARE * n)))]
        if kind == "neighbours":
            chosen = _swapped(chosen, near, draw)
    else:
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")
    levels = [1 + int(4 * u) for u in draw.take(len(chosen))]
    sources = [_source(u) for u in draw.take(len(chosen))]
    hours_min = draw.pick((8, 12, 16, 20, 24))
    lat, lon = draw.coordinates()
    return Person(
        id=person_id,
        skills=tuple(map(_person_skill, chosen, levels, sources)),
        ladder_rung=draw.integer(3, 6),
        hours_min=hours_min,
        hours_max=hours_min + draw.pick((4, 8, 12, 16)),
        latitude=lat,
        longitude=lon,
        max_travel_km=draw.pick((5, 10, 15, 25)),
        languages=(("nl", draw.pick(CEFR_SPOKEN)),),
        consent_matching=True,
    )


def _swapped(chosen: list[str], near: Neighbours, draw: _Draws) -> list[str]:
    """Each skill swapped for one of its neighbours, all distinct (itself when none is left)."""
    out: list[str] = []
    for skill in chosen:
        options = [uri for uri in near.of.get(skill, ()) if uri not in out]
        out.append(draw.pick(options) if options else skill)
    # A skill kept as itself may equal an earlier pick: a person lists a skill once.
    return list(dict.fromkeys(out))

"""The matcher's inputs and outputs: plain data, no database, no network.

The worker and the API load these from PostgreSQL (services/core/matching) and hand them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

Source = Literal["self", "observed", "certified"]
Relation = Literal["essential", "optional"]
Status = Literal["pass", "fail", "unknown"]
CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")


@dataclass(frozen=True, eq=False)
class SkillVectors:
    """Sentence vectors of skills: the encoder's vector of each skill's English preferred label."""

    model: str  # the encoder's id (embeddings.MODEL_ID): part of the skill model's version
    uris: tuple[str, ...]
    matrix: np.ndarray  # float32, unit rows, one per uri


@dataclass(frozen=True)
class TaxonomyData:
    """What the skill model is learned from (all URIs; relations as pairs; vectors optional)."""

    skill_uris: list[str]
    occupation_uris: list[str]
    occupation_skills: list[tuple[str, str, Relation]]  # (occupation, skill, relation)
    skill_relations: list[tuple[str, str]]  # related skill pairs (either direction)
    skill_broader: list[tuple[str, str]]  # (skill, broader skill or skill group)
    labels: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # uri -> (en, nl)
    fingerprint: str = ""  # of the taxonomy import, part of model_version
    # Semantic similarity between skills, when the worker has the vectors (similarity.py);
    # without them the model is learned from the taxonomy's structure alone.
    skill_vectors: SkillVectors | None = None


@dataclass(frozen=True)
class OccupationInfo:
    """What the transition graph needs of an occupation besides its skills."""

    uri: str
    isco_code: str  # ISCO-08 unit group, 4 digits
    skill_level: int | None  # ISCO-08 skill level 1-4; None when unknown (armed forces)
    family: str | None = None  # broad ESCO occupation (transition_thresholds); None: itself


@dataclass(frozen=True)
class PersonSkill:
    """One skill a person has."""

    uri: str
    level: int  # 1-4
    source: Source


@dataclass(frozen=True)
class Person:
    """A person as the matcher sees them: no name, no contact, no diagnosis."""

    id: str
    skills: tuple[PersonSkill, ...]
    ladder_rung: int
    hours_min: int | None = None
    hours_max: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    max_travel_km: int | None = None
    languages: tuple[tuple[str, str], ...] = ()  # (ISO 639-1, CEFR)
    accommodations: frozenset[str] = frozenset()  # needed
    consent_matching: bool = False
    # Work capacity: (item, level 0-4) for the items with a level; an item left out is unknown.
    capacity: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class VacancySkill:
    """One skill a vacancy asks for."""

    uri: str
    relation: Relation
    min_level: int = 1  # 1-4


@dataclass(frozen=True)
class Vacancy:
    """A vacancy as the matcher sees it."""

    id: str
    skills: tuple[VacancySkill, ...]
    ladder_rung: int
    contract_kind: str
    hours_min: int
    hours_max: int
    latitude: float | None = None
    longitude: float | None = None
    language: tuple[str, str] | None = None  # (ISO 639-1, least CEFR)
    accommodations: frozenset[str] = frozenset()  # offered
    # Work capacity the vacancy asks: (item, level 0-4); and (item, accommodation) for each
    # offered accommodation that can make a shortfall on the item workable.
    capacity_demands: tuple[tuple[str, int], ...] = ()
    capacity_resolved: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Constraint:
    """One constraint's result for a pair; `key` and `fields` say it in words, which core
    renders in the reader's language (services/core/matching/texts.py)."""

    code: str  # hours | distance | ladder_rung | language | accommodations | capacity | consent
    status: Status
    detail: dict[str, object]
    key: str  # a catalogue key, e.g. "constraint.hours.fail"
    fields: dict[str, object] = field(default_factory=dict)  # codes and numbers, no words


@dataclass(frozen=True)
class SkillEvidence:
    """How one required skill is (or is not) covered."""

    skill_uri: str
    relation: Relation
    credit: float  # 0..1
    via_uri: str | None = None  # the person's related skill that covers it, if not direct
    person_level: int | None = None
    min_level: int = 1


@dataclass(frozen=True)
class Explanation:
    """Why a pair scores what it scores: data that pages render as plain sentences."""

    person_id: str
    vacancy_id: str
    score: float  # 0-100
    components: dict[str, float]  # e.g. essential, optional (each 0-100)
    matched: tuple[SkillEvidence, ...]
    related: tuple[SkillEvidence, ...]
    missing_essential: tuple[str, ...]
    missing_optional: tuple[str, ...]
    constraints: tuple[Constraint, ...]
    model_version: str


@dataclass(frozen=True)
class Filters:
    """Filters for top-k lists (None = no filter)."""

    ladder_rungs: frozenset[int] | None = None
    contract_kinds: frozenset[str] | None = None
    max_distance_km: float | None = None

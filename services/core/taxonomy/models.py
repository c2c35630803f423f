"""What the taxonomy read side returns: search hits, pages, one occupation, counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")

# How the best label of a hit matched the query: the label search's tiers (best first, indexed
# by the SQL's tier), a term of the curated Dutch vocabulary, or a label near in meaning.
MatchKind = Literal["exact", "word_prefix", "substring", "fuzzy", "vocabulary", "semantic"]
MATCH_KINDS: tuple[MatchKind, ...] = ("exact", "word_prefix", "substring", "fuzzy")


@dataclass(frozen=True)
class Labels:
    """A concept's preferred label per language; English is always there."""

    en: str
    nl: str | None = None


@dataclass(frozen=True)
class Texts:
    """A text per language, either of which may be missing."""

    en: str | None = None
    nl: str | None = None


@dataclass(frozen=True)
class OccupationHit:
    """An occupation found by search or listing.

    `label` is the preferred label in the requested language, or the English one when the
    occupation has none in that language (`fallback` is then true). `matched_label` is the
    label the query matched best; None for a listing or when only a hidden label matched.
    """

    uri: str
    label: str
    label_lang: str
    fallback: bool
    matched_label: str | None
    match: MatchKind | None
    score: float | None
    isco_code: str
    skill_level: int | None


@dataclass(frozen=True)
class SkillHit:
    """A skill found by search or listing; the fields mean what they mean on OccupationHit."""

    uri: str
    label: str
    label_lang: str
    fallback: bool
    matched_label: str | None
    match: MatchKind | None
    score: float | None
    skill_type: str | None
    reuse_level: str | None


@dataclass(frozen=True)
class OccupationPage:
    """One page of occupations; `total` counts every matching occupation."""

    items: list[OccupationHit]
    limit: int
    offset: int
    total: int


@dataclass(frozen=True)
class SkillPage:
    """One page of skills; `total` counts every matching skill."""

    items: list[SkillHit]
    limit: int
    offset: int
    total: int


@dataclass(frozen=True)
class IscoGroupRef:
    """The ISCO-08 unit group of an occupation."""

    code: str
    labels: Labels | None


@dataclass(frozen=True)
class OccupationRef:
    """Another occupation, by URI and labels."""

    uri: str
    labels: Labels


@dataclass(frozen=True)
class OccupationSkill:
    """A skill an occupation needs: essential or optional."""

    uri: str
    labels: Labels
    skill_type: str | None
    relation: Literal["essential", "optional"]


@dataclass(frozen=True)
class OccupationDetail:
    """One occupation with its group, broader occupation and skills (essential first)."""

    uri: str
    code: str | None
    labels: Labels
    alt_labels: dict[str, list[str]]
    description: Texts
    isco_group: IscoGroupRef
    skill_level: int | None
    broader: OccupationRef | None
    skills: list[OccupationSkill] = field(default_factory=list)


@dataclass(frozen=True)
class RelationCounts:
    """Occupation-skill relations, in total and by kind."""

    total: int
    essential: int
    optional: int


@dataclass(frozen=True)
class LabelCounts:
    """Search labels (preferred, alternative and hidden) by language and by concept kind."""

    by_language: dict[str, int]
    by_concept_kind: dict[str, int]


@dataclass(frozen=True)
class ImportInfo:
    """The latest taxonomy import run."""

    source: str
    version: str
    finished_at: datetime | None


@dataclass(frozen=True)
class TaxonomyStats:
    """What the loaded taxonomy holds."""

    occupations: int
    skills: int
    occupation_skills: RelationCounts
    isco_groups: int
    skill_groups: int
    labels: LabelCounts
    collections: dict[str, int]
    last_import: ImportInfo | None

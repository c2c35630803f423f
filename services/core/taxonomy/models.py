"""What the taxonomy read side returns (search hits, pages, one occupation, counts), and the
rows an import reads from a folder (reader.py) and stages, one row type per imported table."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, NamedTuple

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
class ConceptHit:
    """What every search or listing hit has: an occupation's or a skill's (subclasses add
    their own fields after these)."""

    uri: str
    label: str
    label_lang: str
    fallback: bool
    matched_label: str | None
    match: MatchKind | None
    score: float | None


@dataclass(frozen=True)
class OccupationHit(ConceptHit):
    """An occupation found by search or listing.

    `label` is the preferred label in the requested language, or the English one when the
    occupation has none in that language (`fallback` is then true). `matched_label` is the
    label the query matched best; None for a listing or when only a hidden label matched.
    """

    isco_code: str
    skill_level: int | None


@dataclass(frozen=True)
class SkillHit(ConceptHit):
    """A skill found by search or listing; the fields mean what they mean on OccupationHit."""

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


# --- The import: rows read from a folder -----------------------------------------------


class SkippedRow(NamedTuple):
    """A row that was not imported: where it starts and why."""

    file: str
    line: int
    reason: str


# Row types list their fields in the column order of the table they load into.
class IscoGroupRow(NamedTuple):
    uri: str
    code: str
    parent_code: str | None
    skill_level: int | None
    label_en: str
    label_nl: str | None
    description_en: str | None


class OccupationRow(NamedTuple):
    uri: str
    code: str | None
    isco_code: str
    skill_level: int | None
    label_en: str
    label_nl: str | None
    description_en: str | None
    description_nl: str | None


class SkillRow(NamedTuple):
    uri: str
    skill_type: str | None
    reuse_level: str | None
    label_en: str
    label_nl: str | None
    description_en: str | None
    description_nl: str | None


class SkillGroupRow(NamedTuple):
    uri: str
    code: str | None
    label_en: str
    label_nl: str | None
    description_en: str | None


class BroaderRow(NamedTuple):
    concept_uri: str
    concept_type: str
    broader_uri: str
    broader_type: str
    pillar: str


class OccupationSkillRow(NamedTuple):
    occupation_uri: str
    skill_uri: str
    relation: str


class SkillRelationRow(NamedTuple):
    skill_uri: str
    related_skill_uri: str
    relation: str


class CollectionRow(NamedTuple):
    collection: str
    skill_uri: str


class LabelRow(NamedTuple):
    concept_uri: str
    concept_kind: str
    lang: str
    label_kind: str
    label: str


class DigcompRow(NamedTuple):
    id: str
    area_id: int
    area_en: str
    area_nl: str
    name_en: str
    name_nl: str
    skill_uri: str


@dataclass
class Taxonomy:
    """Everything read from one folder, keyed the way the tables are."""

    isco_group: dict[str, IscoGroupRow] = field(default_factory=dict)
    occupation: dict[str, OccupationRow] = field(default_factory=dict)
    skill: dict[str, SkillRow] = field(default_factory=dict)
    skill_group: dict[str, SkillGroupRow] = field(default_factory=dict)
    taxonomy_broader: list[BroaderRow] = field(default_factory=list)
    occupation_skill: list[OccupationSkillRow] = field(default_factory=list)
    skill_relation: list[SkillRelationRow] = field(default_factory=list)
    skill_collection: list[CollectionRow] = field(default_factory=list)
    taxonomy_label: dict[tuple[str, str, str, str], LabelRow] = field(default_factory=dict)
    digcomp_competence: dict[str, DigcompRow] = field(default_factory=dict)
    skipped: list[SkippedRow] = field(default_factory=list)

    def rows(self, table: str) -> list[tuple[object, ...]]:
        """The rows for `table`, in its column order."""
        value = getattr(self, table)
        return list(value.values() if isinstance(value, dict) else value)

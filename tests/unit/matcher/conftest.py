"""Shared builders: the starter taxonomy as matcher input, and a small hand-made world."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from services.core.taxonomy import reader
from services.matcher.scoring import Matcher
from services.matcher.similarity import SkillModel, build_skill_model
from services.matcher.types import Relation, TaxonomyData

STARTER = Path(__file__).resolve().parents[3] / "services/core/taxonomy/starter"


@cache
def starter_data() -> TaxonomyData:
    """The bundled starter taxonomy, shaped as the worker hands it to the matcher."""
    return esco_data(STARTER)


def esco_data(folder: Path) -> TaxonomyData:
    """A folder in the ESCO CSV layout, shaped as the worker hands it to the matcher."""
    taxonomy = reader.read_folder(folder)
    return TaxonomyData(
        skill_uris=sorted(taxonomy.skill),
        occupation_uris=sorted(taxonomy.occupation),
        occupation_skills=sorted(
            (r.occupation_uri, r.skill_uri, _relation(r.relation))
            for r in taxonomy.occupation_skill
        ),
        skill_relations=sorted((r.skill_uri, r.related_skill_uri) for r in taxonomy.skill_relation),
        skill_broader=sorted(
            (r.concept_uri, r.broader_uri)
            for r in taxonomy.taxonomy_broader
            if r.pillar == "skill" and r.concept_type == "KnowledgeSkillCompetence"
        ),
        labels={uri: (row.label_en, row.label_nl) for uri, row in taxonomy.skill.items()},
        fingerprint=folder.name,
    )


def _relation(value: str) -> Relation:
    return "essential" if value == "essential" else "optional"


@cache
def starter_model() -> SkillModel:
    """The skill model of the starter taxonomy with default parameters (built once)."""
    return build_skill_model(starter_data())


# A tiny taxonomy: two cleaning skills that always go together, two kitchen skills, and a
# skill no occupation asks for. Explicit relation: windows ~ glass.
SMALL = TaxonomyData(
    skill_uris=["s:windows", "s:glass", "s:floors", "s:cook", "s:dishes", "s:lonely"],
    occupation_uris=["o:cleaner", "o:window-cleaner", "o:cook", "o:dishwasher"],
    occupation_skills=[
        ("o:cleaner", "s:floors", "essential"),
        ("o:cleaner", "s:windows", "optional"),
        ("o:window-cleaner", "s:windows", "essential"),
        ("o:window-cleaner", "s:glass", "essential"),
        ("o:cook", "s:cook", "essential"),
        ("o:cook", "s:dishes", "optional"),
        ("o:dishwasher", "s:dishes", "essential"),
    ],
    skill_relations=[("s:windows", "s:glass")],
    skill_broader=[
        ("s:windows", "g:cleaning"),
        ("s:glass", "g:cleaning"),
        ("s:floors", "g:cleaning"),
    ],
    fingerprint="small-1",
)


@pytest.fixture(scope="session")
def small_matcher() -> Matcher:
    """A matcher over the tiny taxonomy."""
    return Matcher(build_skill_model(SMALL))


@pytest.fixture(scope="session")
def starter_matcher() -> Matcher:
    """A matcher over the starter taxonomy."""
    return Matcher(starter_model())

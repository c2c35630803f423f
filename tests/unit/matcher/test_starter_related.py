"""The example from the issue, on the bundled starter taxonomy."""

from __future__ import annotations

from bench.matcher_data import taxonomy_data
from services.core.settings import STARTER_TAXONOMY_DIR
from services.matcher.scoring import Matcher
from services.matcher.similarity import build_skill_model
from services.matcher.types import Person, PersonSkill, Vacancy, VacancySkill

WINDOWS = "urn:opstap:skill:clean-windows"
GLASS = "urn:opstap:skill:clean-glass-surfaces"


def test_who_can_clean_windows_partly_covers_clean_glass_surfaces() -> None:
    matcher = Matcher(build_skill_model(taxonomy_data(STARTER_TAXONOMY_DIR)))
    vacancy = Vacancy("v", (VacancySkill(GLASS, "essential"),), 4, "regular", 16, 24)
    person = Person("p", (PersonSkill(WINDOWS, 3, "observed"),), 4, consent_matching=True)
    expert = Person("q", (PersonSkill(GLASS, 3, "observed"),), 4, consent_matching=True)
    why = matcher.explain(person, vacancy)
    assert 0 < matcher.score(person, vacancy) < matcher.score(expert, vacancy)
    assert [(e.skill_uri, e.via_uri) for e in why.related] == [(GLASS, WINDOWS)]
    assert why.missing_essential == ()

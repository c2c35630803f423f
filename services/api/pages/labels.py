"""Names of what pages refer to by code or URI (taxonomy skills and occupations, accommodations,
a vacancy's references), in the reader's language."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import asyncpg

from services.api.pages.i18n import Lang, pick, pick_lang
from services.core.accommodations import repository as accommodations
from services.core.next_steps import repository as next_steps_repository
from services.core.taxonomy import vocabulary
from services.core.vacancies.models import Vacancy


@dataclass(frozen=True)
class Label:
    """A taxonomy label and the language it is in: a page marks one that is not in the
    reader's language with lang (templates: `_lang.html`)."""

    text: str
    lang: Lang

    def __str__(self) -> str:
        return self.text


@functools.cache
def vocabulary_names() -> dict[str, str]:
    """Dutch names of ESCO skills from the curated vocabulary: the first term in the file whose
    best skill it is; not an abbreviation of three letters or fewer ("pbm"), and not a mapping
    noted as a stretch."""
    names: dict[str, str] = {}
    seen: set[str] = set()
    for entry in vocabulary.vocabulary().entries:
        first = entry.term not in seen
        seen.add(entry.term)
        if first and not entry.note and len(entry.term) > 3:
            names.setdefault(entry.skill_uri, entry.term)
    return names


def skill_label(uri: str, nl: str | None, en: str | None, lang: Lang) -> Label:
    """A skill's label for a reader of `lang`: ESCO's own, or the vocabulary's Dutch name when
    ESCO has none in Dutch; the other language (marked) when neither is in `lang`."""
    text, found = pick_lang(lang, nl or vocabulary_names().get(uri), en)
    return Label(text or uri, found)


async def skill_labels(
    conn: asyncpg.Connection, uris: Iterable[str], lang: Lang
) -> dict[str, tuple[str, Lang]]:
    """Labels of taxonomy skills in `lang` (the other language when it has none; the URI when
    unknown), each with the language it is in."""
    wanted = list(dict.fromkeys(uris))
    labels = await next_steps_repository.skill_labels(conn, wanted) if wanted else {}
    found = {u: pick_lang(lang, labels[u][1], labels[u][0]) for u in wanted if u in labels}
    return {u: found.get(u, (u, lang)) for u in wanted}


async def skill_names(conn: asyncpg.Connection, uris: Iterable[str], lang: Lang) -> dict[str, str]:
    """Labels of taxonomy skills in `lang` (the URI when unknown)."""
    return {u: text for u, (text, _) in (await skill_labels(conn, uris, lang)).items()}


async def occupation_labels(
    conn: asyncpg.Connection, uris: Iterable[str | None], lang: Lang
) -> dict[str, tuple[str, Lang]]:
    """Labels of taxonomy occupations in `lang`, each with the language it is in."""
    wanted = [u for u in dict.fromkeys(uris) if u]
    labels = await next_steps_repository.occupation_labels(conn, wanted) if wanted else {}
    return {u: pick_lang(lang, labels[u][1], labels[u][0]) for u in wanted if u in labels}


async def occupation_names(
    conn: asyncpg.Connection, uris: Iterable[str | None], lang: Lang
) -> dict[str, str]:
    """Labels of taxonomy occupations in `lang`."""
    return {u: text for u, (text, _) in (await occupation_labels(conn, uris, lang)).items()}


async def accommodation_names(conn: asyncpg.Connection, lang: Lang) -> dict[str, str]:
    """The accommodation vocabulary: code -> label in `lang`, in the vocabulary's order."""
    return {a.code: pick(lang, a.label_nl, a.label_en) for a in await accommodations.list_all(conn)}


@dataclass
class VacancyFacts:
    """A vacancy's references in the reader's language."""

    occupation: str
    skills: list[tuple[str, str, int]]  # (label, essential|optional, least level)
    accommodations: list[str]


async def vacancy_facts(conn: asyncpg.Connection, vacancy: Vacancy, lang: Lang) -> VacancyFacts:
    """Labels of a vacancy's occupation, skills and offered accommodations."""
    skills = await skill_names(conn, [s.skill_uri for s in vacancy.skills], lang)
    occupation = await occupation_names(conn, [vacancy.occupation_uri], lang)
    offered = await accommodation_names(conn, lang)
    return VacancyFacts(
        occupation=occupation.get(vacancy.occupation_uri, vacancy.occupation_uri),
        skills=[(skills[s.skill_uri], s.relation, s.min_level) for s in vacancy.skills],
        accommodations=[offered.get(c, c) for c in vacancy.accommodations],
    )

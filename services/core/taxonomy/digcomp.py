"""DigComp 2.2 in the taxonomy: where its file comes from, Dutch names, a person's digital profile.

DigComp 2.2 has 5 areas and 21 competences, each mapped to a taxonomy skill (an ESCO skill, or a
starter skill in the starter taxonomy); the import fills `digcomp_competence` from a
`digcomp_2_2_competences.csv`. A profile shows, per area, the competences a person has (from
their skills) beside the ones a set of required skills asks for, so a page can show "what you
have" next to "what your next step asks".
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from uuid import UUID

import asyncpg

from services.core.errors import Invalid
from services.core.settings import STARTER_TAXONOMY_DIR, Settings
from services.core.taxonomy import queries

COMPETENCES_FILE = "digcomp_2_2_competences.csv"
FOLDER_NAME = "digcomp"


class Names(NamedTuple):
    """A name in English and Dutch."""

    en: str
    nl: str


# The official English names and our own Dutch translations. DigComp 2.2, Vuorikari, Kluzer &
# Punie 2022, JRC128415 (© European Union, CC BY 4.0); the Dutch wording is ours.
AREAS: dict[int, Names] = {
    1: Names("Information and data literacy", "Informatie- en datavaardigheden"),
    2: Names("Communication and collaboration", "Communicatie en samenwerking"),
    3: Names("Digital content creation", "Digitale inhoud maken"),
    4: Names("Safety", "Veiligheid"),
    5: Names("Problem solving", "Problemen oplossen"),
}
COMPETENCES: dict[str, Names] = {
    "1.1": Names(
        "Browsing, searching and filtering data, information and digital content",
        "Data, informatie en digitale inhoud zoeken en filteren",
    ),
    "1.2": Names(
        "Evaluating data, information and digital content",
        "Data, informatie en digitale inhoud beoordelen",
    ),
    "1.3": Names(
        "Managing data, information and digital content",
        "Data, informatie en digitale inhoud beheren",
    ),
    "2.1": Names("Interacting through digital technologies", "Communiceren met digitale middelen"),
    "2.2": Names("Sharing through digital technologies", "Delen met digitale middelen"),
    "2.3": Names(
        "Engaging in citizenship through digital technologies",
        "Meedoen in de samenleving met digitale middelen",
    ),
    "2.4": Names("Collaborating through digital technologies", "Samenwerken met digitale middelen"),
    "2.5": Names("Netiquette", "Netiquette: goede omgangsvormen online"),
    "2.6": Names("Managing digital identity", "Je digitale identiteit beheren"),
    "3.1": Names("Developing digital content", "Digitale inhoud ontwikkelen"),
    "3.2": Names(
        "Integrating and re-elaborating digital content",
        "Digitale inhoud aanpassen en combineren",
    ),
    "3.3": Names("Copyright and licences", "Auteursrecht en licenties"),
    "3.4": Names("Programming", "Programmeren"),
    "4.1": Names("Protecting devices", "Apparaten beschermen"),
    "4.2": Names("Protecting personal data and privacy", "Persoonsgegevens en privacy beschermen"),
    "4.3": Names("Protecting health and well-being", "Gezondheid en welzijn beschermen"),
    "4.4": Names("Protecting the environment", "Het milieu beschermen"),
    "5.1": Names("Solving technical problems", "Technische problemen oplossen"),
    "5.2": Names(
        "Identifying needs and technological responses",
        "Behoeften en digitale oplossingen herkennen",
    ),
    "5.3": Names("Creatively using digital technologies", "Digitale middelen creatief gebruiken"),
    "5.4": Names(
        "Identifying digital competence gaps", "Herkennen welke digitale vaardigheden je mist"
    ),
}
# DigComp's four overall proficiency bands, two levels each.
PROFICIENCY: dict[int, Names] = {
    1: Names("Foundation", "Basis"),
    2: Names("Intermediate", "Gemiddeld"),
    3: Names("Advanced", "Gevorderd"),
    4: Names("Highly specialised", "Zeer gespecialiseerd"),
}

# Our skill levels (1 beginner .. 4 can teach it) on DigComp's 8 proficiency levels, matched on
# DigComp's autonomy dimension: 1 -> 2 (simple tasks, guidance where needed), 2 -> 3 (routine
# tasks on my own), 3 -> 4 (independent, also non-routine problems), 4 -> 5 (guiding others).
# Levels 6-8 (adapting to others in complex contexts, contributing to the field) ask for more
# than our four-point scale records, so no skill level reaches them.
DIGCOMP_LEVEL: dict[int, int] = {1: 2, 2: 3, 3: 4, 4: 5}


def digcomp_level(skill_level: int) -> int:
    """The DigComp proficiency level (1-8) of one of our skill levels (1-4)."""
    try:
        return DIGCOMP_LEVEL[skill_level]
    except KeyError:
        raise ValueError(f"skill level {skill_level} is not between 1 and 4") from None


def proficiency(level: int) -> Names | None:
    """DigComp's name for a proficiency level (1-8): Foundation .. Highly specialised."""
    return PROFICIENCY.get((level + 1) // 2) if 1 <= level <= 8 else None


# --- where the competences file comes from ----------------------------------------------------


def digcomp_folder(settings: Settings) -> Path | None:
    """The folder holding the DigComp competences file for the configured taxonomy, if any.

    The starter taxonomy brings its own file: its skills are not ESCO skills, so a DigComp file
    mapped to ESCO would never fit it. With ESCO: `digcomp_dir` when set, else a folder named
    `digcomp` beside the ESCO folder when it holds the file, else None (import without DigComp).
    """
    if settings.esco_dir is None:
        return default_folder(STARTER_TAXONOMY_DIR)
    if settings.digcomp_dir is not None:
        return settings.digcomp_dir
    return default_folder(settings.esco_dir)


def default_folder(taxonomy_folder: Path) -> Path | None:
    """The taxonomy folder itself when it holds the file (the starter), else `digcomp` beside it."""
    for folder in (taxonomy_folder, taxonomy_folder.parent / FOLDER_NAME):
        if (folder / COMPETENCES_FILE).is_file():
            return folder
    return None


def competences_file(taxonomy_folder: Path, digcomp_dir: Path | None = None) -> Path | None:
    """The competences file to import with `taxonomy_folder`; None when there is none.

    A folder given on purpose must hold the file (Invalid otherwise); without one, the default
    beside the taxonomy is used when it exists.
    """
    if digcomp_dir is None:
        folder = default_folder(taxonomy_folder)
        return folder / COMPETENCES_FILE if folder else None
    path = digcomp_dir / COMPETENCES_FILE
    if not path.is_file():
        raise Invalid(
            f"{COMPETENCES_FILE} is missing from the DigComp folder {digcomp_dir}",
            fields={"file": COMPETENCES_FILE, "folder": str(digcomp_dir)},
        )
    return path


def translations_key() -> bytes:
    """Our Dutch names as bytes, so a changed translation changes the import fingerprint."""
    names = [
        *(f"{i}={n.nl}" for i, n in AREAS.items()),
        *(f"{i}={n.nl}" for i, n in COMPETENCES.items()),
    ]
    return "\0".join(names).encode()


# --- what the read side returns ----------------------------------------------------------------


@dataclass(frozen=True)
class Competence:
    """One DigComp 2.2 competence (id like '4.2'), its area and the taxonomy skill it maps to."""

    id: str
    area_id: int
    area: Names
    name: Names
    skill_uri: str


@dataclass(frozen=True)
class CompetenceStatus:
    """A competence in a person's profile: what they show of it and which required skills ask it.

    `skill_level` is the person's level (1-4) on the competence's skill, None when they do not
    have it; `level` is its DigComp level (see DIGCOMP_LEVEL), 0 when they do not have it.
    `asked_by` lists the required skill URIs that ask for the competence: its own skill, or a
    skill linked to it in skill_relation (either direction).
    """

    competence: Competence
    skill_level: int | None
    level: int
    asked_by: tuple[str, ...]

    @property
    def has(self) -> bool:
        """Whether the person has the competence's skill."""
        return self.skill_level is not None

    @property
    def asked(self) -> bool:
        """Whether a required skill asks for it."""
        return bool(self.asked_by)


@dataclass(frozen=True)
class DigitalArea:
    """One DigComp area of a profile; `level` is the highest competence level in it (0: none)."""

    area_id: int
    name: Names
    level: int
    competences: tuple[CompetenceStatus, ...]

    @property
    def have(self) -> list[CompetenceStatus]:
        """Competences the person has, with their levels."""
        return [c for c in self.competences if c.has]

    @property
    def asked(self) -> list[CompetenceStatus]:
        """Competences the required skills ask for."""
        return [c for c in self.competences if c.asked]

    @property
    def missing(self) -> list[CompetenceStatus]:
        """Asked competences the person does not have yet."""
        return [c for c in self.competences if c.asked and not c.has]


@dataclass(frozen=True)
class DigitalProfile:
    """A person's digital skills in the 5 DigComp areas, in order, beside what is asked."""

    employee_id: UUID
    areas: tuple[DigitalArea, ...]


# --- reading ----------------------------------------------------------------------------------


def _competence(row: asyncpg.Record) -> Competence:
    return Competence(
        id=row["id"],
        area_id=row["area_id"],
        area=Names(row["area_en"], row["area_nl"]),
        name=Names(row["name_en"], row["name_nl"]),
        skill_uri=row["skill_uri"],
    )


async def competences(conn: asyncpg.Connection) -> list[Competence]:
    """All imported DigComp competences in order (21, or none when imported without DigComp)."""
    return [_competence(row) for row in await conn.fetch(queries.SELECT_DIGCOMP_COMPETENCES)]


async def profile(
    conn: asyncpg.Connection, employee_id: UUID, required_skill_uris: Collection[str] = ()
) -> DigitalProfile:
    """The person's level and competences per DigComp area, and what `required_skill_uris` ask.

    Only the person's own skill rows count (an unknown id gives an empty profile): check access
    before calling. All 5 areas are always there, empty when DigComp was not imported.
    """
    rows = await conn.fetch(
        queries.SELECT_DIGCOMP_PROFILE, employee_id, sorted(set(required_skill_uris))
    )
    by_area: dict[int, list[CompetenceStatus]] = {area: [] for area in AREAS}
    for row in rows:
        skill_level = row["skill_level"]
        by_area[row["area_id"]].append(
            CompetenceStatus(
                competence=_competence(row),
                skill_level=skill_level,
                level=digcomp_level(skill_level) if skill_level is not None else 0,
                asked_by=tuple(row["asked_by"]),
            )
        )
    areas = tuple(
        DigitalArea(
            area_id=area,
            name=statuses[0].competence.area if statuses else AREAS[area],
            level=max((c.level for c in statuses), default=0),
            competences=tuple(statuses),
        )
        for area, statuses in by_area.items()
    )
    return DigitalProfile(employee_id, areas)

"""A person's data export as a JSON Resume document (https://jsonresume.org/schema): the part
of it that makes a CV, for taking to another platform (GDPR art. 20, portability).

Made from the same export (the same access rule, and the read is audited as "export"); skills
carry their ESCO URI as a keyword and their level in words, languages their CEFR level.
"""

from __future__ import annotations

from typing import Any

import asyncpg
from babel import Locale
from pydantic import BaseModel, ConfigDict, Field

from services.core.access.policy import Actor
from services.core.employees.models import Employee
from services.core.i18n import Lang, text
from services.core.privacy import export, queries
from services.core.privacy.models import PersonalData, Row
from services.core.taxonomy.repository import occupation_labels

SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


class _Open(BaseModel):
    """Field names are JSON Resume's own (camelCase)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Location(_Open):
    postalCode: str | None = None
    countryCode: str = "NL"


class Basics(_Open):
    name: str
    email: str | None = None
    phone: str | None = None
    location: Location


class Work(_Open):
    name: str | None = Field(None, description="the organisation")
    position: str
    startDate: str | None = None
    summary: str | None = None


class Skill(_Open):
    name: str = Field(description="the ESCO label")
    level: str = Field(description="the level in words")
    keywords: list[str] = Field(description="the ESCO skill URI")


class Language(_Open):
    language: str
    fluency: str = Field(description="the CEFR level, A1-C2")


class Certificate(_Open):
    name: str
    date: str | None = None


class Meta(_Open):
    canonical: str = SCHEMA
    version: str = "v1.0.0"
    lastModified: str


class JsonResume(_Open):
    """A JSON Resume document (https://jsonresume.org/schema) of one person."""

    schema_: str = Field(SCHEMA, alias="$schema")
    basics: Basics
    work: list[Work]
    skills: list[Skill]
    languages: list[Language]
    certificates: list[Certificate]
    meta: Meta


def _label(row: Row, lang: Lang) -> str:
    first, second = ("label_nl", "label_en") if lang == "nl" else ("label_en", "label_nl")
    return str(row.get(first) or row.get(second) or row["skill_uri"])


def _language_name(code: str, lang: Lang) -> str:
    name = Locale.parse(_LOCALES[lang]).languages.get(code)
    return str(name) if name else code


def _date(value: Any) -> str | None:
    return str(value)[:10] if value else None


def resume(
    data: PersonalData,
    lang: Lang,
    occupation: str | None,
    placements: list[asyncpg.Record],
) -> JsonResume:
    """The JSON Resume of an export; `occupation` is the current occupation's label."""
    profile = data.profile
    work: list[Work] = []
    if occupation:
        work.append(Work(name=profile.get("organisation_name"), position=occupation))
    for placement in placements:
        trial = placement["decision"] == "trial_placement"
        work.append(
            Work(
                name=placement["organisation"],
                position=placement["title"],
                startDate=_date(placement["start_date"]),
                summary=text(lang, "resume.trial_placement") if trial else None,
            )
        )
    title = "title_nl" if lang == "nl" else "title_en"
    return JsonResume(
        basics=Basics(
            name=profile["name"],
            email=profile.get("email"),
            phone=profile.get("phone"),
            location=Location(postalCode=profile.get("postcode")),
        ),
        work=work,
        skills=[
            Skill(
                name=_label(row, lang),
                level=text(lang, f"level.{row['level']}"),
                keywords=[row["skill_uri"]],
            )
            for row in data.skills
        ],
        languages=[
            Language(language=_language_name(row["language"], lang), fluency=row["cefr"])
            for row in data.languages
        ],
        certificates=[
            Certificate(
                name=str(row.get(title) or row.get("title_nl") or row.get("module_code")),
                date=_date(row.get("completed_on")),
            )
            for row in data.training_records
        ],
        meta=Meta(lastModified=data.exported_at.isoformat()),
    )


async def export_resume(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, lang: Lang
) -> JsonResume:
    """The person's JSON Resume: the export's access rule and audit, then the mapping."""
    data = await export.export(conn, actor, employee)
    uri = data.profile.get("current_occupation_uri")
    labels = await occupation_labels(conn, [uri]) if uri else {}
    placements = await conn.fetch(queries.RESUME_PLACEMENTS, employee.id)
    return resume(data, lang, labels.get(uri) if uri else None, placements)

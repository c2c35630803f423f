"""A vacancy as a schema.org JobPosting (JSON-LD), for job boards and search engines.

Pure functions: the row comes from queries.SELECT_JOBPOSTINGS. Choices, for whoever reads the
JSON-LD:

- employmentType (schema.org's values as Google for Jobs reads them): every paid kind
  (regular, regular_with_wage_subsidy, sheltered, wise_paid) is PART_TIME when hours_max < 32,
  FULL_TIME when hours_min >= 32, both when the hours straddle 32; work_experience (a
  werkervaringsplaats) is INTERN; volunteer is VOLUNTEER; day_activity (dagbesteding) is OTHER.
- occupationalCategory is a CategoryCode: the ISCO-08 unit group of the vacancy's ESCO
  occupation (codeValue, e.g. "9112") with the occupation's label as its name and its ESCO URI
  as its url; when the taxonomy lacks the occupation, only the URI (as text).
- skills are DefinedTerms: "@id" and url the ESCO skill URI, name its Dutch label (English
  when there is none), inDefinedTermSet ESCO; essential skills first.
- the accommodations offered are jobBenefits, in Dutch words ("Aanpassingen: Rustige
  werkplek, Extra pauzes."): schema.org's text for what the employer provides with the job.
- jobLocation: the vacancy's postcode, else the organisation's, in the Netherlands; geo when
  the vacancy has coordinates.
- description is never empty: without one, a sentence from the title and the organisation.
"""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field

from services.core.clock import LOCAL_TIME

SCHEMA_ORG = "https://schema.org"
ESCO = "https://esco.ec.europa.eu/"
ISCO_08 = "https://www.ilo.org/public/english/bureau/stat/isco/isco08/"
PART_TIME_BELOW = 32  # hours a week
PAID_KINDS = ("regular", "regular_with_wage_subsidy", "sheltered", "wise_paid")
OTHER_KINDS = {"work_experience": "INTERN", "volunteer": "VOLUNTEER", "day_activity": "OTHER"}


class _Ld(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class PostalAddress(_Ld):
    """Where the work is: a Dutch postcode."""

    type: str = Field("PostalAddress", alias="@type")
    postalCode: str | None = None
    addressCountry: str = "NL"


class GeoCoordinates(_Ld):
    """The place of work on the map."""

    type: str = Field("GeoCoordinates", alias="@type")
    latitude: float
    longitude: float


class Place(_Ld):
    """The place of work."""

    type: str = Field("Place", alias="@type")
    address: PostalAddress
    geo: GeoCoordinates | None = None


class HiringOrganization(_Ld):
    """The employer or WISE that posted the vacancy."""

    type: str = Field("Organization", alias="@type")
    name: str
    sameAs: str | None = None


class DefinedTerm(_Ld):
    """An ESCO skill."""

    type: str = Field("DefinedTerm", alias="@type")
    id: str = Field(alias="@id")
    url: str
    name: str
    inDefinedTermSet: str = ESCO


class CategoryCode(_Ld):
    """The ISCO-08 unit group of the vacancy's occupation."""

    type: str = Field("CategoryCode", alias="@type")
    codeValue: str
    inCodeSet: str = ISCO_08
    name: str | None = None
    url: str | None = None


class JobPosting(_Ld):
    """A schema.org JobPosting of one vacancy."""

    context: str | None = Field(SCHEMA_ORG, alias="@context")
    type: str = Field("JobPosting", alias="@type")
    identifier: str = Field(description="The vacancy's id.")
    title: str
    description: str
    datePosted: str
    validThrough: str | None = None
    hiringOrganization: HiringOrganization
    jobLocation: Place
    employmentType: list[str]
    workHours: str
    occupationalCategory: CategoryCode | str
    skills: list[DefinedTerm]
    totalJobOpenings: int
    jobBenefits: str | None = None


class ListItem(_Ld):
    """One JobPosting in a feed."""

    type: str = Field("ListItem", alias="@type")
    position: int
    item: JobPosting


class JobPostingList(_Ld):
    """An organisation's open vacancies as a schema.org ItemList of JobPostings."""

    context: str = Field(SCHEMA_ORG, alias="@context")
    type: str = Field("ItemList", alias="@type")
    name: str
    numberOfItems: int
    itemListElement: list[ListItem]


def employment_types(contract_kind: str, hours_min: int, hours_max: int) -> list[str]:
    """schema.org employmentType values of a contract kind and its hours (see the module)."""
    if contract_kind in OTHER_KINDS:
        return [OTHER_KINDS[contract_kind]]
    if contract_kind not in PAID_KINDS:
        return ["OTHER"]
    if hours_max < PART_TIME_BELOW:
        return ["PART_TIME"]
    if hours_min >= PART_TIME_BELOW:
        return ["FULL_TIME"]
    return ["FULL_TIME", "PART_TIME"]


def work_hours(hours_min: int, hours_max: int) -> str:
    """The hours in Dutch words: "16-24 uur per week", or "24 uur per week"."""
    hours = str(hours_max) if hours_min == hours_max else f"{hours_min}-{hours_max}"
    return f"{hours} uur per week"


def benefits(accommodations: list[str]) -> str | None:
    """The accommodations offered, in Dutch, or None when there are none."""
    if not accommodations:
        return None
    return "Aanpassingen: " + ", ".join(accommodations) + "."


def _valid_through(closing: Any) -> str | None:
    """The end of the closing day in Dutch time, as an ISO date-time."""
    if closing is None:
        return None
    return datetime.combine(closing, time(23, 59, 59), LOCAL_TIME).isoformat()


def _category(row: dict[str, Any]) -> CategoryCode | str:
    if not row.get("isco_code"):
        return str(row["occupation_uri"])
    return CategoryCode(
        codeValue=row["isco_code"], name=row.get("occupation_label"), url=row["occupation_uri"]
    )


def jobposting(row: dict[str, Any], *, context: bool = True) -> JobPosting:
    """The JobPosting of a row of queries.SELECT_JOBPOSTINGS (without "@context" when not
    `context`, as an item of a list that carries it)."""
    posted = row.get("published_at") or row["created_at"]
    description = (row.get("description") or "").strip() or (
        f"Vacature: {row['title']} bij {row['organisation_name']}."
    )
    postcode = row.get("postcode") or row.get("organisation_postcode")
    geo = None
    if row.get("latitude") is not None and row.get("longitude") is not None:
        geo = GeoCoordinates(latitude=row["latitude"], longitude=row["longitude"])
    return JobPosting(
        context=SCHEMA_ORG if context else None,
        identifier=str(row["id"]),
        title=row["title"],
        description=description,
        datePosted=posted.astimezone(LOCAL_TIME).date().isoformat(),
        validThrough=_valid_through(row.get("closing_date")),
        hiringOrganization=HiringOrganization(
            name=row["organisation_name"], sameAs=row.get("organisation_website") or None
        ),
        jobLocation=Place(address=PostalAddress(postalCode=postcode), geo=geo),
        employmentType=employment_types(row["contract_kind"], row["hours_min"], row["hours_max"]),
        workHours=work_hours(row["hours_min"], row["hours_max"]),
        occupationalCategory=_category(row),
        skills=[DefinedTerm(id=s["uri"], url=s["uri"], name=s["label"]) for s in row["skills"]],
        totalJobOpenings=row["places"],
        jobBenefits=benefits(list(row["accommodations"])),
    )


def item_list(name: str, rows: list[dict[str, Any]]) -> JobPostingList:
    """An organisation's open vacancies as one ItemList."""
    items = [
        ListItem(position=n, item=jobposting(row, context=False))
        for n, row in enumerate(rows, start=1)
    ]
    return JobPostingList(name=name, numberOfItems=len(items), itemListElement=items)


def as_json(posting: BaseModel) -> dict[str, Any]:
    """The JSON-LD object, leaving out what is not known."""
    found: dict[str, Any] = posting.model_dump(mode="json", by_alias=True, exclude_none=True)
    return found


def script_json(posting: JobPosting) -> Markup:
    """The JSON-LD as the text of a <script type="application/ld+json"> block: <, > and & are
    written as JSON escapes, so no text of the vacancy can close the block ("</script>") or
    open a comment in it."""
    text = json.dumps(as_json(posting), ensure_ascii=False, separators=(",", ":"))
    safe = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(safe)

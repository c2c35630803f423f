"""Import of vacancies given as schema.org JobPosting JSON(-LD), item by item with the API's
own checks; every problem names the JobPosting property to fix."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any

import asyncpg
from pydantic import ValidationError

from services.core.access.policy import Actor, can_manage_vacancies
from services.core.csv_rows import MAX_BYTES, MAX_ROWS, ImportProblem
from services.core.errors import Invalid, Loc, Problem, problems_of
from services.core.taxonomy.repository import search_occupations
from services.core.vacancies import service
from services.core.vacancies.models import ImportResult, VacancyIn

__all__ = [
    "EMPLOYMENT_TYPES",
    "JOBPOSTING_BODY",
    "import_json",
    "parse_hours",
    "read_items",
    "text_of",
]

# schema.org employmentType -> the contract kind it stands for; Opstap's own kinds pass as is.
EMPLOYMENT_TYPES = {
    "FULL_TIME": "regular",
    "PART_TIME": "regular",
    "TEMPORARY": "regular",
    "CONTRACTOR": "regular",
    "PER_DIEM": "regular",
    "INTERN": "work_experience",
    "VOLUNTEER": "volunteer",
}
_KINDS = frozenset(
    (
        "regular",
        "regular_with_wage_subsidy",
        "sheltered",
        "wise_paid",
        "work_experience",
        "volunteer",
        "day_activity",
    )
)
# Each property is read leniently (see the module docstring): a value of another shape is a
# per-posting error in the answer, not a refused request, so the schema names no types.
_POSTING: dict[str, Any] = {
    "type": "object",
    "description": "A schema.org JobPosting (https://schema.org/JobPosting).",
    "properties": {
        "@type": {"description": "JobPosting", "example": "JobPosting"},
        "title": {"description": "text", "example": "Medewerker groenonderhoud"},
        "description": {"description": "text or HTML"},
        "employmentType": {"description": "a schema.org employment type", "example": "PART_TIME"},
        "workHours": {"description": "hours a week: 16-24, 32 uur, a number", "example": "16-24"},
        "occupationalCategory": {
            "description": "an ESCO occupation URI, an ISCO code or a CategoryCode",
            "example": "9214",
        },
        "skills": {"description": "ESCO skill URIs, or DefinedTerms with @id or url"},
        "jobLocation": {"description": "a Place with address.postalCode and geo"},
        "validThrough": {"description": "the closing date, YYYY-MM-DD", "example": "2027-01-31"},
        "totalJobOpenings": {"description": "places", "example": 1},
    },
}
# What the import takes as JSON, for the API documentation.
JOBPOSTING_BODY: dict[str, Any] = {
    "anyOf": [
        _POSTING,
        {"type": "array", "items": _POSTING},
        {
            "type": "object",
            "description": "A schema.org ItemList of JobPostings.",
            "required": ["itemListElement"],
            "properties": {
                "@type": {"type": "string", "example": "ItemList"},
                "itemListElement": {"type": "array", "items": _POSTING},
            },
        },
    ]
}
# Where a VacancyIn field comes from in a JobPosting.
_PROPERTY = {
    "title": "title",
    "description": "description",
    "occupation_uri": "occupationalCategory",
    "contract_kind": "employmentType",
    "postcode": "jobLocation.address.postalCode",
    "latitude": "jobLocation.geo",
    "longitude": "jobLocation.geo",
    "skills": "skills",
    "places": "totalJobOpenings",
    "closing_date": "validThrough",
}
_HOURS = re.compile(
    r"^\s*(\d{1,2})(?:[.,]\d+)?\s*(?:(?:-|\u2013|tot|to|t/m)\s*(\d{1,2})(?:[.,]\d+)?)?\s*"
    r"(?:uur|uren|hours?|h|u)?\s*(?:(?:per|a|/|in de|per de)\s*(?:week|wk)|p/?w)?\s*\.?\s*$",
    re.IGNORECASE,
)
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_ISCO = re.compile(r"^\d{4}$")
_BLOCKS = frozenset(("p", "br", "li", "div", "ul", "ol", "h1", "h2", "h3", "h4", "tr"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(markup: str) -> str:
    """HTML as plain text: tags left out, blocks on their own lines, spaces tidied."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in unescape("".join(parser.parts)).splitlines())
    return "\n".join(line for line in lines if line)


def parse_hours(value: Any) -> tuple[int, int] | None:
    """Hours a week from "16-24", "32 uur", "32 hours per week", 24 or a QuantitativeValue
    {minValue, maxValue}; None when they cannot be read."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return (int(value), int(value)) if 0 <= value <= 99 else None
    if isinstance(value, dict):
        low, high = value.get("minValue", value.get("value")), value.get("maxValue")
        low_hours = parse_hours(low)
        high_hours = parse_hours(high) if high is not None else low_hours
        return (low_hours[0], high_hours[1]) if low_hours and high_hours else None
    if isinstance(value, str):
        found = _HOURS.match(value)
        if found:
            return int(found[1]), int(found[2] or found[1])
    return None


@dataclass
class Item:
    """One JobPosting: its number in the list, the problems found and the valid VacancyIn."""

    number: int
    posting: Any
    problems: list[tuple[str, str]] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    hours_from: str = "workHours"
    isco: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    item: VacancyIn | None = None


def read_items(body: bytes) -> list[Any]:
    """The JobPostings of a JSON body: one object, an array or an ItemList; Invalid otherwise."""
    if len(body) > MAX_BYTES:
        raise Invalid("The JSON is too large", fields={"body": f"at most {MAX_BYTES} bytes"})
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise Invalid("The body is not JSON", fields={"body": str(exc)[:200]}) from None
    if isinstance(data, dict) and "itemListElement" in data:
        if data.get("@type", "ItemList") != "ItemList":
            raise Invalid("Check the ItemList", fields={"@type": "must be ItemList"})
        data = data["itemListElement"]
        if not isinstance(data, list):
            raise Invalid("Check the ItemList", fields={"itemListElement": "must be an array"})
        data = [e.get("item", e) if isinstance(e, dict) else e for e in data]
    elif isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise Invalid(
            "Send a JobPosting object, an array of them or an ItemList",
            fields={"body": "must be a JSON object or array"},
        )
    if strays := [n for n, e in enumerate(data, 1) if not isinstance(e, dict)]:
        raise Invalid(
            "Each JobPosting is a JSON object",
            fields={"body": f"item(s) {', '.join(map(str, strays[:10]))} are no objects"},
        )
    if len(data) > MAX_ROWS:
        raise Invalid("Too many JobPostings", fields={"body": f"at most {MAX_ROWS} items"})
    return data


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _uri_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("termCode")
    return value if isinstance(value, str) and _URI.match(value.strip()) else None


def _employment(item: Item, value: Any) -> None:
    kinds = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    for kind in kinds:
        if isinstance(kind, str) and kind.strip().lower() in _KINDS:
            item.data["contract_kind"] = kind.strip().lower()
            return
        if isinstance(kind, str) and kind.strip().upper() in EMPLOYMENT_TYPES:
            item.data["contract_kind"] = EMPLOYMENT_TYPES[kind.strip().upper()]
            return
    known = ", ".join(EMPLOYMENT_TYPES)
    item.problems.append(("employmentType", f"give one of {known}"))


def _hours(item: Item, posting: dict[str, Any]) -> None:
    if "workHours" not in posting and "hours" in posting:
        item.hours_from = "hours"
    value = posting.get(item.hours_from)
    hours = parse_hours(value)
    if hours is None:
        what = "is missing" if value is None else f"cannot be read as hours a week: {value!r}"
        item.problems.append((item.hours_from, f"{what}; give e.g. 16-24 or 32 uur"[:300]))
        return
    item.data["hours_min"], item.data["hours_max"] = hours


def _location(item: Item, value: Any) -> None:
    place = _first(value)
    if not isinstance(place, dict):
        return
    address = _first(place.get("address"))
    if isinstance(address, dict) and address.get("postalCode") is not None:
        item.data["postcode"] = str(address["postalCode"])
    geo = place.get("geo")
    if isinstance(geo, dict) and "latitude" in geo and "longitude" in geo:
        item.data["latitude"], item.data["longitude"] = geo["latitude"], geo["longitude"]


def _skills(item: Item, value: Any) -> None:
    for entry in value if isinstance(value, list) else [value]:
        uri = _uri_of(entry)
        if uri is None:
            shown = entry
            if isinstance(entry, dict):
                shown = entry.get("@id") or entry.get("url") or entry.get("name") or entry
            item.problems.append(("skills", f"{shown!r} is no ESCO skill URI"[:300]))
        else:
            item.skills.append(uri.strip())
    item.data["skills"] = [{"skill_uri": uri, "relation": "essential"} for uri in item.skills]


def _occupation(item: Item, value: Any) -> None:
    value = _first(value)
    if isinstance(value, dict):  # a CategoryCode: its ESCO URI, else its ISCO code
        value = _uri_of(value) or value.get("codeValue")
    text = str(value).strip() if isinstance(value, str | int) else ""
    if _ISCO.match(text):
        item.isco = text
    elif _URI.match(text):
        item.data["occupation_uri"] = text
    else:
        item.problems.append(
            ("occupationalCategory", "give an ESCO occupation URI or a 4-digit ISCO-08 code")
        )


def _read(item: Item) -> None:
    """The JobPosting as VacancyIn's input, with the problems only a JobPosting can have."""
    posting = item.posting
    if not isinstance(posting, dict):
        item.problems.append(("item", "is not a JobPosting object"))
        return
    kind = posting.get("@type", "JobPosting")
    if kind != "JobPosting" and not (isinstance(kind, list) and "JobPosting" in kind):
        item.problems.append(("@type", "must be JobPosting"))
    data = item.data
    if "title" in posting:
        data["title"] = posting["title"]
    if isinstance(posting.get("description"), str):
        data["description"] = text_of(posting["description"])
    _employment(item, posting.get("employmentType"))
    _hours(item, posting)
    _location(item, posting.get("jobLocation"))
    if posting.get("skills") is not None:
        _skills(item, posting["skills"])
    _occupation(item, posting.get("occupationalCategory"))
    if posting.get("validThrough") is not None:
        data["closing_date"] = str(posting["validThrough"])[:10]
    if posting.get("totalJobOpenings") is not None:
        data["places"] = posting["totalJobOpenings"]


def _property(item: Item, loc: Loc) -> str:
    head = str(loc[0]) if loc else "item"
    if head in ("hours_min", "hours_max"):
        return item.hours_from
    return _PROPERTY.get(head, head)


def _detail(item: Item, loc: Loc, message: str) -> str:
    if len(loc) > 1 and loc[0] == "skills" and isinstance(loc[1], int):
        return f"{item.skills[loc[1]]}: {message}"
    return message


def _check(item: Item) -> None:
    """Validate with VacancyIn; a property already found wrong is named once."""
    try:
        vacancy = VacancyIn.model_validate(item.data)
    except ValidationError as exc:
        named = {name for name, _ in item.problems}
        item.problems += [p for p in _named(item, problems_of(exc)) if p[0] not in named]
        return
    if not item.problems:
        item.item = vacancy


def _named(item: Item, problems: list[Problem]) -> list[tuple[str, str]]:
    return [(_property(item, loc), _detail(item, loc, message)) for loc, message in problems]


async def _isco_occupation(conn: asyncpg.Connection, item: Item) -> None:
    """The ESCO occupation of an ISCO code: the one whose label best fits the title."""
    assert item.isco is not None
    title = item.data.get("title")
    query = " ".join(title.lower().split())[:200] if isinstance(title, str) else None
    for words in (query, None) if query else (None,):
        page = await search_occupations(
            conn, query=words, lang="nl", isco=item.isco, limit=1, offset=0
        )
        if page.items:
            item.data["occupation_uri"] = page.items[0].uri
            return
    item.problems.append(
        ("occupationalCategory", f"ISCO code {item.isco} has no occupation in the taxonomy")
    )


async def import_json(conn: asyncpg.Connection, actor: Actor, body: bytes) -> ImportResult:
    """Import the valid JobPostings as draft vacancies of the actor's organisation; report the
    others by their number in the list (the first is 1) and the property to fix."""
    can_manage_vacancies(actor)
    items = [Item(n, posting) for n, posting in enumerate(read_items(body), start=1)]
    for item in items:
        _read(item)
        if item.isco:
            await _isco_occupation(conn, item)
        if isinstance(item.posting, dict):
            _check(item)
    valid = [item for item in items if item.item is not None]
    found = await service.reference_problems(conn, [i.item for i in valid if i.item])
    for item, problems in zip(valid, found, strict=True):
        if problems:
            item.problems, item.item = _named(item, problems), None
    new = [(uuid.uuid4(), "draft", item.item) for item in items if item.item is not None]
    await service.create_many(conn, actor, new)
    errors = [
        ImportProblem(line=item.number, field=name, detail=detail)
        for item in items
        for name, detail in item.problems
    ]
    return ImportResult(imported=len(new), errors=errors, ids=[vid for vid, _, _ in new])

"""How the vacancy and training module imports read a row and name what is wrong with it,
without HTTP or a database (the reference checks against the taxonomy are integration tests)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.core.clock import today
from services.core.errors import Invalid
from services.core.training import csv_import as modules
from services.core.vacancies import csv_import as vacancies

OCCUPATION = "http://data.europa.eu/esco/occupation/x"
SKILL_A = "http://data.europa.eu/esco/skill/a"
SKILL_B = "http://data.europa.eu/esco/skill/b"
VACANCY_HEADER = "title,occupation_uri,contract_kind,hours_min,hours_max"


def _vacancy(extra_header: str = "", extra: str = "") -> vacancies.Row:
    """One checked vacancy row: the required cells valid, plus the extra columns."""
    header = VACANCY_HEADER + (f",{extra_header}" if extra_header else "")
    line = f"Afwasser,{OCCUPATION},regular,16,24" + (f",{extra}" if extra else "")
    (row,) = vacancies.read_rows(f"{header}\n{line}\n".encode())
    vacancies.check(row)
    return row


def _problems(row: vacancies.Row | modules.Row) -> list[tuple[int, str, str]]:
    found = vacancies.report(row) if isinstance(row, vacancies.Row) else modules.report(row)
    return [(p.line, p.field, p.detail) for p in found]


def test_a_valid_vacancy_row_becomes_a_draft() -> None:
    row = _vacancy()
    assert row.item is not None and row.problems == [] and row.status == "draft"
    assert (row.item.title, row.item.hours_min, row.item.hours_max) == ("Afwasser", 16, 24)


def test_skills_are_split_with_their_levels_and_relations() -> None:
    row = _vacancy("skills_essential,skills_optional", f"{SKILL_A}:3|{SKILL_B},{SKILL_B}x:9")
    assert row.item is None  # level 9 is above 4
    assert row.skills == [
        {"skill_uri": SKILL_A, "relation": "essential", "min_level": "3"},
        {"skill_uri": SKILL_B, "relation": "essential", "min_level": "1"},
        {"skill_uri": SKILL_B + "x", "relation": "optional", "min_level": "9"},
    ]
    assert _problems(row) == [
        (2, "skills_optional", f"{SKILL_B}x: Input should be less than or equal to 4")
    ]


def test_a_skill_listed_twice_is_reported_in_the_column_of_its_second_mention() -> None:
    row = _vacancy("skills_essential,skills_optional", f"{SKILL_A},{SKILL_A}")
    assert _problems(row) == [
        (2, "skills_optional", f"Value error, skill {SKILL_A} is listed twice")
    ]


def test_accommodation_codes_are_split_and_a_bad_one_is_named() -> None:
    row = _vacancy("accommodations", "quiet_room| Bad Code ")
    assert row.codes == ["quiet_room", "Bad Code"]
    ((line, field, detail),) = _problems(row)
    assert (line, field) == (2, "accommodations") and detail.startswith("Bad Code: ")


def test_the_language_level_is_upper_cased_and_its_problems_name_their_column() -> None:
    item = _vacancy("language,language_cefr", "nl,b1").item
    assert item is not None and item.language is not None and item.language.cefr == "B1"
    row = _vacancy("language,language_cefr", "dutch,Z9")
    assert {field for _, field, _ in _problems(row)} == {"language", "language_cefr"}


def test_the_status_is_draft_or_open_only() -> None:
    assert _vacancy("status", "OPEN").status == "open"
    row = _vacancy("status", "filled")
    assert row.item is None and _problems(row) == [(2, "status", "must be draft or open")]


def test_an_open_vacancy_cannot_have_a_closing_date_in_the_past() -> None:
    past = (today() - timedelta(days=1)).isoformat()
    assert _vacancy("status,closing_date", f"draft,{past}").item is not None
    row = _vacancy("status,closing_date", f"open,{past}")
    assert _problems(row) == [
        (2, "closing_date", "is in the past; an open vacancy needs a later date")
    ]


def test_pydantic_problems_name_the_column_and_unknown_locations_the_row() -> None:
    row = _vacancy("latitude", "52.1")  # latitude without longitude
    assert _problems(row) == [
        (2, "longitude", "Value error, give latitude and longitude together, or neither")
    ]
    (short,) = vacancies.read_rows(f"{VACANCY_HEADER}\nA,{OCCUPATION},regular,16,24,x\n".encode())
    assert _problems(short) == [(2, "row", "has 6 values for 5 columns")]


def test_a_vacancy_file_without_a_required_column_is_refused() -> None:
    with pytest.raises(Invalid, match=r"not a vacancy CSV: .* lacks the required column"):
        vacancies.read_rows(b"title,occupation_uri\nA,B\n")


MODULE_HEADER = "code,title_nl,title_en,provider_kind,level,hours,skills,competences"


def _module(
    skills: str = SKILL_A, competences: str = "", line: int = 2, code: str = "koken-1"
) -> modules.Row:
    text = f"{MODULE_HEADER}\n" + "\n" * (line - 2) + f"{code},Koken,Cooking,course,2,8,"
    _, (row,) = modules.read_file(f"{text}{skills},{competences}\n".encode())
    modules.check(row, modules.fields_of(row))
    return row


def test_a_module_row_splits_skills_and_competences() -> None:
    row = _module(f"{SKILL_A} | {SKILL_B}", "1.1:2| 4.2 : 3")
    assert row.item is not None and row.problems == []
    assert row.item.skills == [SKILL_A, SKILL_B]
    assert [(c.competence_id, c.level) for c in row.item.competences] == [("1.1", 2), ("4.2", 3)]


def test_a_bad_competence_is_named_with_how_to_write_one() -> None:
    row = _module("", "1.1")
    assert row.item is None
    ((line, field, detail),) = _problems(row)
    assert (line, field) == (2, "competences")
    assert detail.startswith("1.1: ") and detail.endswith("(write id:level, e.g. 1.1:2)")


def test_a_module_problem_names_its_line_and_column() -> None:
    row = _module(line=4, code="Koken 1")
    assert row.item is None and [(line, f) for line, f, _ in _problems(row)] == [(4, "code")]


def test_the_module_header_is_returned_so_missing_description_columns_keep_stored_text() -> None:
    columns, _ = modules.read_file(f"{MODULE_HEADER}\n".encode())
    assert "description_nl" not in columns and columns[0] == "code"
    with pytest.raises(Invalid, match="not a training module CSV"):
        modules.read_file(b"code,title_nl\n")

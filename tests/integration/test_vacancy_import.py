"""Bulk import of vacancies from CSV: valid rows in, bad rows reported by line and column."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, timedelta

import asyncpg
import httpx

from tests import factories
from tests.factories import User

API = "/api/v1/vacancies/import"
Taxonomy = tuple[str, list[str]]
HEADER = [
    "title",
    "description",
    "occupation_uri",
    "contract_kind",
    "hours_min",
    "hours_max",
    "postcode",
    "latitude",
    "longitude",
    "skills_essential",
    "skills_optional",
    "accommodations",
    "language",
    "language_cefr",
    "places",
    "closing_date",
    "status",
]


async def _taxonomy(pool: asyncpg.Pool) -> Taxonomy:
    async with pool.acquire() as conn:
        occupation = await conn.fetchval("SELECT uri FROM occupation ORDER BY uri LIMIT 1")
        skills = [r["uri"] for r in await conn.fetch("SELECT uri FROM skill ORDER BY uri LIMIT 3")]
    return occupation, skills


def _row(tax: Taxonomy, **changes: str) -> dict[str, str]:
    occupation, skills = tax
    row = {
        "title": "Inpakker",
        "description": "Producten inpakken",
        "occupation_uri": occupation,
        "contract_kind": "wise_paid",
        "hours_min": "12",
        "hours_max": "24",
        "postcode": "3511 AB",
        "latitude": "52.09",
        "longitude": "5.12",
        "skills_essential": f"{skills[0]}:2|{skills[1]}",
        "skills_optional": skills[2],
        "accommodations": "quiet_workspace|fixed_routine",
        "language": "nl",
        "language_cefr": "a2",
        "places": "3",
        "closing_date": (date.today() + timedelta(days=20)).isoformat(),
        "status": "",
    }
    return row | changes


def _csv(rows: list[dict[str, str]], header: list[str] = HEADER, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


async def _upload(client: httpx.AsyncClient, user: User, data: bytes) -> httpx.Response:
    files = {"file": ("vacatures.csv", data, "text/csv")}
    return await client.post(API, files=files, headers=user.headers)


async def _employer(pool: asyncpg.Pool, client: httpx.AsyncClient, role: str = "employer") -> User:
    org = await factories.organisation(pool, "employer" if role == "employer" else "wise")
    return await factories.user(pool, client, org, role)


async def _count(pool: asyncpg.Pool, organisation_id: uuid.UUID) -> int:
    async with pool.acquire() as conn:
        count: int = await conn.fetchval(
            "SELECT count(*) FROM vacancy WHERE organisation_id = $1", organisation_id
        )
    return count


# A row with only the required columns filled in.
BARE = dict.fromkeys(HEADER[6:16], "") | {"description": ""}


async def test_valid_rows_are_imported_and_each_bad_row_is_reported_by_line_and_column(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    tax = await _taxonomy(pool)
    rows = [
        _row(tax, description="Twee regels:\ninpakken en stickeren"),  # lines 2-3
        _row(tax, skills_essential="urn:opstap:skill:no-such-skill"),  # 4
        _row(tax, hours_min="30", hours_max="20"),  # 5
        _row(tax, postcode="35111 AB"),  # 6
        _row(tax, accommodations="quiet_workspace|moon_base"),  # 7
        _row(tax, contract_kind="internship"),  # 8
        _row(tax, title="Open plek", status="open"),  # 9
        _row(tax, skills_optional=f"{tax[1][2]}:9"),  # 10
        _row(tax, status="open", closing_date="2001-01-01"),  # 11
        _row(tax, status="published"),  # 12
        _row(tax, title="Kaal", **BARE),  # 13
    ]
    answer = await _upload(client, employer, _csv(rows))
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["imported"] == 3 and len(result["ids"]) == 3
    assert {(e["line"], e["field"]) for e in result["errors"]} == {
        (4, "skills_essential"),
        (5, "hours_max"),
        (6, "postcode"),
        (7, "accommodations"),
        (8, "contract_kind"),
        (10, "skills_optional"),
        (11, "closing_date"),
        (12, "status"),
    }
    details = {e["line"]: e["detail"] for e in result["errors"]}
    assert "no-such-skill" in details[4] and "moon_base" in details[7]
    assert await _count(pool, employer.organisation_id) == 3


async def test_an_imported_row_holds_every_column_and_an_open_one_is_published(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    tax = await _taxonomy(pool)
    rows = [
        _row(tax, description="Twee regels:\ninpakken en stickeren"),
        _row(tax, title="Open plek", status="OPEN", contract_kind="regular"),
        _row(tax, title="Kaal", **BARE),
    ]
    result = (await _upload(client, employer, _csv(rows))).json()
    first, opened, bare = [
        (await client.get(f"/api/v1/vacancies/{i}", headers=employer.headers)).json()
        for i in result["ids"]
    ]
    assert first["status"] == "draft" and first["ladder_rung"] == 5
    assert first["description"] == "Twee regels:\ninpakken en stickeren"
    assert first["postcode"] == "3511AB" and first["places"] == 3
    assert first["language"] == {"language": "nl", "cefr": "A2"}
    assert first["accommodations"] == ["fixed_routine", "quiet_workspace"]
    skills = tax[1]
    assert {(s["skill_uri"], s["relation"], s["min_level"]) for s in first["skills"]} == {
        (skills[0], "essential", 2),
        (skills[1], "essential", 1),
        (skills[2], "optional", 1),
    }
    assert opened["status"] == "open" and opened["ladder_rung"] == 6
    assert bare["skills"] == [] and bare["language"] is None and bare["places"] == 1
    assert bare["latitude"] is None and bare["closing_date"] is None
    async with pool.acquire() as conn:
        events = await conn.fetch(
            "SELECT event_type, aggregate_id FROM outbox_event WHERE aggregate_id = ANY($1)",
            result["ids"],
        )
    assert [(e["event_type"], e["aggregate_id"]) for e in events] == [
        ("vacancy.published", opened["id"])
    ]


async def test_a_semicolon_separated_spreadsheet_export_is_read(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    tax = await _taxonomy(pool)
    data = "\ufeff".encode() + _csv([_row(tax)], [*HEADER, ""], delimiter=";")
    answer = await _upload(client, employer, data)
    assert answer.status_code == 200 and answer.json()["imported"] == 1, answer.text


async def test_a_file_without_a_required_column_imports_nothing(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    tax = await _taxonomy(pool)
    header = [c for c in HEADER if c != "hours_max"]
    answer = await _upload(client, employer, _csv([_row(tax)] * 3, header))
    assert answer.status_code == 422
    assert "hours_max" in answer.json()["detail"] and "file" in answer.json()["fields"]
    assert await _count(pool, employer.organisation_id) == 0


async def test_a_file_that_is_not_a_vacancy_csv_imports_nothing(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    tax = await _taxonomy(pool)
    valid = _csv([_row(tax)])
    for data in (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe",
        b"",
        b'{"title": "Inpakker"}',
        valid.replace(b"status", b"salary", 1),
        valid.replace(b"description", b"title", 1),
        valid + b"x" * (5 * 1024 * 1024),
    ):
        answer = await _upload(client, employer, data)
        assert answer.status_code == 422, (data[:20], answer.text)
        assert answer.json()["error"] == "invalid" and answer.json()["detail"]
    assert await _count(pool, employer.organisation_id) == 0


async def test_a_file_of_2000_rows_is_imported_and_one_more_row_is_refused(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    tax = await _taxonomy(pool)
    rows = [_row(tax, title=f"Plek {n}", status="open" if n % 2 else "") for n in range(2000)]
    answer = await _upload(client, employer, _csv(rows))
    assert answer.status_code == 200, answer.text
    assert answer.json()["imported"] == 2000 and answer.json()["errors"] == []
    too_many = await _upload(client, employer, _csv([*rows, rows[0]]))
    assert too_many.status_code == 422 and "2000" in too_many.json()["detail"]
    assert await _count(pool, employer.organisation_id) == 2000


async def test_only_employers_and_admins_may_import(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    tax = await _taxonomy(pool)
    data = _csv([_row(tax)])
    for role in ("jobcoach", "employee"):
        user = await _employer(pool, client, role)
        answer = await _upload(client, user, data)
        assert answer.status_code == 403 and answer.json()["error"] == "forbidden"
        assert await _count(pool, user.organisation_id) == 0
    admin = await _employer(pool, client, "admin")
    answer = await _upload(client, admin, data)
    assert answer.status_code == 200 and answer.json()["imported"] == 1

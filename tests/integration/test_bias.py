"""Bias monitoring: selection rates per group, the four-fifths warning, small groups withheld."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import asyncpg
import httpx

from services.core.accounts import repository as accounts
from services.core.bias import service as bias
from tests import factories

YEAR = 2026


async def _people(
    conn: asyncpg.Connection,
    org: uuid.UUID,
    n: int,
    *,
    accommodation: bool,
    birth_year: int | None = None,
    suggested: int = 0,
    hired: int = 0,
) -> list[uuid.UUID]:
    """`n` consenting people; the first `suggested` were shown a vacancy, the first `hired`
    hired for it."""
    ids: Sequence[uuid.UUID] = [
        r["id"]
        for r in await conn.fetch(
            "INSERT INTO employee (organisation_id, name, ladder_rung, birth_year) "
            "SELECT $1, 'Bias ' || g, 4, $3 FROM generate_series(1, $2) AS g RETURNING id",
            org,
            n,
            birth_year,
        )
    ]
    await conn.execute(
        "INSERT INTO consent (employee_id, purpose) SELECT unnest($1::uuid[]), 'matching'",
        list(ids),
    )
    if accommodation:
        await conn.execute(
            "INSERT INTO employee_accommodation (employee_id, accommodation_code) "
            "SELECT unnest($1::uuid[]), (SELECT code FROM accommodation ORDER BY code LIMIT 1)",
            list(ids),
        )
    occupation = await conn.fetchval("SELECT uri FROM occupation ORDER BY uri LIMIT 1")
    vacancy = await factories.vacancy_row(
        conn, org, occupation, title="Bias", ladder_rung=6, hours_max=16, status="open"
    )
    await conn.execute(
        "INSERT INTO suggestion_log (audience, context, employee_id, vacancy_id, score, "
        "model_version) SELECT 'jobcoach', 'test', unnest($1::uuid[]), $2, 70, 'm'",
        list(ids[:suggested]),
        vacancy,
    )
    await conn.execute(
        "INSERT INTO placement_decision (employee_id, vacancy_id, decision, decided_role) "
        "SELECT unnest($1::uuid[]), $2, 'hired', 'jobcoach'",
        list(ids[:hired]),
        vacancy,
    )
    return list(ids)


async def _wise(conn: asyncpg.Connection) -> uuid.UUID:
    row = await accounts.insert_organisation(conn, "wise", {"name": f"Bias {uuid.uuid4().hex[:6]}"})
    org: uuid.UUID = row["id"]
    return org


def _group(report: bias.BiasReport, dimension: str, group: str) -> bias.GroupFigures:
    return next(g for g in report.groups if g.dimension == dimension and g.group == group)


async def test_a_skewed_dataset_shows_the_warning(conn: asyncpg.Connection) -> None:
    org = await _wise(conn)
    await _people(conn, org, 20, accommodation=True, suggested=6, hired=2)
    await _people(conn, org, 20, accommodation=False, suggested=18, hired=8)
    report = await bias.report(conn, organisation_id=org, source="shown", year=YEAR)
    with_needs = _group(report, "accommodation_needs", "with")
    without = _group(report, "accommodation_needs", "without")
    assert (with_needs.people, with_needs.suggested, with_needs.suggestion_rate) == (20, 6, 0.3)
    assert (without.suggestion_rate, without.suggestion_ratio) == (0.9, 1.0)
    assert with_needs.suggestion_ratio == 0.333
    assert (with_needs.outcome_rate, without.outcome_rate, with_needs.outcome_ratio) == (
        0.1,
        0.4,
        0.25,
    )
    assert len(report.warnings) == 2
    assert report.warnings[0].startswith("accommodation_needs 'with': suggestions rate 30%")
    assert "outcomes" in report.warnings[1]


async def test_a_balanced_dataset_shows_no_warning(conn: asyncpg.Connection) -> None:
    org = await _wise(conn)
    await _people(conn, org, 20, accommodation=True, birth_year=YEAR - 30, suggested=15, hired=5)
    await _people(conn, org, 20, accommodation=False, birth_year=YEAR - 50, suggested=16, hired=5)
    report = await bias.report(conn, organisation_id=org, source="shown", year=YEAR)
    assert report.warnings == []
    assert _group(report, "accommodation_needs", "with").suggestion_ratio == 0.938
    ages = {g.group: g.people for g in report.groups if g.dimension == "age_band"}
    assert ages == {"27-44": 20, "45-54": 20}


async def test_small_groups_are_withheld_and_not_compared(conn: asyncpg.Connection) -> None:
    org = await _wise(conn)
    await _people(conn, org, 20, accommodation=False, birth_year=YEAR - 30, suggested=20)
    await _people(conn, org, 3, accommodation=True, birth_year=YEAR - 60)  # none suggested
    await _people(conn, org, 6, accommodation=False)  # no birth year given
    report = await bias.report(conn, organisation_id=org, source="shown", year=YEAR)
    small = _group(report, "accommodation_needs", "with")
    assert small.suppressed and small.people is None and small.suggestion_rate is None
    assert _group(report, "age_band", "55+").suppressed
    unknown = _group(report, "age_band", "unknown")
    assert (unknown.people, unknown.compared, unknown.suggestion_ratio) == (6, False, None)
    assert report.warnings == []  # nothing left to compare with
    assert any("Fewer than 5 people" in n and "'with'" in n for n in report.notes)


async def test_stored_matches_over_the_threshold_count_as_suggestions(
    conn: asyncpg.Connection,
) -> None:
    org = await _wise(conn)
    people = await _people(conn, org, 10, accommodation=False)
    vacancy = await conn.fetchval("SELECT id FROM vacancy WHERE organisation_id = $1", org)
    await conn.execute("UPDATE vacancy SET status = 'open' WHERE id = $1", vacancy)
    await conn.execute(
        "INSERT INTO match (vacancy_id, employee_id, score, explanation, model_version) "
        "SELECT $1, e, CASE WHEN n <= 4 THEN 75 ELSE 40 END, '{}', 'm' "
        "FROM unnest($2::uuid[]) WITH ORDINALITY AS p (e, n)",
        vacancy,
        people,
    )
    report = await bias.report(conn, organisation_id=org, year=YEAR)
    assert _group(report, "accommodation_needs", "without").suggested == 4


async def test_the_api_report_is_for_admins_and_their_own_people(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    response = await client.get("/api/v1/bias-report", headers=s.admin.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["organisation_id"] == str(s.admin.organisation_id)
    assert [(g["group"], g["suppressed"]) for g in body["groups"]] == [
        ("without", True),
        ("unknown", True),
    ]
    assert "employee_id" not in response.text and "Noor" not in response.text
    coach = await client.get("/api/v1/bias-report", headers=s.coach.headers)
    assert coach.status_code == 403

"""The outcome report on the demo world: its figures against counts made by hand from the demo's
rows (plain Python, not the report's SQL), period validation, who may read it, and the CSV."""

from __future__ import annotations

import csv
import io
import itertools
import statistics
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import httpx
import pytest

from services.api.app import create_app
from services.core import bootstrap, db
from services.core.demo import seed
from services.core.demo.plan import DEMO_PASSWORD
from services.core.outcomes.completeness import profile_gaps
from services.core.settings import Settings
from tests.browser.http import page_client
from tests.browser.http import sign_in as page_sign_in
from tests.factories import sign_in

NL = ZoneInfo("Europe/Amsterdam")
TODAY = date.today()
WISE = "Werkbedrijf Groen & Schoon"


@pytest.fixture(scope="module")
async def demo_url(service_urls: tuple[str, str], settings: Settings) -> AsyncIterator[str]:
    """A database of its own with the taxonomy and the demo world (with its history)."""
    async with db.temporary_database(service_urls[0], "opstap_test") as url:
        own = settings.model_copy(update={"database_url": url})
        await bootstrap.migrate(own)
        await bootstrap.import_taxonomy(own, own.taxonomy_dir)
        conn = await db.connect(url)
        async with conn.transaction():
            assert await seed.seed(conn, TODAY)
        await conn.close()
        yield url


@pytest.fixture(scope="module")
async def demo_app(demo_url: str, settings: Settings) -> AsyncIterator[Any]:
    app = create_app(settings.model_copy(update={"database_url": demo_url}))
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture(scope="module")
async def http(demo_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=demo_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
        yield client


async def _headers(http: httpx.AsyncClient, email: str) -> dict[str, str]:
    return await sign_in(http, email, DEMO_PASSWORD)


async def _wise(demo_url: str, name: str = WISE) -> Any:
    conn = await asyncpg.connect(demo_url)
    try:
        return await conn.fetchval("SELECT id FROM organisation WHERE name = $1", name)
    finally:
        await conn.close()


async def _rows(demo_url: str, org: Any) -> dict[str, list[asyncpg.Record]]:
    """The raw rows of the WISE's people, no aggregation in SQL."""
    conn = await asyncpg.connect(demo_url)
    try:
        people = "SELECT id FROM employee WHERE organisation_id = $1"
        return {
            "people": await conn.fetch(people, org),
            "ladder": await conn.fetch(
                f"SELECT id, employee_id, rung, changed_on FROM ladder_change "
                f"WHERE employee_id IN ({people})",
                org,
            ),
            "decisions": await conn.fetch(
                f"SELECT employee_id, decision, decided_at FROM placement_decision "
                f"WHERE employee_id IN ({people})",
                org,
            ),
            "followups": await conn.fetch(
                f"SELECT months, due_on, still_working, recorded_at FROM placement_followup "
                f"WHERE employee_id IN ({people})",
                org,
            ),
            "suggestions": await conn.fetch(
                f"SELECT employee_id, vacancy_id, shown_at FROM suggestion_log "
                f"WHERE employee_id IN ({people})",
                org,
            ),
        }
    finally:
        await conn.close()


def _by_hand(rows: dict[str, list[asyncpg.Record]], start: date, end: date) -> dict[str, Any]:
    """The report's figures, counted row by row."""
    ladder: dict[Any, list[asyncpg.Record]] = defaultdict(list)
    for r in rows["ladder"]:
        ladder[r["employee_id"]].append(r)
    for changes in ladder.values():
        changes.sort(key=lambda r: (r["changed_on"], r["id"]))

    def rungs_on(day: date) -> dict[int, int]:
        counts = dict.fromkeys(range(1, 7), 0)
        for changes in ladder.values():
            before = [c for c in changes if c["changed_on"] <= day]
            if before:
                counts[before[-1]["rung"]] += 1
        return counts

    up = down = 0
    people_up, people_down = set(), set()
    for person, changes in ladder.items():
        for previous, change in itertools.pairwise(changes):
            if start <= change["changed_on"] <= end:
                if change["rung"] > previous["rung"]:
                    up += 1
                    people_up.add(person)
                elif change["rung"] < previous["rung"]:
                    down += 1
                    people_down.add(person)
    placements: dict[str, int] = {"trial_placement": 0, "hired": 0}
    first_placed: dict[Any, Any] = {}
    for d in rows["decisions"]:
        if d["decision"] in placements and start <= d["decided_at"].astimezone(NL).date() <= end:
            placements[d["decision"]] += 1
            person = d["employee_id"]
            first_placed[person] = min(first_placed.get(person, d["decided_at"]), d["decided_at"])
    retention = {}
    for months in (3, 6, 12):
        due = [
            f for f in rows["followups"] if f["months"] == months and start <= f["due_on"] <= end
        ]
        recorded = [f for f in due if f["recorded_at"] is not None]
        retention[months] = (len(recorded), sum(1 for f in recorded if f["still_working"]))
    days = []
    for person, placed_at in first_placed.items():
        shown = [
            s["shown_at"]
            for s in rows["suggestions"]
            if s["employee_id"] == person and s["vacancy_id"] and s["shown_at"] <= placed_at
        ]
        if shown:
            days.append((placed_at.astimezone(NL).date() - min(shown).astimezone(NL).date()).days)
    return {
        "start": rungs_on(start),
        "end": rungs_on(end),
        "moves": (up, down, len(people_up), len(people_down)),
        "placements": placements,
        "placed_people": len(first_placed),
        "retention": retention,
        "median": statistics.median(days) if days else None,
        "measured": len(days),
    }


def _compare(report: dict[str, Any], hand: dict[str, Any]) -> None:
    assert {r["rung"]: r["start"] for r in report["rungs"]} == hand["start"]
    assert {r["rung"]: r["end"] for r in report["rungs"]} == hand["end"]
    assert report["people_end"] == sum(hand["end"].values())
    m = report["moves"]
    assert (m["up"], m["down"], m["people_up"], m["people_down"]) == hand["moves"]
    assert {p["kind"]: p["placements"] for p in report["placements"]} == hand["placements"]
    got = {r["months"]: (r["recorded"], r["still_working"]) for r in report["retention"]}
    assert got == hand["retention"]
    t = report["time_to_placement"]
    assert t["people_placed"] == hand["placed_people"]
    assert t["measured"] == hand["measured"] and t["median_days"] == hand["median"]
    assert t["source"] == "suggestion_log"


async def test_the_report_matches_counts_made_by_hand_from_the_demo(
    demo_url: str, http: httpx.AsyncClient
) -> None:
    org = await _wise(demo_url)
    headers = await _headers(http, "sanne@groenschoon.example")
    rows = await _rows(demo_url, org)
    default = await http.get(f"/api/v1/organisations/{org}/outcomes", headers=headers)
    assert default.status_code == 200, default.text
    report = default.json()
    start, end = date.fromisoformat(report["period"]["start"]), report["period"]["end"]
    assert date.fromisoformat(end) >= TODAY and (date.fromisoformat(end) - start).days in (364, 365)
    hand = _by_hand(rows, start, date.fromisoformat(end))
    _compare(report, hand)
    # The demo has real lines: people moved both ways, were placed, and stayed or left.
    assert hand["moves"][0] >= 5 and hand["moves"][1] >= 1
    assert all(n > 0 for n in hand["placements"].values())
    assert hand["retention"][3][0] > 0 and hand["retention"][6][0] > 0
    # The demo coach's 12-month moment is overdue (the caseload shows it): recorded or open.
    twelve = next(r for r in report["retention"] if r["months"] == 12)
    assert twelve["recorded"] + twelve["open"] > 0
    assert any(still < recorded for recorded, still in hand["retention"].values())
    assert hand["start"] != hand["end"] and hand["median"] is not None
    for first, last in (
        (TODAY - timedelta(days=200), TODAY - timedelta(days=30)),
        (TODAY - timedelta(days=900), TODAY),
    ):
        asked = {"start": first.isoformat(), "end": last.isoformat()}
        other = await http.get(
            f"/api/v1/organisations/{org}/outcomes", params=asked, headers=headers
        )
        assert other.status_code == 200, other.text
        _compare(other.json(), _by_hand(rows, first, last))


async def test_a_bad_or_reversed_period_is_422_with_the_field(
    demo_url: str, http: httpx.AsyncClient
) -> None:
    org = await _wise(demo_url)
    headers = await _headers(http, "admin@groenschoon.example")
    path = f"/api/v1/organisations/{org}/outcomes"
    for params, field in (
        ({"start": "2026-13-01"}, "start"),
        ({"end": "gisteren"}, "end"),
        ({"start": "2026-06-01", "end": "2026-05-31"}, "end"),
        ({"start": "2010-01-01", "end": "2026-01-01"}, "start"),
    ):
        answer = await http.get(path, params=params, headers=headers)
        assert answer.status_code == 422, (params, answer.text)
        assert field in answer.json()["fields"], answer.json()
    same_day = await http.get(
        path, params={"start": "2026-06-01", "end": "2026-06-01"}, headers=headers
    )
    assert same_day.status_code == 200


async def test_only_the_wises_own_admins_and_coaches_read_it(
    demo_url: str, http: httpx.AsyncClient
) -> None:
    org = await _wise(demo_url)
    path = f"/api/v1/organisations/{org}/outcomes"
    for email, status in (
        ("admin@groenschoon.example", 200),
        ("mohamed@groenschoon.example", 200),
        ("priya@fietsfabriek.example", 404),  # a jobcoach of another WISE
        ("admin@fietsfabriek.example", 404),
        ("werkgever@korenaar.example", 404),
        ("werknemer@groenschoon.example", 403),  # the WISE's own employee
    ):
        answer = await http.get(path, headers=await _headers(http, email))
        assert answer.status_code == status, (email, answer.text)
        csv_answer = await http.get(
            path, params={"format": "csv"}, headers=await _headers(http, email)
        )
        assert csv_answer.status_code == status, email
    employer = await _wise(demo_url, "Bakkerij De Korenaar")
    own = await http.get(
        f"/api/v1/organisations/{employer}/outcomes",
        headers=await _headers(http, "werkgever@korenaar.example"),
    )
    assert own.status_code == 403
    assert (await http.get(path)).status_code == 401


async def test_the_csv_holds_the_same_figures_as_the_json(
    demo_url: str, http: httpx.AsyncClient
) -> None:
    org = await _wise(demo_url)
    headers = await _headers(http, "sanne@groenschoon.example")
    path = f"/api/v1/organisations/{org}/outcomes"
    report = (await http.get(path, headers=headers)).json()
    answer = await http.get(path, params={"format": "csv"}, headers=headers)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == ["section", "measure", "value"]
    values = {(s, m): v for s, m, v in rows[1:]}
    assert len(values) == len(rows) - 1  # every (section, measure) once
    assert values[("period", "start")] == report["period"]["start"]
    for r in report["rungs"]:
        assert values[("rungs_start", f"rung_{r['rung']}")] == str(r["start"])
        assert values[("rungs_end", f"rung_{r['rung']}")] == str(r["end"])
    for key, value in report["moves"].items():
        assert values[("moves", key)] == str(value)
    for p in report["placements"]:
        assert values[("placements", p["kind"])] == str(p["placements"])
    for k in report["retention"]:
        section = f"retention_{k['months']}_months"
        assert values[(section, "recorded")] == str(k["recorded"])
        assert values[(section, "still_working")] == str(k["still_working"])
    median = report["time_to_placement"]["median_days"]
    assert values[("time_to_placement", "median_days")] == f"{median:g}"


async def _page_as(demo_app: Any, email: str, path: str) -> httpx.Response:
    async with page_client(demo_app) as page:
        assert (await page_sign_in(page, email, DEMO_PASSWORD)).status_code == 303
        return await page.get(path)


async def test_the_page_shows_the_figures_with_accessible_charts_and_a_csv(
    demo_url: str, demo_app: Any, http: httpx.AsyncClient
) -> None:
    org = await _wise(demo_url)
    headers = await _headers(http, "sanne@groenschoon.example")
    report = (await http.get(f"/api/v1/organisations/{org}/outcomes", headers=headers)).json()
    page = await _page_as(demo_app, "sanne@groenschoon.example", "/coach/outcomes")
    assert page.status_code == 200, page.text[:500]
    html = page.text
    assert html.count('role="img"') >= 3 and html.count("<desc id=") == 3
    assert 'href="/coach/outcomes"' in html and 'aria-current="page"' in html
    for r in report["rungs"]:
        assert f"<td>{r['start']}</td><td>{r['end']}</td>" in html
    assert f"<td>{report['moves']['up']}</td>" in html
    assert "Het rapport over eerlijkheid is voor de beheerders" in html  # a coach: no figures
    csv_page = await _page_as(
        demo_app,
        "sanne@groenschoon.example",
        f"/coach/outcomes.csv?start={report['period']['start']}&end={report['period']['end']}",
    )
    assert csv_page.status_code == 200
    assert (
        csv_page.text
        == (
            await http.get(
                f"/api/v1/organisations/{org}/outcomes", params={"format": "csv"}, headers=headers
            )
        ).text
    )
    admin = await _page_as(demo_app, "admin@groenschoon.example", "/coach/outcomes?lang=en")
    assert admin.status_code == 200 and "Suggestions and outcomes per group" in admin.text


async def test_the_page_says_what_to_fix_in_a_bad_period(demo_app: Any) -> None:
    bad = await _page_as(
        demo_app, "sanne@groenschoon.example", "/coach/outcomes?start=2026-06-01&end=2026-05-01"
    )
    assert bad.status_code == 422
    assert "Vul een geldige einddatum in, op of na de begindatum." in bad.text
    assert 'role="img"' not in bad.text
    employee = await _page_as(demo_app, "werknemer@groenschoon.example", "/coach/outcomes")
    assert employee.status_code == 403


async def test_the_caseload_sorts_on_profile_gaps_as_the_completeness_rules_count_them(
    demo_url: str, demo_app: Any
) -> None:
    from services.core.accounts import repository as accounts
    from services.core.accounts.service import actor_of
    from services.core.caseload import service as caseload
    from services.core.caseload.models import CaseloadFilter
    from services.core.outcomes import repository as outcomes

    conn = await db.connect(demo_url)
    try:
        coach_id = await conn.fetchval(
            "SELECT id FROM account WHERE email = 'sanne@groenschoon.example'"
        )
        actor = actor_of(await accounts.account_by_id(conn, coach_id))
        page = await caseload.caseload(conn, actor, CaseloadFilter(sort="-profile", limit=50))
        facts = await outcomes.people_facts(conn, [r.id for r in page.items])
    finally:
        await conn.close()
    counts = [r.profile_gaps for r in page.items]
    assert counts == sorted(counts, reverse=True) and len(counts) >= 5
    assert counts == [len(profile_gaps(facts[r.id], date.today())) for r in page.items]
    stale = [
        r for r in page.items if any(g.kind == "stale" for g in profile_gaps(facts[r.id], TODAY))
    ]
    assert stale, "the demo has people whose skills were confirmed 14 months ago"
    html = (await _page_as(demo_app, "sanne@groenschoon.example", "/coach?sort=-profile")).text
    assert "vaardigheden 14 maanden niet bevestigd" in html
    assert 'aria-sort="descending"' in html and "sort=profile" in html
    person = await _page_as(demo_app, "sanne@groenschoon.example", f"/coach/people/{stale[0].id}")
    assert person.status_code == 200
    assert "vaardigheden 14 maanden niet bevestigd" in person.text
    assert f'href="/coach/people/{stale[0].id}/profile">Vul het profiel aan' in person.text

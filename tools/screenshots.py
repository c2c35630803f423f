"""`make screenshots`: a picture of every page, in Dutch and English, at 1280 and 390 px wide,
from the demo world in a temporary database, into screenshots/<page>-<lang>-<width>.png.

Run under `opstap services run` (the make target does), which gives DATABASE_URL and REDIS_URL.
"""

from __future__ import annotations

import asyncio
import sys
import time
from itertools import groupby
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.async_api import async_playwright  # noqa: E402

from services.core import bootstrap, db  # noqa: E402
from services.core.demo.plan import DEMO_LOGINS, DEMO_PASSWORD  # noqa: E402
from services.core.settings import Settings, get_settings  # noqa: E402
from tests.browser import tour  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.conftest import running_api  # noqa: E402

OUT = ROOT / "screenshots"
WIDTHS = (1280, 390)
LANGUAGES = ("nl", "en")
LOGINS = {{"jobcoach": "coach"}.get(role, role): email for role, email, _ in DEMO_LOGINS}

# The demo objects the pages show: the demo employee (in Sanne's caseload) and her best match.
PERSON = """
SELECT e.id FROM employee e JOIN account a ON a.id = e.account_id WHERE a.email = $1
"""
BEST_MATCH = "SELECT vacancy_id FROM match WHERE employee_id = $1 ORDER BY score DESC LIMIT 1"
# The demo employer's sign-in may have no vacancy in a given demo world: take the employer
# whose open vacancy has the most candidates sharing their profile with it (then the most).
EMPLOYER_VACANCY = """
SELECT a.email, v.id FROM vacancy v
JOIN account a ON a.organisation_id = v.organisation_id AND a.role = 'employer'
WHERE v.status = 'open'
ORDER BY (SELECT count(*) FROM match m JOIN consent c ON c.employee_id = m.employee_id
          WHERE m.vacancy_id = v.id AND c.purpose = 'share_with_employer'
            AND c.employer_id = v.organisation_id AND c.withdrawn_at IS NULL) DESC,
         (SELECT count(*) FROM match m WHERE m.vacancy_id = v.id) DESC, v.title
LIMIT 1
"""
WISE = "SELECT organisation_id FROM account WHERE email = $1"


async def _prepare(settings: Settings) -> dict[str, Any]:
    """The demo world in the database, scored, and the ids the tour needs."""
    from services.core.matching import repository as matching
    from services.core.matching.recompute import run_here
    from services.core.notifications import service as notifications
    from services.core.transitions import service as transitions

    await bootstrap.migrate(settings)
    await bootstrap.import_taxonomy(settings, settings.taxonomy_dir)
    await bootstrap.seed_catalogue(settings)
    await bootstrap.seed_demo(settings)
    assert settings.database_url
    conn = await db.connect(settings.database_url)
    try:
        async with conn.transaction():
            await transitions.build(conn)
            await run_here(conn)
            vacancy_ids = [r["id"] for r in await matching.vacancies(conn)]
            await notifications.notify_matches(conn, settings, vacancy_ids=vacancy_ids)
        person = await conn.fetchval(PERSON, LOGINS["employee"])
        employer = await conn.fetchrow(EMPLOYER_VACANCY)
        LOGINS["employer"] = employer["email"]
        print(f"screenshots: employer pages as {employer['email']}")
        return {
            "wise": await conn.fetchval(WISE, LOGINS["coach"]),
            "person": person,
            "vacancy": await conn.fetchval(BEST_MATCH, person),
            "own_vacancy": employer["id"],
        }
    finally:
        await conn.close()


async def _shoot(url: str, ids: dict[str, Any]) -> int:
    stops = tour.stops(ids, "schoon")
    taken = 0
    OUT.mkdir(exist_ok=True)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        for role, group in groupby(sorted(stops, key=lambda s: s.role or ""), key=lambda s: s.role):
            pages = list(group)
            for width in WIDTHS:
                context = await browser.new_context(
                    base_url=url, viewport={"width": width, "height": 900}
                )
                page = await context.new_page()
                if role:
                    await tour.sign_in(page, LOGINS[role], DEMO_PASSWORD)
                for lang in LANGUAGES:
                    for stop in pages:
                        joiner = "&" if "?" in stop.path else "?"
                        await page.goto(f"{stop.path}{joiner}lang={lang}")
                        path = OUT / f"{stop.name}-{lang}-{width}.png"
                        await page.screenshot(path=str(path), full_page=True)
                        taken += 1
                await context.close()
        await browser.close()
    return taken


async def main() -> None:
    """Seed, serve, visit, photograph."""
    base = get_settings()
    if not base.database_url or not base.redis_url:
        raise SystemExit("screenshots: run under `opstap services run` (make screenshots does)")
    if not CHROMIUM.exists():
        raise SystemExit(f"screenshots: {CHROMIUM} is missing; `make screenshots` installs it")
    started = time.monotonic()
    async with db.temporary_database(base.database_url, "opstap_shots") as url:
        settings = base.model_copy(update={"database_url": url})
        ids = await _prepare(settings)
        with running_api(settings) as api:
            taken = await _shoot(api, ids)
    seconds = time.monotonic() - started
    print(f"screenshots: {taken} pictures in {OUT.relative_to(ROOT)}/ ({seconds:.0f} s)")


if __name__ == "__main__":
    asyncio.run(main())

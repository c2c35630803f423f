"""A jobcoach, with the keyboard alone, sees a person's matches, records that the person agrees
to share their profile with the employer, and then introduces them; the pages on the way have
no serious or critical axe finding, at 1280 and 390 px wide."""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator

import asyncpg
import pytest
from playwright.async_api import Page, expect

from services.core.settings import Settings
from tests.browser import tour
from tests.browser import world as pages_world
from tests.browser.keys import tab_to
from tests.factories import PASSWORD

NOTICE = "main .notice"
SHOTS = os.environ.get("OPSTAP_SHOTS")  # a folder: keep pictures of the pages on the way


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> AsyncIterator[pages_world.World]:
    """A world of this module's own (its consents change who the employer sees); afterwards
    its vacancies close and its consents end, so nothing later scores against it."""
    async with pages_world.own(pool, settings, "consent") as found:
        yield found


async def _no_serious_findings(page: Page, name: str) -> None:
    failing = [v for v in await tour.axe(page) if v["impact"] in tour.FAILING_IMPACTS]
    assert failing == [], tour.report(name, failing)


async def _pictures(page: Page, name: str) -> None:
    """axe at both widths, and a picture of each when SHOTS is set."""
    for width in (1280, 390):
        await page.set_viewport_size({"width": width, "height": 900})
        await _no_serious_findings(page, f"{name} {width}px")
        if SHOTS:  # Playwright makes the folder
            await page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    await page.set_viewport_size({"width": 1280, "height": 900})


async def test_a_coach_records_the_share_consent_and_introduces_with_the_keyboard(
    page: Page, world: pages_world.World, pool: asyncpg.Pool
) -> None:
    daan, vacancy = world.people["daan"], world.vacancies["coach_journey"]
    first = world.names["daan"].split()[0]
    # Sign in with the keyboard.
    await page.goto("/sign-in")
    await tab_to(page, "#email")
    await page.keyboard.type(world.logins["coach"].email)
    await page.keyboard.press("Tab")
    await page.keyboard.type(PASSWORD)
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile(r"/coach$"))

    # Daan's matches: what fits is counted once; introducing waits for his consent.
    await page.goto(f"/coach/people/{daan}")
    await expect(page.locator("#fits-count")).to_contain_text(f"bij {first}")
    card = page.locator(f"#match-{vacancy}")
    await expect(card.locator(".score")).to_contain_text("van 100")
    await expect(card.get_by_role("button", name="Voorstellen aan de werkgever")).to_have_count(0)
    await expect(card.locator(".consent-needed")).to_contain_text(
        f"Voorstellen kan pas als {first} het profiel wil delen met"
    )
    await _pictures(page, "coach-person-consent-needed")

    # Record his yes, by keyboard; the page comes back at his match, which he may now be
    # introduced for.
    consent = f"#match-{vacancy} .consent-needed button"
    await tab_to(page, consent)
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    await expect(page.locator(NOTICE)).to_have_text(re.compile("toestemming", re.IGNORECASE))
    assert page.url.endswith(f"#match-{vacancy}")
    card = page.locator(f"#match-{vacancy}")
    await expect(card.locator(".consent-needed")).to_have_count(0)
    introduce = f"#match-{vacancy} form.inline-form button"
    await expect(page.locator(introduce)).to_have_text("Voorstellen aan de werkgever")
    await tab_to(page, introduce)
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    await expect(page.locator(NOTICE)).to_have_text(re.compile("Voorgesteld"))
    await expect(page.locator(f"#match-{vacancy} .state")).to_contain_text("Voorgesteld")
    await _pictures(page, "coach-person-introduced")

    shared = await pool.fetchval(
        "SELECT count(*) FROM consent WHERE employee_id = $1 AND employer_id = $2 "
        "AND purpose = 'share_with_employer' AND withdrawn_at IS NULL",
        daan,
        world.employer_org,
    )
    assert shared == 1
    decided = await pool.fetch(
        "SELECT decision, decided_role FROM placement_decision "
        "WHERE employee_id = $1 AND vacancy_id = $2",
        daan,
        vacancy,
    )
    assert [(d["decision"], d["decided_role"]) for d in decided] == [("introduced", "jobcoach")]

    # The employer now sees Daan on the vacancy, with the facts entered and about him by name.
    await tour.sign_out(page)
    await tour.sign_in(page, world.logins["employer"].email, PASSWORD)
    await page.goto(f"/employer/vacancies/{vacancy}")
    await expect(page.locator("dl.facts")).to_contain_text("Nederlands, niveau A2")
    candidate = page.locator(f"#candidate-{daan}")
    await candidate.get_by_text("Waarom deze match?").click()
    await expect(candidate.locator("details.explanation")).to_contain_text(
        f"{first} vindt het goed dat we werk zoeken."
    )
    await _pictures(page, "employer-vacancy")

"""An employee, with the keyboard alone, goes from their messages to a job and reads why it fits
and what to do next; their pages have no axe finding at all, at 1280 and 390 px wide.

The job opens from the message's link: straight (a link to /me/jobs/{id}) or through the list of
work that fits (a link to /me/work); a message without a link sends the person through that
list from their home page."""

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

SHOTS = os.environ.get("OPSTAP_SHOTS")  # a folder: keep pictures of the pages on the way
JOB_LINK = 'a[href^="/me/jobs/"]'


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> AsyncIterator[pages_world.World]:
    """A world of this module's own; afterwards its vacancies close and its consents end."""
    async with pages_world.own(pool, settings, "employee-job") as found:
        yield found


async def _enter(page: Page) -> None:
    async with page.expect_navigation():
        await page.keyboard.press("Enter")


async def _pictures(page: Page, name: str) -> None:
    """axe (every finding, whatever its impact) at both widths; a picture when SHOTS is set."""
    for width in (1280, 390):
        await page.set_viewport_size({"width": width, "height": 900})
        found = await tour.axe(page)
        assert found == [], tour.report(f"{name} {width}px", found)
        if SHOTS:
            await page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    await page.set_viewport_size({"width": 1280, "height": 900})


async def test_an_employee_opens_a_job_from_a_message_with_the_keyboard(
    page: Page, world: pages_world.World, pool: asyncpg.Pool
) -> None:
    told = await pool.fetchval(
        "SELECT count(*) FROM notification WHERE account_id = $1 AND vacancy_id IS NOT NULL",
        world.logins["employee"].account_id,
    )
    assert told >= 1, "Noor was told about the work that fits her"
    await page.goto("/sign-in")
    await tab_to(page, "#email")
    await page.keyboard.type(world.logins["employee"].email)
    await page.keyboard.press("Tab")
    await page.keyboard.type(PASSWORD)
    await _enter(page)
    await expect(page).to_have_url(re.compile(r"/me$"))
    await _pictures(page, "me-home")

    # To the messages, and from a message to its job: straight there, or through the work
    # that fits when the message links to that; without a link in it, from the work page.
    await tab_to(page, 'main a[href="/notifications"]')
    await _enter(page)
    await expect(page).to_have_url(re.compile(r"/notifications$"))
    message_link = "main .notifications li.card a[href^='/me/']"
    if await page.locator(message_link).count():
        await tab_to(page, message_link)
        await _enter(page)
    else:
        await page.go_back()
        await tab_to(page, 'main a[href="/me/work"]')
        await _enter(page)
    if not re.search(r"/me/jobs/", page.url):
        await expect(page).to_have_url(re.compile(r"/me/work"))
        await _pictures(page, "me-work")
        await tab_to(page, f"main li.card {JOB_LINK}")
        await _enter(page)
    await expect(page).to_have_url(re.compile(r"/me/jobs/[0-9a-f-]{36}$"))

    # The job in plain words: how it stands, what it asks, what to do next.
    main = page.locator("main")
    await expect(page.locator("#verdict")).to_have_text("Dit werk past nu bij jou.")
    await expect(main).to_contain_text("Wat dit werk vraagt")
    await expect(main).to_contain_text(re.compile(r"Je kunt al \d+ van de \d+ dingen\."))
    await expect(main).to_contain_text("Vraag je jobcoach.")
    await _pictures(page, "me-job")

    # Back to the work that fits, with the keyboard.
    await tab_to(page, 'main a[href="/me/work"]')
    await _enter(page)
    await expect(page).to_have_url(re.compile(r"/me/work$"))
    for path, name in (("/me/path", "me-path"), ("/me/learn", "me-learn")):
        await page.goto(path)
        await _pictures(page, name)

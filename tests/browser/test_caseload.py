"""The coach's daily overview in Chromium: the caseload sorted with the keyboard alone, a
notification followed to its person, and a person's page printed on at most two A4 pages
without controls."""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from tests.browser import tour
from tests.browser.keys import tab_to
from tests.browser.world import World
from tests.factories import PASSWORD

SCORE = re.compile(r"(\d+) van 100")


async def _scores(page: Page) -> list[int | None]:
    cells = await page.locator("table.caseload tbody td:nth-of-type(2)").all_inner_texts()
    return [int(m[1]) if (m := SCORE.search(c)) else None for c in cells]


async def test_a_coach_sorts_the_caseload_with_the_keyboard(
    page: Page, browser_world: World
) -> None:
    await tour.sign_in(page, browser_world.logins["coach"].email, PASSWORD)
    await expect(page).to_have_url(re.compile(r"/coach$"))
    name = page.locator("table.caseload th[scope=col]").first
    await expect(name).to_have_attribute("aria-sort", "ascending")

    await tab_to(page, 'table.caseload th a.sort-link[href="/coach?sort=-best"]')
    await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile(r"sort=-best"))
    best = page.locator("table.caseload th[scope=col]", has_text="Beste match")
    await expect(best).to_have_attribute("aria-sort", "descending")
    await expect(name).not_to_have_attribute("aria-sort", re.compile("."))
    scores = [s for s in await _scores(page) if s is not None]
    assert len(scores) >= 2 and scores == sorted(scores, reverse=True)

    # The same header again turns the order round.
    await tab_to(page, 'table.caseload th a.sort-link[href="/coach?sort=best"]')
    await page.keyboard.press("Enter")
    await expect(best).to_have_attribute("aria-sort", "ascending")
    scores = [s for s in await _scores(page) if s is not None]
    assert scores == sorted(scores)


async def test_a_coach_follows_a_notification_to_its_person(
    page: Page, browser_world: World
) -> None:
    await tour.sign_in(page, browser_world.logins["coach"].email, PASSWORD)
    await page.goto("/notifications")
    card = page.locator("li.card", has_text=browser_world.names["noor"]).first
    await card.get_by_role("link", name="Bekijk de persoon").click()
    await expect(page).to_have_url(re.compile(rf"/coach/people/{browser_world.people['noor']}"))
    await expect(page.locator("h1")).to_have_text(browser_world.names["noor"])


async def test_a_persons_page_prints_on_two_pages_at_most_without_controls(
    page: Page, browser_world: World
) -> None:
    await tour.sign_in(page, browser_world.logins["coach"].email, PASSWORD)
    await page.goto(f"/coach/people/{browser_world.people['noor']}")
    pdf = await page.pdf(format="A4")
    pages = max(int(n) for n in re.findall(rb"/Count (\d+)", pdf))
    assert 1 <= pages <= 2, pages
    await page.emulate_media(media="print")
    shown = await page.evaluate(
        """() => [...document.querySelectorAll(
               'form, button, nav, .skip-link, .site-header, .site-footer, input, select')]
             .filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 80))"""
    )
    assert shown == []
    await expect(page.locator("h1")).to_be_visible()
    await expect(page.locator("#matches-heading")).to_be_visible()

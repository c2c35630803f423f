"""Repeated skill steps without losing your place, in headless Chromium with the keyboard alone:
an employer adds five skills to a vacancy and the focus is back in the skill search after each
(the page never reloads); a jobcoach adds a skill and removes one, and the focus comes back to the
search, then to the next row's remove button. Errors are swapped in beside their field. axe-core
finds nothing serious after the swaps, at 1280 and at 390 px."""

from __future__ import annotations

import os
import re
from pathlib import Path

import asyncpg
import pytest
from playwright.async_api import Browser, Page, expect

from tests.browser import tour
from tests.browser.test_journeys import tab_to
from tests.browser.world import World
from tests.factories import PASSWORD

# A word with at least five skills: the starter taxonomy's Dutch labels, ESCO's English ones.
SEARCH = {False: "schoon", True: "clean"}
LIVE = "main .live-status"
SEARCHING = 30_000  # ms: a process's first search may load the label vectors
WIDTHS = (1280, 390)


async def _focused_id(page: Page) -> str:
    found: str = await page.evaluate("() => document.activeElement && document.activeElement.id")
    return found


async def _shot(page: Page, name: str) -> None:
    """What the person sees now (the focused control scrolled into view), when OPSTAP_KEEP_SHOTS
    names a folder."""
    folder = os.environ.get("OPSTAP_KEEP_SHOTS")
    if folder:
        await page.screenshot(path=str(Path(folder) / f"{name}.png"))


async def _axe_clean(page: Page, name: str) -> None:
    """No axe-core violation of any impact, under the WCAG 2.2 A/AA and best-practice rules."""
    found = await tour.axe(page)
    assert found == [], tour.report(name, found)


async def _choose_option(page: Page, word: str, nth: int) -> str:
    """Type into the focused combobox and choose its nth option with the arrow keys; its label."""
    await page.keyboard.type(word, delay=20)
    options = page.get_by_role("listbox").get_by_role("option")
    await expect(options.nth(nth)).to_be_visible(timeout=SEARCHING)
    for _ in range(nth + 1):
        await page.keyboard.press("ArrowDown")
    chosen = await page.locator("#skill-q").get_attribute("aria-activedescendant")
    label = (await page.locator(f"#{chosen}").inner_text()).strip()
    await page.keyboard.press("Enter")
    return label


async def _no_reload_marker(page: Page) -> None:
    await page.evaluate("() => { window.keptPlace = true; }")


async def _not_reloaded(page: Page) -> None:
    assert await page.evaluate("() => window.keptPlace === true"), "the page was loaded again"


@pytest.mark.parametrize("width", WIDTHS)
async def test_an_employer_adds_five_skills_and_the_focus_stays_in_the_skill_search(
    page: Page, browser_world: World, taxonomy_is_esco: bool, width: int
) -> None:
    await page.set_viewport_size({"width": width, "height": 900})
    await tour.sign_in(page, browser_world.logins["employer"].email, PASSWORD)
    await page.goto("/employer/vacancies/new")
    await _no_reload_marker(page)
    rows = page.locator("#skills .skill-list > li")

    # Adding before choosing: the error is swapped in beside the list to choose from, with focus.
    await tab_to(page, "button[value=add_skill]")
    await page.keyboard.press("Enter")
    await expect(page.locator("#skill-pick-error")).to_contain_text("Kies eerst een vaardigheid")
    await expect(page.locator("#skill-pick")).to_be_focused()
    await expect(page.locator("#skill-pick")).to_have_attribute("aria-invalid", "true")
    await _axe_clean(page, f"vacancy form, skill error, {width}px")
    await _shot(page, f"employer-skill-error-{width}")

    await tab_to(page, "#skill-q")
    added = []
    for n in range(5):
        assert await _focused_id(page) == "skill-q"
        added.append(await _choose_option(page, SEARCH[taxonomy_is_esco], n))
        await tab_to(page, "button[value=add_skill]", limit=10)
        await page.keyboard.press("Enter")
        await expect(rows).to_have_count(n + 1)
        await expect(page.locator("#skill-q")).to_be_focused()
        assert await _focused_id(page) == "skill-q"
        await expect(page.locator("#skill-q")).to_have_value("")
        await expect(page.locator(LIVE)).to_contain_text("De vaardigheid staat in de lijst.")
        outline = await page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "the focus is visible"
    await _not_reloaded(page)
    for label, row in zip(added, await rows.all(), strict=True):
        await expect(row.locator(".skill-name")).to_have_text(label)
    assert len(set(added)) == 5
    await _axe_clean(page, f"vacancy form, five skills, {width}px")
    await _shot(page, f"employer-five-skills-{width}")

    # Removing the second: the focus goes to the remove button of the row now second.
    await page.keyboard.down("Shift")
    for _ in range(40):
        await page.keyboard.press("Tab")
        if await _focused_id(page) == "skills-1-remove":
            break
    await page.keyboard.up("Shift")
    assert await _focused_id(page) == "skills-1-remove"
    await page.keyboard.press("Enter")
    await expect(rows).to_have_count(4)
    await expect(page.locator("#skills-1-remove")).to_be_focused()
    await expect(rows.nth(1).locator(".skill-name")).to_have_text(added[2])
    await expect(page.locator(LIVE)).to_contain_text("uit de lijst gehaald")
    await _not_reloaded(page)
    await _axe_clean(page, f"vacancy form, one removed, {width}px")


async def _shift_tab_to(page: Page, selector: str, limit: int = 60) -> None:
    await page.keyboard.down("Shift")
    try:
        for _ in range(limit):
            await page.keyboard.press("Tab")
            if await page.evaluate("s => document.activeElement.matches(s)", selector):
                return
    finally:
        await page.keyboard.up("Shift")
    raise AssertionError(f"Shift+Tab never reached {selector}")


async def test_a_coach_adds_and_removes_a_skill_and_the_focus_comes_back(
    page: Page, browser_world: World, pool: asyncpg.Pool, taxonomy_is_esco: bool
) -> None:
    world = browser_world
    person = world.people["shy"]
    count = "SELECT count(*) FROM employee_skill WHERE employee_id = $1"
    before = await pool.fetchval(count, person)
    await tour.sign_in(page, world.logins["coach"].email, PASSWORD)
    await page.goto(f"/coach/people/{person}/profile")
    await _no_reload_marker(page)
    rows = page.locator("#skills .skill-list > li")
    await expect(rows).to_have_count(before)

    await tab_to(page, "#skill-q")
    label = await _choose_option(page, SEARCH[taxonomy_is_esco], 0)
    await tab_to(page, "form:has(#add-skill-uri) button[type=submit]", limit=10)
    await page.keyboard.press("Enter")
    await expect(rows).to_have_count(before + 1)
    await expect(page.locator("#skill-q")).to_be_focused()
    assert await _focused_id(page) == "skill-q"
    await expect(page.locator(LIVE)).to_have_text("De vaardigheid is toegevoegd.")
    await expect(page.locator("#skills .skill-list")).to_contain_text(label)
    assert await pool.fetchval(count, person) == before + 1
    await _axe_clean(page, "coach profile, skill added")
    await _shot(page, "coach-skill-added-1280")

    # Remove the one just added, from the keyboard: back up to its remove button.
    names = [n.strip() for n in await rows.locator(".skill-name").all_inner_texts()]
    at = names.index(label)
    await _shift_tab_to(page, f"#s{at + 1}-remove")
    await page.keyboard.press("Enter")
    await expect(rows).to_have_count(before)
    expected = f"s{min(at, before - 1) + 1}-remove"
    await expect(page.locator(f"#{expected}")).to_be_focused()
    assert await _focused_id(page) == expected
    await expect(page.locator(LIVE)).to_have_text("De vaardigheid is verwijderd.")
    await expect(page.locator("#skills .skill-list")).not_to_contain_text(label)
    assert await pool.fetchval(count, person) == before
    await _not_reloaded(page)
    await _axe_clean(page, "coach profile, skill removed")

    # At 390 px the same part, as swapped in.
    await page.set_viewport_size({"width": 390, "height": 900})
    await _shot(page, "coach-skill-removed-390")
    await expect(page).to_have_url(re.compile(r"/profile$"))


async def test_without_script_a_skill_is_added_with_a_page_load_as_before(
    browser: Browser,
    api_url: str,
    browser_world: World,
    pool: asyncpg.Pool,
    taxonomy_is_esco: bool,
) -> None:
    world = browser_world
    person = world.people["shy"]
    context = await browser.new_context(base_url=api_url, java_script_enabled=False)
    page = await context.new_page()
    try:
        await tour.sign_in(page, world.logins["coach"].email, PASSWORD)
        await page.goto(f"/coach/people/{person}/profile")
        rows = page.locator("#skills .skill-list > li")
        before = await rows.count()
        await page.locator("#skill-q").fill(SEARCH[taxonomy_is_esco])
        async with page.expect_navigation():
            await (
                page.get_by_role("search", name="Zoek een vaardigheid")
                .get_by_role("button")
                .click()
            )
        choice = page.locator("#add-skill-uri option").nth(1)
        uri = await choice.get_attribute("value")
        assert uri
        await page.locator("#add-skill-uri").select_option(uri)
        async with page.expect_navigation():
            await page.locator("form:has(#add-skill-uri) button[type=submit]").click()
        await expect(page).to_have_url(re.compile(r"/profile\?done=skill_added#skills$"))
        await expect(page.locator("main > .notice")).to_have_text("De vaardigheid is toegevoegd.")
        await expect(rows).to_have_count(before + 1)
        await expect(page.locator("main .live-status")).to_have_count(0)  # no script ran
        async with page.expect_navigation():
            await page.locator(f"form:has(input[value='{uri}']) button.danger").click()
        await expect(page.locator("main > .notice")).to_have_text("De vaardigheid is verwijderd.")
        await expect(rows).to_have_count(before)
    finally:
        await context.close()
    count = "SELECT count(*) FROM employee_skill WHERE employee_id = $1 AND skill_uri = $2"
    assert await pool.fetchval(count, person, uri) == 0

"""A jobcoach adds a person with every field using the keyboard alone (Tab, typing, arrows,
Enter, Space; no mouse), then sees the person's page; and the new-person page passes axe-core
(every rule it runs, best practices included) at 1280 and 390 px, in Dutch and English, also
when the form comes back with mistakes."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from playwright.async_api import Browser, Page, expect

from services.core.matching import service as matching
from services.core.settings import Settings
from tests.browser import tour
from tests.browser import world as pages_world
from tests.browser.world import World
from tests.factories import PASSWORD

NOTES = "Werkt graag in de ochtend. Afspraak: elke vrijdag even bellen."


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where the page's pictures go: OPSTAP_SHOTS when set (to look at them), else a temp
    folder."""
    folder = Path(os.environ.get("OPSTAP_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


async def focus(page: Page, selector: str, limit: int = 150) -> None:
    """Press Tab until `selector` has the focus, as a keyboard user would get there (Shift+Tab
    when it lies behind), and check the focus can be seen there."""
    for key in ("Tab", "Shift+Tab"):
        for _ in range(limit):
            if await page.evaluate("s => document.activeElement.matches(s)", selector):
                style = await page.evaluate(
                    "() => getComputedStyle(document.activeElement).outlineStyle"
                )
                assert style != "none", f"no visible focus on {selector}"
                return
            await page.keyboard.press(key)
    raise AssertionError(f"the keyboard never reached {selector}")


async def type_into(page: Page, selector: str, text: str) -> None:
    """Tab to a field and type."""
    await focus(page, selector)
    await page.keyboard.type(text, delay=10)


async def arrow_to(page: Page, selector: str, steps: int) -> None:
    """Tab to a select and move down its options with the arrow key."""
    await focus(page, selector)
    for _ in range(steps):
        await page.keyboard.press("ArrowDown")


async def choose_occupation(page: Page, field: str, text: str) -> str:
    """Type into an occupation's search, take the first suggestion with the arrow key and
    Enter; the URI its select now holds."""
    await type_into(page, f"#{field}-q", text)
    # The search ranks by meaning too: give it time on a busy machine.
    options = page.get_by_role("listbox").get_by_role("option")
    await expect(options.first).to_be_visible(timeout=15_000)
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("Enter")
    chosen = await page.locator(f"#{field}-uri").input_value()
    assert chosen, f"nothing chosen for {field}"
    return chosen


async def test_a_coach_adds_a_person_with_every_field_by_keyboard_alone(
    page: Page, browser_world: World, pool: asyncpg.Pool
) -> None:
    world = browser_world
    label = await pool.fetchval(
        "SELECT coalesce(label_nl, label_en) FROM occupation WHERE uri = $1", world.occupation
    )
    await tour.sign_in(page, world.logins["coach"].email, PASSWORD)
    await expect(page).to_have_url(re.compile(r"/coach$"))
    await focus(page, "a[href='/coach/people/new']")
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    await expect(page.locator("h1")).to_have_text("Nieuwe persoon")

    name = f"Sanne de Wit {world.tag}"
    await type_into(page, "#name", name)
    await type_into(page, "#email", "sanne@example.org")
    await type_into(page, "#phone", "06 1234 5678")
    await arrow_to(page, "#ladder-rung", 4)  # from "choose a rung" to rung 4
    await arrow_to(page, "#work-setting", 2)  # volunteer
    await type_into(page, "#hours-min", "12")
    await type_into(page, "#hours-max", "24")
    await type_into(page, "#postcode", "1094 AB")
    await type_into(page, "#max-travel-km", "15")
    current = await choose_occupation(page, "current-occupation", label)
    target = await choose_occupation(page, "target-occupation", label)
    await arrow_to(page, "#language-0", 1)  # Nederlands
    await arrow_to(page, "#cefr-0", 3)  # B1
    await focus(page, "#language-1")
    await page.keyboard.type("Arabisch", delay=10)  # a select's type-ahead
    await arrow_to(page, "#cefr-1", 6)  # C2

    # One more language: the button sends the form and it comes back as it was, one row more.
    await focus(page, "button[value=add_language]")
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    await expect(page.locator("#language-2")).to_be_attached()
    await expect(page.locator("#name")).to_have_value(name)
    await expect(page.locator("#current-occupation-uri")).to_have_value(current)
    await focus(page, "#language-2")
    await page.keyboard.type("Turks", delay=10)
    await arrow_to(page, "#cefr-2", 2)  # A2

    await focus(page, "#accommodations-1")
    await page.keyboard.press("Space")
    await type_into(page, "#notes", NOTES)
    await focus(page, "form.person-form button.primary")
    async with page.expect_navigation():
        await page.keyboard.press("Enter")

    # The person's page: their name, and the notice.
    await expect(page).to_have_url(re.compile(r"/coach/people/[0-9a-f-]{36}\?done="))
    await expect(page.locator("h1")).to_have_text(name)
    await expect(page.locator("main .notice")).to_have_text("De persoon is toegevoegd.")
    person = page.url.split("/coach/people/")[1].split("?")[0]
    row = await pool.fetchrow("SELECT * FROM employee WHERE id = $1", person)
    assert row["jobcoach_id"] == world.logins["coach"].account_id
    assert (row["email"], row["phone"], row["postcode"]) == (
        "sanne@example.org",
        "06 1234 5678",
        "1094AB",
    )
    assert (row["ladder_rung"], row["work_setting"]) == (4, "volunteer")
    assert (row["hours_min"], row["hours_max"], row["max_travel_km"]) == (12, 24, 15)
    assert (row["current_occupation_uri"], row["target_occupation_uri"]) == (current, target)
    assert row["notes"] == NOTES
    languages = await pool.fetch(
        "SELECT language, cefr FROM employee_language WHERE employee_id = $1 ORDER BY language",
        person,
    )
    assert [tuple(r) for r in languages] == [("ar", "C2"), ("nl", "B1"), ("tr", "A2")]
    needs = await pool.fetchval(
        "SELECT count(*) FROM employee_accommodation WHERE employee_id = $1", person
    )
    assert needs == 1


async def test_the_new_person_page_passes_axe_at_both_widths(
    browser: Browser, api_url: str, browser_world: World, shots: Path
) -> None:
    failing: list[str] = []
    for width, height in ((1280, 900), (390, 844)):
        context = await browser.new_context(
            base_url=api_url, viewport={"width": width, "height": height}
        )
        page = await context.new_page()
        await tour.sign_in(page, browser_world.logins["coach"].email, PASSWORD)
        for lang in ("nl", "en"):
            await page.goto(f"/coach/people/new?lang={lang}")
            assert (
                await page.title()
                == {"nl": "Nieuwe persoon", "en": "Add a person"}[lang] + tour.TITLE_SUFFIX
            )
            failing.append(tour.report(f"new person {width} {lang}", await tour.axe(page)))
            await page.screenshot(
                path=str(shots / f"new-person-{width}-{lang}.png"), full_page=True
            )
        # Sent empty: the form comes back with what to fix, and the summary has the focus.
        await page.goto("/coach/people/new?lang=nl")
        await page.locator("#notes").fill("Iets om te bewaren.")
        async with page.expect_navigation():
            await page.locator("form.person-form button.primary").press("Enter")
        await expect(page.locator(".error-summary")).to_be_focused()
        await expect(page.locator("#notes")).to_have_value("Iets om te bewaren.")
        failing.append(tour.report(f"new person errors {width}", await tour.axe(page)))
        await page.screenshot(path=str(shots / f"new-person-errors-{width}.png"), full_page=True)
        await context.close()
    found = [line for line in failing if line]
    assert found == [], "\n".join(found)


@pytest.fixture(scope="module")
async def own_world(pool: asyncpg.Pool, settings: Settings) -> AsyncIterator[World]:
    """A world of the journey's own: its consent and introduction change who the employer
    sees, which the shared world's journeys count."""
    async with pages_world.own(pool, settings, "first-day") as found:
        yield found


async def test_a_coach_adds_a_person_then_sees_matches_records_consent_and_introduces(
    page: Page, own_world: World, pool: asyncpg.Pool
) -> None:
    """The jobcoach's whole first day with someone new, by keyboard alone: add the person, give
    them the skills a vacancy asks for, record their consent to matching, see the vacancy among
    their matches once the worker has scored them, record their consent to share their
    profile with that employer, and introduce them."""
    world = own_world
    vacancy = world.vacancies["coach_journey"]
    labels = [
        r["label"]
        for r in await pool.fetch(
            "SELECT coalesce(s.label_nl, s.label_en) AS label FROM vacancy_skill vs"
            " JOIN skill s ON s.uri = vs.skill_uri"
            " WHERE vs.vacancy_id = $1 AND vs.relation = 'essential' ORDER BY 1",
            vacancy,
        )
    ]
    assert labels, "the vacancy asks for skills"
    await tour.sign_in(page, world.logins["coach"].email, PASSWORD)
    await focus(page, "a[href='/coach/people/new']")
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    name = f"Ilse Bakker {world.tag}"
    await type_into(page, "#name", name)
    await arrow_to(page, "#ladder-rung", 4)
    await type_into(page, "#hours-min", "16")
    await type_into(page, "#hours-max", "32")
    await arrow_to(page, "#language-0", 1)  # Nederlands
    await arrow_to(page, "#cefr-0", 3)  # B1
    await focus(page, "form.person-form button.primary")
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    await expect(page.locator("h1")).to_have_text(name)
    person = page.url.split("/coach/people/")[1].split("?")[0]

    # Her skills, one after another from the skill search: the focus comes back to it.
    await page.goto(f"/coach/people/{person}/profile")
    for label in labels:
        await type_into(page, "#skill-q", label)
        options = page.get_by_role("listbox").get_by_role("option", name=label, exact=True)
        await expect(options.first).to_be_visible(timeout=15_000)
        for _ in range(10):  # down the list to the option of this skill
            await page.keyboard.press("ArrowDown")
            if await page.evaluate(
                "l => document.getElementById(document.activeElement.getAttribute("
                "'aria-activedescendant'))?.textContent.trim() === l",
                label,
            ):
                break
        await page.keyboard.press("Enter")
        await focus(page, "form:has(#add-skill-uri) button[type=submit]")
        await page.keyboard.press("Enter")
        await expect(page.locator(".skill-list")).to_contain_text(label)
        await expect(page.locator("#skill-q")).to_be_focused()

    # Her consent to matching; the worker scores her and the vacancy is among her matches.
    await page.goto(f"/coach/people/{person}/consents")
    await focus(page, "form:has(input[name=purpose][value=matching]) button")
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    # Scored as the worker's task does it on her consent event (the browser tests run no
    # relay: its backlog would rescore the other modules' worlds under them).
    async with pool.acquire() as conn, conn.transaction():
        assert await matching.rescore_employee(conn, uuid.UUID(person)) > 0
    await page.goto(f"/coach/people/{person}")
    card = page.locator(f"#match-{vacancy}")
    await expect(card.locator(".score")).to_contain_text("van 100")
    await expect(card.get_by_role("button", name="Voorstellen aan de werkgever")).to_have_count(0)

    # Her yes to sharing her profile with this employer, then the introduction.
    await focus(page, f"#match-{vacancy} .consent-needed button")
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    introduce = f"#match-{vacancy} form:has(input[name=decision][value=introduced]) button"
    await focus(page, introduce)
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    await expect(page.locator(f"#match-{vacancy} .state")).to_contain_text("Voorgesteld")
    shared = await pool.fetchval(
        "SELECT count(*) FROM consent WHERE employee_id = $1 AND purpose = 'share_with_employer'"
        " AND withdrawn_at IS NULL",
        person,
    )
    assert shared == 1

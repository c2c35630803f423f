"""The keyboard alone through the newest forms: an employer carves a job (find the occupation,
show its tasks, leave one out, count the candidates, save a draft vacancy) and a jobcoach records
practice-based learning from agreement to praktijkverklaring."""

from __future__ import annotations

import re

import asyncpg
from playwright.async_api import Page, expect

from services.core.clock import today
from tests.browser import tour
from tests.browser.keys import tab_to
from tests.browser.world import World
from tests.factories import PASSWORD

NOTICE = "main .notice"


async def test_an_employer_carves_a_job_with_the_keyboard(
    page: Page, browser_world: World, pool: asyncpg.Pool
) -> None:
    world = browser_world
    await tour.sign_in(page, world.logins["employer"].email, PASSWORD)
    await page.goto("/employer/carve")
    await expect(page.locator("h1")).to_have_text("Werk op maat maken")

    # The occupation: the search's autocomplete, then "Toon de taken".
    await tab_to(page, "#occupation-q")
    await page.keyboard.type("inpak", delay=30)
    await expect(page.get_by_role("listbox").get_by_role("option").first).to_be_visible()
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("Enter")
    chosen = await page.locator("#occupation-uri").input_value()
    assert chosen, "the autocomplete chose an occupation"
    await tab_to(page, "button[value=show_tasks]")
    await page.keyboard.press("Enter")
    await page.wait_for_load_state()

    # Its essential tasks come ticked; leave the first one out with the space bar.
    essential = page.locator("input[id^=kept-essential-]")
    await expect(essential.first).to_be_checked()
    left_out = await essential.first.get_attribute("value")
    await tab_to(page, "#kept-essential-1")
    await page.keyboard.press("Space")
    await expect(essential.first).not_to_be_checked()

    # Count the candidates for the full and the carved job.
    await tab_to(page, "#counts button[value=count]")
    await page.keyboard.press("Enter")
    await page.wait_for_load_state()
    counts = page.locator("#counts [role=status]")
    await expect(counts).to_contain_text("volledige werk")
    await expect(counts).to_contain_text("werk op maat")
    await expect(essential.first).not_to_be_checked()  # the choice survived the count

    # The job itself, then save it as a draft.
    await tab_to(page, "#title")
    await page.keyboard.type("Inpakken op maat", delay=10)
    await tab_to(page, "#contract-kind")
    await page.keyboard.press("ArrowDown")
    await tab_to(page, "#hours-min")
    await page.keyboard.type("8")
    await tab_to(page, "#hours-max")
    await page.keyboard.type("20")
    await tab_to(page, "button[value=create]")
    await page.keyboard.press("Enter")
    await page.wait_for_load_state()

    await expect(page.locator("h1")).to_have_text("Inpakken op maat")
    await expect(page.locator("main")).to_contain_text("Uit het volledige werk gehaald")
    row = await pool.fetchrow(
        "SELECT v.status, v.carved, v.occupation_uri, "
        "       EXISTS (SELECT 1 FROM vacancy_skill s "
        "               WHERE s.vacancy_id = v.id AND s.skill_uri = $2) AS kept_left_out "
        "FROM vacancy v WHERE v.title = $1 AND v.organisation_id = $3",
        "Inpakken op maat",
        left_out,
        world.employer_org,
    )
    assert row is not None
    assert (row["status"], row["carved"], row["occupation_uri"]) == ("draft", True, chosen)
    assert not row["kept_left_out"]
    await expect(page).to_have_url(re.compile(r"/employer/vacancies/[0-9a-f-]+"))


async def test_a_coach_records_practice_learning_with_the_keyboard(
    page: Page, browser_world: World, pool: asyncpg.Pool
) -> None:
    """A learning agreement made, a work process shown and the praktijkverklaring recorded, by
    keyboard; the person's skills of that work process become certified."""
    world = browser_world
    noor = world.people["noor"]
    await tour.sign_in(page, world.logins["coach"].email, PASSWORD)
    await page.goto(f"/coach/people/{noor}/learning")
    await expect(page.locator("h1")).to_have_text(world.names["noor"])

    await tab_to(page, "#n-crebo")
    await page.keyboard.press("ArrowDown")  # the first qualification
    for field, words in (
        ("#n-college", "ROC Oost"),
        ("#n-company", "Werkbedrijf Test"),
        ("#n-trainer-name", "Mirjam Bakker"),
    ):
        await tab_to(page, field)
        await page.keyboard.type(words, delay=10)
    await tab_to(page, "#n-ends-on")
    await page.locator("#n-ends-on").fill("2027-06-30")  # a date picker's own keys vary by locale
    await tab_to(page, "form.new-agreement button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_load_state()
    await expect(page.locator(NOTICE)).to_contain_text("leerovereenkomst is gemaakt")
    agreement = await pool.fetchval(
        "SELECT id FROM learning_agreement WHERE employee_id = $1 ORDER BY created_at DESC",
        noor,
    )

    prefix = f"#p-{agreement}-"
    await tab_to(page, f"{prefix}work-process-id")
    await page.keyboard.press("ArrowDown")
    await tab_to(page, f"{prefix}status")
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("ArrowDown")  # started, then shown
    await expect(page.locator(f"{prefix}status")).to_have_value("shown")
    await tab_to(page, f"form[action$='{agreement}/progress'] button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_load_state()
    await expect(page.locator("main")).to_contain_text("Aangetoond")

    result = f"#r-{agreement}-"
    await tab_to(page, f"{result}result")
    await page.keyboard.press("ArrowDown")  # praktijkverklaring
    await tab_to(page, f"{result}result-on")
    await page.locator(f"{result}result-on").fill(today().isoformat())
    await tab_to(page, f"form[action$='{agreement}/result'] button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_load_state()
    await expect(page.locator("main")).to_contain_text("Afgerond met een praktijkverklaring")
    certified = await pool.fetchval(
        "SELECT count(*) FROM employee_skill e JOIN work_process_skill w "
        "ON w.skill_uri = e.skill_uri JOIN learning_progress p "
        "ON p.work_process_id = w.work_process_id AND p.status = 'shown' "
        "WHERE p.agreement_id = $1 AND e.employee_id = $2 AND e.source = 'certified'",
        agreement,
        noor,
    )
    assert certified > 0

"""Skills suggested from a pasted text, in headless Chromium: an employer pastes a Dutch vacancy
text into the vacancy form, asks for suggestions, ticks two and adds them, with the keyboard;
a jobcoach does the same with notes on a person's profile, with the mouse. Both pages stay free
of serious axe findings with the suggestions shown and with an error."""

from __future__ import annotations

import re

import asyncpg
from playwright.async_api import Locator, Page, expect

from tests.browser import tour
from tests.browser.keys import tab_to
from tests.browser.test_journeys import NOTICE, _pick
from tests.browser.world import World
from tests.factories import PASSWORD

VACANCY = """Keukenhulp gezocht (24 uur per week)
Wat ga je doen?
- Je wast af en maakt de keuken schoon.
- Je ruimt de tafels af na de lunch.
- Je telt de voorraad en dweilt aan het eind van de dag de vloer.
Wat bieden wij? Een vast rooster en een jobcoach op de werkvloer."""
NOTES = """Sem werkt sinds maart in de keuken van het buurtrestaurant.
- Hij maakt de keuken schoon en wast af.
- Hij ruimt de tafels af na de lunch.
- Op vrijdag telt hij de voorraad in het magazijn."""
SUGGESTING = 60_000  # ms: the first suggestion of a process loads the sentence encoder


async def _no_serious_findings(page: Page, name: str) -> None:
    failing = [v for v in await tour.axe(page) if v["impact"] in tour.FAILING_IMPACTS]
    assert failing == [], tour.report(name, failing)


async def _name(box: Locator) -> tuple[str, str | None]:
    """The skill label beside a suggestion's checkbox, and its lang attribute."""
    name = box.locator("xpath=following-sibling::label[1]").locator(".skill-name")
    return (await name.inner_text()).strip(), await name.get_attribute("lang")


async def test_employer_ticks_two_suggestions_from_a_vacancy_text_with_the_keyboard(
    page: Page, browser_world: World, pool: asyncpg.Pool, taxonomy_is_esco: bool
) -> None:
    world = browser_world
    await tour.sign_in(page, world.logins["employer"].email, PASSWORD)
    await page.goto("/employer/vacancies/new")
    await page.get_by_label("Titel").fill("Keukenhulp ochtend")

    # Asking without a text: the summary takes the focus and leads to the field.
    await tab_to(page, "button[value=suggest_skills]")
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Plak eerst een tekst.")
    await expect(page.get_by_label("Titel")).to_have_value("Keukenhulp ochtend")
    await _no_serious_findings(page, "vacancy form, no text")
    await page.keyboard.press("Tab")  # the summary's link to the field
    await page.keyboard.press("Enter")
    await expect(page.locator("#suggest-text")).to_be_focused()

    # Paste the text and ask, from the keyboard.
    await page.keyboard.insert_text(VACANCY)  # as a paste does
    await page.keyboard.press("Tab")
    ask = page.get_by_role("button", name="Vaardigheden voorstellen")
    await expect(ask).to_be_focused()
    async with page.expect_navigation(timeout=SUGGESTING):
        await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile("#from-text$"))
    group = page.get_by_role("group", name="Voorgestelde vaardigheden")
    boxes = group.get_by_role("checkbox")
    assert await boxes.count() >= 3
    await expect(page.locator("#suggest-text")).to_have_value(VACANCY)  # kept
    await expect(page.get_by_label("Titel")).to_have_value("Keukenhulp ochtend")
    await expect(page.locator(".likely")).to_contain_text("Dit lijkt te gaan over:")
    await expect(group.locator(".confidence").first).to_have_text(
        re.compile("^(zeker|waarschijnlijk|misschien)$")
    )
    await _no_serious_findings(page, "vacancy form with suggestions")

    # Tick exactly the first two (untick what was ticked in advance), with Space; the less
    # certain ones are folded away and never ticked in advance.
    names = []
    for i in range(await boxes.count()):
        box = boxes.nth(i)
        want = i < 2
        if want and not await box.is_visible():
            await tab_to(page, ".more-suggestions > summary")
            await page.keyboard.press("Enter")
        if await box.is_checked() != want:
            await tab_to(page, f"#{await box.get_attribute('id')}")
            await page.keyboard.press("Space")
        await expect(box).to_be_checked(checked=want)
        if want:
            names.append(await _name(box))
    if taxonomy_is_esco:  # ESCO's skills are English: marked so on a Dutch page
        assert {lang for _, lang in names} == {"en"}, names
    await tab_to(page, "button[value=add_suggested]")
    await expect(page.locator(":focus")).to_have_text("Aangevinkte vaardigheden toevoegen")
    async with page.expect_navigation():
        await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile("#skills$"))
    rows = page.locator("#skills .skill-list > li")
    await expect(rows).to_have_count(2)
    for (label, lang), row in zip(names, (rows.nth(0), rows.nth(1)), strict=True):
        await expect(row.locator(".skill-name")).to_have_text(label)
        if lang:
            await expect(row.locator(".skill-name")).to_have_attribute("lang", lang)
    await expect(
        page.get_by_role("checkbox", name=re.compile(re.escape(names[0][0])))
    ).to_have_count(0)

    # The autocomplete marks each option with the language of its label.
    await page.locator("#skill-q").press_sequentially("afwassen", delay=30)
    option = page.get_by_role("listbox").get_by_role("option").first
    await expect(option).to_have_attribute("lang", "en" if taxonomy_is_esco else "nl")
    await page.locator("#skill-q").press("Escape")
    await page.locator("#skill-q").fill("")

    # The rest of the form, and save: the vacancy holds the two skills.
    await _pick(page, "#occupation-q", "inpak")
    await page.get_by_label("Soort werk").select_option("wise_paid")
    await page.get_by_label("Minimaal aantal uren per week").fill("16")
    await page.get_by_label("Maximaal aantal uren per week").fill("24")
    await page.get_by_role("button", name="Vacature opslaan").click()
    await expect(page.locator(NOTICE)).to_contain_text("concept")
    for label, _ in names:
        await expect(page.locator("main")).to_contain_text(label)
    stored = await pool.fetchval(
        "SELECT count(*) FROM vacancy_skill s JOIN vacancy v ON v.id = s.vacancy_id "
        "WHERE v.organisation_id = $1 AND v.title = 'Keukenhulp ochtend'",
        world.employer_org,
    )
    assert stored == 2


async def test_coach_adds_ticked_suggestions_from_notes(
    page: Page, browser_world: World, pool: asyncpg.Pool
) -> None:
    world = browser_world
    person = world.people["daan"]
    await tour.sign_in(page, world.logins["coach"].email, PASSWORD)
    await page.goto(f"/coach/people/{person}/profile")
    before = await pool.fetchval(
        "SELECT count(*) FROM employee_skill WHERE employee_id = $1", person
    )
    await page.get_by_label("Plak notities of een cv").fill(NOTES)
    async with page.expect_navigation(timeout=SUGGESTING):
        await page.get_by_role("button", name="Vaardigheden voorstellen").click()
    await expect(page).to_have_url(re.compile("#from-text$"))
    group = page.get_by_role("group", name="Voorgestelde vaardigheden")
    boxes = group.get_by_role("checkbox")
    assert await boxes.count() >= 2
    await expect(page.get_by_label("Niveau van de aangevinkte vaardigheden")).to_have_value("2")
    await expect(page.get_by_label("Bron van de aangevinkte vaardigheden")).to_have_value(
        "observed"
    )
    # Nothing is ticked in advance on a person's profile. Adding nothing: the form says so,
    # the summary takes the focus, the suggestions stay.
    for i in range(await boxes.count()):
        await expect(boxes.nth(i)).not_to_be_checked()
    await page.get_by_role("button", name="Aangevinkte vaardigheden toevoegen").click()
    summary = page.locator(".error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Vink minstens één vaardigheid aan.")
    await expect(page.locator("#suggest-text")).to_have_value(NOTES)
    await _no_serious_findings(page, "coach profile, nothing ticked")
    assert (
        await pool.fetchval("SELECT count(*) FROM employee_skill WHERE employee_id = $1", person)
        == before
    )

    # Tick two, at level 4, and add them.
    group = page.get_by_role("group", name="Voorgestelde vaardigheden")
    boxes = group.get_by_role("checkbox")
    names = []
    for i in (0, 1):
        if not await boxes.nth(i).is_visible():
            await group.locator(".more-suggestions > summary").click()
        await boxes.nth(i).check()
        names.append((await _name(boxes.nth(i)))[0])
    await page.get_by_label("Niveau van de aangevinkte vaardigheden").select_option("4")
    await page.get_by_role("button", name="Aangevinkte vaardigheden toevoegen").click()
    await expect(page.locator(NOTICE)).to_have_text("De aangevinkte vaardigheden zijn toegevoegd.")
    await expect(page).to_have_url(re.compile("#skills$"))
    listed = page.locator(".skill-list")
    for name in names:
        await expect(listed).to_contain_text(name)
    levels = await pool.fetch(
        "SELECT level, source FROM employee_skill WHERE employee_id = $1 AND level = 4", person
    )
    assert len(levels) == 2 and {r["source"] for r in levels} == {"observed"}
    assert (
        await pool.fetchval("SELECT count(*) FROM employee_skill WHERE employee_id = $1", person)
        == before + 2
    )

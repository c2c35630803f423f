"""One full journey per role in headless Chromium, and the keyboard on its own."""

from __future__ import annotations

import json
import re

import asyncpg
from playwright.async_api import Page, expect

from tests.browser import tour
from tests.browser.keys import tab_to
from tests.browser.world import World
from tests.factories import PASSWORD

NOTICE = "main .notice"


async def test_jobcoach_journey(page: Page, browser_world: World, pool: asyncpg.Pool) -> None:
    world = browser_world
    noor, vacancy = world.people["noor"], world.vacancies["coach_journey"]
    await tour.sign_in(page, world.logins["coach"].email, PASSWORD)
    await expect(page).to_have_url(re.compile(r"/coach$"))
    await expect(page).to_have_title("Caseload" + tour.TITLE_SUFFIX)

    # The caseload: each person's rung and new matches; open Noor.
    row = page.locator("table.caseload tbody tr", has_text=world.names["noor"])
    await expect(row).to_contain_text("Trede 5")
    await expect(row).to_contain_text("nieuw")
    await row.get_by_role("link", name=world.names["noor"]).click()
    await expect(page.locator("h1")).to_have_text(world.names["noor"])

    # Her matches, each with the explanation behind it.
    card = page.locator(f"#match-{vacancy}")
    await expect(card.locator(".coverage-bar")).to_have_attribute("role", "img")
    await expect(card.locator(".legend")).to_contain_text("4 aanwezig")
    await card.get_by_text("Waarom deze match?").click()
    await expect(card.locator("details.explanation")).to_contain_text("Heeft de persoon al")
    await expect(card.locator("details.explanation")).to_contain_text("Voorwaarden")

    # Edit her skills: find one with the autocomplete, by keyboard only, and add it.
    await page.get_by_role("link", name="Profiel en vaardigheden").click()
    await tab_to(page, "#skill-q")
    await page.keyboard.type("instructies", delay=30)
    listbox = page.get_by_role("listbox")
    await expect(listbox.get_by_role("option").first).to_be_visible()
    await expect(page.locator("#skill-q")).to_have_attribute("aria-expanded", "true")
    await page.keyboard.press("ArrowDown")
    chosen = await page.locator("#skill-q").get_attribute("aria-activedescendant")
    assert chosen, "the active option is announced"
    label = (await page.locator(f"#{chosen}").inner_text()).strip()
    await page.keyboard.press("Enter")
    await expect(page.locator("#skill-q")).to_have_attribute("aria-expanded", "false")
    assert await page.locator("#add-skill-uri option:checked").inner_text() == label
    await tab_to(page, "#add-level")
    await page.keyboard.press("ArrowDown")  # level 2 -> 3
    await tab_to(page, "form:has(#add-skill-uri) button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_load_state()
    await expect(page.locator(NOTICE)).to_have_text(re.compile("toegevoegd"))
    await expect(page.locator(".skill-list")).to_contain_text(label)
    # ... and change the level of one she had.
    first = page.locator(".skill-list > li").first
    await first.locator("select[name=level]").select_option("4")
    await first.get_by_role("button", name="Opslaan").click()
    await expect(page.locator(NOTICE)).to_have_text(re.compile("opgeslagen"))

    # Propose the match: introduce Noor to the employer.
    await page.get_by_role("link", name="Matches en stappen").click()
    card = page.locator(f"#match-{vacancy}")
    await card.get_by_role("button", name="Voorstellen aan de werkgever").click()
    await expect(page.locator(NOTICE)).to_have_text(re.compile("Voorgesteld"))
    card = page.locator(f"#match-{vacancy}")
    await expect(card.locator(".state")).to_contain_text("Voorgesteld")

    # A decline needs a reason: without one the form comes back saying so, and keeps it.
    await card.get_by_label("Afgewezen").check()
    await card.get_by_role("button", name="Vastleggen").click()
    card = page.locator(f"#match-{vacancy}")
    summary = card.locator(".error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Schrijf op waarom")
    await expect(card.get_by_label("Afgewezen")).to_be_checked()
    failing = [v for v in await tour.axe(page) if v["impact"] in tour.FAILING_IMPACTS]
    assert failing == [], tour.report("coach decline error", failing)
    await card.get_by_role("textbox", name="Reden").fill("Past niet bij haar werktijden")
    await card.get_by_role("button", name="Vastleggen").click()
    await expect(page.locator(NOTICE)).to_have_text(re.compile("Afwijzing vastgelegd"))
    decided = await pool.fetch(
        "SELECT decision, reason, decided_role FROM placement_decision "
        "WHERE employee_id = $1 AND vacancy_id = $2 ORDER BY decided_at",
        noor,
        vacancy,
    )
    assert [(d["decision"], d["reason"]) for d in decided] == [
        ("introduced", None),
        ("declined", "Past niet bij haar werktijden"),
    ]
    assert {d["decided_role"] for d in decided} == {"jobcoach"}

    await tour.sign_out(page)
    await expect(page.locator(NOTICE)).to_have_text("Je bent afgemeld.")
    await page.goto("/coach")
    await expect(page).to_have_url(re.compile(r"/sign-in\?next=%2Fcoach$"))


async def _pick(page: Page, field: str, text: str) -> str:
    """Type into a combobox and choose its first option with the keyboard; the label."""
    box = page.locator(field)
    await box.fill("")
    await box.press_sequentially(text, delay=30)
    await expect(page.get_by_role("listbox").get_by_role("option").first).to_be_visible()
    await box.press("ArrowDown")
    chosen = await box.get_attribute("aria-activedescendant")
    label = (await page.locator(f"#{chosen}").inner_text()).strip()
    await box.press("Enter")
    return label


# Skill words an employer types: ESCO's skills have English labels only (its Dutch files hold
# occupations), and the search falls back to English for a concept without a Dutch label.
SKILL_WORDS = {False: ("inpakken", "instructies"), True: ("pack goods", "verbal instructions")}


async def test_employer_journey(
    page: Page, browser_world: World, pool: asyncpg.Pool, taxonomy_is_esco: bool
) -> None:
    world = browser_world
    await tour.sign_in(page, world.logins["employer"].email, PASSWORD)
    await expect(page).to_have_url(re.compile(r"/employer$"))

    # The organisation's profile, its digital window.
    await page.get_by_role("link", name="Ons profiel").first.click()
    await page.get_by_label("Wat doen jullie?").fill("Een bakkerij in de buurt.")
    await page.get_by_label("Producten en diensten").fill("Brood, taart en catering.")
    await page.get_by_label("Hoe begeleiden jullie mensen?").fill("Een vaste collega als maatje.")
    await page.get_by_label("Website").fill("https://bakkerij.example")
    await page.get_by_role("button", name="Opslaan").click()
    await expect(page.locator(NOTICE)).to_have_text("Het profiel is opgeslagen.")
    stored = await pool.fetchrow(
        "SELECT goods_and_services, support_offered FROM organisation WHERE id = $1",
        world.employer_org,
    )
    assert tuple(stored) == ("Brood, taart en catering.", "Een vaste collega als maatje.")

    # Post a vacancy with skills and the accommodations offered.
    await page.get_by_role("link", name="Onze vacatures").click()
    await page.get_by_role("link", name="Nieuwe vacature").click()
    await page.get_by_label("Titel").fill("Inpakker ochtend")
    occupation = await _pick(page, "#occupation-q", "inpak")
    assert await page.locator("#occupation-uri option:checked").inner_text() == occupation
    await page.get_by_label("Soort werk").select_option("wise_paid")
    await page.get_by_label("Minimaal aantal uren per week").fill("12")
    await page.get_by_label("Maximaal aantal uren per week").fill("24")
    packing, instructions = SKILL_WORDS[taxonomy_is_esco]
    skill = await _pick(page, "#skill-q", packing)
    await page.get_by_role("button", name="Vaardigheid toevoegen").click()
    rows = page.locator("#skills .skill-list > li")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text(skill)
    await expect(page.get_by_label("Titel")).to_have_value("Inpakker ochtend")  # kept
    second = await _pick(page, "#skill-q", instructions)
    await page.get_by_role("button", name="Vaardigheid toevoegen").click()
    await expect(rows).to_have_count(2)
    await page.get_by_label("Rustige werkplek").check()
    await page.get_by_label("Extra pauzes").check()
    await page.get_by_role("button", name="Vacature opslaan").click()
    await expect(page.locator(NOTICE)).to_contain_text("concept")
    await expect(page.locator("h1")).to_have_text("Inpakker ochtend")
    await expect(page.locator("main")).to_contain_text(skill)
    await expect(page.locator("main")).to_contain_text(second)
    await expect(page.locator("#offered-heading + ul")).to_contain_text("Extra pauzes")
    await page.get_by_role("button", name="Publiceren").click()
    await expect(page.locator(NOTICE)).to_have_text("De vacature is gepubliceerd.")

    # Candidates who share their profile, and the others as a count only.
    await page.get_by_role("link", name="Onze vacatures").click()
    await page.get_by_role("link", name=f"Medewerker winkel {world.tag}").click()
    candidates = page.locator("ol.candidates > li")
    await expect(candidates).to_have_count(1)
    await expect(candidates.first).to_contain_text(world.names["noor"])
    await expect(page.locator(".others")).to_contain_text(re.compile(r"delen: \d+"))
    await expect(page.locator("main")).not_to_contain_text(world.names["shy"])

    # Noor was introduced by her coach: the employer records a trial placement.
    card = candidates.first
    await expect(card.locator(".state")).to_contain_text("Voorgesteld")
    await card.get_by_label("Proefplaatsing").check()
    await card.get_by_role("button", name="Vastleggen").click()
    await expect(page.locator(NOTICE)).to_have_text("Proefplaatsing vastgelegd.")
    await expect(page.locator("ol.candidates > li").first.locator(".state")).to_contain_text(
        "Proefplaatsing"
    )
    role = await pool.fetchval(
        "SELECT decided_role FROM placement_decision WHERE employee_id = $1 AND vacancy_id = $2 "
        "AND decision = 'trial_placement'",
        world.people["noor"],
        world.vacancies["employer_journey"],
    )
    assert role == "employer"
    await tour.sign_out(page)


async def test_employee_journey(page: Page, browser_world: World) -> None:
    world = browser_world
    await tour.sign_in(page, world.logins["employee"].email, PASSWORD)
    await expect(page).to_have_url(re.compile(r"/me$"))
    cards = page.locator("ul.easy-cards > li")
    await expect(cards).to_have_count(3)
    for n, title in enumerate(
        ("Wat kan ik nu?", "Wat is mijn volgende stap?", "Wat kan ik leren?")
    ):
        await expect(cards.nth(n).locator("h2")).to_have_text(title)
        await expect(cards.nth(n).locator("a.card-action")).to_have_count(1)  # one action

    # English, and it stays English.
    await page.get_by_role("link", name="English").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(cards.first.locator("h2")).to_have_text("What can I do now?")

    # A notification, marked read.
    await page.get_by_role("navigation", name="Menu").get_by_role("link", name="Messages").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    unread = page.locator("li.card.unread")
    before = await unread.count()
    assert before >= 1
    await unread.first.get_by_role("button", name="Mark as read").click()
    await expect(page.locator(NOTICE)).to_have_text("Marked as read.")
    await expect(page.locator("li.card.unread")).to_have_count(before - 1)

    # Withdraw a consent, and give it again.
    await page.get_by_role("navigation", name="Menu").get_by_role("link", name="My consent").click()
    given = page.locator("li.card", has_text="Look for work for me")
    await given.get_by_role("button", name="Stop").click()
    await expect(page.locator(NOTICE)).to_have_text("The consent is withdrawn.")
    await page.get_by_role("button", name="Yes, look for work for me").click()
    await expect(page.locator(NOTICE)).to_have_text("The consent is given.")
    await expect(page.locator("li.card", has_text="Look for work for me")).to_have_count(1)

    # Download a copy of everything held about me.
    await page.get_by_role("navigation", name="Menu").get_by_role("link", name="My page").click()
    async with page.expect_download() as waiting:
        await page.get_by_role("link", name="Download my data").click()
    download = await waiting.value
    assert download.suggested_filename.endswith(".json")
    path = await download.path()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["employee_id"] == str(world.people["noor"])
    assert data["profile"]["name"] == world.names["noor"]
    await tour.sign_out(page)


async def test_sign_in_works_with_the_keyboard_alone(page: Page, browser_world: World) -> None:
    await page.goto("/sign-in")
    await page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    await expect(skip).to_be_focused()
    assert (await skip.bounding_box() or {}).get("y", -1) >= 0  # shown when focused
    await page.keyboard.press("Enter")
    await tab_to(page, "#email")
    await page.keyboard.type(browser_world.logins["coach"].email)
    await page.keyboard.press("Tab")
    await expect(page.locator("#password")).to_be_focused()
    await page.keyboard.type("wrong password")
    await page.keyboard.press("Enter")
    await expect(page.locator(".error-summary")).to_be_focused()
    await page.keyboard.press("Tab")  # the summary's link to the field
    await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile("#email$"))
    await tab_to(page, "#password")
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile(r"/coach$"))

"""axe-core on every page of every role and on a form of each kind sent back with mistakes, in
Dutch and in English, at 1280 and at 390 px wide: no violation of any impact of the WCAG 2.2
A/AA and best-practice rules (tour.axe). Every page has a useful title, one h1 and the right
language. One sign-in per role and width, not per page."""

from __future__ import annotations

import os
from itertools import groupby
from pathlib import Path

from playwright.async_api import Browser, Page

from tests.browser import tour
from tests.browser.world import World
from tests.factories import PASSWORD

LANGUAGES = ("nl", "en")
WIDTHS = ((1280, 900), (390, 844))


def _with_lang(path: str, lang: str) -> str:
    return path + ("&" if "?" in path else "?") + f"lang={lang}"


async def _check_page(browser: Browser, html: str) -> dict[str, str]:
    """axe's findings on a page made of `html`: rule id to impact."""
    context = await browser.new_context()
    page = await context.new_page()
    await page.set_content(html)
    found = {v["id"]: v["impact"] for v in await tour.axe(page)}
    await context.close()
    return found


async def test_axe_finds_what_it_should(browser: Browser) -> None:
    """The check below could not fail if axe never ran, or ran without the best-practice and
    experimental rules: on pages with known faults it must report each of them."""
    found = await _check_page(
        browser,
        '<html lang="nl"><title>Fout</title><main><h1>Fout</h1><img src="x.png">'
        "<button></button></main></html>",
    )
    assert found.get("image-alt") == "critical" and found.get("button-name") == "critical"
    # A bold, larger <p> as a heading (longer than the paragraph after it, which axe alone
    # would let pass); two inline pictures with the same ids; text outside any landmark; a
    # heading level skipped.
    found = await _check_page(
        browser,
        '<html lang="nl"><title>Fout</title><main><h1>Fout</h1>'
        '<p style="font-weight:bold;font-size:1.4em">Medewerker schoonmaak in de bakkerij</p>'
        "<p>bij Bakkerij Test</p>"
        '<svg><defs><linearGradient id="shade"></linearGradient></defs></svg>'
        '<svg><defs><linearGradient id="shade"></linearGradient></defs></svg>'
        "<h3>Verder</h3></main><p>Buiten</p></html>",
    )
    for rule in ("p-as-heading", "duplicate-id", "region", "heading-order"):
        assert rule in found, f"axe did not report {rule}: {found}"


async def _visit(page: Page, stop: tour.Stop, lang: str) -> int:
    """Open the stop in `lang` (and send its form, for an error state); the HTTP status."""
    response = await page.goto(_with_lang(stop.path, lang))
    assert response is not None, stop
    if stop.submit is None:
        return response.status
    for selector, value in stop.fill:
        await page.locator(selector).fill(value)
    async with page.expect_navigation() as sent:
        await page.locator(stop.submit).click()
    answer = await sent.value
    assert answer is not None, stop
    assert await page.locator(".error-summary").count() == 1, stop
    return answer.status


async def test_no_page_has_any_violation_in_either_language_at_either_width(
    browser: Browser, api_url: str, browser_world: World
) -> None:
    world = browser_world
    ids = {
        "wise": world.wise,
        "person": world.people["noor"],
        "unshared": world.people["daan"],
        "vacancy": world.vacancies["coach_journey"],
        "own_vacancy": world.vacancies["employer_journey"],
    }
    stops = tour.stops(ids, "monteren")
    # A folder (Playwright makes it): also keep a picture of each page at each width.
    shots = os.environ.get("OPSTAP_A11Y_SHOTS")
    failing: list[str] = []
    visited = 0
    by_role = groupby(sorted(stops, key=lambda s: s.role or ""), key=lambda s: s.role)
    for role, group in [(role, list(group)) for role, group in by_role]:
        for width, height in WIDTHS:
            context = await browser.new_context(
                base_url=api_url, viewport={"width": width, "height": height}
            )
            page = await context.new_page()
            if role:
                await tour.sign_in(page, world.logins[role].email, PASSWORD)
            for stop in group:
                for lang in LANGUAGES:
                    status = await _visit(page, stop, lang)
                    expected = (422,) if stop.submit else (200, 404)
                    assert status in expected, (stop, status)
                    assert await page.get_attribute("html", "lang") == lang, stop
                    title = await page.title()
                    assert title.endswith(tour.TITLE_SUFFIX), stop
                    assert title.removesuffix(tour.TITLE_SUFFIX).strip(), stop
                    assert await page.locator("h1").count() == 1, stop
                    visited += 1
                    where = f"{stop.name} [{lang} {width}px]"
                    failing.extend(tour.report(where, [v]) for v in await tour.axe(page))
                    if shots:
                        name = f"{stop.name}-{lang}-{width}.png"
                        await page.screenshot(path=str(Path(shots) / name), full_page=True)
            await context.close()
    assert visited == len(stops) * len(LANGUAGES) * len(WIDTHS)
    assert failing == [], f"{len(failing)} violations:\n" + "\n".join(failing)

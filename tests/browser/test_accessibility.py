"""axe-core on every page, signed in as each role, in Dutch and in English: no serious or
critical violation; the others are printed. Every page has a useful title, one h1 and the
right language."""

from __future__ import annotations

import os
from collections import Counter
from itertools import groupby
from pathlib import Path

import pytest
from playwright.async_api import Browser

from tests.browser import tour
from tests.browser.world import World
from tests.factories import PASSWORD

LANGUAGES = ("nl", "en")


def _with_lang(path: str, lang: str) -> str:
    return path + ("&" if "?" in path else "?") + f"lang={lang}"


def _print(request: pytest.FixtureRequest, headline: str, lines: list[str]) -> None:
    """Shown in the test output even when it passes (the moderate and minor findings)."""
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line(f"\n{headline}")
        for line in lines:
            reporter.write_line(f"  {line}")


async def test_axe_finds_what_it_should(browser: Browser) -> None:
    """The check below could not fail if axe never ran: on a page with known faults it must
    report them as critical."""
    context = await browser.new_context()
    page = await context.new_page()
    await page.set_content(
        '<html lang="nl"><title>Fout</title><main><h1>Fout</h1><img src="x.png">'
        "<button></button></main></html>"
    )
    found = {v["id"]: v["impact"] for v in await tour.axe(page)}
    await context.close()
    assert found.get("image-alt") == "critical" and found.get("button-name") == "critical"


async def test_no_page_has_a_serious_or_critical_violation_in_either_language(
    browser: Browser, api_url: str, browser_world: World, request: pytest.FixtureRequest
) -> None:
    world = browser_world
    ids = {
        "wise": world.wise,
        "person": world.people["noor"],
        "vacancy": world.vacancies["coach_journey"],
        "own_vacancy": world.vacancies["employer_journey"],
    }
    stops = tour.stops(ids, "monteren")
    shots = os.environ.get("OPSTAP_A11Y_SHOTS")  # a folder: also keep a picture of each page
    failing: list[str] = []
    others: list[str] = []
    counts: Counter[tuple[str, str]] = Counter()
    visited = 0
    for role, group in groupby(sorted(stops, key=lambda s: s.role or ""), key=lambda s: s.role):
        context = await browser.new_context(
            base_url=api_url, viewport={"width": 1280, "height": 900}
        )
        page = await context.new_page()
        if role:
            await tour.sign_in(page, world.logins[role].email, PASSWORD)
        for stop in list(group):
            for lang in LANGUAGES:
                response = await page.goto(_with_lang(stop.path, lang))
                assert response is not None and response.status in (200, 404), stop
                assert await page.get_attribute("html", "lang") == lang, stop
                title = await page.title()
                assert title.endswith(tour.TITLE_SUFFIX), stop
                assert title.removesuffix(tour.TITLE_SUFFIX).strip(), stop
                assert await page.locator("h1").count() == 1, stop
                visited += 1
                for violation in await tour.axe(page):
                    counts[(lang, violation["impact"])] += 1
                    line = tour.report(f"{stop.name} [{lang}]", [violation])
                    if violation["impact"] in tour.FAILING_IMPACTS:
                        failing.append(line)
                    else:
                        others.append(line)
                if shots:
                    await page.screenshot(
                        path=str(Path(shots) / f"{stop.name}-{lang}.png"), full_page=True
                    )
        await context.close()
    summary = ", ".join(f"{lang} {impact}: {n}" for (lang, impact), n in sorted(counts.items()))
    _print(request, f"axe-core on {visited} page views: {summary or 'no violations'}", others)
    assert visited == len(stops) * len(LANGUAGES)
    assert failing == [], "\n".join(failing)

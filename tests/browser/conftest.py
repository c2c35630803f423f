"""Browser tests: one real `opstap api` process and one headless Chromium (Debian's, driven by
Playwright) for the whole session, on the session database with a world of its own. Under
pytest-xdist the whole package runs on one worker (tests/conftest.py), so one of each per run."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright

from services.core.settings import Settings
from tests.browser import world as pages_world
from tests.conftest import running_api

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("OPSTAP_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Without the background-networking flags Chromium keeps trying hosts it cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium; `make test` installs it (apt-get install chromium) when missing."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make test` (it installs chromium) or set OPSTAP_CHROMIUM"
        )
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    return CHROMIUM


@pytest.fixture(scope="package")
async def browser_world(pool: asyncpg.Pool, settings: Settings) -> AsyncIterator[pages_world.World]:
    """The world the journeys walk through; after the browser tests its vacancies close and its
    consents end, so no later module's worker scores against it."""
    async with pages_world.own(pool, settings, "browser") as found:
        yield found


@pytest.fixture(scope="session")
def api_url(settings: Settings) -> Iterator[str]:
    """A real `opstap api` process on the session database, with the session's label vectors
    (semantic search and skill suggestions)."""
    with running_api(settings) as base:
        yield base


@pytest.fixture(scope="session")
async def browser(chromium: Path) -> AsyncIterator[Browser]:
    """One headless Chromium for the session."""
    async with async_playwright() as playwright:
        found = await playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield found
        await found.close()


@pytest.fixture
async def context(browser: Browser, api_url: str) -> AsyncIterator[BrowserContext]:
    """A fresh browser profile (no cookies) per test, at 1280 px wide."""
    found = await browser.new_context(
        base_url=api_url, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    found.set_default_timeout(15_000)
    yield found
    await found.close()


@pytest.fixture
async def page(context: BrowserContext) -> AsyncIterator[Page]:
    """A tab that fails the test on any content-security-policy violation or script error."""
    tab = await context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    tab.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    yield tab
    assert problems == [], problems

"""Every page, per role, for the accessibility checks and the screenshots."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

from playwright.async_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")
TITLE_SUFFIX = " \u2013 Opstap"  # every <title> is the page, an en dash, and Opstap


@dataclass(frozen=True)
class Stop:
    """A page to visit: its name, who signs in to see it (None: nobody) and its path."""

    name: str
    role: str | None
    path: str


def stops(ids: dict[str, UUID], skill_query: str) -> list[Stop]:
    """Every page of the site, with the objects named in `ids` (wise, person, vacancy,
    own_vacancy)."""
    person, vacancy = ids["person"], ids["vacancy"]
    own = ids["own_vacancy"]
    return [
        Stop("sign-in", None, "/sign-in"),
        Stop("window", None, f"/window/{ids['wise']}"),
        Stop("not-found", None, "/window/00000000-0000-0000-0000-000000000000"),
        Stop("coach-caseload", "coach", "/coach"),
        Stop("coach-vacancies", "coach", "/coach/vacancies"),
        Stop("coach-vacancy", "coach", f"/coach/vacancies/{vacancy}"),
        Stop("coach-person", "coach", f"/coach/people/{person}"),
        Stop("coach-profile", "coach", f"/coach/people/{person}/profile?skill_q={skill_query}"),
        Stop("coach-consents", "coach", f"/coach/people/{person}/consents"),
        Stop("coach-notifications", "coach", "/notifications"),
        Stop("employer-home", "employer", "/employer"),
        Stop("employer-organisation", "employer", "/organisation"),
        Stop("employer-vacancy", "employer", f"/employer/vacancies/{own}"),
        Stop("employer-new-vacancy", "employer", "/employer/vacancies/new"),
        Stop("employer-edit-vacancy", "employer", f"/employer/vacancies/{own}/edit"),
        Stop("employee-home", "employee", "/me"),
        Stop("employee-work", "employee", "/me/work"),
        Stop("employee-path", "employee", "/me/path"),
        Stop("employee-learn", "employee", "/me/learn"),
        Stop("employee-consents", "employee", "/me/consents"),
        Stop("employee-notifications", "employee", "/notifications"),
    ]


async def sign_in(page: Page, email: str, password: str) -> None:
    """Sign in through the form, as a person would."""
    await page.goto("/sign-in")
    await page.get_by_label("E-mailadres").or_(page.get_by_label("Email address")).fill(email)
    await page.locator("#password").fill(password)
    async with page.expect_navigation():
        await page.locator("form.stack button[type=submit]").click()


async def sign_out(page: Page) -> None:
    """Sign out with the button in the header."""
    async with page.expect_navigation():
        await page.locator("form.sign-out button").click()


async def axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (evaluated, so the CSP stays on)."""
    await page.evaluate(AXE.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = await page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))"""
    )
    return found


def report(name: str, violations: list[dict[str, Any]]) -> str:
    """One line per violation, for the test output."""
    return "\n".join(
        f"{name}: {v['impact']} {v['id']}: {v['help']} {json.dumps(v['nodes'])}" for v in violations
    )

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
# The rules we hold every page to: WCAG 2.0-2.2 A and AA, and axe's best practices.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
# Rules under those headings that axe leaves off unless named: the experimental ones (a bold,
# large <p> used as a heading; tables faking captions or headers; a page locked to one
# orientation; focusable elements without a role) and the retired duplicate-id checks (two
# pictures on one page must not both define id="shade").
AXE_EXTRA_RULES = (
    "p-as-heading",
    "table-fake-caption",
    "td-has-header",
    "css-orientation-lock",
    "focus-order-semantics",
    "duplicate-id",
    "duplicate-id-active",
)
TITLE_SUFFIX = " \u2013 Opstap"  # every <title> is the page, an en dash, and Opstap


# axe lets a heading-styled <p> pass when its text is longer than the next paragraph's: whether
# it fails would then depend on the names in the test's data (a short job title fails, our
# long test titles pass). Judge by the style alone (axe's own margins), whatever the lengths.
STYLE_ALONE = """() => {
    const check = axe._audit.checks["p-as-heading"];
    axe.configure({checks: [{id: "p-as-heading",
                             options: {...check.options, passLength: 1e9, failLength: 1e9}}]});
}"""


@dataclass(frozen=True)
class Stop:
    """A page to visit: its name, who signs in to see it (None: nobody) and its path; for a
    form's error state, the fields to fill (CSS selector, value) and the button that sends it."""

    name: str
    role: str | None
    path: str
    fill: tuple[tuple[str, str], ...] = ()
    submit: str | None = None


def stops(ids: dict[str, UUID], skill_query: str) -> list[Stop]:
    """Every page of the site and a form of each kind sent back with mistakes, with the objects
    named in `ids`: wise, person, vacancy, own_vacancy, and when given unshared (a person who
    has not agreed to share their profile with the vacancy's employer, so their page offers to
    record it)."""
    person, vacancy = ids["person"], ids["vacancy"]
    own = ids["own_vacancy"]
    unshared = ids.get("unshared", person)
    save = "button.primary[value=save]"
    return [
        Stop("sign-in", None, "/sign-in"),
        Stop("sign-in-errors", None, "/sign-in", submit="form.stack button.primary"),
        Stop("window", None, f"/window/{ids['wise']}"),
        Stop("not-found", None, "/window/00000000-0000-0000-0000-000000000000"),
        Stop("coach-caseload", "coach", "/coach"),
        Stop("coach-caseload-sorted", "coach", "/coach?sort=-best"),
        Stop("coach-new-person", "coach", "/coach/people/new"),
        Stop(
            "coach-new-person-errors",
            "coach",
            "/coach/people/new",
            fill=(("#postcode", "12"), ("#hours-min", "80")),
            submit="form.person-form button.primary",
        ),
        Stop("coach-vacancies", "coach", "/coach/vacancies"),
        Stop("coach-vacancy", "coach", f"/coach/vacancies/{vacancy}"),
        Stop("coach-person", "coach", f"/coach/people/{person}"),
        Stop("coach-person-consent-needed", "coach", f"/coach/people/{unshared}"),
        Stop("coach-person-all-matches", "coach", f"/coach/people/{person}?matches=all"),
        Stop("coach-profile", "coach", f"/coach/people/{person}/profile?skill_q={skill_query}"),
        Stop(
            "coach-profile-errors",
            "coach",
            f"/coach/people/{person}/profile",
            fill=(("#name", ""),),
            submit="form.person-form button.primary",
        ),
        Stop("coach-consents", "coach", f"/coach/people/{person}/consents"),
        Stop("coach-placement", "coach", f"/coach/people/{person}/placement"),
        Stop(
            "coach-placement-errors",
            "coach",
            f"/coach/people/{person}/placement",
            fill=(("#wage-percentage", "150"), ("#wage-reference-job", "Medewerker")),
            submit="form.wage-form button.primary",
        ),
        Stop("coach-progress", "coach", f"/coach/people/{person}/progress"),
        Stop(
            "coach-progress-errors",
            "coach",
            f"/coach/people/{person}/progress",
            fill=(("#changed-on", "2099-01-01"),),
            submit="form[action$='/ladder'] button.primary",
        ),
        Stop("coach-capacity", "coach", f"/coach/people/{person}/capacity"),
        Stop("coach-learning", "coach", f"/coach/people/{person}/learning"),
        Stop(
            "coach-learning-errors",
            "coach",
            f"/coach/people/{person}/learning",
            fill=(("#n-college", ""),),
            submit="form.new-agreement button.primary",
        ),
        Stop(
            "coach-capacity-errors",
            "coach",
            f"/coach/people/{person}/capacity",
            fill=(("#assessed-on", "2099-01-01"),),
            submit="form.capacity-form button.primary",
        ),
        Stop("coach-notifications", "coach", "/notifications"),
        Stop("coach-outcomes", "coach", "/coach/outcomes"),
        Stop(
            "coach-outcomes-errors",
            "coach",
            "/coach/outcomes",
            fill=(("#start", "2026-06-01"), ("#end", "2026-05-01")),
            submit="form.filters button",
        ),
        Stop("admin-outcomes", "admin", "/coach/outcomes"),
        Stop("admin-caseload", "admin", "/coach"),
        Stop("admin-new-person", "admin", "/coach/people/new"),
        Stop("admin-organisation", "admin", "/organisation"),
        Stop("coach-account", "coach", "/account"),
        Stop("admin-account", "admin", "/account"),
        Stop("employer-account", "employer", "/account"),
        Stop("employer-home", "employer", "/employer"),
        Stop("employer-organisation", "employer", "/organisation"),
        Stop("employer-vacancy", "employer", f"/employer/vacancies/{own}"),
        Stop("employer-new-vacancy", "employer", "/employer/vacancies/new"),
        Stop(
            "employer-new-vacancy-errors",
            "employer",
            "/employer/vacancies/new",
            fill=(("#hours-min", "30"), ("#hours-max", "10")),
            submit=f"form.vacancy-form {save}",
        ),
        Stop("employer-edit-vacancy", "employer", f"/employer/vacancies/{own}/edit"),
        Stop("employer-carve", "employer", "/employer/carve"),
        Stop("employer-carve-tasks", "employer", f"/employer/carve?from={own}"),
        Stop(
            "employer-carve-errors",
            "employer",
            f"/employer/carve?from={own}",
            fill=(("#hours-min", "30"), ("#hours-max", "10")),
            submit="form.vacancy-form button.primary[value=create]",
        ),
        Stop("employer-notifications", "employer", "/notifications"),
        Stop("employee-home", "employee", "/me"),
        Stop("employee-work", "employee", "/me/work"),
        Stop("employee-work-fits", "employee", "/me/work?capacity=fits"),
        Stop("employee-job", "employee", f"/me/jobs/{vacancy}"),
        Stop("employee-path", "employee", "/me/path"),
        Stop("employee-logbook", "employee", "/me/logbook"),
        Stop("employee-learn", "employee", "/me/learn"),
        Stop("employee-learning", "employee", "/me/learning"),
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
    """axe-core's violations of the WCAG 2.2 A/AA and best-practice rules (AXE_TAGS, with
    AXE_EXTRA_RULES) on the page as it is now, of every impact (evaluated, so the CSP stays on)."""
    if not await page.evaluate("() => typeof window.axe === 'object'"):
        await page.evaluate(AXE.read_text(encoding="utf-8"))
        await page.evaluate(STYLE_ALONE)
    found: list[dict[str, Any]] = await page.evaluate(
        """async ([tags, extra]) => (await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                rules: Object.fromEntries(extra.map(id => [id, {enabled: true}])),
                resultTypes: ["violations"]})).violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))""",
        [list(AXE_TAGS), list(AXE_EXTRA_RULES)],
    )
    return found


def report(name: str, violations: list[dict[str, Any]]) -> str:
    """One line per violation, for the test output."""
    return "\n".join(
        f"{name}: {v['impact']} {v['id']}: {v['help']} {json.dumps(v['nodes'])}" for v in violations
    )

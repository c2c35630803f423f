"""The vacancy form's hours: a minimum above the maximum, or hours outside 0-60, come back with a
message that says what to fix (not "Controleer dit."), in Dutch and in English, and nothing is
written."""

from __future__ import annotations

import html
import re
from typing import Any

import asyncpg
import pytest

from services.core.settings import Settings
from tests.browser import world as pages_world
from tests.browser.http import page_client, sign_in, submit

SAID = {
    "nl": "Vul het minimum en maximum aantal uren per week in, tussen 0 en 60; het minimum mag "
    "niet hoger zijn dan het maximum.",
    "en": "Enter the minimum and maximum hours a week, between 0 and 60; the minimum may not "
    "be higher than the maximum.",
}
VAGUE = {"nl": "Controleer dit.", "en": "Check this."}


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    """The pages' world, built once for this module."""
    return await pages_world.build(pool, settings)


def _vacancy(world: pages_world.World, hours_min: str, hours_max: str) -> dict[str, Any]:
    return {
        "intent": "save",
        "title": "Inpakker uren",
        "occupation_uri": world.occupation,
        "contract_kind": "wise_paid",
        "hours_min": hours_min,
        "hours_max": hours_max,
    }


def _error_of(page: str, field: str) -> str | None:
    """The text of the message beside `field` (its id's -error paragraph), if any."""
    start = page.find(f'id="{field}-error"')
    if start < 0:
        return None
    shown = page[page.index(">", start) + 1 : page.index("</p>", start)]
    shown = re.sub(r'<span class="visually-hidden">.*?</span>', "", shown)  # "Fout: "
    return html.unescape(re.sub(r"<[^>]+>", "", shown)).strip()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("hours_min", "hours_max", "field"),
    [("30", "12", "hours-max"), ("8", "80", "hours-max"), ("-4", "16", "hours-min")],
)
async def test_hours_out_of_order_or_range_say_what_to_fix(
    app: Any,
    pool: asyncpg.Pool,
    world: pages_world.World,
    lang: str,
    hours_min: str,
    hours_max: str,
    field: str,
) -> None:
    count = "SELECT count(*) FROM vacancy WHERE organisation_id = $1 AND title = 'Inpakker uren'"
    async with page_client(app) as http:
        await sign_in(http, world.logins["employer"].email)
        page = f"/employer/vacancies/new?lang={lang}"
        data = _vacancy(world, hours_min, hours_max)
        response = await submit(http, page, "/employer/vacancies/new", data)
    assert response.status_code == 422
    assert _error_of(response.text, field) == SAID[lang]
    assert f'href="#{field}"' in response.text  # the summary says it too, and links there
    assert VAGUE[lang] not in response.text
    assert f'value="{hours_min}"' in response.text and f'value="{hours_max}"' in response.text
    assert await pool.fetchval(count, world.employer_org) == 0


async def test_an_empty_hours_field_still_asks_to_fill_it_in(
    app: Any, world: pages_world.World
) -> None:
    async with page_client(app) as http:
        await sign_in(http, world.logins["employer"].email)
        data = _vacancy(world, "", "16")
        response = await submit(
            http, "/employer/vacancies/new?lang=nl", "/employer/vacancies/new", data
        )
    assert response.status_code == 422
    assert _error_of(response.text, "hours-min") == "Vul dit in."
    assert _error_of(response.text, "hours-max") is None

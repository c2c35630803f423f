"""Every notification links to the page of its person or vacancy that its reader can open:
a coach to the person (at the match) and the vacancy, an employer to the candidate on their
own vacancy, a person to the page of the job."""

from __future__ import annotations

import re
from typing import Any

import asyncpg
import pytest

from services.core.settings import Settings
from tests.browser import world as pages_world
from tests.browser.http import page_client, sign_in

LINK = re.compile(r'<ul class="plain-list card-links">(.*?)</ul>', re.S)
HREF = re.compile(r'href="([^"]+)"')


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    return await pages_world.build(pool, settings)


async def _links(app: Any, email: str) -> tuple[Any, list[list[str]]]:
    http_manager = page_client(app)
    http = await http_manager.__aenter__()
    assert (await sign_in(http, email)).status_code == 303
    page = await http.get("/notifications")
    assert page.status_code == 200
    cards = page.text.count('<li class="card')
    found = [HREF.findall(block.replace("&amp;", "&")) for block in LINK.findall(page.text)]
    assert cards and len(found) == cards, "every notification has its links"
    return (http_manager, http), found


async def _opens(http: Any, href: str) -> str:
    path, _, anchor = href.partition("#")
    response = await http.get(path)
    assert response.status_code == 200, href
    if anchor:
        assert f'id="{anchor}"' in response.text, href
    return str(response.text)


async def test_a_coach_is_led_to_the_person_at_the_match_and_to_the_vacancy(
    app: Any, world: pages_world.World
) -> None:
    (manager, http), found = await _links(app, world.logins["coach"].email)
    try:
        noor, vacancy = world.people["noor"], world.vacancies["coach_journey"]
        assert [
            f"/coach/people/{noor}?matches=all#match-{vacancy}",
            f"/coach/vacancies/{vacancy}",
        ] in found
        for hrefs in found:
            assert hrefs[0].startswith("/coach/people/")
            for href in hrefs:
                await _opens(http, href)
    finally:
        await manager.__aexit__(None, None, None)


async def test_an_employer_is_led_to_the_candidate_on_their_own_vacancy(
    app: Any, world: pages_world.World
) -> None:
    (manager, http), found = await _links(app, world.logins["employer"].email)
    try:
        noor = world.people["noor"]
        hrefs = [h for group in found for h in group]
        assert hrefs and all(h.startswith("/employer/vacancies/") for h in hrefs)
        assert any(h.endswith(f"#candidate-{noor}") for h in hrefs)
        for href in hrefs:
            await _opens(http, href)
    finally:
        await manager.__aexit__(None, None, None)


async def test_a_person_is_led_to_the_page_of_the_job(app: Any, world: pages_world.World) -> None:
    (manager, http), found = await _links(app, world.logins["employee"].email)
    try:
        hrefs = [h for group in found for h in group]
        assert hrefs and all(re.fullmatch(r"/me/jobs/[0-9a-f-]{36}", h) for h in hrefs)
        assert f"/me/jobs/{world.vacancies['coach_journey']}" in hrefs
        for href in hrefs:
            await _opens(http, href)
    finally:
        await manager.__aexit__(None, None, None)

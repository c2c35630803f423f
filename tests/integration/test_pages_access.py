"""The access matrix of the web pages: every page route x every role x an own and a foreign
object. Pages answer as the API does (403 visible but not allowed, 404 not visible), except that
someone not signed in is sent to the sign-in page. The last tests fail for a page route without
a row here, and for a form route that takes a request without its token."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest

from services.api.app import create_app
from services.api.pages import is_page_route
from services.core.settings import Settings
from tests.browser import world as pages_world
from tests.browser.http import csrf_of, page_client, sign_in
from tests.unit.test_route_authorization import _flatten

OK, FORBIDDEN, HIDDEN, SIGN_IN = "ok", "forbidden", "hidden", "sign-in"
ROLES = ("admin", "jobcoach", "employer", "employee", "anonymous")
LOGIN = {"admin": "admin", "jobcoach": "coach", "employer": "employer", "employee": "employee"}


def category(response: httpx.Response) -> str:
    """The access category of a page's answer."""
    status = response.status_code
    location = response.headers.get("location", "")
    if status == 303 and (location == "/sign-in" or location.startswith("/sign-in?next=")):
        return SIGN_IN
    if status == 403:
        return FORBIDDEN
    if status == 404:
        return HIDDEN
    assert status < 500, (status, response.text[:500])
    return OK


K, F, H, S = OK, FORBIDDEN, HIDDEN, SIGN_IN
PUBLIC = dict.fromkeys(ROLES, (K, H))
SIGNED_IN = {**dict.fromkeys(ROLES[:4], (K, K)), "anonymous": (S, S)}
COACH = {"admin": (K, H), "jobcoach": (K, H), "employer": (F, F), "employee": (F, F)}
COACH |= {"anonymous": (S, S)}
COACH_NO_ID = {r: (v[0], v[0]) for r, v in COACH.items()}
EMPLOYER = {"admin": (K, H), "jobcoach": (F, F), "employer": (K, H), "employee": (F, F)}
EMPLOYER |= {"anonymous": (S, S)}
EMPLOYER_NO_ID = {r: (v[0], v[0]) for r, v in EMPLOYER.items()}
EMPLOYEE = {"admin": (F, F), "jobcoach": (F, F), "employer": (F, F), "employee": (K, H)}
EMPLOYEE |= {"anonymous": (S, S)}
EMPLOYEE_NO_ID = {r: (v[0], v[0]) for r, v in EMPLOYEE.items()}
OWN_ONLY = {**dict.fromkeys(ROLES[:4], (K, H)), "anonymous": (S, S)}
# A staff member's own learning (jobcoaches, admins, employers; never an employee).
STAFF = {**dict.fromkeys(ROLES[:3], (K, H)), "employee": (F, F), "anonymous": (S, S)}
STAFF_NO_ID = {r: (v[0], v[0]) for r, v in STAFF.items()}

MATRIX: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("GET", "/"): SIGNED_IN,
    ("GET", "/sign-in"): dict.fromkeys(ROLES, (K, K)),
    ("POST", "/sign-in"): dict.fromkeys(ROLES, (K, K)),
    ("POST", "/sign-out"): dict.fromkeys(ROLES, (K, K)),
    ("GET", "/notifications"): SIGNED_IN,
    ("POST", "/notifications/read-all"): SIGNED_IN,
    ("POST", "/notifications/{notification_id}/read"): OWN_ONLY,
    ("GET", "/organisation"): EMPLOYER_NO_ID,
    ("POST", "/organisation"): EMPLOYER_NO_ID,
    ("GET", "/window/{organisation_id}"): PUBLIC,
    ("GET", "/coach"): COACH_NO_ID,
    ("GET", "/coach/vacancies"): COACH_NO_ID,
    ("GET", "/coach/outcomes"): COACH_NO_ID,
    ("GET", "/coach/outcomes.csv"): COACH_NO_ID,
    ("GET", "/coach/vacancies/{vacancy_id}"): COACH,
    ("POST", "/coach/vacancies/{vacancy_id}/decisions"): COACH,
    ("GET", "/coach/people/new"): COACH_NO_ID,
    ("POST", "/coach/people/new"): COACH_NO_ID,
    ("GET", "/coach/people/{employee_id}"): COACH,
    ("POST", "/coach/people/{employee_id}/decisions"): COACH,
    ("POST", "/coach/people/{employee_id}/vacancies/{vacancy_id}/share-consent"): COACH,
    ("GET", "/coach/people/{employee_id}/profile"): COACH,
    ("POST", "/coach/people/{employee_id}/profile"): COACH,
    ("POST", "/coach/people/{employee_id}/skills"): COACH,
    ("POST", "/coach/people/{employee_id}/skills/suggest"): COACH,
    ("GET", "/coach/people/{employee_id}/consents"): COACH,
    ("POST", "/coach/people/{employee_id}/consents"): COACH,
    ("POST", "/coach/people/{employee_id}/consents/{consent_id}/withdraw"): COACH,
    ("GET", "/coach/people/{employee_id}/progress"): COACH,
    ("POST", "/coach/people/{employee_id}/ladder"): COACH,
    ("POST", "/coach/people/{employee_id}/logbook"): COACH,
    ("POST", "/coach/people/{employee_id}/logbook/delete"): COACH,
    ("GET", "/coach/people/{employee_id}/placement"): COACH,
    ("POST", "/coach/people/{employee_id}/placement/followups/{followup_id}"): COACH,
    ("POST", "/coach/people/{employee_id}/placement/wage-values"): COACH,
    ("POST", "/coach/people/{employee_id}/placement/register"): COACH,
    ("GET", "/coach/people/{employee_id}/capacity"): COACH,
    ("GET", "/coach/people/{employee_id}/learning"): COACH,
    ("POST", "/coach/people/{employee_id}/learning"): COACH,
    ("POST", "/coach/people/{employee_id}/learning/{agreement_id}/progress"): COACH,
    ("POST", "/coach/people/{employee_id}/learning/{agreement_id}/result"): COACH,
    ("POST", "/coach/people/{employee_id}/learning/{agreement_id}/stop"): COACH,
    ("GET", "/me/learning"): EMPLOYEE_NO_ID,
    ("POST", "/coach/people/{employee_id}/capacity"): COACH,
    ("GET", "/employer"): EMPLOYER_NO_ID,
    ("GET", "/employer/vacancies/new"): EMPLOYER_NO_ID,
    ("POST", "/employer/vacancies/new"): EMPLOYER_NO_ID,
    ("GET", "/employer/vacancies/{vacancy_id}"): EMPLOYER,
    ("GET", "/employer/vacancies/{vacancy_id}/edit"): EMPLOYER,
    ("POST", "/employer/vacancies/{vacancy_id}/edit"): EMPLOYER,
    ("POST", "/employer/vacancies/{vacancy_id}/status"): EMPLOYER,
    ("POST", "/employer/vacancies/{vacancy_id}/decisions"): EMPLOYER,
    ("GET", "/employer/carve"): EMPLOYER_NO_ID,
    ("POST", "/employer/carve"): EMPLOYER_NO_ID,
    ("GET", "/me"): EMPLOYEE_NO_ID,
    ("GET", "/me/work"): EMPLOYEE_NO_ID,
    ("GET", "/me/path"): EMPLOYEE_NO_ID,
    ("GET", "/me/logbook"): EMPLOYEE_NO_ID,
    ("GET", "/me/learn"): EMPLOYEE_NO_ID,
    ("GET", "/me/jobs/{vacancy_id}"): EMPLOYEE,
    ("GET", "/me/data"): EMPLOYEE_NO_ID,
    ("GET", "/me/data/jsonresume"): EMPLOYEE_NO_ID,
    ("GET", "/me/consents"): EMPLOYEE_NO_ID,
    ("POST", "/me/consents"): EMPLOYEE_NO_ID,
    ("POST", "/me/consents/{consent_id}/withdraw"): EMPLOYEE,
    ("GET", "/account"): STAFF_NO_ID,
    ("GET", "/account/data"): STAFF_NO_ID,
    ("POST", "/account/digcomp"): STAFF_NO_ID,
    ("POST", "/account/plan"): STAFF_NO_ID,
    ("POST", "/account/plan/{module_id}/done"): STAFF,
    ("POST", "/account/plan/{module_id}/remove"): STAFF,
}


def _page_routes() -> set[tuple[str, str]]:
    app = create_app(Settings(database_url="postgresql://unused", redis_url="redis://unused"))
    return {(m, path) for path, r in _flatten(app.routes) if is_page_route(r) for m in r.methods}


class Sessions:
    """One signed-in browser per role (and one that is not signed in), for the module."""

    def __init__(self, app: Any, world: pages_world.World) -> None:
        self.app, self.world = app, world
        self.clients: dict[str, httpx.AsyncClient] = {}
        self.tokens: dict[str, str] = {}
        self._open: list[Any] = []

    async def start(self) -> None:
        for role in ROLES:
            self.clients[role], self.tokens[role] = await self.fresh(role)

    async def fresh(self, role: str) -> tuple[httpx.AsyncClient, str]:
        """A new browser for the role, with its form token."""
        manager = page_client(self.app)
        http = await manager.__aenter__()
        self._open.append(manager)
        if role != "anonymous":
            assert (await sign_in(http, self.world.logins[LOGIN[role]].email)).status_code == 303
        return http, csrf_of((await http.get("/sign-in")).text)

    async def close(self) -> None:
        for manager in self._open:
            await manager.__aexit__(None, None, None)


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    """This module's own world (the rows below change it)."""
    return await pages_world.build(pool, settings)


@pytest.fixture(scope="module")
async def sessions(app: Any, world: pages_world.World) -> AsyncIterator[Sessions]:
    """A browser per role, signed in once."""
    found = Sessions(app, world)
    await found.start()
    yield found
    await found.close()


async def _objects(
    pool: asyncpg.Pool, world: pages_world.World, role: str
) -> dict[str, tuple[Any, Any]]:
    """Per path parameter: (an object of the role's own, someone else's)."""
    noor, other = world.people["noor"], world.people["other"]
    consent = "SELECT id FROM consent WHERE employee_id = $1 ORDER BY given_at LIMIT 1"
    account = world.logins.get(LOGIN.get(role, ""))
    note = "SELECT id FROM notification WHERE account_id = $1 ORDER BY created_at LIMIT 1"
    mine = await pool.fetchval(note, account.account_id) if account else None
    # The other WISE's coach heard of Olga's matches: a notification of someone else.
    foreign_note = await pool.fetchval(note, world.logins["coach_b"].account_id)
    assert foreign_note is not None
    own_vacancy = {
        "admin": world.vacancies["step_up"],
        "employer": world.vacancies["employer_journey"],
    }.get(role, world.vacancies["coach_journey"])
    # A follow-up moment of each person's placement, due today (so a form reaches the service).
    moment = (
        "INSERT INTO placement_followup (employee_id, vacancy_id, months, due_on) "
        "VALUES ($1, $2, 1, current_date) ON CONFLICT (employee_id, vacancy_id, months) "
        "DO UPDATE SET months = excluded.months RETURNING id"
    )
    placed = world.vacancies["coach_journey"]
    modules = await pool.fetch("SELECT id FROM training_module ORDER BY code LIMIT 2")
    if account:  # the first module is on the role's own plan (again), the second never is
        await pool.execute(
            "INSERT INTO staff_learning_plan (account_id, module_id, added_on) "
            "VALUES ($1, $2, current_date) ON CONFLICT (account_id, module_id) "
            "DO UPDATE SET completed_on = NULL",
            account.account_id,
            modules[0]["id"],
        )
    return {
        "module_id": (modules[0]["id"], modules[1]["id"]),
        "employee_id": (noor, other),
        "followup_id": (
            await pool.fetchval(moment, noor, placed),
            await pool.fetchval(moment, other, placed),
        ),
        "consent_id": (await pool.fetchval(consent, noor), await pool.fetchval(consent, other)),
        "vacancy_id": (own_vacancy, world.hidden_draft),
        "notification_id": (mine, foreign_note),
        "organisation_id": (world.wise, world.employer_org),
        "agreement_id": (await _agreement(pool, noor), await _agreement(pool, other)),
    }


async def _agreement(pool: asyncpg.Pool, employee_id: Any) -> Any:
    """The person's learning agreement on a starter qualification (made once)."""
    found = await pool.fetchval(
        "SELECT id FROM learning_agreement WHERE employee_id = $1 LIMIT 1", employee_id
    )
    return found or await pool.fetchval(
        "INSERT INTO learning_agreement (employee_id, crebo, college, company, trainer_name, "
        "starts_on, ends_on) VALUES ($1, '99101', 'ROC', 'Leerbedrijf', 'Trainer', "
        "current_date - 30, current_date + 300) RETURNING id",
        employee_id,
    )


def _body(path: str, world: pages_world.World) -> dict[str, str]:
    """A form that reaches the service (and is refused there at worst: 422)."""
    if path.endswith("/decisions"):
        return {
            "employee_id": str(world.people["noor"]),
            "vacancy_id": str(world.vacancies["coach_journey"]),
        }
    if path.endswith("/status"):
        return {"action": "fill-in-nonsense"}
    return {}


@pytest.mark.parametrize(
    ("route", "role"),
    list(itertools.product(sorted(MATRIX), ROLES)),
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else v,
)
async def test_each_role_sees_and_does_only_what_it_may_on_the_pages(
    sessions: Sessions,
    world: pages_world.World,
    pool: asyncpg.Pool,
    route: tuple[str, str],
    role: str,
) -> None:
    method, template = route
    objects = await _objects(pool, world, role)
    cases = (0, 1) if "{" in template else (0,)
    for which in cases:
        if any(objects[name][which] is None for name in objects if "{" + name + "}" in template):
            continue  # no such object of the role's own (an admin has no notifications)
        path = template
        for name, pair in objects.items():
            path = path.replace("{" + name + "}", str(pair[which]))
        if template == "/sign-out" and role != "anonymous":
            http, token = await sessions.fresh(role)  # a session of its own to end
        else:
            http, token = sessions.clients[role], sessions.tokens[role]
        if method == "GET":
            response = await http.get(path)
        else:
            response = await http.post(path, data={"csrf_token": token, **_body(path, world)})
        expected = MATRIX[route][role][which]
        label = "own" if which == 0 else "foreign"
        assert category(response) == expected, (
            f"{method} {template} as {role} on {label}: {response.status_code} "
            f"{response.headers.get('location', '')}"
        )


def test_the_matrix_has_a_row_for_every_page_route() -> None:
    assert _page_routes() == set(MATRIX)


def _allowed_role(path: str) -> str:
    """A role that may use the page, so that only the missing token can be what refuses it."""
    for prefix, role in (("/coach", "jobcoach"), ("/employer", "employer"), ("/me", "employee")):
        if path.startswith(prefix):
            return role
    return "employer" if path == "/organisation" else "jobcoach"


async def test_every_form_route_refuses_a_request_without_its_token(
    sessions: Sessions, world: pages_world.World, pool: asyncpg.Pool
) -> None:
    posts = sorted(path for method, path in _page_routes() if method == "POST")
    assert len(posts) >= 15
    for template in posts:
        if template == "/sign-out":
            continue  # with its token it would end the session the other rows use
        role = _allowed_role(template)
        objects = await _objects(pool, world, role)
        path = template
        for name, pair in objects.items():
            path = path.replace("{" + name + "}", str(pair[0]))
        http = sessions.clients[role]
        without = await http.post(path, data=_body(path, world))
        assert without.status_code == 403, (template, without.status_code)
        token = {"csrf_token": sessions.tokens[role]}
        with_token = await http.post(path, data={**token, **_body(path, world)})
        assert with_token.status_code != 403, (template, with_token.status_code)
    # And signing out without the token does not end the session.
    http = sessions.clients["jobcoach"]
    assert (await http.post("/sign-out")).status_code == 403
    assert (await http.get("/coach")).status_code == 200

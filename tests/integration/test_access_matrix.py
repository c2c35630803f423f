"""Every route x every role x an own and a foreign object: the status says who may do what.

Categories, not exact codes: OK (authorized: 2xx, or 409/422 for a business outcome),
FORBIDDEN (403: visible but not allowed), HIDDEN (404: not visible, as another tenant's object
must be), UNAUTH (401). The last test fails when a route has no row here.
"""

from __future__ import annotations

import itertools
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx
import pytest

from services.api.app import create_app
from services.api.pages import is_page_route
from services.core.clock import today
from services.core.settings import Settings
from tests import factories
from tests.factories import PASSWORD
from tests.unit.test_route_authorization import _flatten

OK, FORBIDDEN, HIDDEN, UNAUTH = "ok", "forbidden", "hidden", "unauth"
ROLES = ("admin", "jobcoach", "employer", "employee", "anonymous")


def category(status: int) -> str:
    """The access category of an HTTP status."""
    if status in (401,):
        return UNAUTH
    if status == 403:
        return FORBIDDEN
    if status == 404:
        return HIDDEN
    assert status < 500, status
    return OK


@dataclass
class World:
    """Two WISEs and two employers, with people, vacancies, consents and keys in each."""

    users: dict[str, factories.User] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, uuid.UUID] = field(default_factory=dict)
    ids: dict[str, Any] = field(default_factory=dict)
    occupation: str = ""


async def _post(client: httpx.AsyncClient, headers: dict[str, str], path: str, body: Any) -> Any:
    response = (
        await client.post(path, headers=headers, json=body)
        if body is not None
        else (await client.post(path, headers=headers))
    )
    assert response.status_code in (200, 201), (path, response.text)
    return response.json()


async def _build(pool: asyncpg.Pool, client: httpx.AsyncClient) -> World:
    world = World()
    world.occupation = await pool.fetchval("SELECT uri FROM occupation ORDER BY uri LIMIT 1")
    for name, kind in (("A", "wise"), ("B", "wise"), ("X", "employer"), ("Y", "employer")):
        world.orgs[name] = await factories.organisation(pool, kind)
    users = {
        "admin": ("A", "admin"),
        "jobcoach": ("A", "jobcoach"),
        "colleague": ("A", "jobcoach"),
        "employer": ("X", "employer"),
        "employee": ("A", "employee"),
        "coach_b": ("B", "jobcoach"),
        "employer_y": ("Y", "employer"),
    }
    accounts = world.users
    for key, (org, role) in users.items():
        accounts[key] = await factories.user(pool, client, world.orgs[org], role)
        world.headers[key], world.emails[key] = accounts[key].headers, accounts[key].email
    world.headers["anonymous"] = {}
    h = world.headers
    person_a = await factories.employee(
        client,
        accounts["jobcoach"],
        name="Person A",
        ladder_rung=3,
        account_id=str(accounts["employee"].account_id),
    )
    person_b = await factories.employee(client, accounts["coach_b"], name="Person B")
    world.ids["employee"] = (person_a["id"], person_b["id"])
    await factories.consent(
        client,
        accounts["jobcoach"],
        person_a["id"],
        "share_with_employer",
        employer_id=world.orgs["X"],
    )
    consent_a = await factories.consent(client, accounts["jobcoach"], person_a["id"])
    consent_b = await factories.consent(client, accounts["coach_b"], person_b["id"])
    world.ids["consent"] = (consent_a["id"], consent_b["id"])
    world.ids["entry"] = (
        await _entry(pool, person_a["id"], accounts["jobcoach"].account_id),
        await _entry(pool, person_b["id"], accounts["coach_b"].account_id),
    )

    occupation = world.occupation
    for key, by, fields in (
        ("vacancy_x", "employer", {}),
        ("vacancy_a", "admin", {"contract_kind": "wise_paid"}),
        ("vacancy_a_open", "admin", {"contract_kind": "sheltered", "published": True}),
        ("vacancy_y", "employer_y", {}),
    ):
        world.ids[key] = (await factories.vacancy(client, accounts[by], occupation, **fields))["id"]
    world.ids["account"] = (
        str(accounts["colleague"].account_id),
        str(accounts["coach_b"].account_id),
    )
    for role in ("admin", "jobcoach", "employer", "employee", "coach_b", "colleague"):
        if role in ("admin", "employer"):
            key = await _post(client, h[role], "/api/v1/auth/api-keys", {"name": "matrix"})
            world.ids[f"key_{role}"] = key["id"]
        else:  # only admins and employers make keys now; others may hold one made before
            world.ids[f"key_{role}"] = await _older_key(pool, accounts[role].account_id)
        world.ids[f"notification_{role}"] = await pool.fetchval(
            "INSERT INTO notification (account_id, kind, dedupe_key) "
            "VALUES ($1, 'match_found', 'matrix') RETURNING id",
            accounts[role].account_id,
        )
    for org in ("A", "X", "Y"):
        world.ids[f"webhook_{org}"] = await _webhook(pool, world.orgs[org])
    world.ids["skill"] = await pool.fetchval("SELECT uri FROM skill ORDER BY uri LIMIT 1")
    world.ids["carving_task"] = await pool.fetchval(
        "SELECT skill_uri FROM occupation_skill WHERE occupation_uri = $1 ORDER BY skill_uri",
        occupation,
    )
    modules = [
        (await _post(client, h["admin"], "/api/v1/training/modules", _module(world)))["id"]
        for _ in range(3)
    ]
    world.ids["module"], world.ids["module_record"] = (modules[0], modules[1]), modules[2]
    await _plan_items(pool, world)
    world.ids["followup"] = (
        await _followup(pool, person_a["id"], world.ids["vacancy_a_open"]),
        await _followup(pool, person_b["id"], world.ids["vacancy_a_open"]),
    )
    world.ids["crebo"] = ("99101", "99102")  # starter qualifications (shared, like modules)
    process = await pool.fetchval("SELECT id FROM work_process WHERE crebo = '99101' LIMIT 1")
    world.ids["work_process"] = (process, process)
    world.ids["agreement"] = (
        await _agreement(pool, person_a["id"]),
        await _agreement(pool, person_b["id"]),
    )
    return world


async def _agreement(pool: asyncpg.Pool, employee_id: str) -> uuid.UUID:
    """An active learning agreement of the person on the starter qualification 99101."""
    agreement_id: uuid.UUID = await pool.fetchval(
        "INSERT INTO learning_agreement (employee_id, crebo, college, company, trainer_name, "
        "starts_on, ends_on) VALUES ($1, '99101', 'ROC', 'Leerbedrijf', 'Trainer', "
        "current_date - 30, current_date + 300) RETURNING id",
        uuid.UUID(employee_id),
    )
    await pool.execute(
        "INSERT INTO learning_progress (agreement_id, work_process_id, status, assessed_on) "
        "SELECT $1, id, 'shown', current_date FROM work_process WHERE crebo = '99101'",
        agreement_id,
    )
    return agreement_id


async def _followup(pool: asyncpg.Pool, employee_id: str, vacancy_id: str) -> uuid.UUID:
    """A follow-up moment of the person's placement, due today (so it may be recorded)."""
    followup_id: uuid.UUID = await pool.fetchval(
        "INSERT INTO placement_followup (employee_id, vacancy_id, months, due_on) "
        "VALUES ($1, $2, 1, current_date) RETURNING id",
        uuid.UUID(employee_id),
        uuid.UUID(vacancy_id),
    )
    return followup_id


def _module(world: World) -> dict[str, Any]:
    """A training module with a code of its own."""
    return {
        "code": f"matrix-{uuid.uuid4().hex[:8]}",
        "title_nl": "Matrix",
        "title_en": "Matrix",
        "provider_kind": "course",
        "level": 2,
        "hours": 8,
        "skills": [world.ids["skill"]],
    }


async def _plan_items(pool: asyncpg.Pool, world: World) -> None:
    """The first module on each staff role's own learning plan (the second one never is)."""
    for role in ("admin", "jobcoach", "employer"):
        await pool.execute(
            "INSERT INTO staff_learning_plan (account_id, module_id, added_on) "
            "VALUES ($1, $2, current_date) ON CONFLICT DO NOTHING",
            world.users[role].account_id,
            uuid.UUID(world.ids["module"][0]),
        )


async def _older_key(pool: asyncpg.Pool, account_id: uuid.UUID) -> uuid.UUID:
    """An API key made before only admins and employers could make one."""
    key_id: uuid.UUID = await pool.fetchval(
        "INSERT INTO api_key (account_id, name, prefix, key_hash, expires_at) "
        "VALUES ($1, 'matrix', 'opk_older', $2, now() + interval '90 days') RETURNING id",
        account_id,
        uuid.uuid4().hex,
    )
    return key_id


async def _entry(pool: asyncpg.Pool, employee_id: str, writer: uuid.UUID) -> uuid.UUID:
    """A logbook note on the person by `writer` (a jobcoach)."""
    entry_id: uuid.UUID = await pool.fetchval(
        "INSERT INTO logbook_entry (employee_id, happened_on, body, written_by, written_role) "
        "VALUES ($1, current_date, 'Matrix', $2, 'jobcoach') RETURNING id",
        uuid.UUID(employee_id),
        writer,
    )
    return entry_id


async def _webhook(pool: asyncpg.Pool, organisation_id: uuid.UUID) -> uuid.UUID:
    webhook_id: uuid.UUID = await pool.fetchval(
        "INSERT INTO webhook (organisation_id, url, secret) "
        "VALUES ($1, 'http://127.0.0.1:9/hook', 'whsec_matrix') RETURNING id",
        organisation_id,
    )
    return webhook_id


def _objects(world: World, role: str, param: str) -> tuple[Any, Any]:
    """(own, foreign) ids for a path parameter, as seen by `role`."""
    if param == "vacancy_id":
        own = {"employer": world.ids["vacancy_x"], "employee": world.ids["vacancy_a_open"]}.get(
            role, world.ids["vacancy_a"]
        )
        return own, world.ids["vacancy_y"]
    if param == "notification_id":
        foreign = world.ids["notification_coach_b"]
        return world.ids.get(f"notification_{role}", foreign), foreign
    if param == "webhook_id":
        own = world.ids["webhook_X"] if role == "employer" else world.ids["webhook_A"]
        return own, world.ids["webhook_Y"]
    if param == "key_id" and role == "member":  # a key of the account in the path
        return world.ids["key_colleague"], world.ids["key_coach_b"]
    if param == "key_id":
        return world.ids.get(f"key_{role}", world.ids["key_coach_b"]), world.ids["key_coach_b"]
    if param == "organisation_id":
        own = world.orgs["X"] if role == "employer" else world.orgs["A"]
        return own, world.orgs["Y"]
    if param == "module_id":  # the catalogue is shared: "foreign" is just another module
        own_module, other_module = world.ids["module"]
        return own_module, other_module
    name = {
        "employee_id": "employee",
        "consent_id": "consent",
        "account_id": "account",
        "entry_id": "entry",
        "followup_id": "followup",
        "agreement_id": "agreement",
        "work_process_id": "work_process",
        "crebo": "crebo",
    }[param]
    own_id, foreign_id = world.ids[name]
    return own_id, foreign_id


def _body(world: World, method: str, path: str) -> dict[str, Any]:
    """Request arguments (json, data or files) that pass validation for this route."""
    unique = uuid.uuid4().hex[:8]
    bodies: dict[tuple[str, str], dict[str, Any]] = {
        ("POST", "/api/v1/employees"): {"json": {"name": "New", "ladder_rung": 3}},
        ("PATCH", "/api/v1/employees/{employee_id}"): {"json": {"max_travel_km": 12}},
        ("POST", "/api/v1/employees/{employee_id}/consents"): {"json": {"purpose": "matching"}},
        ("POST", "/api/v1/vacancies"): {
            "json": {
                "title": "New",
                "occupation_uri": world.occupation,
                "contract_kind": "regular",
                "hours_min": 8,
                "hours_max": 16,
            }
        },
        ("PATCH", "/api/v1/vacancies/{vacancy_id}"): {"json": {"places": 2}},
        ("POST", "/api/v1/vacancies/import"): {
            "files": {
                "file": (
                    "v.csv",
                    f"title,occupation_uri,contract_kind,hours_min,hours_max\r\n"
                    f"Imported,{world.occupation},regular,8,16\r\n",
                    "text/csv",
                )
            }
        },
        ("POST", "/api/v1/accounts"): {
            "json": {
                "email": f"m-{unique}@example.org",
                "name": "M",
                "role": "jobcoach",
                "password": "a long enough password",
            }
        },
        ("POST", "/api/v1/accommodations"): {
            "json": {"code": f"matrix_{unique}", "label_nl": "Test", "label_en": "Test"}
        },
        ("PUT", "/api/v1/organisations/me"): {"json": {"name": f"Organisation {unique}"}},
        ("POST", "/api/v1/auth/api-keys"): {"json": {"name": "extra"}},
        ("POST", "/api/v1/taxonomy/skills/suggest"): {
            "json": {"text": "Je wast af en dweilt de vloer.", "lang": "nl", "limit": 5}
        },
        ("PUT", "/api/v1/notifications/preferences"): {
            "json": {"email": "digest", "webhook": False, "language": "nl"}
        },
        ("POST", "/api/v1/webhooks"): {"json": {"url": "https://example.org/hooks/opstap"}},
        ("POST", "/api/v1/auth/password"): {
            "json": {"current_password": "not the password", "new_password": "a long new password"}
        },
        ("POST", "/api/v1/auth/refresh"): {"json": {"refresh_token": "opr_" + "x" * 30}},
        ("POST", "/api/v1/training/modules"): {"json": _module(world)},
        ("PATCH", "/api/v1/training/modules/{module_id}"): {"json": {"hours": 12}},
        ("POST", "/api/v1/training/modules/import"): {
            "files": {
                "file": (
                    "t.csv",
                    "code,title_nl,title_en,provider_kind,level,hours,skills\r\n"
                    f"matrix-{unique},Import,Import,course,1,4,{world.ids['skill']}\r\n",
                    "text/csv",
                )
            }
        },
        ("POST", "/api/v1/employees/{employee_id}/training-records"): {
            "json": {"module_id": world.ids["module_record"], "completed_on": "2020-06-01"}
        },
        ("POST", "/api/v1/employees/{employee_id}/ladder"): {
            "json": {"rung": 4, "changed_on": today().isoformat()}
        },
        ("POST", "/api/v1/employees/{employee_id}/logbook"): {
            "json": {"happened_on": today().isoformat(), "body": "Matrix"}
        },
        ("PUT", "/api/v1/employees/{employee_id}/capacity"): {
            "json": {"levels": [{"item": "standing", "level": 3}]}
        },
        ("PUT", "/api/v1/vacancies/{vacancy_id}/capacity"): {
            "json": {"demands": [{"item": "standing", "level": 2}]}
        },
        ("PUT", "/api/v1/employees/{employee_id}/followups/{followup_id}"): {
            "json": {"still_working": True, "hours": 20, "satisfaction": 4}
        },
        ("POST", "/api/v1/employees/{employee_id}/wage-values"): {
            "json": {
                "percentage": 60,
                "reference_job": "Medewerker groen",
                "assessed_on": "2026-01-15",
            }
        },
        ("PUT", "/api/v1/employees/{employee_id}/target-group-register"): {
            "json": {"target_group_register": True}
        },
        ("POST", "/api/v1/qualifications/import"): {
            "files": {
                "file": (
                    "q.csv",
                    "crebo,qualification_nl,qualification_en,mbo_level,work_process,"
                    "work_process_nl,work_process_en,skill_uri\r\n"
                    f"98765,Matrix,Matrix,1,B1-K1-W1,Werk,Work,{world.ids['skill']}\r\n",
                    "text/csv",
                )
            }
        },
        ("POST", "/api/v1/employees/{employee_id}/learning-agreements"): {
            "json": {
                "crebo": "99102",
                "college": "ROC",
                "company": "Leerbedrijf",
                "trainer_name": "Trainer",
                "starts_on": "2026-01-05",
                "ends_on": "2026-12-18",
            }
        },
        ("PATCH", "/api/v1/employees/{employee_id}/learning-agreements/{agreement_id}"): {
            "json": {"trainer_name": "Andere trainer"}
        },
        (
            "PUT",
            "/api/v1/employees/{employee_id}/learning-agreements/{agreement_id}"
            "/progress/{work_process_id}",
        ): {"json": {"status": "shown", "assessed_on": today().isoformat()}},
        ("POST", "/api/v1/employees/{employee_id}/learning-agreements/{agreement_id}/result"): {
            "json": {"result": "praktijkverklaring", "result_on": today().isoformat()}
        },
        ("PUT", "/api/v1/me/digcomp"): {"json": {"levels": [{"competence_id": "2.1", "level": 3}]}},
        ("POST", "/api/v1/me/learning-plan"): {"json": {"module_id": world.ids["module"][1]}},
        ("PATCH", "/api/v1/me/learning-plan/{module_id}"): {"json": {"completed_on": None}},
        ("GET", "/api/v1/carving/tasks"): {"params": {"occupation_uri": world.occupation}},
        ("POST", "/api/v1/carving/preview"): {
            "json": {"occupation_uri": world.occupation, "kept": [world.ids["carving_task"]]}
        },
        ("POST", "/api/v1/carving/vacancies"): {
            "json": {
                "title": "Carved",
                "occupation_uri": world.occupation,
                "kept": [world.ids["carving_task"]],
                "contract_kind": "wise_paid",
                "hours_min": 8,
                "hours_max": 16,
            }
        },
        ("POST", "/api/v1/decisions"): {
            "json": {
                "employee_id": world.ids["employee"][0],
                "vacancy_id": world.ids["vacancy_a_open"],
                "decision": "introduced",
            }
        },
    }
    return bodies.get((method, path), {})


K, F, H, U = OK, FORBIDDEN, HIDDEN, UNAUTH
EVERYONE = dict.fromkeys(ROLES, (K, K))
SIGNED_IN = {**dict.fromkeys(ROLES[:4], (K, K)), "anonymous": (U, U)}
ADMIN_ONLY = {
    "admin": (K, K),
    "jobcoach": (F, F),
    "employer": (F, F),
    "employee": (F, F),
    "anonymous": (U, U),
}
PEOPLE_WRITE = {
    "admin": (K, H),
    "jobcoach": (K, H),
    "employer": (F, H),
    "employee": (F, H),
    "anonymous": (U, U),
}
VACANCY_WRITE = {
    "admin": (K, H),
    "jobcoach": (F, H),
    "employer": (K, H),
    "employee": (F, H),
    "anonymous": (U, U),
}

# (method, path) -> role -> (own object, foreign object); routes without ids use "own" only.
MATRIX: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("GET", "/health"): EVERYONE,
    ("GET", "/ready"): EVERYONE,
    ("GET", "/metrics"): EVERYONE,
    ("POST", "/api/v1/auth/token"): EVERYONE,
    ("POST", "/api/v1/auth/refresh"): EVERYONE,
    ("POST", "/api/v1/auth/logout"): SIGNED_IN,
    ("GET", "/api/v1/auth/me"): SIGNED_IN,
    ("POST", "/api/v1/auth/password"): SIGNED_IN,
    ("GET", "/api/v1/auth/api-keys"): SIGNED_IN,
    ("POST", "/api/v1/auth/api-keys"): {**ADMIN_ONLY, "employer": (K, K)},
    ("DELETE", "/api/v1/auth/api-keys/{key_id}"): {
        **dict.fromkeys(ROLES[:4], (K, H)),
        "anonymous": (U, U),
    },
    ("GET", "/api/v1/organisations/me"): SIGNED_IN,
    ("PUT", "/api/v1/organisations/me"): {**ADMIN_ONLY, "employer": (K, K)},
    ("GET", "/api/v1/organisations/{organisation_id}"): SIGNED_IN,
    ("GET", "/api/v1/accounts"): ADMIN_ONLY,
    ("POST", "/api/v1/accounts"): ADMIN_ONLY,
    ("GET", "/api/v1/accounts/{account_id}"): {**ADMIN_ONLY, "admin": (K, H)},
    ("GET", "/api/v1/accounts/{account_id}/api-keys"): {**ADMIN_ONLY, "admin": (K, H)},
    ("DELETE", "/api/v1/accounts/{account_id}/api-keys/{key_id}"): {
        **ADMIN_ONLY,
        "admin": (K, H),
    },
    ("POST", "/api/v1/employees"): {**ADMIN_ONLY, "jobcoach": (K, K)},
    ("GET", "/api/v1/employees"): SIGNED_IN,
    ("GET", "/api/v1/employees/{employee_id}"): {
        **dict.fromkeys(ROLES[:4], (K, H)),
        "anonymous": (U, U),
    },
    ("PATCH", "/api/v1/employees/{employee_id}"): PEOPLE_WRITE,
    ("GET", "/api/v1/employees/{employee_id}/consents"): {**PEOPLE_WRITE, "employee": (K, H)},
    ("POST", "/api/v1/employees/{employee_id}/consents"): {**PEOPLE_WRITE, "employee": (K, H)},
    ("POST", "/api/v1/employees/{employee_id}/consents/{consent_id}/withdraw"): {
        **PEOPLE_WRITE,
        "employee": (K, H),
    },
    ("GET", "/api/v1/employees/{employee_id}/audit"): PEOPLE_WRITE,
    # Privacy: the person or an admin exports; only an admin erases (a fresh person, below).
    ("GET", "/api/v1/employees/{employee_id}/export"): {
        **PEOPLE_WRITE,
        "jobcoach": (F, H),
        "employee": (K, H),
    },
    ("GET", "/api/v1/employees/{employee_id}/export/jsonresume"): {
        **PEOPLE_WRITE,
        "jobcoach": (F, H),
        "employee": (K, H),
    },
    ("DELETE", "/api/v1/employees/{employee_id}"): {**PEOPLE_WRITE, "jobcoach": (F, H)},
    ("POST", "/api/v1/vacancies"): {**ADMIN_ONLY, "employer": (K, K)},
    ("GET", "/api/v1/vacancies"): SIGNED_IN,
    ("POST", "/api/v1/vacancies/import"): {**ADMIN_ONLY, "employer": (K, K)},
    ("GET", "/api/v1/vacancies/{vacancy_id}"): {
        **VACANCY_WRITE,
        "jobcoach": (K, H),
        "employee": (K, H),
    },
    # JobPosting JSON-LD: an open vacancy's is public (the window is); a draft is found only
    # by those who may see it (the public's "own" here is WISE A's draft). The feed is public.
    ("GET", "/api/v1/vacancies/{vacancy_id}/jobposting"): {
        **VACANCY_WRITE,
        "jobcoach": (K, H),
        "employee": (K, H),
        "anonymous": (H, H),
    },
    ("GET", "/api/v1/organisations/{organisation_id}/jobpostings"): EVERYONE,
    ("PATCH", "/api/v1/vacancies/{vacancy_id}"): VACANCY_WRITE,
    ("POST", "/api/v1/vacancies/{vacancy_id}/publish"): VACANCY_WRITE,
    ("POST", "/api/v1/vacancies/{vacancy_id}/close"): VACANCY_WRITE,
    ("POST", "/api/v1/vacancies/{vacancy_id}/fill"): VACANCY_WRITE,
    ("POST", "/api/v1/vacancies/{vacancy_id}/reopen"): VACANCY_WRITE,
    ("GET", "/api/v1/vacancies/{vacancy_id}/matches"): {**VACANCY_WRITE, "jobcoach": (K, H)},
    ("GET", "/api/v1/employees/{employee_id}/matches"): {**PEOPLE_WRITE, "employee": (K, H)},
    ("GET", "/api/v1/employees/{employee_id}/next-steps"): {**PEOPLE_WRITE, "employee": (K, H)},
    ("GET", "/api/v1/employees/{employee_id}/training-plan"): {
        **PEOPLE_WRITE,
        "employee": (K, H),
    },
    ("GET", "/api/v1/employees/{employee_id}/training-records"): {
        **PEOPLE_WRITE,
        "employee": (K, H),
    },
    ("POST", "/api/v1/employees/{employee_id}/training-records"): {
        **PEOPLE_WRITE,
        "employee": (K, H),
    },
    ("GET", "/api/v1/training/modules"): SIGNED_IN,
    ("POST", "/api/v1/training/modules"): ADMIN_ONLY,
    ("POST", "/api/v1/training/modules/import"): ADMIN_ONLY,
    ("GET", "/api/v1/training/modules/{module_id}"): SIGNED_IN,
    ("PATCH", "/api/v1/training/modules/{module_id}"): ADMIN_ONLY,
    ("POST", "/api/v1/training/modules/{module_id}/deactivate"): ADMIN_ONLY,
    ("POST", "/api/v1/training/modules/{module_id}/reactivate"): ADMIN_ONLY,
    ("GET", "/api/v1/accommodations"): SIGNED_IN,
    ("POST", "/api/v1/accommodations"): ADMIN_ONLY,
    ("GET", "/api/v1/taxonomy/stats"): EVERYONE,
    ("GET", "/api/v1/taxonomy/occupations"): EVERYONE,
    ("GET", "/api/v1/taxonomy/occupations/{occupation_id:path}"): EVERYONE,
    ("GET", "/api/v1/taxonomy/skills"): EVERYONE,
    # Reads nothing private and records nothing, but costs the model's work: signed in.
    ("POST", "/api/v1/taxonomy/skills/suggest"): SIGNED_IN,
    ("GET", "/api/v1/notifications"): SIGNED_IN,
    ("GET", "/api/v1/notifications/unread-count"): SIGNED_IN,
    ("POST", "/api/v1/notifications/read-all"): SIGNED_IN,
    ("POST", "/api/v1/notifications/{notification_id}/read"): {
        **dict.fromkeys(ROLES[:4], (K, H)),
        "anonymous": (U, U),
    },
    ("GET", "/api/v1/notifications/preferences"): SIGNED_IN,
    ("PUT", "/api/v1/notifications/preferences"): SIGNED_IN,
    ("GET", "/api/v1/webhooks"): {**ADMIN_ONLY, "employer": (K, K)},
    ("POST", "/api/v1/webhooks"): {**ADMIN_ONLY, "employer": (K, K)},
    ("DELETE", "/api/v1/webhooks/{webhook_id}"): {
        **PEOPLE_WRITE,
        "jobcoach": (F, H),
        "employer": (K, H),
    },
    ("POST", "/api/v1/webhooks/{webhook_id}/enable"): {**PEOPLE_WRITE, "jobcoach": (F, H)},
    ("POST", "/api/v1/decisions"): {**PEOPLE_WRITE, "employer": (F, F), "employee": (F, F)},
    ("GET", "/api/v1/employees/{employee_id}/decision-log"): PEOPLE_WRITE,
    ("GET", "/api/v1/vacancies/{vacancy_id}/decision-log"): PEOPLE_WRITE,
    ("GET", "/api/v1/bias-report"): ADMIN_ONLY,
    ("GET", "/api/v1/organisations/{organisation_id}/outcomes"): PEOPLE_WRITE,
    # The ladder over time and the logbook: the person reads their own; never an employer.
    ("GET", "/api/v1/employees/{employee_id}/ladder"): {**PEOPLE_WRITE, "employee": (K, H)},
    ("POST", "/api/v1/employees/{employee_id}/ladder"): PEOPLE_WRITE,
    ("GET", "/api/v1/employees/{employee_id}/logbook"): {**PEOPLE_WRITE, "employee": (K, H)},
    ("POST", "/api/v1/employees/{employee_id}/logbook"): PEOPLE_WRITE,
    ("DELETE", "/api/v1/employees/{employee_id}/logbook/{entry_id}"): PEOPLE_WRITE,
    # Follow-up after placement: the person reads their own; never an employer. The wage value
    # and register flag: an employer reads them with the person's consent to share (A shares
    # with X); only the person's coach and admins record them.
    ("GET", "/api/v1/employees/{employee_id}/followups"): {**PEOPLE_WRITE, "employee": (K, H)},
    ("PUT", "/api/v1/employees/{employee_id}/followups/{followup_id}"): PEOPLE_WRITE,
    ("GET", "/api/v1/employees/{employee_id}/wage-values"): {
        **dict.fromkeys(ROLES[:4], (K, H)),
        "anonymous": (U, U),
    },
    ("POST", "/api/v1/employees/{employee_id}/wage-values"): PEOPLE_WRITE,
    ("PUT", "/api/v1/employees/{employee_id}/target-group-register"): PEOPLE_WRITE,
    # Work capacity: special category data; an employer reads it only with the person's
    # consent to share (Person A shares with X); demands are as public as the vacancy.
    ("GET", "/api/v1/capacity/items"): SIGNED_IN,
    ("GET", "/api/v1/employees/{employee_id}/capacity"): {
        **dict.fromkeys(ROLES[:4], (K, H)),
        "anonymous": (U, U),
    },
    ("PUT", "/api/v1/employees/{employee_id}/capacity"): PEOPLE_WRITE,
    ("GET", "/api/v1/vacancies/{vacancy_id}/capacity"): {
        **VACANCY_WRITE,
        "jobcoach": (K, H),
        "employee": (K, H),
    },
    ("PUT", "/api/v1/vacancies/{vacancy_id}/capacity"): VACANCY_WRITE,
    # Practice-based learning: qualifications are shared reference data (admins import them);
    # a person's agreements are read by the person, written by their coach and admins, never
    # read by an employer (A shares with X: 403).
    ("GET", "/api/v1/qualifications"): SIGNED_IN,
    ("POST", "/api/v1/qualifications/import"): ADMIN_ONLY,
    ("GET", "/api/v1/qualifications/{crebo}"): SIGNED_IN,
    ("GET", "/api/v1/employees/{employee_id}/learning-agreements"): {
        **PEOPLE_WRITE,
        "employee": (K, H),
    },
    ("POST", "/api/v1/employees/{employee_id}/learning-agreements"): PEOPLE_WRITE,
    ("GET", "/api/v1/employees/{employee_id}/learning-agreements/{agreement_id}"): {
        **PEOPLE_WRITE,
        "employee": (K, H),
    },
    ("PATCH", "/api/v1/employees/{employee_id}/learning-agreements/{agreement_id}"): PEOPLE_WRITE,
    (
        "PUT",
        "/api/v1/employees/{employee_id}/learning-agreements/{agreement_id}"
        "/progress/{work_process_id}",
    ): PEOPLE_WRITE,
    (
        "POST",
        "/api/v1/employees/{employee_id}/learning-agreements/{agreement_id}/result",
    ): PEOPLE_WRITE,
    # Job carving: who may post vacancies (admins and employers).
    ("GET", "/api/v1/carving/tasks"): {**ADMIN_ONLY, "employer": (K, K)},
    ("POST", "/api/v1/carving/preview"): {**ADMIN_ONLY, "employer": (K, K)},
    ("POST", "/api/v1/carving/vacancies"): {**ADMIN_ONLY, "employer": (K, K)},
    # A staff member's own DigComp and learning plan: never an employee's (theirs is their
    # profile); a plan item is the own plan's. The staff picture: the WISE's admins and coaches.
    ("GET", "/api/v1/me/digcomp"): {**SIGNED_IN, "employee": (F, F)},
    ("GET", "/api/v1/me/export"): {**SIGNED_IN, "employee": (F, F)},
    ("PUT", "/api/v1/me/digcomp"): {**SIGNED_IN, "employee": (F, F)},
    ("GET", "/api/v1/me/learning-plan"): {**SIGNED_IN, "employee": (F, F)},
    ("POST", "/api/v1/me/learning-plan"): {**SIGNED_IN, "employee": (F, F)},
    ("PATCH", "/api/v1/me/learning-plan/{module_id}"): {
        **dict.fromkeys(ROLES[:3], (K, H)),
        "employee": (F, F),
        "anonymous": (U, U),
    },
    ("DELETE", "/api/v1/me/learning-plan/{module_id}"): {
        **dict.fromkeys(ROLES[:3], (K, H)),
        "employee": (F, F),
        "anonymous": (U, U),
    },
    ("GET", "/api/v1/organisations/{organisation_id}/staff-digcomp"): PEOPLE_WRITE,
}


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, client_for_module: httpx.AsyncClient) -> World:
    """The matrix's world, built once."""
    return await _build(pool, client_for_module)


@pytest.fixture(scope="module")
async def client_for_module(app: Any) -> Any:
    """One HTTP client for the whole module."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://matrix") as http:
        yield http


async def _erasable(world: World, client: httpx.AsyncClient, role: str) -> str | None:
    """A fresh person of WISE A for the admin to erase; None for roles that may not erase."""
    if role != "admin":
        return None
    person = await factories.employee(client, world.users["admin"], name="Erasable")
    return f"/api/v1/employees/{person['id']}"


async def _headers_for(world: World, client: httpx.AsyncClient, role: str, path: str) -> dict:
    if path == "/api/v1/auth/logout" and role != "anonymous":
        return await factories.sign_in(client, world.emails[role])  # a session to end
    return world.headers[role]


def _resolve(world: World, role: str, path: str, which: int) -> str:
    member_key = "{account_id}" in path and "{key_id}" in path
    for param in (
        "employee_id",
        "consent_id",
        "vacancy_id",
        "account_id",
        "organisation_id",
        "key_id",
        "notification_id",
        "webhook_id",
        "module_id",
        "entry_id",
        "followup_id",
        "agreement_id",
        "work_process_id",
        "crebo",
    ):
        if "{" + param + "}" in path:
            who = "member" if member_key and param == "key_id" else role
            path = path.replace("{" + param + "}", str(_objects(world, who, param)[which]))
    return path.replace("{occupation_id:path}", world.occupation)


@pytest.mark.parametrize(
    ("route", "role"),
    list(itertools.product(sorted(MATRIX), ROLES)),
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else v,
)
async def test_role_sees_and_does_only_what_it_may(
    world: World,
    pool: asyncpg.Pool,
    client_for_module: httpx.AsyncClient,
    route: tuple[str, str],
    role: str,
) -> None:
    method, template = route
    expected = MATRIX[route][role]
    cases = (0, 1) if "{" in template and "occupation_id" not in template else (0,)
    for which in cases:
        headers = await _headers_for(world, client_for_module, role, template)
        # A deleted webhook must not spoil the rows after it: delete a fresh one.
        doomed = method == "DELETE" and "{webhook_id}" in template and which == 0
        org = "X" if role == "employer" else "A"
        if doomed:
            world.ids[f"webhook_{org}"] = await _webhook(pool, world.orgs[org])
        if method == "DELETE" and "{entry_id}" in template and which == 0:
            fresh = await _entry(pool, world.ids["employee"][0], world.users["jobcoach"].account_id)
            world.ids["entry"] = (fresh, world.ids["entry"][1])
        if "/me/learning-plan/" in template:  # a removed item must not spoil the next row
            await _plan_items(pool, world)
        kwargs = _body(world, method, template)
        path = _resolve(world, role, template, which)
        if method == "DELETE" and template == "/api/v1/employees/{employee_id}" and which == 0:
            # An erasure that is allowed must not take Person A from the rows after it.
            path = await _erasable(world, client_for_module, role) or path
        if template == "/api/v1/auth/token":
            email = world.emails.get(role, world.emails["jobcoach"])
            kwargs = {"data": {"username": email, "password": PASSWORD}}
        response = await client_for_module.request(method, path, headers=headers, **kwargs)
        if doomed:
            world.ids[f"webhook_{org}"] = await _webhook(pool, world.orgs[org])
        label = "own" if which == 0 else "foreign"
        assert category(response.status_code) == expected[which], (
            f"{method} {template} as {role} on {label}: {response.status_code} {response.text}"
        )


def test_the_matrix_has_a_row_for_every_route() -> None:
    # Web pages have their own matrix: tests/integration/test_pages_access.py.
    app = create_app(Settings(database_url="postgresql://unused", redis_url="redis://unused"))
    # The matrix names paths as the schema documents them, without the router's convertors.
    routes = {
        (m, re.sub(r":(uuid|crebo)}", "}", path))
        for path, r in _flatten(app.routes)
        if not is_page_route(r)
        for m in r.methods
    }
    assert routes == set(MATRIX)

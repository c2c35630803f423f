"""The wage value (loonwaarde) and the doelgroepregister flag: recorded under the person's
consent to matching by their coach or an admin, newest first, read by the person and by an
employer only while the person shares their profile with it, audited, exported and erased."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import asyncpg
import httpx

from services.core.clock import today
from tests import factories
from tests.factories import Scene, ok

VALUE = {"percentage": 65, "reference_job": "Medewerker groenvoorziening", "assessed_on": ""}


def _url(s: Scene, tail: str = "wage-values") -> str:
    return f"/api/v1/employees/{s.employee_id}/{tail}"


def _value(**fields: Any) -> dict[str, Any]:
    return VALUE | {"assessed_on": (today() - timedelta(days=30)).isoformat()} | fields


async def _withdraw_matching(client: httpx.AsyncClient, s: Scene) -> None:
    consents = await ok(await client.get(_url(s, "consents"), headers=s.coach.headers))
    (matching,) = [c for c in consents if c["purpose"] == "matching" and c["active"]]
    await ok(
        await client.post(
            f"{_url(s, 'consents')}/{matching['id']}/withdraw", headers=s.coach.headers
        )
    )


async def test_wage_values_are_recorded_with_consent_and_listed_newest_first(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    older = _value(percentage=50, assessed_on=(today() - timedelta(days=400)).isoformat())
    await ok(await client.post(_url(s), headers=s.coach.headers, json=older))
    found = await ok(await client.post(_url(s), headers=s.admin.headers, json=_value()))
    assert [(v["percentage"], v["method"]) for v in found["wage_values"]] == [
        (65, "Uniforme loonwaardemethode"),
        (50, "Uniforme loonwaardemethode"),
    ]
    assert found["wage_values"][0]["recorded_by"] == str(s.admin.account_id)
    assert found["target_group_register"] is None
    for body, field in (
        (_value(percentage=101), "percentage"),
        (_value(assessed_on=(today() + timedelta(days=1)).isoformat()), "assessed_on"),
        (_value(reference_job="  "), "reference_job"),
        (_value(method=""), "method"),
        (_value(diagnosis="x"), "diagnosis"),
    ):
        refused = await client.post(_url(s), headers=s.coach.headers, json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert field in str(refused.json()["fields"]), (body, refused.text)
    own = await ok(await client.get(_url(s), headers=s.person.headers))
    assert [v["percentage"] for v in own["wage_values"]] == [65, 50]
    # Without the consent to matching nothing new is recorded.
    await _withdraw_matching(client, s)
    refused = await client.post(_url(s), headers=s.coach.headers, json=_value(percentage=70))
    assert refused.status_code == 422
    assert "consent" in refused.json()["fields"]
    stored = await pool.fetchval(
        "SELECT count(*) FROM wage_value WHERE employee_id = $1", s.employee_id
    )
    assert stored == 2


async def test_the_register_flag_is_yes_no_or_not_known(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    url = _url(s, "target-group-register")
    found = await ok(
        await client.put(url, headers=s.coach.headers, json={"target_group_register": True})
    )
    assert found["target_group_register"] is True
    assert (
        await client.put(url, headers=s.coach.headers, json={"target_group_register": "ja"})
    ).status_code == 422
    assert (
        await client.put(url, headers=s.person.headers, json={"target_group_register": False})
    ).status_code == 403
    await _withdraw_matching(client, s)
    refused = await client.put(url, headers=s.coach.headers, json={"target_group_register": False})
    assert refused.status_code == 422
    assert "consent" in refused.json()["fields"]
    # Back to "not known" needs no consent: it removes what was recorded.
    cleared = await ok(
        await client.put(url, headers=s.coach.headers, json={"target_group_register": None})
    )
    assert cleared["target_group_register"] is None
    assert (
        await pool.fetchval(
            "SELECT target_group_register FROM employee WHERE id = $1", s.employee_id
        )
        is None
    )


async def test_an_employer_sees_the_wage_value_only_while_the_person_shares_with_it(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await ok(await client.post(_url(s), headers=s.coach.headers, json=_value()))
    await ok(
        await client.put(
            _url(s, "target-group-register"),
            headers=s.coach.headers,
            json={"target_group_register": True},
        )
    )
    assert (await client.get(_url(s), headers=s.employer.headers)).status_code == 404
    share = await factories.consent(
        client, s.coach, s.employee_id, "share_with_employer", employer_id=s.employer_org
    )
    seen = await ok(await client.get(_url(s), headers=s.employer.headers))
    assert seen["target_group_register"] is True
    (value,) = seen["wage_values"]
    assert value["percentage"] == 65
    assert (value["recorded_by"], value["recorded_by_name"]) == (None, None)
    assert (
        await client.post(_url(s), headers=s.employer.headers, json=_value())
    ).status_code == 403
    audited = await pool.fetchrow(
        "SELECT fields, purpose FROM audit_log WHERE employee_id = $1 AND actor_id = $2",
        s.employee_id,
        s.employer.account_id,
    )
    assert audited["purpose"] == "employer_candidate_view"
    assert {"wage_value", "target_group_register"} <= set(audited["fields"])
    other = await factories.organisation(pool, "employer")
    stranger = await factories.user(pool, client, other, "employer")
    assert (await client.get(_url(s), headers=stranger.headers)).status_code == 404
    await ok(
        await client.post(f"{_url(s, 'consents')}/{share['id']}/withdraw", headers=s.coach.headers)
    )
    assert (await client.get(_url(s), headers=s.employer.headers)).status_code == 404


async def test_wage_values_and_the_flag_are_exported_and_erased_with_the_person(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await ok(await client.post(_url(s), headers=s.coach.headers, json=_value()))
    await ok(
        await client.put(
            _url(s, "target-group-register"),
            headers=s.coach.headers,
            json={"target_group_register": False},
        )
    )
    exported = await ok(await client.get(_url(s, "export"), headers=s.person.headers))
    (value,) = exported["wage_values"]
    assert (value["percentage"], value["reference_job"]) == (65, VALUE["reference_job"])
    assert value["recorded_by_name"] == "Test jobcoach"
    assert exported["profile"]["target_group_register"] is False
    await ok(await client.delete(f"/api/v1/employees/{s.employee_id}", headers=s.admin.headers))
    left = await pool.fetchval(
        "SELECT count(*) FROM wage_value WHERE employee_id = $1", s.employee_id
    )
    assert left == 0

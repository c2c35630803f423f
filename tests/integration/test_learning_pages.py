"""The learning pages: the coach makes an agreement, records progress and the result on the
person's "Leren" tab; the person reads what they learn and what it opened on /me/learning."""

from __future__ import annotations

from datetime import timedelta

import asyncpg
import httpx

from services.core.clock import today
from tests import factories
from tests.browser.http import page_client, sign_in, submit


async def test_the_coach_records_an_agreement_to_its_result_and_the_person_reads_it(
    pool: asyncpg.Pool, client: httpx.AsyncClient, app: object
) -> None:
    s = await factories.scene(pool, client)
    page = f"/coach/people/{s.employee_id}/learning"
    start = (today() - timedelta(days=100)).isoformat()
    agreement = {
        "crebo": "99103",
        "college": "ROC Amsterdam",
        "company": "Leerbedrijf Keuken",
        "trainer_name": "Fatima El Amrani",
        "starts_on": start,
        "ends_on": start,
    }
    async with page_client(app) as http:
        assert (await sign_in(http, s.coach.email)).status_code == 303
        http.cookies.set("opstap_lang", "nl")
        empty = await http.get(page)
        assert empty.status_code == 200 and "Nieuwe leerovereenkomst" in empty.text
        bad = await submit(http, page, page, agreement | {"ends_on": "2000-01-01"})
        assert bad.status_code == 422 and "De einddatum ligt op of na de begindatum." in bad.text
        made = await submit(http, page, page, agreement)
        assert made.status_code == 303, made.text
        shown = await http.get(made.headers["location"])
        assert "De leerovereenkomst is gemaakt." in shown.text and "Fatima El Amrani" in shown.text
        agreement_id = await pool.fetchval(
            "SELECT id FROM learning_agreement WHERE employee_id = $1", s.employee_id
        )
        process = await pool.fetchval(
            "SELECT id FROM work_process WHERE crebo = '99103' ORDER BY code LIMIT 1"
        )
        base = f"{page}/{agreement_id}"
        nothing = await submit(
            http, page, f"{base}/result", {"result": "praktijkverklaring", "result_on": start}
        )
        assert nothing.status_code == 422 and "Leg eerst vast" in nothing.text
        step = {"work_process_id": str(process), "status": "shown", "assessed_on": start}
        assert (await submit(http, page, f"{base}/progress", step)).status_code == 303
        day = today().isoformat()
        done = await submit(
            http, page, f"{base}/result", {"result": "praktijkverklaring", "result_on": day}
        )
        assert done.status_code == 303
        after = await http.get(done.headers["location"])
        assert "Afgerond met een praktijkverklaring" in after.text
        assert "Wat het heeft opgeleverd" in after.text  # about the person, not to them
        assert "Wat het je" not in after.text and "bij je" not in after.text
    certified = await pool.fetchval(
        "SELECT count(*) FROM employee_skill WHERE employee_id = $1 AND source = 'certified'",
        s.employee_id,
    )
    assert certified > 0
    async with page_client(app) as http:
        assert (await sign_in(http, s.person.email)).status_code == 303
        http.cookies.set("opstap_lang", "nl")
        home = await http.get("/me")
        assert 'href="/me/learning"' in home.text
        mine = await http.get("/me/learning")
        assert mine.status_code == 200
        assert "Afgerond met een praktijkverklaring" in mine.text and "Aangetoond" in mine.text
        assert "Wat het je heeft opgeleverd" in mine.text
        assert "form" not in mine.text.split("<main", 1)[-1].split("</main>")[0].lower()

"""Taxonomy API: counts, label search (typos, languages, pages), one occupation.

Runs against whichever taxonomy the session database holds: full ESCO when OPSTAP_ESCO_DIR
is set, else the starter taxonomy.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import asyncpg
import httpx
import pytest

from services.core.taxonomy import queries, repository

API = "/api/v1/taxonomy"


async def _get(client: httpx.AsyncClient, path: str, **params: Any) -> dict[str, Any]:
    response = await client.get(f"{API}{path}", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def _search(client: httpx.AsyncClient, kind: str, **params: Any) -> dict[str, Any]:
    return await _get(client, f"/{kind}", **params)


def _short_id(uri: str) -> str:
    return uri.rsplit("/", 1)[-1].rsplit(":", 1)[-1]


async def test_stats_count_what_the_taxonomy_holds(
    client: httpx.AsyncClient, conn: asyncpg.Connection, taxonomy_is_esco: bool
) -> None:
    stats = await _get(client, "/stats")
    assert stats["occupations"] == await conn.fetchval("SELECT count(*) FROM occupation") > 0
    assert stats["skills"] == await conn.fetchval("SELECT count(*) FROM skill") > 0
    relations = stats["occupation_skills"]
    assert relations["total"] == relations["essential"] + relations["optional"] > 0
    assert {"en", "nl"} <= set(stats["labels"]["by_language"])
    assert sum(stats["labels"]["by_language"].values()) == sum(
        stats["labels"]["by_concept_kind"].values()
    )
    assert stats["labels"]["by_concept_kind"]["occupation"] > stats["occupations"]
    assert stats["last_import"]["source"] and stats["last_import"]["version"]
    assert stats["last_import"]["finished_at"]
    if taxonomy_is_esco:
        assert stats["occupations"] == 3007
        assert stats["skills"] == 13896
        assert relations["total"] == 123788
        assert stats["isco_groups"] == 619
        assert stats["collections"]["digital"] == 1201


@pytest.mark.parametrize(
    ("q", "lang", "fragment"),
    [
        ("schoonmaker", "nl", "schoonma"),
        ("schoonmakr", "nl", "schoonma"),
        ("cleaner", "en", "clean"),
        ("claener", "en", "clean"),
        ("Office  Cleaner", "en", "clean"),
    ],
)
async def test_occupation_search_finds_cleaners_despite_a_typo(
    client: httpx.AsyncClient, q: str, lang: str, fragment: str
) -> None:
    page = await _search(client, "occupations", q=q, lang=lang, limit=5)
    labels = [item["label"].lower() for item in page["items"]]
    assert labels, page
    assert fragment in labels[0], labels
    assert page["total"] >= len(labels)


async def test_search_gives_one_result_per_concept_ranked_by_match(
    client: httpx.AsyncClient,
) -> None:
    page = await _search(client, "occupations", q="schoonmaker", lang="nl", limit=100)
    items = page["items"]
    assert len({item["uri"] for item in items}) == len(items) == min(page["total"], 100)
    # The label search's tiers, fused with the meaning (services/core/taxonomy/search.py):
    # an exact label comes first, and every hit says how it was found.
    assert items[0]["match"] == "exact"
    kinds = {"exact", "word_prefix", "substring", "fuzzy", "semantic"}
    assert {item["match"] for item in items} <= kinds
    scores = [item["score"] for item in items]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score <= 1 for score in scores)
    assert all(item["label_lang"] == "nl" and not item["fallback"] for item in items)
    assert all(item["isco_code"] and item["matched_label"] for item in items[:3])
    assert "schoonmaker" in items[0]["matched_label"].lower()


async def test_skill_search_finds_cleaning_skills(client: httpx.AsyncClient) -> None:
    page = await _search(client, "skills", q="clean", lang="en", limit=10)
    assert page["total"] > 0
    assert any("clean" in item["label"].lower() for item in page["items"])
    assert {"skill_type", "reuse_level", "matched_label", "score"} <= set(page["items"][0])


async def test_a_skill_without_a_dutch_label_is_found_and_shown_in_english(
    client: httpx.AsyncClient, conn: asyncpg.Connection
) -> None:
    label = await conn.fetchval(
        "SELECT label_en FROM skill WHERE label_nl IS NULL AND length(label_en) > 8 "
        "ORDER BY uri LIMIT 1"
    )
    if label is None:
        pytest.skip("every skill has a Dutch label in this taxonomy")
    page = await _search(client, "skills", q=label, lang="nl", limit=5)
    top = page["items"][0]
    assert top["label"] == label
    assert top["label_lang"] == "en" and top["fallback"] is True
    assert top["match"] == "exact"


async def test_hidden_labels_match_but_are_never_shown(
    client: httpx.AsyncClient, conn: asyncpg.Connection
) -> None:
    labels = await conn.fetch(
        "SELECT concept_uri, lang, label_kind, label FROM taxonomy_label "
        "WHERE concept_kind = 'occupation' ORDER BY concept_uri, lang, label"
    )
    shown = {r["label"].lower() for r in labels if r["label_kind"] != "hidden"}
    hidden = [
        r
        for r in labels
        if r["label_kind"] == "hidden" and len(r["label"]) > 5 and r["label"].lower() not in shown
    ]
    if not hidden:
        pytest.skip("no hidden occupation labels in this taxonomy")
    row = hidden[0]
    page = await _search(client, "occupations", q=row["label"], lang=row["lang"], limit=100)
    found = [item for item in page["items"] if item["uri"] == row["concept_uri"]]
    assert found, page
    assert found[0]["matched_label"] is None
    for item in page["items"]:
        assert row["label"].lower() not in {
            item["label"].lower(),
            str(item["matched_label"]).lower(),
        }


async def test_like_wildcards_in_a_query_are_taken_literally(client: httpx.AsyncClient) -> None:
    page = await _search(client, "occupations", q="%_%", lang="en")
    assert page == {"items": [], "limit": 20, "offset": 0, "total": 0}


async def test_short_queries_match_the_start_of_words(client: httpx.AsyncClient) -> None:
    page = await _search(client, "occupations", q="sc", lang="nl", limit=50)
    assert page["total"] > 0
    for item in page["items"]:
        words = item["matched_label"].lower().replace("-", " ").replace("(", " ").split()
        assert any(word.startswith("sc") for word in words), item


async def test_without_a_query_everything_is_listed_alphabetically(
    client: httpx.AsyncClient, conn: asyncpg.Connection
) -> None:
    page = await _search(client, "occupations", lang="en", limit=100)
    assert page["total"] == await conn.fetchval("SELECT count(*) FROM occupation")
    labels = [item["label"].lower() for item in page["items"]]
    assert labels == sorted(labels)
    assert all(item["score"] is None and item["match"] is None for item in page["items"])


@pytest.mark.parametrize(
    ("kind", "params"),
    [
        ("occupations", {"q": "medewerker", "lang": "nl"}),
        ("skills", {"q": "clean", "lang": "en"}),
        ("skills", {"lang": "en"}),
    ],
)
async def test_pages_are_disjoint_and_agree_on_the_total(
    client: httpx.AsyncClient, kind: str, params: dict[str, str]
) -> None:
    first = await _search(client, kind, limit=3, offset=0, **params)
    second = await _search(client, kind, limit=3, offset=3, **params)
    both = await _search(client, kind, limit=6, offset=0, **params)
    if first["total"] < 6:
        pytest.skip(f"too few results for {params} in this taxonomy")
    assert first["total"] == second["total"] == both["total"]
    uris = [item["uri"] for item in first["items"] + second["items"]]
    assert len(set(uris)) == 6
    assert uris == [item["uri"] for item in both["items"]]
    beyond = await _search(client, kind, limit=3, offset=first["total"], **params)
    assert beyond["items"] == [] and beyond["total"] == first["total"]


async def test_occupations_filter_on_an_isco_code_prefix(client: httpx.AsyncClient) -> None:
    top = (await _search(client, "occupations", q="cleaner", lang="en", limit=1))["items"][0]
    prefix = top["isco_code"][:2]
    page = await _search(client, "occupations", q="cleaner", lang="en", isco=prefix, limit=100)
    assert top["uri"] in {item["uri"] for item in page["items"]}
    assert all(item["isco_code"].startswith(prefix) for item in page["items"])
    listed = await _search(client, "occupations", isco=top["isco_code"], limit=100)
    assert {item["isco_code"] for item in listed["items"]} == {top["isco_code"]}


async def test_skills_filter_on_a_collection(
    client: httpx.AsyncClient, conn: asyncpg.Connection
) -> None:
    row = await conn.fetchrow(
        "SELECT collection, count(*) AS n FROM skill_collection GROUP BY 1 ORDER BY 1 LIMIT 1"
    )
    if row is None:
        pytest.skip("no skill collections in this taxonomy")
    page = await _search(client, "skills", collection=row["collection"], lang="en", limit=100)
    assert page["total"] == row["n"]
    members = await conn.fetch(
        "SELECT skill_uri FROM skill_collection WHERE collection = $1", row["collection"]
    )
    assert {item["uri"] for item in page["items"]} <= {m["skill_uri"] for m in members}
    none = await _search(client, "skills", collection="no-such-collection", lang="en")
    assert none["total"] == 0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lang": "xx"}, "lang"),
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"offset": -1}, "offset"),
        ({"q": "x" * 201}, "q"),
        ({"isco": "9a"}, "isco"),
    ],
)
async def test_bad_search_parameters_answer_422_in_the_error_shape(
    client: httpx.AsyncClient, params: dict[str, Any], field: str
) -> None:
    for kind in ("occupations", "skills"):
        if field == "isco" and kind == "skills":
            continue
        response = await client.get(f"{API}/{kind}", params={"q": "clean", **params})
        assert response.status_code == 422, response.text
        body = response.json()
        assert body["error"] == "invalid"
        assert field in body["fields"], body
        assert field in body["detail"]


async def test_occupation_detail_by_full_uri_and_by_short_id(
    client: httpx.AsyncClient, conn: asyncpg.Connection
) -> None:
    uri = await conn.fetchval(
        "SELECT occupation_uri FROM occupation_skill GROUP BY 1 "
        "HAVING count(*) FILTER (WHERE relation = 'essential') > 0 "
        "AND count(*) FILTER (WHERE relation = 'optional') > 0 ORDER BY 1 LIMIT 1"
    )
    by_uri = await client.get(f"{API}/occupations/{quote(uri, safe='')}")
    assert by_uri.status_code == 200, by_uri.text
    detail = by_uri.json()
    assert detail["uri"] == uri
    by_short = await client.get(f"{API}/occupations/{_short_id(uri)}")
    assert by_short.status_code == 200, by_short.text
    assert by_short.json() == detail

    row = await conn.fetchrow("SELECT * FROM occupation WHERE uri = $1", uri)
    assert detail["labels"] == {"en": row["label_en"], "nl": row["label_nl"]}
    assert detail["description"]["en"] == row["description_en"]
    assert detail["isco_group"]["code"] == row["isco_code"]
    assert detail["skill_level"] == row["skill_level"]
    relations = [skill["relation"] for skill in detail["skills"]]
    assert relations == sorted(relations)  # essential before optional
    assert len(relations) == await conn.fetchval(
        "SELECT count(*) FROM occupation_skill WHERE occupation_uri = $1", uri
    )
    assert all(skill["labels"]["en"] for skill in detail["skills"])


async def test_occupation_detail_shows_the_broader_occupation(
    client: httpx.AsyncClient, conn: asyncpg.Connection
) -> None:
    row = await conn.fetchrow(
        "SELECT b.concept_uri, b.broader_uri FROM taxonomy_broader AS b "
        "JOIN occupation AS o ON o.uri = b.broader_uri "
        "JOIN occupation AS n ON n.uri = b.concept_uri ORDER BY 1, 2 LIMIT 1"
    )
    if row is None:
        pytest.skip("no occupation has a broader occupation in this taxonomy")
    detail = await _get(client, f"/occupations/{quote(row['concept_uri'], safe='')}")
    assert detail["broader"]["uri"] == row["broader_uri"]
    assert detail["broader"]["labels"]["en"]


async def test_unknown_occupation_is_404_in_the_error_shape(client: httpx.AsyncClient) -> None:
    for missing in ("no-such-occupation", quote("http://example.org/occupation/x", safe="")):
        response = await client.get(f"{API}/occupations/{missing}")
        assert response.status_code == 404
        body = response.json()
        assert body["error"] == "not_found"
        assert body["fields"] == {}
        assert "occupation" in body["detail"]


def _plan_nodes(node: dict[str, Any]) -> list[dict[str, Any]]:
    nodes = [node]
    for child in node.get("Plans", []):
        nodes += _plan_nodes(child)
    return nodes


async def test_search_statements_use_the_trigram_index(
    conn: asyncpg.Connection, taxonomy_is_esco: bool
) -> None:
    if not taxonomy_is_esco:
        pytest.skip("on the small starter taxonomy a sequential scan is the better plan")
    await conn.execute(queries.SET_QUERY_SETTINGS)
    for sql, query, lang in (
        (queries.SEARCH_OCCUPATIONS, "schoonmakr", "nl"),
        (queries.SEARCH_SKILLS, "comunicate", "nl"),
        (queries.SEARCH_OCCUPATIONS_SHORT, "sc", "en"),
        (queries.SEARCH_SKILLS_LETTER, "e", "en"),
    ):
        args = (query, repository.like_escape(query), lang, None, 20, 0)
        plan = await conn.fetchval(f"EXPLAIN (FORMAT JSON) {sql}", *args)
        nodes = _plan_nodes((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"])
        scans = [n for n in nodes if n.get("Relation Name") == "taxonomy_label"]
        assert scans, sql
        assert all(n["Node Type"] != "Seq Scan" for n in scans), (query, scans)
        indexes = {n.get("Index Name") for n in nodes}
        assert "taxonomy_label_trgm_idx" in indexes, (query, indexes)

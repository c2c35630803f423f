"""SQL of vacancies. Reads end with the visibility predicate on ($1, $2, $3) = the actor."""

from __future__ import annotations

from services.core.access.queries import vacancy_visible

# Several vacancies at once (a list of one for a single create): ids come from the caller, so
# the child rows can be written set-based too.
INSERT_VACANCIES = """
INSERT INTO vacancy (id, organisation_id, created_by, status, published_at, title, description,
    occupation_uri, contract_kind, ladder_rung, hours_min, hours_max, postcode, latitude,
    longitude, language, language_cefr, places, closing_date)
SELECT v.id, $2, $3, v.status, CASE WHEN v.status = 'open' THEN now() END, v.title,
    v.description, v.occupation_uri, v.contract_kind, v.ladder_rung, v.hours_min, v.hours_max,
    v.postcode, v.latitude, v.longitude, v.language, v.language_cefr, v.places, v.closing_date
FROM unnest($1::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
            $9::smallint[], $10::smallint[], $11::smallint[], $12::text[], $13::float8[],
            $14::float8[], $15::text[], $16::text[], $17::smallint[], $18::date[])
    AS v(id, status, title, description, occupation_uri, contract_kind, ladder_rung, hours_min,
         hours_max, postcode, latitude, longitude, language, language_cefr, places,
         closing_date)
"""

INSERT_SKILLS = """
INSERT INTO vacancy_skill (vacancy_id, skill_uri, relation, min_level)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::smallint[])
"""

INSERT_ACCOMMODATIONS = """
INSERT INTO vacancy_accommodation (vacancy_id, accommodation_code)
SELECT * FROM unnest($1::uuid[], $2::text[])
"""

DELETE_SKILLS = "DELETE FROM vacancy_skill WHERE vacancy_id = $1"

DELETE_ACCOMMODATIONS = "DELETE FROM vacancy_accommodation WHERE vacancy_id = $1"

UPDATE_VACANCY = """
UPDATE vacancy
SET title = $2, description = $3, occupation_uri = $4, contract_kind = $5, ladder_rung = $6,
    hours_min = $7, hours_max = $8, postcode = $9, latitude = $10, longitude = $11,
    language = $12, language_cefr = $13, places = $14, closing_date = $15, updated_at = now()
WHERE id = $1
"""

# Moves the status only from one of the allowed ones, so two racing requests cannot both win.
SET_STATUS = """
UPDATE vacancy
SET status = $2, updated_at = now(),
    published_at = CASE WHEN $2 = 'open' THEN now() ELSE published_at END
WHERE id = $1 AND status = ANY($3::text[])
RETURNING status
"""

# The daily job: open vacancies whose closing day has passed ($1: today in the Netherlands)
# are closed; their ids. `FOR UPDATE SKIP LOCKED` leaves one being changed to the next run.
CLOSE_EXPIRED = """
UPDATE vacancy SET status = 'closed', updated_at = now()
WHERE id IN (SELECT id FROM vacancy WHERE status = 'open' AND closing_date < $1
             ORDER BY id FOR UPDATE SKIP LOCKED)
RETURNING id
"""

# Skills and accommodations are aggregated per row here, so a page is one query.
_COLUMNS = """
v.id, v.status, v.title, v.description, v.occupation_uri, v.contract_kind, v.ladder_rung,
v.hours_min, v.hours_max, v.postcode, v.latitude, v.longitude, v.language, v.language_cefr,
v.places, v.closing_date, v.created_at, v.updated_at, v.published_at,
o.id AS organisation_id, o.name AS organisation_name,
coalesce((SELECT jsonb_agg(jsonb_build_object('skill_uri', s.skill_uri,
                 'relation', s.relation, 'min_level', s.min_level)
                 ORDER BY s.relation, s.skill_uri)
          FROM vacancy_skill s WHERE s.vacancy_id = v.id), '[]'::jsonb) AS skills,
coalesce((SELECT array_agg(a.accommodation_code ORDER BY a.accommodation_code)
          FROM vacancy_accommodation a WHERE a.vacancy_id = v.id), '{}'::text[])
    AS accommodations,
v.carved,
CASE WHEN v.carved THEN coalesce((
    SELECT array_agg(os.skill_uri ORDER BY os.relation, os.skill_uri)
    FROM occupation_skill os
    WHERE os.occupation_uri = v.occupation_uri
      AND NOT EXISTS (SELECT 1 FROM vacancy_skill s
                      WHERE s.vacancy_id = v.id AND s.skill_uri = os.skill_uri)), '{}'::text[])
ELSE '{}'::text[] END AS left_out
"""

SELECT_VACANCY = f"""
SELECT {_COLUMNS}
FROM vacancy v JOIN organisation o ON o.id = v.organisation_id
WHERE v.id = $4 AND {vacancy_visible("v")}
"""

# For writes: the row is locked until the request's transaction ends.
SELECT_VACANCY_FOR_UPDATE = SELECT_VACANCY + "FOR UPDATE OF v"

_FILTERS = f"""
FROM vacancy v JOIN organisation o ON o.id = v.organisation_id
WHERE {vacancy_visible("v")}
  AND ($4::text IS NULL OR v.status = $4)
  AND ($5::text IS NULL OR v.contract_kind = $5)
  AND ($6::smallint IS NULL OR v.ladder_rung = $6)
  AND ($7::uuid IS NULL OR v.organisation_id = $7)
  AND ($8::text IS NULL OR v.occupation_uri = $8)
  AND ($9::text IS NULL OR v.title ILIKE '%' || $9 || '%')
"""

COUNT_VACANCIES = f"SELECT count(*) {_FILTERS}"

_ORDER = {
    "title": "lower(v.title), v.id",
    "-title": "lower(v.title) DESC, v.id",
    "created_at": "v.created_at, v.id",
    "-created_at": "v.created_at DESC, v.id",
    "closing_date": "v.closing_date NULLS LAST, v.id",
    "-closing_date": "v.closing_date DESC NULLS LAST, v.id",
}

# One statement per sort order ($10 = limit, $11 = offset).
LIST_VACANCIES = {
    sort: f"SELECT {_COLUMNS} {_FILTERS} ORDER BY {order} LIMIT $10 OFFSET $11"
    for sort, order in _ORDER.items()
}

# A vacancy as a schema.org JobPosting: its organisation, the ISCO code of its occupation, its
# skills with their labels and its accommodations in words. $1 = one vacancy (any status; the
# caller decides who may see it) or NULL; $2 = an organisation's open vacancies whose closing
# day has not passed, or NULL.
SELECT_JOBPOSTINGS = """
SELECT v.id, v.status, v.title, v.description, v.contract_kind, v.hours_min, v.hours_max,
       v.postcode, v.latitude, v.longitude, v.places, v.closing_date, v.created_at,
       v.published_at, v.occupation_uri,
       o.id AS organisation_id, o.name AS organisation_name, o.website AS organisation_website,
       o.postcode AS organisation_postcode,
       occ.isco_code, coalesce(occ.label_nl, occ.label_en) AS occupation_label,
       coalesce((SELECT jsonb_agg(jsonb_build_object('uri', s.skill_uri,
                        'label', coalesce(sk.label_nl, sk.label_en, s.skill_uri))
                        ORDER BY s.relation, s.skill_uri)
                 FROM vacancy_skill s LEFT JOIN skill sk ON sk.uri = s.skill_uri
                 WHERE s.vacancy_id = v.id), '[]'::jsonb) AS skills,
       coalesce((SELECT array_agg(coalesce(a.label_nl, va.accommodation_code)
                        ORDER BY coalesce(a.label_nl, va.accommodation_code))
                 FROM vacancy_accommodation va
                 LEFT JOIN accommodation a ON a.code = va.accommodation_code
                 WHERE va.vacancy_id = v.id), '{}'::text[]) AS accommodations
FROM vacancy v
JOIN organisation o ON o.id = v.organisation_id
LEFT JOIN occupation occ ON occ.uri = v.occupation_uri
WHERE ($1::uuid IS NULL OR v.id = $1)
  AND ($2::uuid IS NULL OR (v.organisation_id = $2 AND v.status = 'open'
       AND (v.closing_date IS NULL
            OR v.closing_date >= (now() AT TIME ZONE 'Europe/Amsterdam')::date)))
  AND ($1::uuid IS NOT NULL OR $2::uuid IS NOT NULL)
ORDER BY lower(v.title), v.id
LIMIT 1000
"""

# Job carving: an occupation's skills (its tasks) with their labels, essential first.
SELECT_OCCUPATION_TASKS = """
SELECT o.uri AS occupation_uri, o.label_en AS occupation_en, o.label_nl AS occupation_nl,
       os.skill_uri, os.relation, s.label_en, s.label_nl
FROM occupation o
LEFT JOIN occupation_skill os ON os.occupation_uri = o.uri
LEFT JOIN skill s ON s.uri = os.skill_uri
WHERE o.uri = $1
ORDER BY os.relation, lower(coalesce(s.label_en, os.skill_uri)), os.skill_uri
"""

MARK_CARVED = "UPDATE vacancy SET carved = true WHERE id = $1"

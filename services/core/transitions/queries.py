"""SQL of the occupation transition graph: storing a build, and reading moves and routes."""

# What the graph is built from besides skills: each occupation's ISCO unit group and level,
# and the occupation-to-occupation broader relations (for the broad-occupation families).
OCCUPATIONS = "SELECT uri, isco_code, skill_level FROM occupation ORDER BY uri"
OCCUPATION_BROADER = """
SELECT concept_uri, broader_uri FROM taxonomy_broader
WHERE pillar = 'occupation' AND concept_type = 'Occupation' AND broader_type = 'Occupation'
ORDER BY concept_uri, broader_uri
"""

DELETE_TRANSITIONS = "DELETE FROM occupation_transition"
INSERT_GRAPH = """
INSERT INTO transition_graph (version, taxonomy, thresholds, distribution, seconds)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (version) DO UPDATE
SET thresholds = excluded.thresholds, distribution = excluded.distribution,
    seconds = excluded.seconds, built_at = now()
"""
CURRENT_GRAPH = """
SELECT version, taxonomy, thresholds, distribution, seconds, built_at FROM transition_graph
ORDER BY built_at DESC, version LIMIT 1
"""

_MOVE = """
t.origin_uri, t.destination_uri, t.similarity, t.viable, t.highly_viable, t.level_delta, t.gap,
t.missing_essential, o.label_en, o.label_nl, o.skill_level
"""

# Viable moves from an occupation to the same ISCO skill level or one up, most similar first.
STEPPING_STONES = f"""
SELECT {_MOVE}
FROM occupation_transition t JOIN occupation o ON o.uri = t.destination_uri
WHERE t.origin_uri = $1 AND t.viable AND coalesce(t.level_delta, 0) IN (0, 1)
ORDER BY t.similarity DESC, t.destination_uri
LIMIT $2
"""
ONE_MOVE = f"""
SELECT {_MOVE}
FROM occupation_transition t JOIN occupation o ON o.uri = t.destination_uri
WHERE t.origin_uri = $1 AND t.destination_uri = $2
"""

# The route of at most three viable moves from $1 to $2 with the least total training gap
# (fewer moves on a tie). Meet in the middle: moves out of the start, moves into the target,
# and for three moves the one move between those two sets.
CHEAPEST_ROUTE = """
WITH out1 AS (
    SELECT destination_uri AS via, gap FROM occupation_transition
    WHERE origin_uri = $1 AND viable AND destination_uri <> $2
), in1 AS (
    SELECT origin_uri AS via, gap FROM occupation_transition
    WHERE destination_uri = $2 AND viable AND origin_uri <> $1
), routes AS (
    SELECT ARRAY[$1, $2] AS stops, gap AS total
    FROM occupation_transition WHERE origin_uri = $1 AND destination_uri = $2 AND viable
    UNION ALL
    SELECT ARRAY[$1, out1.via, $2], out1.gap + in1.gap
    FROM out1 JOIN in1 ON in1.via = out1.via
    UNION ALL
    SELECT ARRAY[$1, out1.via, in1.via, $2], out1.gap + t.gap + in1.gap
    FROM out1
    JOIN occupation_transition t ON t.origin_uri = out1.via AND t.viable
    JOIN in1 ON in1.via = t.destination_uri
    WHERE in1.via <> out1.via
)
SELECT stops, total FROM routes
ORDER BY total, cardinality(stops), stops
LIMIT 1
"""

# Occupations by URI or by exact preferred label (either language, any case).
FIND_OCCUPATION = """
SELECT uri, label_en, label_nl, skill_level FROM occupation
WHERE uri = $1 OR lower(label_en) = lower($1) OR lower(label_nl) = lower($1)
ORDER BY uri
"""
# The kept moves from an occupation, viable first, most similar first.
MOVES_FROM = f"""
SELECT {_MOVE}
FROM occupation_transition t JOIN occupation o ON o.uri = t.destination_uri
WHERE t.origin_uri = $1
ORDER BY t.viable DESC, t.similarity DESC, t.destination_uri
LIMIT $2
"""

"""SQL of the accommodation vocabulary."""

SELECT_ALL = """
SELECT code, label_nl, label_en, description_nl, description_en FROM accommodation ORDER BY code
"""

INSERT = """
INSERT INTO accommodation (code, label_nl, label_en, description_nl, description_en)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (code) DO NOTHING
RETURNING code, label_nl, label_en, description_nl, description_en
"""

UNKNOWN_CODES = """
SELECT c FROM unnest($1::text[]) AS c
WHERE NOT EXISTS (SELECT 1 FROM accommodation a WHERE a.code = c)
"""

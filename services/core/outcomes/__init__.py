"""Outcomes: a WISE's report over a period (the ladder, placements, retention, time to a
placement) and each person's profile completeness and staleness."""

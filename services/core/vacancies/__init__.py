"""Vacancies: inclusive jobs and placements posted by employers and WISEs."""

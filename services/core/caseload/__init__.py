"""A jobcoach's caseload: the people with their best match and open steps, sortable, and an
overview of the best matches and the decisions awaiting an answer across it."""

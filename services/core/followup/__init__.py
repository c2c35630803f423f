"""Follow-up after a placement: the moments 1, 3, 6 and 12 months on that a jobcoach records."""

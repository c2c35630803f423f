"""A jobcoach's or manager's own learning: their DigComp self-assessment, their learning plan of
staff modules, and a WISE's staff digital-skills picture (aggregated, small groups withheld)."""

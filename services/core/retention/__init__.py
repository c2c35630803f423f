"""Retention: deleting what is past its period, and erasing people who left."""

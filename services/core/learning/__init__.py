"""Practice-based learning with a ROC (praktijkleren): qualifications, agreements, results."""

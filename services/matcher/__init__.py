"""Pure computation for matching people and vacancies: numpy, scipy and scikit-learn only.

No database and no network: the worker and the API hand it arrays and get scores back.
"""

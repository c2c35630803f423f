"""The matcher fed from PostgreSQL: load its inputs, run it, store or return its results.

Used by the worker (rescoring on events), the API (what-if questions) and the CLI. It may use
services.core and services.matcher, never the api, worker or cli packages.
"""

"""Benchmarks: `make bench` prints figures, each against a simple baseline in the same run."""

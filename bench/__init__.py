"""Benchmark tooling: a deterministic, bulk-loaded data set of the standard shape."""

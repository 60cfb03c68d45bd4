"""The naive eager-loading baseline: strawberry over SQLAlchemy ORM objects, one process.

The way a team would first build the planning picture (bench/queries/picture.graphql): one
session per request, the account's whole tree loaded with `selectinload` chains, then every
field resolved in Python from ORM attributes (`via` deduplication, `first` slicing, roll-ups).
bench/run.py measures it beside plangraph; tests/test_bench_naive.py proves the same answers.
"""

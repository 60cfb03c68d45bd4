"""bench/compile_time.py: the first compile of the bench's pictures, on both databases."""

from __future__ import annotations

import asyncio

import pytest

from bench.compile_time import compile_times, first_executions, main


@pytest.mark.parametrize(
    "url", ["sqlite+aiosqlite:///./never-opened.db", "postgresql+asyncpg://nobody@127.0.0.1:1/x"]
)
def test_both_pictures_compile_and_the_planning_one_is_the_larger(url: str) -> None:
    times = compile_times(url, rounds=1)  # the dialect only: no database is opened
    assert set(times) == {"core", "planning"}
    for figures in times.values():
        assert figures["build_ms"] > 0 and figures["sql_text_ms"] > 0
    assert times["planning"]["sql_chars"] > times["core"]["sql_chars"] > 10_000


def test_the_check_is_timed_too() -> None:
    times = compile_times("sqlite+aiosqlite:///./never-opened.db", rounds=1)
    assert all(figures["check_ms"] > 0 for figures in times.values())


def test_first_executions_on_postgresql_and_refused_on_sqlite(database_url: str) -> None:
    """PostgreSQL's prepare and first execution of each new statement (a migrated database:
    the pictures of an account that does not exist run all the same); SQLite has neither."""
    if database_url.startswith("sqlite"):
        with pytest.raises(SystemExit) as refused:
            main(["--database-url", database_url, "--rounds", "1", "--executions"])
        assert refused.value.code == 2
        return
    figures = asyncio.run(first_executions(database_url))
    assert set(figures) == {"core", "planning"}
    for picture in figures.values():
        assert picture["prepare_ms"] > 0
        # the first execution plans the statement as well as running it
        assert picture["first_execution_ms"] > 0 and picture["planned_execution_ms"] > 0

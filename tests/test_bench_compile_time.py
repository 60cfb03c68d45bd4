"""bench/compile_time.py: the first compile of the bench's pictures, on both databases."""

from __future__ import annotations

import pytest

from bench.compile_time import compile_times


@pytest.mark.parametrize(
    "url", ["sqlite+aiosqlite:///./never-opened.db", "postgresql+asyncpg://nobody@127.0.0.1:1/x"]
)
def test_both_pictures_compile_and_the_planning_one_is_the_larger(url: str) -> None:
    times = compile_times(url, rounds=1)  # the dialect only: no database is opened
    assert set(times) == {"core", "planning"}
    for figures in times.values():
        assert figures["build_ms"] > 0 and figures["sql_text_ms"] > 0
    assert times["planning"]["sql_chars"] > times["core"]["sql_chars"] > 10_000

"""bench/pg_instructions.py: the single-user script it feeds PostgreSQL and the per-execution
figure it derives (the run itself needs valgrind and a private cluster: a bench, not a test)."""

from __future__ import annotations

import pytest

from bench.pg_instructions import FEW, MANY, per_execution, script


def test_the_script_prepares_once_and_executes_with_each_accounts_parameters_in_turn() -> None:
    text = script("SELECT $1::INTEGER, $2::VARCHAR", [(1, "it's"), (2, None)], 3)
    assert text == (
        "PREPARE picture AS SELECT $1::INTEGER, $2::VARCHAR;\n\n"
        "EXECUTE picture(1, 'it''s');\n\n"
        "EXECUTE picture(2, NULL);\n\n"
        "EXECUTE picture(1, 'it''s');\n\n"
    )


def test_a_statement_holding_the_terminator_is_refused() -> None:
    with pytest.raises(ValueError, match="terminator"):
        script("SELECT 1;\n\nSELECT 2", [()], 1)


def test_one_execution_is_the_difference_of_the_two_runs_over_their_executions() -> None:
    start, each = 300_000_000, 70_000_000
    assert per_execution(start + FEW * each, start + MANY * each) == each

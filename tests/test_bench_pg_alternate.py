"""bench/pg_alternate.py: the two pictures' statements on PostgreSQL alone, in turns."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bench import pg_alternate
from bench.generate import generate
from models.db import is_sqlite


def test_both_statements_run_and_the_ratio_is_their_rates(
    database_url: str, tmp_path: Path
) -> None:
    if is_sqlite(database_url):
        pytest.skip("bench.pg_alternate measures PostgreSQL's share: PostgreSQL only")
    generated = asyncio.run(generate(database_url, accounts=3, seed=1, progress=lambda _: None))
    out = tmp_path / "pg_alternate.json"

    code = pg_alternate.main(["--database-url", database_url, "--token", generated.token,
                              "--pairs", "2", "--slice", "1", "--warmup", "0.2",
                              "--concurrency", "2", "--json", str(out)])  # fmt: skip
    report = json.loads(out.read_text())

    assert code == 0
    core, planning = report["core"], report["planning"]
    assert core["executions"] > 0 and planning["executions"] > 0
    assert report["ratio"] == round(planning["executions_per_s"] / core["executions_per_s"], 3)
    # The backends run here: their CPU is counted (in clock ticks: 2 s of slices each)
    for picture in (core, planning):
        assert picture["cpu_measured"] and picture["postgres_cpu_ms"] > 0


def test_sqlite_is_refused_with_the_reason() -> None:
    with pytest.raises(SystemExit):
        pg_alternate.main(["--database-url", "sqlite+aiosqlite:///x.db", "--token", "t"])

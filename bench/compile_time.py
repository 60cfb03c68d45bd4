"""How long a new document's first compile takes: the fast path building the statement
(SQLAlchemy expressions) and rendering its SQL text, for the bench's two pictures.

    .venv/bin/python -m bench.compile_time [--database-url URL] [--rounds 10]

A fresh server's first requests of a document wait for this compile in each worker
(bench.run reports their p99). In-process CPU time (time.process_time) with the garbage
collector off, as the server compiles (schema/fast.py); the third best of `rounds` compiles,
so that other load on the machine hardly moves it. The database is only read for its
dialect: the default SQLite file need not exist.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import gc
import time
from typing import Any

from bench.clients import PICTURES
from bench.planning_fields import ADMIN
from models.db import make_engine
from resolvers.fastpath.compile import built_statement, coerced_variables, operation_of
from resolvers.ids import to_global_id
from schema import build_schema
from schema.checks import checked_document
from schema.fast import collector_paused
from schema.registry import build_registry
from settings import Settings

DEFAULT_URL = "sqlite+aiosqlite:///./plangraph.db"


def compile_times(database_url: str, rounds: int) -> dict[str, dict[str, Any]]:
    """Per picture: build and SQL-text milliseconds (third best of `rounds`) and its length."""
    settings = Settings(database_url=database_url)
    schema = build_schema(settings)
    registry = build_registry(schema._schema)
    dialect = make_engine(database_url).dialect
    variables = {"id": to_global_id("Account", 1)}
    out = {}
    for name, query in PICTURES.items():
        document = asyncio.run(checked_document(schema, query, variables, None))
        assert document is not None, f"the {name} picture is refused"
        operation = operation_of(document, None)
        values = coerced_variables(schema._schema, operation, variables)
        builds, texts, length = [], [], 0
        for _ in range(rounds):
            gc.collect()
            with collector_paused():  # as the server compiles
                started = time.process_time()
                statement, _ = built_statement(schema._schema, registry, document, operation,
                                               values, ADMIN, dialect.name)  # fmt: skip
                built = time.process_time()
                length = len(statement.compile(dialect=dialect).string)
                done = time.process_time()
            builds.append(1000 * (built - started))
            texts.append(1000 * (done - built))
        pick = min(2, rounds - 1)
        out[name] = {"build_ms": round(sorted(builds)[pick], 1),
                     "sql_text_ms": round(sorted(texts)[pick], 1), "sql_chars": length}  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.compile_time", description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args(argv)
    for name, figures in compile_times(args.database_url, max(args.rounds, 1)).items():
        print(f"{name:9} build {figures['build_ms']} ms, SQL text {figures['sql_text_ms']} ms, "
              f"{figures['sql_chars']:,} characters")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

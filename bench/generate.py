"""Fill an empty, migrated database with the deterministic benchmark data set.

    .venv/bin/python -m bench.generate --database-url URL --accounts N [--seed S]
    .venv/bin/python bench/generate.py --database-url URL --accounts N [--seed S]

The CLI migrates first; `generate()` expects a migrated database and refuses one that
already holds data (explicit ids would collide). The last stdout line is JSON:
{"token": <admin token>, "manager_token": ..., "accounts": N, "rows": total, ...}.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.load import Writer, writer_for
from bench.shape import (
    ACCOUNT_TABLES,
    ADMIN_EMAIL,
    COLUMNS,
    MANAGER_EMAIL,
    SETUP_TABLES,
    TABLES,
    Codec,
    Rows,
    account_rows,
    empty_rows,
    setup_rows,
)
from models.db import is_sqlite, make_engine
from models.user import hash_token, new_token

BATCH_ACCOUNTS = 100


class NotEmptyError(RuntimeError):
    """The target database already holds data: bench rows would collide with it."""


@dataclass(frozen=True)
class Generated:
    token: str  # for ADMIN_EMAIL (sees every account)
    manager_token: str  # for MANAGER_EMAIL (owns every MANAGERS-th account)
    accounts: int
    rows: int
    seconds: float
    user: str = ADMIN_EMAIL
    manager: str = MANAGER_EMAIL


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


async def generate(
    url: str,
    accounts: int,
    seed: int = 1,
    batch: int = BATCH_ACCOUNTS,
    progress: Callable[[str], None] = _stderr,
) -> Generated:
    """Load the data set into the migrated, empty database at `url`; all or nothing."""
    if accounts < 1:
        raise ValueError("accounts must be at least 1")
    started = time.perf_counter()
    tokens = (new_token(), new_token())
    engine = make_engine(url)
    try:
        await _refuse_unless_empty(engine)
        async with engine.connect() as connection:
            writer = await writer_for(connection)
            await writer.start()

            def report(done: int, rows: int) -> None:
                progress(_progress(done, accounts, rows, started))

            try:
                rows = await _load(
                    writer, Codec(is_sqlite(url)), tokens, accounts, seed, batch, report
                )
                await writer.finish()
            except BaseException:
                await writer.abort()
                raise
        await _settle(engine)
    finally:
        await engine.dispose()
    return Generated(tokens[0], tokens[1], accounts, rows, time.perf_counter() - started)


async def _settle(engine: AsyncEngine) -> None:
    """PostgreSQL: the loaded tables vacuumed and analyzed, as autovacuum leaves a database
    in production. Where autovacuum is off (seen on a bench machine), the data would otherwise
    stay as loaded: without the planner's statistics, and with no page marked all-visible,
    so that every index-only scan of a picture read the table's rows too. SQLite keeps its
    plans without statistics, as a new user's file has none."""
    if is_sqlite(str(engine.url)):
        return
    async with engine.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text(f"VACUUM (ANALYZE) {', '.join(TABLES)}"))


async def _refuse_unless_empty(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        filled = [
            table
            for table in TABLES
            if (await connection.execute(text(f"SELECT EXISTS (SELECT 1 FROM {table})"))).scalar()
        ]
    if filled:
        raise NotEmptyError(
            f"refusing to generate: the database already has rows in {', '.join(filled)}; "
            "bench data go into an empty, migrated database"
        )


async def _load(
    writer: Writer,
    codec: Codec,
    tokens: tuple[str, str],
    accounts: int,
    seed: int,
    batch: int,
    report: Callable[[int, int], None],
) -> int:
    out = empty_rows()
    setup_rows(out, codec, (hash_token(tokens[0]), hash_token(tokens[1])))
    total = await _flush(writer, out, SETUP_TABLES)  # global objectives wait for the first batch
    for first in range(0, accounts, batch):
        for index in range(first, min(first + batch, accounts)):
            account_rows(out, codec, index, seed)
        total += await _flush(writer, out, ACCOUNT_TABLES)
        report(min(first + batch, accounts), total)
    return total


async def _flush(writer: Writer, out: Rows, tables: tuple[str, ...]) -> int:
    written = 0
    for table in tables:
        rows = out[table]
        await writer.write(table, COLUMNS[table], rows)
        written += len(rows)
        rows.clear()
    return written


def _progress(done: int, accounts: int, rows: int, started: float) -> str:
    seconds = time.perf_counter() - started
    return f"bench: {done}/{accounts} accounts, {rows:,} rows, {seconds:.1f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.generate", description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--accounts", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=BATCH_ACCOUNTS, help="accounts per batch")
    args = parser.parse_args(argv)
    if args.accounts < 1 or args.batch < 1:
        parser.error("--accounts and --batch must be at least 1")
    from server import migrate

    started = time.perf_counter()
    migrate(args.database_url)
    _stderr(f"bench: migrated in {time.perf_counter() - started:.1f} s")
    try:
        result = asyncio.run(generate(args.database_url, args.accounts, args.seed, args.batch))
    except NotEmptyError as error:
        _stderr(f"bench: {error}")
        return 2
    _stderr(
        f"bench: loaded {result.rows:,} rows in {result.seconds:.1f} s "
        f"({time.perf_counter() - started:.1f} s with migration)"
    )
    line = {"token": result.token, "accounts": result.accounts, "rows": result.rows}
    print(json.dumps(line | asdict(result) | {"seconds": round(result.seconds, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Bulk writers: COPY on PostgreSQL, executemany in one transaction on SQLite.

Both work on the driver connection under a SQLAlchemy engine (models.db.make_engine), so
the URL, the pragmas and the pool are the server's own; no ORM object is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncConnection

from bench.shape import SERIAL_TABLES
from models import account_totals as kept
from models import objective_totals as totals


class Writer(Protocol):
    async def start(self) -> None: ...
    async def write(
        self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None: ...
    async def finish(self) -> None: ...
    async def abort(self) -> None: ...


async def writer_for(connection: AsyncConnection) -> Writer:
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection
    if connection.dialect.name == "postgresql":
        return PostgresWriter(driver)
    return SqliteWriter(driver)


FOREIGN_KEYS = """
    SELECT conrelid::regclass::text AS tab, conname AS name,
           pg_get_constraintdef(oid) AS definition
    FROM pg_constraint
    WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
    ORDER BY conrelid::regclass::text, conname
"""


class PostgresWriter:
    """COPY ... FROM STDIN per table and batch, in one transaction; then sequences and stats."""

    def __init__(self, apg: Any) -> None:
        self.apg = apg
        self.transaction: Any = None
        self.foreign_keys: list[Any] = []

    async def start(self) -> None:
        self.transaction = self.apg.transaction()
        await self.transaction.start()
        await self.apg.execute("SET LOCAL synchronous_commit = off")
        # Row-by-row foreign-key triggers cost ~70% of the load: drop the keys here and add
        # them back in finish(), which checks every row at once, in this same transaction.
        self.foreign_keys = await self.apg.fetch(FOREIGN_KEYS)
        for key in self.foreign_keys:
            await self.apg.execute(f'ALTER TABLE {key["tab"]} DROP CONSTRAINT "{key["name"]}"')
        # The objectives' totals (models/objective_totals.py) and the global objectives'
        # per account (models/account_totals.py): one set-based refresh in finish() instead
        # of a trigger's per row.
        for table, trigger in self.item_triggers():
            await self.apg.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")

    async def write(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if rows:
            await self.apg.copy_records_to_table(table, records=rows, columns=list(columns))

    @staticmethod
    def item_triggers() -> list[tuple[str, str]]:
        mine = [(t, totals.trigger_name(t)) for t in totals.WATCHED]
        return mine + [(t, kept.trigger_name(t)) for t in (*kept.WATCHED, *kept.LINKS)]

    async def finish(self) -> None:
        for table, trigger in self.item_triggers():
            await self.apg.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
        await self.apg.execute(totals.refresh("postgresql"))
        for statement in [kept.SET_FLAGS, *kept.rebuild("postgresql")]:
            await self.apg.execute(statement)
        for key in self.foreign_keys:
            await self.apg.execute(
                f'ALTER TABLE {key["tab"]} ADD CONSTRAINT "{key["name"]}" {key["definition"]}'
            )
        for table in SERIAL_TABLES:
            # The next ORM insert must get max(id) + 1, as if the rows had been inserted one by one.
            await self.apg.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table}"
            )
        await self.transaction.commit()
        # Fresh statistics, so the first benchmark queries are planned on the real sizes.
        await self.apg.execute("ANALYZE")

    async def abort(self) -> None:
        if self.transaction is not None:
            await self.transaction.rollback()


class SqliteWriter:
    """executemany of plain INSERTs, all in one transaction, with fsync off for the load."""

    def __init__(self, aiosqlite_connection: Any) -> None:
        self.db = aiosqlite_connection

    async def start(self) -> None:
        await self.db.execute("PRAGMA synchronous=OFF")
        await self.db.execute("PRAGMA cache_size=-262144")  # 256 MiB of pages for index builds
        await self.db.execute("BEGIN IMMEDIATE")

    async def write(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        await self.db.executemany(sql, rows)

    async def finish(self) -> None:
        await self.db.execute("COMMIT")
        await self.db.execute("PRAGMA synchronous=NORMAL")

    async def abort(self) -> None:
        await self.db.execute("ROLLBACK")

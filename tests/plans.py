"""EXPLAIN ANALYZE of the fast path's statements, to show what a query reads (PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import insert, text

from models import Account, BusinessPlan, Period, Role, User
from models.db import make_engine
from resolvers.visibility import Viewer
from schema import build_schema
from schema.fast import FastPath
from settings import Settings


async def _fill(engine: Any, rows: int) -> None:
    now = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    async with engine.begin() as connection:
        user = (
            await connection.execute(
                insert(User).returning(User.id),
                [{"email": "plans@example.com", "name": "P", "role": Role.ADMIN}],
            )
        ).scalar_one()
        period = (
            await connection.execute(
                insert(Period).returning(Period.id),
                [
                    {
                        "name": "FY",
                        "type": "YEAR",
                        "start_on": dt.date(2027, 1, 1),
                        "end_on": dt.date(2027, 12, 31),
                    }
                ],
            )
        ).scalar_one()
        await connection.execute(
            insert(Account), [{"name": f"Account {i:05}"} for i in range(rows)]
        )
        await connection.execute(
            insert(BusinessPlan),
            [
                {
                    "name": f"Plan {i:05}",
                    "type": "ACCOUNT",
                    "period_id": period,
                    "owner_id": user,
                    "currency": "EUR",
                    "updated_at": now + dt.timedelta(minutes=i),
                }
                for i in range(rows)
            ],
        )
        await connection.execute(text("ANALYZE"))


def _scans(plan: dict[str, Any], out: dict[str, list[tuple[str, int]]]) -> None:
    table = plan.get("Relation Name")
    if table in out:
        out[table].append((plan["Node Type"], plan["Actual Rows"]))
    for child in plan.get("Plans", []):
        _scans(child, out)


async def ordered_page_plans(
    url: str, documents: list[tuple[str, str]], rows: int
) -> dict[str, list[tuple[str, int]]]:
    """For each (table, document): the scans of that table (node type, rows per loop)."""
    engine = make_engine(url)
    viewer = Viewer(1, Role.ADMIN, "P", "plans@example.com")
    fast = FastPath.for_engine(build_schema(), engine, Settings(database_url=url))
    assert fast is not None
    out: dict[str, list[tuple[str, int]]] = {table: [] for table, _ in documents}
    try:
        await _fill(engine, rows)
        async with engine.connect() as connection:
            for table, document in documents:
                assert await fast.check(document, {}, None)
                found = fast.compiled(document, {}, None, viewer)
                assert found is not None
                compiled, values = found
                params = compiled.positional(compiled.values(values, viewer))
                result = await connection.exec_driver_sql(
                    "EXPLAIN (ANALYZE, FORMAT JSON) " + compiled.sql, params
                )
                plan = result.scalar_one()
                plan = json.loads(plan) if isinstance(plan, str) else plan
                _scans(plan[0]["Plan"], {table: out[table]})
    finally:
        await engine.dispose()
    return out

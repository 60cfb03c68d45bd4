"""The fast path's global ids on PostgreSQL are byte for byte resolvers/ids.py's, for every
type name and cursor type, over many primary keys (they are formatted in SQL without the
urlsafe translation, which cannot change these bytes: resolvers/fastpath/dialect.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import Integer, func, literal, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncEngine

from models.db import make_engine
from resolvers.fastpath.dialect import PostgresJSON
from resolvers.ids import to_global_id
from resolvers.read.specs import TYPE_MODELS

CURSORS = ["cursor", "cursor:NAME:ASC", "cursor:STAGE:DESC", "cursor:CLOSE_ON:ASC"]
PKS = [*range(0, 3000), 2**31 - 1, 999_999_999, 123_456_789]


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite formats ids with resolvers/ids.py itself")
    engine = make_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.mark.parametrize("type_name", sorted({*TYPE_MODELS, "User", *CURSORS}))
async def test_ids_formatted_in_sql_are_the_general_paths(
    engine: AsyncEngine, type_name: str
) -> None:
    pks = func.unnest(literal(PKS, ARRAY(Integer))).column_valued("pk")
    series = select(pks).subquery()
    query = select(series.c.pk, PostgresJSON().global_id(type_name, series.c.pk))
    async with engine.connect() as connection:
        rows = (await connection.execute(query)).all()

    assert {row[0]: row[1] for row in rows} == {p: to_global_id(type_name, p) for p in PKS}

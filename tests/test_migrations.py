"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from models import Base, CurrencyRow
from models.db import make_engine


async def test_migrated_database_matches_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            diff = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
            currencies = (
                await connection.execute(select(func.count()).select_from(CurrencyRow))
            ).scalar_one()
    finally:
        await engine.dispose()

    assert diff == []
    assert currencies > 150

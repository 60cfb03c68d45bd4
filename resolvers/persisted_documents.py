"""The persisted documents' table: find a document by hash, register one (first writer wins)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from models.persisted import PersistedDocument


async def find(engine: AsyncEngine, sha256: str) -> str | None:
    async with engine.connect() as connection:
        found = await connection.execute(
            select(PersistedDocument.document).where(PersistedDocument.sha256 == sha256)
        )
        return found.scalar_one_or_none()


async def register(engine: AsyncEngine, sha256: str, document: str) -> None:
    """Stores the document; a concurrent registration of the same hash is not an error."""
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(PersistedDocument)
        .values(sha256=sha256, document=document)
        .on_conflict_do_nothing(index_elements=["sha256"])
    )
    async with engine.begin() as connection:
        await connection.execute(statement)

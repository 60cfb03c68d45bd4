"""What every resolver gets: who is calling, the loaders of this request, the sessions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from models.db import read_only
from resolvers.loaders import Loaders
from resolvers.visibility import Viewer


@dataclass
class Context:
    engine: AsyncEngine
    writer: async_sessionmaker[AsyncSession]
    viewer: Viewer
    loaders: Loaders
    request_id: str = ""


def new_context(
    engine: AsyncEngine,
    writer: async_sessionmaker[AsyncSession],
    viewer: Viewer,
    request_id: str = "",
) -> Context:
    return Context(engine, writer, viewer, Loaders(read_only(engine), viewer), request_id)

"""Live updates in one process: the broker, its LISTEN connection, the websocket endpoint."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.websockets import WebSocket

from models.db import is_sqlite
from resolvers.live.broker import Broker
from resolvers.live.listen import Listener
from schema.live_ws import LiveEndpoint
from settings import Settings


class Live:
    """Started and stopped by the app's lifespan (server.py)."""

    def __init__(self, engine: AsyncEngine, settings: Settings) -> None:
        self.broker = Broker(engine, dt.timedelta(hours=settings.live_retention_hours))
        self.listener: Listener | None = None
        if not is_sqlite(settings.database_url):  # SQLite: one process, its own commits poke
            url = settings.listen_database_url or settings.database_url
            self.listener = Listener(self.broker, url, settings.live_listen_check_seconds)
        self.endpoint: LiveEndpoint | None = None

    async def start(self) -> None:
        await self.broker.start()
        if self.listener is not None:
            self.listener.start()

    async def stop(self) -> None:
        if self.endpoint is not None:
            await self.endpoint.close_all()
        if self.listener is not None:
            await self.listener.stop()
        await self.broker.stop()

    async def handle(self, websocket: WebSocket) -> None:
        assert self.endpoint is not None
        await self.endpoint.handle(websocket)

"""API token administration for the command line: list a user's tokens, revoke one."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from models import ApiToken, User
from models.db import make_engine, make_sessionmaker
from ops import after_response
from ops.revocations import BOOKKEEPING

log = logging.getLogger("plangraph")


@dataclass(frozen=True)
class TokenInfo:
    id: int
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None

    def line(self) -> str:
        """One line: the id first; never the token or its hash."""
        revoked = f"  revoked {_when(self.revoked_at)}" if self.revoked_at else ""
        return (
            f"{self.id}  created {_when(self.created_at)}  "
            f"last used {_when(self.last_used_at) if self.last_used_at else 'never'}{revoked}"
        )


def _when(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


async def list_tokens(database_url: str, email: str) -> list[TokenInfo] | None:
    """The user's tokens by id, None when no user has this e-mail."""
    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            user_id = (
                await session.execute(select(User.id).where(User.email == email.strip().lower()))
            ).scalar_one_or_none()
            if user_id is None:
                return None
            rows = await session.execute(
                select(ApiToken.id, ApiToken.created_at, ApiToken.last_used_at,
                       ApiToken.revoked_at)
                .where(ApiToken.user_id == user_id).order_by(ApiToken.id)
            )  # fmt: skip
            return [TokenInfo(*row) for row in rows]
    finally:
        await engine.dispose()


async def revoke_token(database_url: str, token_id: int) -> str:
    """Revoke a token: 'revoked', 'already revoked' or 'not found'. Nothing else changes."""
    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine).begin() as session:
            revoked = await session.execute(
                update(ApiToken)
                .where(ApiToken.id == token_id, ApiToken.revoked_at.is_(None))
                .values(revoked_at=dt.datetime.now(dt.UTC))
                .returning(ApiToken.id)
            )
            if revoked.first() is not None:
                return "revoked"
            exists = await session.execute(select(ApiToken.id).where(ApiToken.id == token_id))
            return "already revoked" if exists.first() is not None else "not found"
    finally:
        await engine.dispose()


class LastUse:
    """Records when each token was last used: at most once per `every` seconds per token in
    this process, so signing in never costs a write per request."""

    KNOWN = 10_000

    def __init__(self, engine: AsyncEngine, clock: Callable[[], float], every: float = 60.0):
        self.engine = engine
        self.clock = clock
        self.every = every
        self._written: dict[str, float] = {}  # token hash -> when this process last wrote it

    async def note(self, digest: str) -> None:
        """In an HTTP request, written once its response is sent (ops/after_response.py):
        the first request of a token in each process (a minute) waited for the write's
        commit: with the token's read, 8 to 83 ms of a fresh server's first requests under
        load."""
        now = self.clock()
        if now - self._written.get(digest, -math.inf) < self.every:
            return
        if len(self._written) >= self.KNOWN:
            self._written.clear()
        self._written[digest] = now
        if not after_response.defer(functools.partial(self._write, digest)):
            await self._write(digest)

    async def _write(self, digest: str) -> None:
        try:
            async with self.engine.begin() as connection:
                await connection.execute(
                    update(ApiToken).where(ApiToken.token_hash == digest)
                    .values(last_used_at=dt.datetime.now(dt.UTC)),
                    execution_options=BOOKKEEPING,
                )  # fmt: skip
        except Exception as error:  # bookkeeping only: the request goes on
            log.warning("could not record a token's last use: %s", type(error).__name__)

"""Who is calling: an API token (random, stored hashed) in `Authorization: Bearer <token>`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from models import ApiToken, User
from models.user import TOKEN_PREFIX, hash_token
from resolvers.visibility import Viewer
from settings import Settings


class AuthError(Exception):
    """No valid credentials: the request gets 401 UNAUTHENTICATED and no data."""

    def __init__(self, message: str, challenge: str = "Bearer") -> None:
        super().__init__(message)
        self.message = message
        self.challenge = challenge


class Authenticator:
    def __init__(self, engine: AsyncEngine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings

    async def viewer(self, authorization: str) -> Viewer:
        scheme, _, credential = authorization.partition(" ")
        credential = credential.strip()
        if scheme.lower() != "bearer" or not credential:
            raise AuthError("Sign in: send 'Authorization: Bearer <token>'.")
        if credential.startswith(TOKEN_PREFIX):
            return await self._api_token(credential)
        raise AuthError("The token is not valid.", 'Bearer error="invalid_token"')

    async def _api_token(self, token: str) -> Viewer:
        query = (
            select(User.id, User.role, User.name, User.email)
            .join(ApiToken, ApiToken.user_id == User.id)
            .where(ApiToken.token_hash == hash_token(token), ApiToken.revoked_at.is_(None))
        )
        async with self.engine.connect() as connection:
            row = (await connection.execute(query)).first()
        if row is None:
            raise AuthError("The token is not valid.", 'Bearer error="invalid_token"')
        return Viewer(row.id, row.role, row.name, row.email)

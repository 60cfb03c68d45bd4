"""Who is calling, from `Authorization: Bearer <token>`: an API token or an OIDC access token.

API tokens (random, stored hashed) start with TOKEN_PREFIX. Front ends send instead the JWT
access token of the company's identity provider: it is checked against the provider's public
keys (settings.oidc_jwks), issuer, audience and expiry, and its `email` claim names the user.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from models import ApiToken, User
from models.user import TOKEN_PREFIX, Role, hash_token
from ops.revocations import RevocationWatch
from ops.tokens import LastUse
from resolvers.visibility import Viewer
from settings import Settings

log = logging.getLogger("plangraph")

INVALID_TOKEN = 'Bearer error="invalid_token"'
# Asymmetric algorithms only: with "none" or HS* anyone who has the public key could sign.
ALGORITHMS_BY_KTY = {"RSA": ("RS256", "PS256"), "EC": ("ES256",)}
ALLOWED_ALGORITHMS = frozenset(a for algs in ALGORITHMS_BY_KTY.values() for a in algs)
MAX_JWKS_BYTES = 1_000_000


class AuthError(Exception):
    """No valid credentials: the request gets 401 UNAUTHENTICATED and no data."""

    def __init__(self, message: str, challenge: str = "Bearer") -> None:
        super().__init__(message)
        self.message = message
        self.challenge = challenge


def _invalid(message: str = "The token is not valid.") -> AuthError:
    """A refused token. The message never repeats the token or says which check failed."""
    return AuthError(message, INVALID_TOKEN)


KNOWN_TOKENS = 10_000
PRELOADED_TOKENS = 100  # the tokens used last, whose users each worker reads at start-up


def _token_query(digest: str) -> Select[int, Role, str, str]:
    """The user of an API token that is not revoked."""
    return (
        select(User.id, User.role, User.name, User.email)
        .join(ApiToken, ApiToken.user_id == User.id)
        .where(ApiToken.token_hash == digest, ApiToken.revoked_at.is_(None))
    )


class Authenticator:
    def __init__(
        self,
        engine: AsyncEngine,
        settings: Settings,
        clock: Callable[[], float] = time.monotonic,
        bookkeeping: AsyncEngine | None = None,  # for the last-use writes
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.clock = clock
        self.keys: SigningKeys | None = None
        self.revocations = RevocationWatch(engine, settings.revocation_check_seconds, clock)
        self.last_use = LastUse(bookkeeping or engine, clock)
        # hash of an API token -> (viewer, when to ask the database again)
        self._known: dict[str, tuple[Viewer, float]] = {}
        self._lookups: dict[str, asyncio.Future[Viewer | None]] = {}  # reads under way
        if settings.oidc_jwks:
            if settings.oidc_issuer and settings.oidc_audience:
                self.keys = SigningKeys(settings.oidc_jwks)
            else:  # without both checks any token the provider signs would do: stay off
                log.warning("OIDC sign-in is off: set the OIDC issuer and audience too.")

    async def viewer(self, authorization: str) -> Viewer:
        scheme, _, credential = authorization.partition(" ")
        credential = credential.strip()
        if scheme.lower() != "bearer" or not credential:
            raise AuthError("Sign in: send 'Authorization: Bearer <token>'.")
        if credential.startswith(TOKEN_PREFIX):
            return await self._api_token(credential)
        if self.keys is not None and credential.count(".") == 2:
            return await self._access_token(credential, self.keys)
        raise _invalid()

    async def _api_token(self, token: str) -> Viewer:
        """The token's user; a valid token is remembered for `token_cache_seconds`, so a
        revoked token may still work for that long (a round trip less per request)."""
        digest = hash_token(token)
        if await self.revocations.changed():
            self._known.clear()  # a token was revoked somewhere: look every token up again
        known = self._known.get(digest)
        if known is not None and known[1] > self.clock():
            await self.last_use.note(digest)
            return known[0]
        viewer = await self._shared_lookup(digest)
        if viewer is None:
            self._known.pop(digest, None)
            raise _invalid()
        if self.settings.token_cache_seconds > 0:
            if len(self._known) >= KNOWN_TOKENS:
                self._known.clear()
            self._known[digest] = (viewer, self.clock() + self.settings.token_cache_seconds)
        await self.last_use.note(digest)
        return viewer

    async def _shared_lookup(self, digest: str) -> Viewer | None:
        """One database read per token however many of its requests arrive before it is
        known (a client's first burst, or a burst when its cache entry runs out): they all
        wait for the same read. The read is a task of its own, so a request that is
        cancelled while it waits cancels nothing for the others."""
        lookup = self._lookups.get(digest)
        if lookup is None:
            lookup = asyncio.ensure_future(self._look_up(digest))
            self._lookups[digest] = lookup
            lookup.add_done_callback(lambda done: self._lookup_done(digest, done))
        return await asyncio.shield(lookup)

    def _lookup_done(self, digest: str, lookup: asyncio.Future[Viewer | None]) -> None:
        if self._lookups.get(digest) is lookup:
            del self._lookups[digest]
        if not lookup.cancelled():
            lookup.exception()  # retrieved: every waiter may have gone

    async def _look_up(self, digest: str) -> Viewer | None:
        async with self.engine.connect() as connection:
            row = (await connection.execute(_token_query(digest))).first()
        return None if row is None else Viewer(row.id, row.role, row.name, row.email)

    async def preload(self, count: int = PRELOADED_TOKENS) -> int:
        """The users of the `count` tokens used last and not revoked, remembered as if each
        had just been looked up (for `token_cache_seconds`, as a look-up is). At start-up,
        once the revocation marker is read (server.py): a worker's first requests then do
        not wait for a look-up of their token, on which a fresh server's first burst waited
        before anything else (5 to 14 ms). Returns how many."""
        if self.settings.token_cache_seconds <= 0 or count <= 0:
            return 0
        query = (
            select(ApiToken.token_hash, User.id, User.role, User.name, User.email)
            .join(User, ApiToken.user_id == User.id)
            .where(ApiToken.revoked_at.is_(None), ApiToken.last_used_at.is_not(None))
            .order_by(ApiToken.last_used_at.desc())
            .limit(count)
        )
        async with self.engine.connect() as connection:
            rows = (await connection.execute(query)).all()
        until = self.clock() + self.settings.token_cache_seconds
        for row in rows:
            viewer = Viewer(row.id, row.role, row.name, row.email)
            self._known.setdefault(row.token_hash, (viewer, until))
        return len(rows)

    async def warm_up(self, connection: AsyncConnection) -> None:
        """Look up a token that matches none on `connection` (models/db.py warm_pool, at
        start-up): the statement is then compiled, and the database's server process has read
        the tables' catalog, before the first request signs in."""
        await connection.execute(_token_query(hash_token(TOKEN_PREFIX + "warm-up")))

    async def _access_token(self, token: str, keys: SigningKeys) -> Viewer:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise _invalid() from None
        alg, kid = header.get("alg"), header.get("kid")
        if not isinstance(alg, str) or alg not in ALLOWED_ALGORITHMS:
            raise _invalid()  # "none", HS* and the rest never reach a key
        key = await keys.find(kid, alg)
        claims = self._verify(token, key, alg)
        email = claims.get("email")
        if not isinstance(email, str) or not email or claims.get("email_verified") is False:
            raise _invalid("The token names no verified e-mail.")
        return await self._user_by_email(email)

    def _verify(self, token: str, key: Any, alg: str) -> dict[str, Any]:
        """Signature, issuer, audience, expiry and nbf/iat, with the configured clock skew."""
        settings = self.settings
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[alg],
                issuer=settings.oidc_issuer,
                audience=settings.oidc_audience,
                leeway=settings.oidc_leeway_seconds,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError:
            raise _invalid("The token is expired.") from None
        except jwt.ImmatureSignatureError:
            raise _invalid("The token is not valid yet.") from None
        except (jwt.PyJWTError, ValueError, TypeError):  # odd claim types included
            raise _invalid() from None
        return claims

    async def _user_by_email(self, email: str) -> Viewer:
        """The one user with this e-mail, case-insensitively; two that differ only in case
        are refused rather than guessed between."""
        query = (
            select(User.id, User.role, User.name, User.email)
            .where(func.lower(User.email) == email.lower())
            .limit(2)
        )
        async with self.engine.connect() as connection:
            rows = (await connection.execute(query)).all()
        if len(rows) != 1:
            raise _invalid("The token's e-mail belongs to no user.")
        row = rows[0]
        return Viewer(row.id, row.role, row.name, row.email)


@dataclass(frozen=True)
class SigningKey:
    kid: str | None
    algorithms: tuple[str, ...]
    key: Any  # a cryptography public key


class SigningKeys:
    """The identity provider's public keys, from a JWKS file or an http(s) URL.

    Kept for REFRESH_SECONDS so that requests do not wait on the provider. A token naming a
    key not seen yet (a key rotation) loads them again, but at most every RETRY_SECONDS, so
    tokens with made-up key ids cannot make us flood the provider. A failed load keeps the
    keys we had.
    """

    REFRESH_SECONDS = 300.0
    RETRY_SECONDS = 30.0

    def __init__(self, source: str) -> None:
        self.source = source
        self.keys: list[SigningKey] = []
        self.loaded_at = -math.inf
        self.lock = asyncio.Lock()

    async def find(self, kid: str | None, alg: str) -> Any:
        key = self._match(kid, alg)
        age = time.monotonic() - self.loaded_at
        if age >= self.REFRESH_SECONDS or (key is None and age >= self.RETRY_SECONDS):
            await self._load(self.loaded_at)
            key = self._match(kid, alg)
        if key is None:
            raise _invalid()
        return key.key

    def _match(self, kid: str | None, alg: str) -> SigningKey | None:
        """The key with this id that may verify `alg`; without an id, the only such key."""
        fits = [k for k in self.keys if alg in k.algorithms and (kid is None or k.kid == kid)]
        return fits[0] if len(fits) == 1 else None

    async def _load(self, seen: float) -> None:
        async with self.lock:
            if self.loaded_at != seen:
                return  # another request loaded them while this one waited
            try:
                self.keys = _parse_jwks(await asyncio.to_thread(_read_jwks, self.source))
            except Exception as error:  # any failure to load keeps the old keys
                log.warning("OIDC: could not load the signing keys: %s", error)
            self.loaded_at = time.monotonic()


def _read_jwks(source: str) -> bytes:
    """The JWKS document (blocking, so it runs in a thread).

    Plain http is allowed only on the loopback interface: elsewhere anyone on the way could
    swap the keys and sign in as anybody.
    """
    if source.startswith("http://") and not _loopback(source):
        raise ValueError("a JWKS URL must be https:// (http:// only on localhost)")
    if source.startswith(("https://", "http://")):
        with urllib.request.urlopen(source, timeout=10) as response:
            document: bytes = response.read(MAX_JWKS_BYTES + 1)
    else:
        document = Path(source).read_bytes()
    if len(document) > MAX_JWKS_BYTES:
        raise ValueError("the JWKS is too large")
    return document


def _loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    return host == "localhost" or host == "::1" or host.startswith("127.")


def _parse_jwks(document: bytes) -> list[SigningKey]:
    """The signature keys of a JWKS that an allowed algorithm can use; other keys are skipped."""
    jwks = json.loads(document)
    entries = jwks.get("keys") if isinstance(jwks, dict) else None
    keys = [k for k in map(_signing_key, entries if isinstance(entries, list) else []) if k]
    if not keys:
        raise ValueError("the JWKS has no usable signing key")
    return keys


def _signing_key(jwk: object) -> SigningKey | None:
    if not isinstance(jwk, dict) or jwk.get("use", "sig") != "sig":
        return None
    kty, kid = jwk.get("kty"), jwk.get("kid")
    algorithms = ALGORITHMS_BY_KTY.get(kty, ()) if isinstance(kty, str) else ()
    if "alg" in jwk:
        algorithms = tuple(a for a in algorithms if a == jwk["alg"])
    if not algorithms or (kty == "EC" and jwk.get("crv") != "P-256"):
        return None
    if not isinstance(kid, (str, type(None))):
        return None
    try:
        key = jwt.PyJWK(jwk, algorithms[0]).key
    except (jwt.PyJWTError, ValueError, TypeError):
        return None
    return SigningKey(kid, algorithms, key)

"""Users, their roles, and the API tokens they call with."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import secrets

from sqlalchemy import Boolean, DateTime, Double, Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, IntPK, Name, Timestamp, UTCDateTime


class Role(enum.StrEnum):
    ACCOUNT_MANAGER = "account_manager"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class User(Base):
    __tablename__ = "users"

    id: Mapped[IntPK]
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[Name]
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="user_role", values_callable=lambda e: [m.value for m in e])
    )
    created_at: Mapped[Timestamp]


class ApiToken(Base):
    """Only the SHA-256 of a token is kept: a token is 256 random bits, no slow hash needed."""

    __tablename__ = "api_tokens"

    id: Mapped[IntPK]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[Timestamp]
    # Indexed: every server reads count and max of it about once a second (ops/revocations.py).
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None, index=True)
    # Written at most about once a minute per token and server process, never per request.
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=None)


class CostBucket(Base):
    """A client's budget of query cost (ops/fair_use.py), shared by every server on the
    database; only written by one atomic statement per request (refill, then spend)."""

    __tablename__ = "cost_buckets"

    client: Mapped[str] = mapped_column(String(80), primary_key=True)
    available: Mapped[float] = mapped_column(Double())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    allowed: Mapped[bool] = mapped_column(Boolean())  # whether the latest request was let through


TOKEN_PREFIX = "pg_"


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()

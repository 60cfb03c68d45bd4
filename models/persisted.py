"""Persisted GraphQL documents: registered once by their SHA-256, then sent by hash alone."""

from __future__ import annotations

import hashlib

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamp


class PersistedDocument(Base):
    """A document any worker or server can run by hash (the table is shared, not a cache)."""

    __tablename__ = "persisted_documents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # lowercase hex
    document: Mapped[str] = mapped_column(Text)
    created_at: Mapped[Timestamp]


def sha256_of(document: str) -> str:
    """The hash clients send: SHA-256 of the document's UTF-8 text, lowercase hex."""
    return hashlib.sha256(document.encode()).hexdigest()

"""Persisted GraphQL documents: registered once by their SHA-256, then sent by hash alone."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamp, UTCDateTime


class PersistedDocument(Base):
    """A document any worker or server can run by hash (the table is shared, not a cache)."""

    __tablename__ = "persisted_documents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # lowercase hex
    document: Mapped[str] = mapped_column(Text)
    created_at: Mapped[Timestamp]


def sha256_of(document: str) -> str:
    """The hash clients send: SHA-256 of the document's UTF-8 text, lowercase hex."""
    return hashlib.sha256(document.encode()).hexdigest()


class ServedDocument(Base):
    """A query document the fast path compiled for a client, with the variables of that first
    request: each server process compiles the newest of them at start-up (schema/fast.py
    warm_up), so that a restarted or added server answers its first requests of a document
    its clients use without compiling it then (a cache every server shares, like
    persisted_documents, but filled by the servers themselves)."""

    __tablename__ = "served_documents"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # served_document_key
    document: Mapped[str] = mapped_column(Text)
    operation_name: Mapped[str | None] = mapped_column(Text)
    variables: Mapped[str | None] = mapped_column(Text)  # JSON of the first request's
    served_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)


def served_document_key(document: str, operation_name: str | None) -> str:
    """SHA-256 (lowercase hex) of the document and the operation it runs."""
    return hashlib.sha256(f"{operation_name or ''}\0{document}".encode()).hexdigest()

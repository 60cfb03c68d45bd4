"""Accounts (customers), their contacts and their account teams."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, IntPK, Name, Timestamp


class Account(Base):
    __tablename__ = "accounts"
    # Ordered pages (orderBy NAME) read the page by index, not the table.
    __table_args__ = (Index("ix_accounts_name_id", "name", "id"),)

    id: Mapped[IntPK]
    name: Mapped[Name] = mapped_column(index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[Timestamp]


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[IntPK]
    first_name: Mapped[Name]
    last_name: Mapped[Name]
    email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[Timestamp]


class AccountContact(Base):
    """A contact can work with several accounts; an account has many contacts."""

    __tablename__ = "account_contacts"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), primary_key=True, index=True)


class AccountTeamMember(Base):
    """A user who works on an account besides its owner (sees it like the owner does)."""

    __tablename__ = "account_team_members"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(100))

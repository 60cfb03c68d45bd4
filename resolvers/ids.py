"""Opaque global ids: base64 of "<Type>:<primary key>"."""

from __future__ import annotations

import base64
import binascii

# The largest primary key of the node tables (INTEGER columns: 32 bits on PostgreSQL). An id or
# a cursor beyond it names nothing; sent to PostgreSQL as a parameter it would fail the
# statement (the driver refuses the value), so it is decoded as malformed instead.
MAX_PK = 2**31 - 1

NODE_TYPES = frozenset(
    {"User", "Period", "Account", "Contact", "BusinessPlan", "Objective", "Opportunity", "Activity"}
)


def to_global_id(type_name: str, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode()


def pk_of(global_id: object, type_name: str) -> int | None:
    """The primary key behind an id of `type_name`; None for any other or malformed id."""
    decoded = from_global_id(str(global_id))
    return decoded[1] if decoded is not None and decoded[0] == type_name else None


def from_global_id(global_id: str) -> tuple[str, int] | None:
    """The (type, primary key) of an id, or None if it is not an id this API handed out."""
    if len(global_id) > 200:
        return None
    try:
        text = base64.urlsafe_b64decode(global_id.encode()).decode()
        type_name, _, pk = text.partition(":")
        if type_name not in NODE_TYPES or not pk.isdigit() or len(pk) > 18 or int(pk) > MAX_PK:
            return None
        return type_name, int(pk)
    except (ValueError, binascii.Error, UnicodeError):
        return None

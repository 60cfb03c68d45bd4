"""Helpers for reading arguments."""

from __future__ import annotations

from resolvers.errors import ClientError
from resolvers.ids import pk_of


def decode_id_arg(value: str | None, type_name: str, argument: str) -> int | None:
    """The primary key behind a filter argument's id; a malformed id is the client's error."""
    if value is None:
        return None
    pk = pk_of(value, type_name)
    if pk is None:
        raise ClientError(f"Argument '{argument}' is not a valid {type_name} id.")
    return pk

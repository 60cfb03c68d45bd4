"""Helpers for reading arguments."""

from __future__ import annotations

from resolvers.errors import ClientError
from resolvers.ids import from_global_id


def decode_id_arg(value: str | None, type_name: str, argument: str) -> int | None:
    """The primary key behind a filter argument's id; a malformed id is the client's error."""
    if value is None:
        return None
    decoded = from_global_id(value)
    if decoded is None or decoded[0] != type_name:
        raise ClientError(f"Argument '{argument}' is not a valid {type_name} id.")
    return decoded[1]

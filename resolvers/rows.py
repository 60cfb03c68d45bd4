"""Column lists for reading entities as plain rows (no ORM objects on the read path)."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Label, inspect


@cache
def columns(model: type) -> tuple[Label[Any], ...]:
    """Every mapped column of `model`, labelled with its attribute name."""
    mapper: Any = inspect(model)
    return tuple(getattr(model, attr.key).label(attr.key) for attr in mapper.column_attrs)

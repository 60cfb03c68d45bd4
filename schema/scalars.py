"""Date, DateTime and Decimal as core.graphql defines them, strict on input."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import strawberry


def _parse_decimal(value: Any) -> decimal.Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError('Decimal must be a string such as "125000.00"')
    try:
        parsed = decimal.Decimal(str(value).strip())
    except decimal.InvalidOperation:
        raise ValueError(f"'{str(value)[:40]}' is not a decimal number") from None
    if not parsed.is_finite():
        raise ValueError("Decimal must be a finite number")
    return parsed


def _parse_date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise ValueError('Date must be a string such as "2027-03-31"')
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value[:40]}' is not an ISO 8601 date (YYYY-MM-DD)") from None


def _parse_datetime(value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError('DateTime must be a string such as "2027-03-31T09:30:00+00:00"')
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value[:40]}' is not an ISO 8601 date-time") from None
    if parsed.tzinfo is None:
        raise ValueError('DateTime needs a UTC offset, e.g. "2027-03-31T09:30:00+00:00"')
    return parsed


def _serialize_datetime(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat()


SCALARS: dict[object, Any] = {
    decimal.Decimal: strawberry.scalar(
        name="Decimal",
        description='An exact decimal number, serialized as a string: "125000.00".',
        serialize=str,
        parse_value=_parse_decimal,
    ),
    dt.date: strawberry.scalar(
        name="Date",
        description='An ISO 8601 calendar date: "2027-03-31".',
        serialize=dt.date.isoformat,
        parse_value=_parse_date,
    ),
    dt.datetime: strawberry.scalar(
        name="DateTime",
        description='An ISO 8601 date-time with a UTC offset: "2027-03-31T09:30:00+00:00".',
        serialize=_serialize_datetime,
        parse_value=_parse_datetime,
    ),
}

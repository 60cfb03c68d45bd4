"""SQL fragments that format values exactly as the strawberry path serializes them (PostgreSQL)."""

from __future__ import annotations

from models.money import ISO_4217


def quote(text: str) -> str:
    """A SQL string literal (only for names and enum labels we chose, never for user text)."""
    return "'" + text.replace("'", "''") + "'"


def global_id(type_name: str, column: str) -> str:
    """resolvers/ids.py: urlsafe base64 of "<Type>:<pk>"."""
    return (
        f"translate(encode(convert_to({quote(type_name + ':')} || {column}::text, 'UTF8'), "
        "'base64'), '+/', '-_')"
    )


def cursor(column: str) -> str:
    """resolvers/pagination.py: urlsafe base64 of "cursor:<id>"."""
    return global_id("cursor", column)


_MINOR = " ".join(
    f"WHEN {quote(code)} THEN {digits}" for code, digits in sorted(ISO_4217.items()) if digits != 2
)


def minor_units(currency: str) -> str:
    return f"(CASE {currency} {_MINOR} ELSE 2 END)"


def amount(micros: str, currency: str) -> str:
    """models.money.quantize: the amount with the currency's minor units (values are exact)."""
    return f"round({micros}::numeric / 1000000, {minor_units(currency)})::text"


def decimal(micros: str) -> str:
    """Decimal(micros) / 10**6 as Python prints it: no trailing fractional zeros."""
    return f"trim_scale({micros}::numeric / 1000000)::text"


def date(column: str) -> str:
    return f"to_char({column}, 'YYYY-MM-DD')"


def datetime(column: str) -> str:
    """datetime.isoformat() in UTC: microseconds only when there are any."""
    utc = f"({column} AT TIME ZONE 'UTC')"
    return (
        f"(to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN "
        f"extract(microseconds FROM {utc})::bigint % 1000000 <> 0 THEN to_char({utc}, '.US') "
        "ELSE '' END || '+00:00')"
    )


def json_object(pairs: list[tuple[str, str]]) -> str:
    if not pairs:
        return "json_build_object()"
    if len(pairs) > 50:  # json_build_object takes at most 100 arguments
        raise ValueError("too many keys")
    return "json_build_object(" + ", ".join(f"{quote(k)}, {v}" for k, v in pairs) + ")"


def one_of(column: str, labels: list[str]) -> str:
    """`column IN (...)` over enum labels; an empty list matches nothing, as in the general path."""
    if not labels:
        return "FALSE"
    return f"{column} IN ({', '.join(quote(v) for v in labels)})"

"""SQL fragments that format values exactly as the strawberry path serializes them.

One class per database: PostgreSQL builds JSON with json_build_object/json_agg and formats
values in SQL; SQLite builds it with json_object/json_group_array and formats ids, amounts and
times with the Python functions models/db.py registers on each SQLite connection (the same
code the general path runs, so the output cannot drift).
"""

from __future__ import annotations

from models.money import ISO_4217


def quote(text: str) -> str:
    """A SQL string literal (only for names and enum labels we chose, never for user text)."""
    return "'" + text.replace("'", "''") + "'"


def one_of(column: str, labels: list[str]) -> str:
    """`column IN (...)` over enum labels; an empty list matches nothing, as in the general path."""
    if not labels:
        return "(1 = 0)"
    return f"{column} IN ({', '.join(quote(v) for v in labels)})"


_MINOR = " ".join(
    f"WHEN {quote(code)} THEN {digits}" for code, digits in sorted(ISO_4217.items()) if digits != 2
)


class PostgresSQL:
    name = "postgresql"
    null_int = "NULL::integer"
    null_json = "NULL::json"

    def param(self, position: int) -> str:
        return f"${position}"

    def obj(self, pairs: list[tuple[str, str]]) -> str:
        if len(pairs) > 50:  # json_build_object takes at most 100 arguments
            raise ValueError("too many keys")
        return "json_build_object(" + ", ".join(f"{quote(k)}, {v}" for k, v in pairs) + ")"

    def agg(self, element: str, order: str) -> str:
        return f"coalesce(json_agg({element} ORDER BY {order}), '[]'::json)"

    def sub(self, select: str) -> str:
        """A scalar subquery whose value is JSON."""
        return f"({select})"

    def one_row(self) -> str:
        return " GROUP BY ()"

    def global_id(self, type_name: str, column: str) -> str:
        """resolvers/ids.py: urlsafe base64 of "<Type>:<pk>"."""
        return (
            f"translate(encode(convert_to({quote(type_name + ':')} || {column}::text, 'UTF8'), "
            "'base64'), '+/', '-_')"
        )

    def minor_units(self, currency: str) -> str:
        return f"(CASE {currency} {_MINOR} ELSE 2 END)"

    def amount(self, micros: str, currency: str) -> str:
        """models.money.quantize: the amount with the currency's minor units (values are exact)."""
        return f"round({micros}::numeric / 1000000, {self.minor_units(currency)})::text"

    def decimal(self, micros: str) -> str:
        """Decimal(micros) / 10**6 as Python prints it: no trailing fractional zeros."""
        return f"trim_scale({micros}::numeric / 1000000)::text"

    def date(self, column: str) -> str:
        return f"to_char({column}, 'YYYY-MM-DD')"

    def datetime(self, column: str) -> str:
        """datetime.isoformat() in UTC: microseconds only when there are any."""
        utc = f"({column} AT TIME ZONE 'UTC')"
        return (
            f"(to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN "
            f"extract(microseconds FROM {utc})::bigint % 1000000 <> 0 THEN to_char({utc}, '.US') "
            "ELSE '' END || '+00:00')"
        )

    def boolean(self, condition: str) -> str:
        return f"({condition})"

    def text(self, value: str) -> str:
        return f"{value}::text"

    def json_literal(self, text: str) -> str:
        return f"{quote(text)}::json"

    def object_agg(self, key: str, value: str) -> str:
        return f"json_object_agg({key}, {value})"

    def data(self, body: str) -> str:
        return f"SELECT json_build_object('data', {body})::text"

    def ilike(self, column: str, param: str) -> str:
        return f"{column} ILIKE {param} ESCAPE '\\'"


class SqliteSQL(PostgresSQL):
    name = "sqlite"
    null_int = "NULL"
    null_json = "NULL"

    def param(self, position: int) -> str:
        return f"?{position}"  # numbered: the same parameter may appear twice

    def obj(self, pairs: list[tuple[str, str]]) -> str:
        return "json_object(" + ", ".join(f"{quote(k)}, {v}" for k, v in pairs) + ")"

    def agg(self, element: str, order: str) -> str:
        # json_group_array keeps the order its rows arrive in: the page query orders them.
        return f"json_group_array({element})"

    def sub(self, select: str) -> str:
        # SQLite keeps the JSON subtype of a scalar subquery's value (3.38 and later): it is
        # embedded as JSON, not as a string. The differential test would show otherwise.
        return f"({select})"

    def one_row(self) -> str:
        return ""

    def global_id(self, type_name: str, column: str) -> str:
        return f"plangraph_global_id({quote(type_name)}, {column})"

    def amount(self, micros: str, currency: str) -> str:
        return f"plangraph_amount({micros}, {currency})"

    def decimal(self, micros: str) -> str:
        return f"plangraph_decimal({micros})"

    def date(self, column: str) -> str:
        return column

    def datetime(self, column: str) -> str:
        return f"plangraph_datetime({column})"

    def boolean(self, condition: str) -> str:
        return f"json(CASE WHEN {condition} THEN 'true' ELSE 'false' END)"

    def text(self, value: str) -> str:
        return f"CAST({value} AS TEXT)"

    def json_literal(self, text: str) -> str:
        return f"json({quote(text)})"

    def object_agg(self, key: str, value: str) -> str:
        return f"json_group_object({key}, {value})"

    def data(self, body: str) -> str:
        return f"SELECT json_object('data', {body})"

    def ilike(self, column: str, param: str) -> str:
        return f"lower({column}) LIKE lower({param}) ESCAPE '\\'"

"""Constants of the schema in SQL: enum labels, JSON keys, type names, `via` ranks.

They are rendered by the dialect's own literal renderer (quoted and escaped by SQLAlchemy),
so a compiled statement carries only the request's values as bound parameters and its text
depends on the query's shape alone. Never used for a value that came from a request.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Integer, Numeric, String, column
from sqlalchemy import table as sql_table
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import FromClause, TableClause
from sqlalchemy.sql.visitors import InternalTraversal


class Constant(ColumnElement[Any]):
    """A string or integer constant of the schema, rendered as a SQL literal."""

    inherit_cache = True
    _traverse_internals = [("value", InternalTraversal.dp_plain_obj)]

    def __init__(self, value: str | int | Decimal) -> None:
        self.value = value
        if isinstance(value, Decimal):
            self.type: Any = Numeric()
        else:
            self.type = Integer() if isinstance(value, int) else String()

    def _compiler_dispatch(self, visitor: Any, **kw: Any) -> str:
        """Its literal, rendered once per dialect and value: a picture's statement holds
        hundreds of constants (JSON keys, type names, enum labels), and the compiler's own
        route (the literal processor of the type, per constant) was a tenth of compiling it."""
        compiler: SQLCompiler = visitor
        dialect = compiler.dialect
        key = (dialect.name, getattr(dialect, "_backslash_escapes", False), self.value,
               type(self.type))  # fmt: skip
        text = _RENDERED.get(key)
        if text is None:
            text = _RENDERED[key] = compiler.render_literal_value(self.value, self.type)
        return text


# (dialect, its escaping, value, type) -> the literal: the schema's constants are few
_RENDERED: dict[tuple[str, bool, Any, type], str] = {}


def constants(values: list[str] | list[int]) -> list[ColumnElement[Any]]:
    return [Constant(v) for v in values]


@cache
def light(table: FromClause) -> TableClause:
    """A mapped table as a lightweight `sqlalchemy.table()` with the same name, columns and
    types, for the fast path's aliases. It renders the same SQL, but an alias of it proxies
    each column with a plain ColumnClause, where an alias of the mapped Table builds a full
    schema Column (with copies of its foreign keys) per column: measured, 95 of the 175 ms
    that compiling the bench picture took."""
    columns = [column(c.name, c.type) for c in table.columns]
    return sql_table(table.name, *columns)  # type: ignore[attr-defined]

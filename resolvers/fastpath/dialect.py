"""JSON building and value formats as SQL expressions, one class per database.

PostgreSQL builds JSON with json_build_object/json_agg and formats ids, amounts and times in
SQL; SQLite builds it with json_object/json_group_array and formats with the general path's
own Python functions, registered on each connection (sqlite_functions.py), so the output
cannot drift. Every method returns a SQLAlchemy expression. The formats used for every
value of a picture (ids, amounts, JSON objects and lists) are fixed templates
(resolvers/fastpath/template.py): one element each instead of a tree of functions, casts
and operators that SQLAlchemy builds and visits one by one (a fifth of a compile).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Float,
    Numeric,
    Select,
    Text,
    case,
    cast,
    func,
    null,
    type_coerce,
)
from sqlalchemy.types import JSON

from models.base import MONEY_SCALE
from models.money import ISO_4217
from resolvers.fastpath.template import Template
from resolvers.read.constants import Constant
from resolvers.read.sources import SPLIT

Expr = ColumnElement[Any]
_INTEGRAL = "^-?[0-9]+$"  # a float8 PostgreSQL prints without a fraction or an exponent
_URLSAFE_ALREADY = re.compile(r"[A-Za-z0-9_:]*")  # no byte of these encodes to "+" or "/"
MILLION = 1_000_000
_OTHER_MINOR_UNITS = json.dumps({code: d for code, d in sorted(ISO_4217.items()) if d != 2})


class PostgresJSON:
    name = "postgresql"
    max_keys = 50  # json_build_object takes at most 100 arguments
    object_function = "json_build_object"

    def obj(self, pairs: list[tuple[str, Expr]]) -> Expr:
        arguments: list[Expr] = []
        for key, value in pairs:
            arguments += [Constant(key), value]
        slots = ", ".join(f"{{{i}}}" for i in range(len(arguments)))
        return Template(f"{self.object_function}({slots})", *arguments, type_=JSON())

    def agg(
        self,
        element: Expr,
        order: Sequence[Expr],
        where: ColumnElement[bool] | None = None,
        distinct: bool = False,
    ) -> Expr:
        """The elements in `order`, or in the order their rows arrive when it is empty; only
        the rows `where` holds for; with `distinct`, each element once (`order` is then the
        element itself, as PostgreSQL requires)."""
        arguments = [element, *order] + ([] if where is None else [where])
        slots = [f"{{{i}}}" for i in range(len(arguments))]
        value = ("DISTINCT " if distinct else "") + slots[0]
        if order:
            value += " ORDER BY " + ", ".join(slots[1 : 1 + len(order)])
        aggregate = f"json_agg({value})"
        if where is not None:
            aggregate += f" FILTER (WHERE {slots[-1]})"
        return Template(f"coalesce({aggregate}, CAST('[]' AS JSON))", *arguments, type_=JSON())

    def first_of(self, array: Expr) -> Expr:
        """The first element of a JSON array (null if empty)."""
        return array.op("->")(Constant(0))

    def last_of(self, array: Expr) -> Expr:
        return array.op("->")(Constant(-1))

    def null_json(self) -> Expr:
        return cast(null(), JSON)

    def global_id(self, type_name: str, column: Expr) -> Expr:
        """resolvers/ids.py: urlsafe base64 of "<Type>:<pk>".

        The standard alphabet's "+" and "/" (6-bit groups 62 and 63) come only from a byte
        whose low six bits are all or all but the last set: ">", "?", "~" or DEL in ASCII.
        Type names and digits have none, so their base64 is already urlsafe and is not
        translated (ids.py encodes "<Type>:<pk>" in UTF-8, the same bytes).
        """
        encoded = "encode(convert_to({0} || CAST({1} AS TEXT), 'UTF8'), 'base64')"
        if not _URLSAFE_ALREADY.fullmatch(type_name):
            encoded = f"translate({encoded}, '+/', '-_')"
        return Template(encoded, Constant(type_name + ":"), column, type_=Text())

    def amount(self, milli: Expr, currency: Expr) -> Expr:
        """models.money.quantize: the amount (kept in thousandths) with the currency's minor
        units (exact)."""
        # A product, not a quotient: numeric multiplication is exact at any size, where
        # division keeps only about 16 significant digits. The minor units are a lookup in
        # one constant JSON object of the currencies that do not have 2 (folded once when
        # the statement is planned): a CASE with a branch per currency was 46 constants per
        # amount, a third of the picture's SQL text and of its compile time.
        return Template(
            "CAST(round(CAST({0} AS NUMERIC) * {1}, coalesce(CAST(CAST({2} AS JSONB) ->> {3} "
            "AS INTEGER), 2)) AS TEXT)",
            milli, Constant(Decimal(1).scaleb(-MONEY_SCALE)), Constant(_OTHER_MINOR_UNITS),
            currency, type_=Text(),
        )  # fmt: skip

    def amount_of_parts(self, high: Expr, low: Expr, currency: Expr) -> Expr:
        """The amount of a sum kept in two parts (resolvers/read/sources.py money_sum)."""
        milli = Template("(CAST({0} AS NUMERIC) * {1} + CAST({2} AS NUMERIC))",
                         high, Constant(SPLIT), low, type_=Numeric())  # fmt: skip
        return self.amount(milli, currency)

    def decimal(self, micros: Expr) -> Expr:
        """Decimal(micros) / 10**6 as Python prints it: no trailing fractional zeros."""
        return Template("CAST(trim_scale(CAST({0} AS NUMERIC) * {1}) AS TEXT)",
                        micros, Constant(Decimal(1).scaleb(-6)), type_=Text())  # fmt: skip

    def date(self, column: Expr) -> Expr:
        return func.to_char(column, Constant("YYYY-MM-DD"))

    def datetime(self, column: Expr) -> Expr:
        """datetime.isoformat() in UTC: microseconds only when there are any."""
        utc = func.timezone(Constant("UTC"), column)
        seconds = func.to_char(utc, Constant('YYYY-MM-DD"T"HH24:MI:SS'))
        micros = cast(func.date_part(Constant("microseconds"), utc), Numeric) % Constant(MILLION)
        fraction = case(
            (micros != Constant(0), func.to_char(utc, Constant(".US"))), else_=Constant("")
        )
        return seconds.op("||")(fraction).op("||")(Constant("+00:00"))

    def boolean(self, condition: Expr) -> Expr:
        return type_coerce(condition, Boolean)

    def text(self, value: Expr) -> Expr:
        return cast(value, Text)

    def json_text(self, text: str) -> Expr:
        return cast(Constant(text), JSON)

    def json_of(self, text: Expr) -> Expr:
        """The JSON value that a text column holds (null stays null)."""
        return cast(text, JSON)

    def object_agg(self, key: Expr, value: Expr) -> Expr:
        return func.json_object_agg(key, value)

    def pair(self, first: Expr, second: Expr) -> Expr:
        """A JSON array of two numbers."""
        return func.json_build_array(first, second)

    def json_string(self, text: Expr) -> Expr:
        """A JSON string of a text (null stays null)."""
        return func.to_json(text)

    def ratio_json(self, done: Expr, goal: Expr) -> Expr:
        """float(done) / float(goal) as Python prints it (integral values end in ".0"); null
        when either is null or the goal is 0 (models/progress.py progress)."""
        # One division per row: PostgreSQL prints a float8 as Python does (the shortest text
        # that reads back, 1e+15 and up with an exponent), but an integral value without
        # ".0", which a regular expression over the one printed text adds.
        ratio = cast(done, Float).op("/")(func.nullif(cast(goal, Float), Constant(0)))
        shown = func.regexp_replace(
            cast(func.to_json(ratio), Text), Constant(_INTEGRAL), Constant(r"\&.0")
        )
        return cast(shown, JSON)

    def document(self, body: Expr) -> Expr:
        return cast(self.obj([("data", body)]), Text)

    def kept(self, query: Select[Any]) -> Select[Any]:
        """`query` as a subquery the planner keeps (computed once, not merged into its
        readers): OFFSET 0."""
        return query.offset(Constant(0))

    def contains_text(self, column: Expr, pattern: Expr) -> Expr:
        return func.lower(column).like(func.lower(pattern), escape="\\")


class SqliteJSON(PostgresJSON):
    name = "sqlite"
    max_keys = 1000
    object_function = "json_object"

    def agg(
        self,
        element: Expr,
        order: Sequence[Expr],
        where: ColumnElement[bool] | None = None,
        distinct: bool = False,
    ) -> Expr:
        # json_group_array keeps the order its rows arrive in: the page query orders them.
        aggregate = func.json_group_array(element.distinct() if distinct else element)
        return aggregate if where is None else aggregate.filter(where)

    def first_of(self, array: Expr) -> Expr:
        return func.json_extract(array, Constant("$[0]"))

    def last_of(self, array: Expr) -> Expr:
        return func.json_extract(array, Constant("$[#-1]"))

    def null_json(self) -> Expr:
        return null()

    def global_id(self, type_name: str, column: Expr) -> Expr:
        return func.plangraph_global_id(Constant(type_name), column)

    def amount(self, milli: Expr, currency: Expr) -> Expr:
        return func.plangraph_amount(milli, currency)

    def amount_of_parts(self, high: Expr, low: Expr, currency: Expr) -> Expr:
        return func.plangraph_amount_of_parts(high, low, currency)

    def decimal(self, micros: Expr) -> Expr:
        return func.plangraph_decimal(micros)

    def date(self, column: Expr) -> Expr:
        return column

    def datetime(self, column: Expr) -> Expr:
        return func.plangraph_datetime(column)

    def boolean(self, condition: Expr) -> Expr:
        return func.json(case((condition, Constant("true")), else_=Constant("false")))

    def json_text(self, text: str) -> Expr:
        return func.json(Constant(text))

    def json_of(self, text: Expr) -> Expr:
        return func.json(text)

    def object_agg(self, key: Expr, value: Expr) -> Expr:
        return func.json_group_object(key, value)

    def pair(self, first: Expr, second: Expr) -> Expr:
        return func.json_array(first, second)

    def json_string(self, text: Expr) -> Expr:
        return func.json_quote(text)

    def ratio_json(self, done: Expr, goal: Expr) -> Expr:
        return func.json(func.plangraph_ratio(done, goal))

    def document(self, body: Expr) -> Expr:
        return self.obj([("data", body)])

    def kept(self, query: Select[Any]) -> Select[Any]:
        # SQLite's OFFSET needs a LIMIT: -1 as a literal (SQLAlchemy's own is a parameter).
        return query.limit(Constant(-1)).offset(Constant(0))


JSON_SQL: dict[str, PostgresJSON] = {"postgresql": PostgresJSON(), "sqlite": SqliteJSON()}

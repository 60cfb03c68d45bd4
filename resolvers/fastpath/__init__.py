"""The read fast path: a whole query compiled into one SQL statement that builds the JSON.

The general (strawberry) path resolves ~1,000 objects one field at a time; here the database
builds the response document in one round trip (PostgreSQL, and SQLite with the formatting
functions of sqlite_functions.py). It answers exactly like the general path
(a differential test holds it to that) and gives up, falling back to the general path, on
anything it does not cover: mutations, introspection, errors the general path would report.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from models.money import MissingRateError, Rates, quantize, sum_in
from resolvers.fastpath.root import root_fields
from resolvers.fastpath.selection import Compilation, Unsupported
from resolvers.fastpath.sql import PostgresSQL, SqliteSQL
from resolvers.visibility import Viewer

__all__ = ["Unsupported", "compile_query", "run_fast_path"]


def compile_query(
    schema: GraphQLSchema, document: DocumentNode, operation_name: str | None,
    variables: dict[str, Any] | None, viewer: Viewer, database: str = "postgresql",
) -> Compilation | None:  # fmt: skip
    """The SQL for a query document, or None when the general path must answer."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
        return None
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operation = operations[0]
    try:
        values = _variables(schema, operation, variables)
    except Unsupported:
        return None
    dialect = SqliteSQL() if database == "sqlite" else PostgresSQL()
    comp = Compilation(schema, viewer, values, fragments, dialect)
    try:
        body = root_fields(comp, operation.selection_set)
    except (Unsupported, KeyError, ValueError):
        return None
    comp.sql = comp.with_ctes(dialect.data(body))  # type: ignore[attr-defined]
    comp.deferred = [comp.with_ctes(statement) for statement in comp.deferred]
    comp.operation = operation  # type: ignore[attr-defined]
    return comp


def _variables(
    schema: GraphQLSchema, operation: OperationDefinitionNode, raw: dict[str, Any] | None
) -> dict[str, Any]:
    from graphql.execution.values import get_variable_values

    coerced = get_variable_values(schema, operation.variable_definitions or [], raw or {})
    if isinstance(coerced, list):  # coercion errors: the general path reports them
        raise Unsupported("variables")
    return coerced


async def run_fast_path(engine: AsyncEngine, comp: Compilation) -> bytes | None:
    """Run the compiled statement; None when a roll-up needs the general path's error."""
    async with engine.connect() as connection:
        result = await connection.exec_driver_sql(comp.sql, tuple(comp.params))  # type: ignore[attr-defined]
        document: str = result.scalar_one()
        if comp.deferred:
            document = await _fill_deferred(connection, comp.deferred, document)
        if not comp.rollups or "$rollup" not in document:
            return document.encode()
        rates = await _rates(connection)
    data = json.loads(document)
    try:
        _convert(data, rates)
    except MissingRateError:
        return None
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


# A deferred list's marker: the JSON string "\u0000<job>:<parent id>" (inputs refuse NUL).
_MARKER = re.compile(r'"\\u0000(\d+):(\d+)"')


async def _fill_deferred(connection: Any, deferred: list[str], document: str) -> str:
    """Run each deferred list's statement for the parents the document names; splice in."""
    while True:
        wanted: dict[int, set[int]] = {}
        for job, parent in _MARKER.findall(document):
            wanted.setdefault(int(job), set()).add(int(parent))
        if not wanted:
            return document
        found: dict[tuple[int, int], str] = {}
        for job, parents in wanted.items():
            ids = ", ".join(str(i) for i in sorted(parents))
            for parent, value in await connection.exec_driver_sql(f"{deferred[job]}({ids})"):
                found[(job, parent)] = value
        document = _MARKER.sub(lambda m, found=found: found[(int(m[1]), int(m[2]))], document)


async def _rates(connection: Any) -> Rates:
    rows = (await connection.exec_driver_sql(
        "SELECT base, quote, rate FROM exchange_rates")).all()  # fmt: skip
    return Rates({(r[0], r[1]): Decimal(r[2]) / Decimal(10) ** 10 for r in rows})


def _convert(node: Any, rates: Rates | None) -> None:
    """Replace each roll-up placeholder by the Money the general path computes."""
    if isinstance(node, list):
        for item in node:
            _convert(item, rates)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if isinstance(value, dict) and "$rollup" in value:
            node[key] = _money(value, rates)
        else:
            _convert(value, rates)


def _money(placeholder: dict[str, Any], rates: Rates | None) -> dict[str, Any]:
    currency = placeholder["$currency"]
    sums = {code: Decimal(micros) / Decimal(1_000_000)
            for code, micros in (placeholder["$rollup"] or {}).items()}  # fmt: skip
    total = sum_in(currency, sums, rates or Rates({})) if sums else quantize(Decimal(0), currency)
    values = {"amount": str(total), "currency": currency, "__typename": "Money"}
    return {key: values[name] for key, name in placeholder["$keys"]}

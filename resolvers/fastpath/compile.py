"""Compiling a query document into one SQL statement, and the key its statement is kept by."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
)
from graphql.execution.values import get_variable_values
from sqlalchemy import JSON, Select, Text, case, cast, func, null, select
from sqlalchemy.engine import Dialect

from models import ExchangeRate
from resolvers.fastpath.dialect import JSON_SQL
from resolvers.fastpath.lists import list_field
from resolvers.fastpath.root import root_fields
from resolvers.fastpath.selection import ArgumentError, Compilation, NotCovered, Recipe
from resolvers.ids import from_global_id
from resolvers.read.constants import Constant, light
from resolvers.read.specs import Registry
from resolvers.visibility import Viewer

_ENUM_LIKE = re.compile(r"[A-Z][A-Z0-9_]*")
# What a placeholder's text holds (resolvers/fastpath/run.py _has_placeholders); every
# placeholder, of either kind, holds its field's locations too (as JSON text: the key).
ROLLUP_MARK, PROGRESS_MARK, PLACEHOLDER_MARK = "$rollup", "$progress", '"$locations"'


@dataclass(frozen=True)
class Compiled:
    """A query's statement for one database, and how to fill its parameters per request."""

    sql: str
    positions: tuple[str, ...]  # the bound parameters in the order the driver takes them
    constants: Mapping[str, Any]  # values SQLAlchemy fixed itself (e.g. an OFFSET)
    recipes: Mapping[str, Recipe]
    deferred: tuple[Select[Any], ...]  # SQLite: lists read after the main statement
    rollups: bool
    carries_rates: bool  # the statement's second column: the rates when the document needs them
    operation: OperationDefinitionNode
    statement: Select[Any]

    def values(self, variables: Mapping[str, Any], viewer: Viewer) -> dict[str, Any]:
        """Every parameter's value for this request (ArgumentError: the general path's)."""
        return {name: recipe(variables, viewer) for name, recipe in self.recipes.items()}

    def positional(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(values[n] if n in values else self.constants[n] for n in self.positions)


def operation_of(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1:
        raise NotCovered("operation")
    if operations[0].operation is not OperationType.QUERY:
        raise NotCovered(operations[0].operation.value)
    return operations[0]


def coerced_variables(
    schema: GraphQLSchema, operation: OperationDefinitionNode, raw: Mapping[str, Any] | None
) -> Any:
    """The variables as graphql-core's execution takes them (VariableValues)."""
    coerced = get_variable_values(schema, operation.variable_definitions or [], dict(raw or {}))
    if isinstance(coerced, list):  # coercion errors: the general path reports them
        raise ArgumentError("variables")
    return coerced


def shape_key(variables: Mapping[str, Any]) -> tuple[Any, ...]:
    """What of the variables can change a statement's text: flags, nulls, empty text, enum
    values, and the type of an id; every other value is a bound parameter."""
    return tuple(sorted((name, _shape(value)) for name, value in variables.items()))


def _shape(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str):
        if value == "" or _ENUM_LIKE.fullmatch(value):
            return value
        decoded = from_global_id(value)
        return ("id", decoded[0] if decoded else None)
    if isinstance(value, list | tuple):
        return tuple(_shape(item) for item in value)
    if hasattr(value, "__dataclass_fields__"):  # an input object
        return tuple((k, _shape(getattr(value, k))) for k in value.__dataclass_fields__)
    if isinstance(value, dict):
        return tuple(sorted((k, _shape(v)) for k, v in value.items()))
    return type(value).__name__


def built_statement(
    schema: GraphQLSchema,
    registry: Registry,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Any,
    viewer: Viewer,
    dialect: Dialect,
) -> tuple[Select[Any], Compilation]:
    """The query's statement as SQLAlchemy expressions, before its SQL text is rendered, and
    what building it gathered (the parameters' recipes, SQLite's deferred lists)."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    sql = JSON_SQL[dialect.name]
    comp = Compilation(
        schema, registry, viewer, variables, fragments, sql, dialect, list_field=list_field
    )
    statement = select(sql.document(root_fields(comp, operation.selection_set)))
    if comp.shared:  # shared inputs no FROM took in: the statement would not hold them
        raise NotCovered("shared inputs outside any FROM")
    if comp.rollups and not comp.deferred and dialect.name == "postgresql":
        statement = _with_rates(comp, statement)
    return statement, comp


def _with_rates(comp: Compilation, statement: Select[Any]) -> Select[Any]:
    """The document, and the exchange rates beside it when it holds a placeholder that needs
    them (resolvers/fastpath/run.py converts it): one statement, where a second one read the
    rates for about one planning picture in twenty on the bench data. The document is
    computed once (a subquery kept, OFFSET 0); the rates are read only when the text holds
    a placeholder's "$locations" key, which every placeholder run.py converts has (one scan
    of the text: 0.3 M instructions per picture, against 0.6 M for its two marks), each rate
    as [base, quote, its stored integer] (models/base.py ScaledDecimal)."""
    answer = comp.sql.kept(statement).subquery(comp.name("answer"))
    document = answer.c[0]
    rates = light(ExchangeRate.__table__).alias(comp.name("r"))
    every_rate = (
        select(func.coalesce(
            func.json_agg(func.json_build_array(rates.c.base, rates.c.quote,
                                                cast(rates.c.rate, Text))),
            cast(Constant("[]"), JSON)))
        .scalar_subquery()
    )  # fmt: skip
    needs_rates = func.strpos(document, Constant(PLACEHOLDER_MARK)) > Constant(0)
    return select(document, case((needs_rates, every_rate), else_=null()))


def compile_query(
    schema: GraphQLSchema,
    registry: Registry,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Any,
    viewer: Viewer,
    dialect: Dialect,
) -> Compiled:
    """The statement of a query (NotCovered when it asks for what only the general path does)."""
    statement, comp = built_statement(
        schema, registry, document, operation, variables, viewer, dialect
    )
    compiled = statement.compile(dialect=dialect)
    return Compiled(
        sql=compiled.string,
        positions=tuple(compiled.positiontup or ()),
        constants=dict(compiled.params),
        recipes=dict(comp.recipes),
        deferred=tuple(comp.deferred),
        rollups=comp.rollups,
        carries_rates=len(statement.selected_columns) == 2,
        operation=operation,
        statement=statement,
    )

"""The operation a request runs and its query cost (schema/cost.py), before anything runs:
for the request log, the metrics and the per-token cost budget (ops/fair_use.py)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    parse,
)

from schema.cost import query_cost


@functools.lru_cache(maxsize=512)
def parsed_document(query: str, max_tokens: int) -> DocumentNode | None:
    """The document, or None if it does not parse (read-only: shared by every caller)."""
    try:
        return parse(query, max_tokens=max_tokens)
    except GraphQLError:
        return None


def chosen_operation(
    query: str, operation_name: str | None, max_tokens: int
) -> tuple[DocumentNode, OperationDefinitionNode] | None:
    """The document and the one operation of it that would run; None when it does not parse
    or names no one operation (validation reports why)."""
    document = parsed_document(query, max_tokens)
    if document is None:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations
              if operation_name is None or (o.name and o.name.value == operation_name)]  # fmt: skip
    return (document, chosen[0]) if len(chosen) == 1 else None


def operation_and_cost(
    schema: GraphQLSchema, query: str, operation_name: str | None, variables: Any,
    max_tokens: int,
) -> tuple[OperationDefinitionNode | None, int | None]:  # fmt: skip
    """The operation that would run and its estimated cost; None for what cannot run."""
    found = chosen_operation(query, operation_name, max_tokens)
    if found is None:
        return None, None
    document, operation = found
    fragments = {d.name.value: d for d in document.definitions
                 if isinstance(d, FragmentDefinitionNode)}  # fmt: skip
    values = variables if isinstance(variables, Mapping) else None
    try:
        return operation, query_cost(schema, operation, fragments, values)
    except Exception:  # a malformed document; validation reports it, no cost to charge
        return operation, None

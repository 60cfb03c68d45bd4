"""A document checked by strawberry's own code before the fast path answers it: parse and
validation with the schema's extensions (tokens, aliases, depth, cost, the introspection
switch), so every bound is enforced by one code whichever path answers."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import DocumentNode
from strawberry.types.graphql import OperationType

QUERIES_AND_MUTATIONS = (OperationType.QUERY, OperationType.MUTATION)


async def checked_document(
    schema: strawberry.Schema,
    query: str,
    variables: dict[str, Any] | None,
    operation_name: str | None,
    parsed: DocumentNode | None = None,
) -> DocumentNode | None:
    """The parsed document if strawberry accepts it as `schema.execute` would, else None (the
    general path then reports the errors exactly as always).

    `parsed`: the document already parsed from `query` under the same token bound (the
    request's own parse, schema/request_cost.py), which strawberry then does not parse again
    (it parses only a context without a document); None: strawberry parses it."""
    context = schema._create_execution_context(
        query=query,
        allowed_operation_types=QUERIES_AND_MUTATIONS,
        variable_values=variables,
        operation_name=operation_name,
    )
    if parsed is not None:
        context.graphql_document = parsed
    extensions = schema.get_extensions()
    for extension in extensions:
        extension.execution_context = context
    runner = schema.create_extensions_runner(context, extensions)
    try:
        async with runner.operation():
            refused = await schema._prepare_operation_async(context, runner)
    except Exception:  # no operation, an unknown operationName, a subscription: refused
        return None
    if refused is not None:
        return None
    return context.graphql_document

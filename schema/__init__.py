"""The public GraphQL schema (strawberry types over resolvers/)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.schema.config import StrawberryConfig

from schema.cost import QueryCostLimiter
from schema.known_documents import KnownDocuments
from schema.query import Query
from schema.scalars import SCALARS
from settings import Settings


class PlangraphSchema(strawberry.Schema):
    """Errors are logged once, by the HTTP layer, with the request id (not here)."""

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        return None


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema, with the bounds of `settings` checked before any query runs."""
    from schema.mutation import Mutation
    from schema.subscription import Subscription

    limits = settings or Settings()
    # Factories, not instances: strawberry makes each request its own extensions.
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        lambda: MaxAliasesLimiter(max_alias_count=limits.max_aliases),
        lambda: QueryDepthLimiter(max_depth=limits.max_depth),
        lambda: QueryCostLimiter(max_cost=limits.max_query_cost),
    ]
    if not limits.introspection:
        extensions.append(DisableIntrospection)
    # Last: it runs after the others have added their rules (its on_validate is innermost).
    extensions.append(KnownDocuments().extension())
    return PlangraphSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        config=StrawberryConfig(scalar_map=SCALARS),
        extensions=extensions,
    )

"""The public GraphQL schema (strawberry types over resolvers/)."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.schema.config import StrawberryConfig

from schema.query import Query
from schema.scalars import SCALARS


class PlangraphSchema(strawberry.Schema):
    """Errors are logged once, by the HTTP layer, with the request id (not here)."""

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        return None


# Bounds checked before a query runs (README: "Limits").
MAX_DEPTH = 15
MAX_ALIASES = 30
MAX_TOKENS = 5_000


def build_schema() -> strawberry.Schema:
    from schema.mutation import Mutation

    return PlangraphSchema(
        query=Query,
        mutation=Mutation,
        config=StrawberryConfig(scalar_map=SCALARS),
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
            lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        ],
    )

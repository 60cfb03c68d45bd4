"""The public GraphQL schema (strawberry types over resolvers/)."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.schema.config import StrawberryConfig

from schema.query import Query
from schema.scalars import SCALARS


class PlangraphSchema(strawberry.Schema):
    """Errors are logged once, by the HTTP layer, with the request id (not here)."""

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        return None


def build_schema() -> strawberry.Schema:
    from schema.mutation import Mutation

    return PlangraphSchema(
        query=Query, mutation=Mutation, config=StrawberryConfig(scalar_map=SCALARS)
    )

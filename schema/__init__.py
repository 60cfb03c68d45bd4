"""The public GraphQL schema (strawberry types over resolvers/)."""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig

from schema.query import Query
from schema.scalars import SCALARS


def build_schema() -> strawberry.Schema:
    from schema.mutation import Mutation

    return strawberry.Schema(
        query=Query, mutation=Mutation, config=StrawberryConfig(scalar_map=SCALARS)
    )

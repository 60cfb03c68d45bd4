"""The read registry of the built schema: every field's read spec, by type and field name."""

from __future__ import annotations

from graphql import GraphQLObjectType, GraphQLSchema

from resolvers.read.specs import Registry, Spec
from schema.read import spec_of


def build_registry(schema: GraphQLSchema) -> Registry:
    """GraphQL type -> field -> spec, for every field declared with one (schema/read.py)."""
    registry: dict[str, dict[str, Spec]] = {}
    for name, graphql_type in schema.type_map.items():
        if name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType):
            continue
        specs = {}
        for field_name, field in graphql_type.fields.items():
            definition = (field.extensions or {}).get("strawberry-definition")
            spec = spec_of(definition) if definition is not None else None
            if spec is not None:
                specs[field_name] = spec
        if specs:
            registry[name] = specs
    return registry

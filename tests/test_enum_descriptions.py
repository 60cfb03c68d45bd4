"""Every enum value is described: GraphiQL and generated clients show the text beside it."""

from __future__ import annotations

from graphql import GraphQLEnumType

from schema import build_schema
from settings import Settings


def test_every_enum_value_has_a_description() -> None:
    graphql_schema = build_schema(Settings())._schema
    enums = [
        t for name, t in graphql_schema.type_map.items()
        if isinstance(t, GraphQLEnumType) and not name.startswith("__")
    ]  # fmt: skip

    undescribed = [
        f"{enum.name}.{name}"
        for enum in enums
        for name, value in enum.values.items()
        if not (value.description or "").strip()
    ]

    assert len(enums) >= 8
    assert undescribed == []

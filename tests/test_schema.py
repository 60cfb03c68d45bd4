"""The public schema: it keeps every core.graphql name, describes everything, and is committed."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
    get_named_type,
)

from schema import build_schema as build_plangraph_schema
from schema.export import SDL_PATH, sdl

SHARED_CORE = Path(__file__).resolve().parents[2] / "shared" / "api" / "core.graphql"
# A copy travels with the repo so a clone without ../shared still checks the contract.
CORE = Path(__file__).resolve().parent / "data" / "core.graphql"
SHARED_PLANNING = SHARED_CORE.parent / "planning.graphql"
PLANNING = CORE.parent / "planning.graphql"


@pytest.fixture(scope="module")
def ours() -> GraphQLSchema:
    return build_plangraph_schema()._schema


def test_committed_sdl_matches_the_code() -> None:
    assert SDL_PATH.read_text() == sdl(), "schema.graphql drifted: run python -m schema.export"


@pytest.mark.skipif(not SHARED_CORE.exists(), reason=f"{SHARED_CORE} not beside the repo")
def test_the_copy_of_core_graphql_is_current() -> None:
    assert CORE.read_text() == SHARED_CORE.read_text()


@pytest.mark.skipif(not SHARED_PLANNING.exists(), reason=f"{SHARED_PLANNING} not beside the repo")
def test_the_copy_of_planning_graphql_is_current() -> None:
    assert PLANNING.read_text() == SHARED_PLANNING.read_text()


@pytest.mark.parametrize("contract", ["core", "core+planning"])
def test_every_contract_name_and_type_is_kept(ours: GraphQLSchema, contract: str) -> None:
    text = CORE.read_text() + (PLANNING.read_text() if "planning" in contract else "")
    core = build_schema(text)
    missing = []
    for name, core_type in core.type_map.items():
        if name.startswith("__"):
            continue
        our_type = ours.type_map.get(name)
        if our_type is None or not isinstance(our_type, type(core_type)):
            missing.append(name)
            continue
        if isinstance(core_type, GraphQLEnumType) and isinstance(our_type, GraphQLEnumType):
            missing += [f"{name}.{v}" for v in core_type.values if v not in our_type.values]
        with_fields = (GraphQLObjectType, GraphQLInterfaceType, GraphQLInputObjectType)
        if isinstance(core_type, with_fields) and isinstance(our_type, with_fields):
            for field_name, field in core_type.fields.items():
                ours_field = our_type.fields.get(field_name)
                if ours_field is None or str(ours_field.type) != str(field.type):
                    missing.append(f"{name}.{field_name}: {field.type}")
                    continue
                for arg_name, arg in getattr(field, "args", {}).items():
                    our_arg = ours_field.args.get(arg_name)
                    if our_arg is None or str(our_arg.type) != str(arg.type):
                        missing.append(f"{name}.{field_name}({arg_name}: {arg.type})")
        if isinstance(core_type, GraphQLObjectType) and isinstance(our_type, GraphQLObjectType):
            missing += [
                f"{name} implements {i.name}"
                for i in core_type.interfaces
                if i.name not in {j.name for j in our_type.interfaces}
            ]
    assert missing == []


def test_every_type_field_and_argument_has_a_description(ours: GraphQLSchema) -> None:
    undescribed = []
    for name, named in ours.type_map.items():
        if name.startswith("__") or name in ("String", "Int", "Boolean", "ID", "Float"):
            continue
        if not named.description:
            undescribed.append(name)
        for field_name, field in getattr(named, "fields", {}).items():
            if not field.description:
                undescribed.append(f"{name}.{field_name}")
            for arg_name, arg in getattr(field, "args", {}).items():
                if not arg.description:
                    undescribed.append(f"{name}.{field_name}({arg_name})")
    assert undescribed == []


def test_connections_have_the_core_shape(ours: GraphQLSchema) -> None:
    for name, named in ours.type_map.items():
        if name.endswith("Connection"):
            assert isinstance(named, GraphQLObjectType), name
            assert {"edges", "nodes", "pageInfo", "totalCount"} <= set(named.fields), name
            assert str(get_named_type(named.fields["pageInfo"].type)) == "PageInfo"

"""An objective's progress select rendered to SQL once per kind of fields and reused as text
(resolvers/fastpath/rendered.py): the same statement as the one built each time, with the
rows' names and the fields' locations of each use."""

from __future__ import annotations

import re
from typing import Any

import pytest
from graphql import parse
from sqlalchemy import column, select, table
from sqlalchemy.dialects import postgresql, sqlite

from models import Role
from resolvers.fastpath import objects, rendered
from resolvers.fastpath.compile import coerced_variables, compile_query, operation_of
from resolvers.fastpath.dialect import JSON_SQL
from resolvers.fastpath.selection import Compilation
from resolvers.ids import to_global_id
from resolvers.visibility import Viewer
from schema import build_schema
from schema.registry import build_registry
from settings import Settings

ADMIN = Viewer(1, Role.ADMIN, "Admin", "admin@example.com")
QUERY = """query($id: ID!) { account(id: $id) {
  businessPlans(first: 5) { nodes { objectives(first: 5) { nodes { actual progress } } } }
  objectives(first: 5) { edges { actualForAccount node { actual } } } } }"""
DIALECTS = {
    "postgresql": postgresql.asyncpg.dialect(),  # type: ignore[no-untyped-call]
    "sqlite": sqlite.aiosqlite.dialect(),
}


@pytest.fixture(scope="module")
def schema() -> Any:
    return build_schema(Settings(database_url="sqlite+aiosqlite://"))


def _compiled_sql(schema: Any, dialect_name: str, query: str = QUERY) -> str:
    document = parse(query)
    operation = operation_of(document, None)
    variables = coerced_variables(schema._schema, operation, {"id": to_global_id("Account", 1)})
    registry = build_registry(schema._schema)
    compiled = compile_query(schema._schema, registry, document, operation, variables, ADMIN,
                             DIALECTS[dialect_name])  # fmt: skip
    return compiled.sql


def _names_numbered_alike(sql: str) -> str:
    return re.sub(r"\d+", "N", sql)


@pytest.mark.parametrize("dialect_name", ["postgresql", "sqlite"])
def test_the_rendered_progress_is_the_statement_built_each_time(
    schema: Any, dialect_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reused = _compiled_sql(schema, dialect_name)
    assert _compiled_sql(schema, dialect_name) == reused  # from the cache: the same text
    assert any(key[0] == dialect_name for key in rendered._CACHE)
    monkeypatch.setattr(objects, "rendered_group", lambda *args: None)
    built = _compiled_sql(schema, dialect_name)
    assert built != reused  # its own aliases' numbers
    assert _names_numbered_alike(built) == _names_numbered_alike(reused)


def test_a_row_without_every_objective_column_is_built_not_rendered(schema: Any) -> None:
    comp = Compilation(schema._schema, build_registry(schema._schema), ADMIN, None, {},
                       JSON_SQL["postgresql"], DIALECTS["postgresql"])  # fmt: skip
    narrow = select(table("objectives", column("id"), column("measure"))).subquery("narrow")
    assert rendered.rendered_group(comp, objects._progress_group, narrow, []) is None


def test_the_texts_kept_are_bounded(schema: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rendered, "_CACHE", {})
    monkeypatch.setattr(rendered, "KEPT", 2)
    fields = ["actual", "progress", "actual progress", "progress actual"]
    for selection in fields:  # four kinds of fields, and the edges' kind: two kept
        _compiled_sql(schema, "postgresql", QUERY.replace("actual progress", selection))
    assert len(rendered._CACHE) == 2

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

from models import Objective, Role
from resolvers.fastpath import objects, rendered
from resolvers.fastpath.compile import coerced_variables, compile_query, operation_of
from resolvers.fastpath.dialect import JSON_SQL
from resolvers.fastpath.selection import Compilation, Selected
from resolvers.ids import to_global_id
from resolvers.read.constants import light
from resolvers.read.specs import ProgressField
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
    # A `format` parameter style doubles each `%` (the text must not hold it doubled twice).
    "psycopg2": postgresql.psycopg2.dialect(),  # type: ignore[no-untyped-call]
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


def _inner_names_alike(sql: str) -> str:
    """The statement without what differs between a rendered and a built progress select:
    the numbers of its inner aliases (from 1,000,000 in a text, 5,000,000 when built here)
    and SQLAlchemy's automatic labels of its aggregates, which nothing refers to."""
    sql = re.sub(r"\d{7,}", "#", sql)
    return re.sub(r"\b(count|json_object_agg|json_group_object)_\d+\b", r"\1_#", sql)


def _built(comp: Compilation, group: Any, row: Any, fields: Any) -> Any:
    """The progress select built in place, its inner aliases numbered from 5,000,000."""
    outer = comp.counter
    comp.counter = 5_000_000
    try:
        return group(comp, row, fields)
    finally:
        comp.counter = outer


@pytest.mark.parametrize("dialect_name", ["postgresql", "sqlite", "psycopg2"])
def test_the_rendered_progress_is_the_statement_built_each_time(
    schema: Any, dialect_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reused = _compiled_sql(schema, dialect_name)
    assert _compiled_sql(schema, dialect_name) == reused  # from the cache: the same text
    assert rendered._CACHE  # the text was rendered and kept
    monkeypatch.setattr(objects, "rendered_group", _built)
    built = _compiled_sql(schema, dialect_name)
    assert built != reused
    assert _inner_names_alike(built) == _inner_names_alike(reused)


def test_a_row_without_every_objective_column_is_built_not_rendered(schema: Any) -> None:
    comp = Compilation(schema._schema, build_registry(schema._schema), ADMIN, None, {},
                       JSON_SQL["postgresql"], DIALECTS["postgresql"])  # fmt: skip
    narrow = select(table("objectives", column("id"), column("measure"))).subquery("narrow")
    fields = [("f0", Selected("actual", "actual", []), ProgressField("actual"))]
    assert rendered.rendered_group(comp, objects._progress_group, narrow, fields) is None
    anonymous = select(light(Objective.__table__)).subquery()  # rendered as anon_N
    assert rendered.rendered_group(comp, objects._progress_group, anonymous, fields) is None
    named = select(light(Objective.__table__)).subquery("named")
    assert rendered.rendered_group(comp, objects._progress_group, named, fields) is not None


def test_the_texts_kept_are_bounded(schema: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rendered, "_CACHE", {})
    monkeypatch.setattr(rendered, "KEPT", 2)
    for selection in ["actual", "progress", "progress actual"]:
        _compiled_sql(schema, "postgresql", QUERY.replace("actual progress", selection))
    kinds = [tuple(what for _, (_, what) in key[-1]) for key in rendered._CACHE]
    # the edges' kind (actualForAccount, then actual) is asked after each plan objectives'
    # kind: dropped by the third document's, it is rendered again: the two newest stay
    assert kinds == [("progress", "actual"), (None, "actual")]

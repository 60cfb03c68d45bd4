"""An objective's progress select rendered to SQL once per kind of fields and reused as text
(resolvers/fastpath/rendered.py): the same statement as the one built each time, with the
rows' names and the fields' locations of each use."""

from __future__ import annotations

import re
from typing import Any

import pytest
from graphql import parse
from sqlalchemy import Table, column, select, table
from sqlalchemy.dialects import postgresql, sqlite

from models import Objective, Role
from resolvers.fastpath import lists, objects, rendered
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
    and SQLAlchemy's automatic labels of its aggregates and subqueries, which the text names
    apart from the statement's."""
    sql = re.sub(r"\d{7,}", "#", sql)
    return re.sub(r"\b(count|json_object_agg|json_group_object|anon)_\d+\b", r"\1_#", sql)


def _built(comp: Compilation, group: Any, row: Any, fields: Any, row_table: Any) -> Any:
    """The progress select built in place, its inner aliases numbered from 5,000,000."""
    outer = comp.counter
    comp.counter = 5_000_000
    try:
        return group(comp, row, fields)
    finally:
        comp.counter = outer


# A plan's roll-ups (rendered per kind of selection below them: keys, aliases, lists), twice
# with different selections in one document.
MONEY = """query($id: ID!) { account(id: $id) { businessPlans(first: 5) { nodes {
  wonRevenue { amount currency } p: pipelineRevenue { a: amount __typename }
  revenueByCurrency { won { amount } pipeline { currency amount } missingRates }
  subPlans(first: 3) { nodes { wonRevenue { currency } r: revenueByCurrency { missingRates } } }
} } } }"""


@pytest.mark.parametrize("query", [QUERY, MONEY], ids=["progress", "money"])
@pytest.mark.parametrize("dialect_name", ["postgresql", "sqlite", "psycopg2"])
def test_the_rendered_groups_are_the_statement_built_each_time(
    schema: Any, dialect_name: str, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rendered, "_CACHE", {})
    reused = _compiled_sql(schema, dialect_name, query)
    assert _compiled_sql(schema, dialect_name, query) == reused  # from the cache: the same
    assert rendered._CACHE  # the texts were rendered and kept
    monkeypatch.setattr(objects, "rendered_group", _built)
    built = _compiled_sql(schema, dialect_name, query)
    assert built != reused
    assert _inner_names_alike(built) == _inner_names_alike(reused)
    assert "rendered_" not in reused


def test_a_row_without_every_objective_column_is_built_not_rendered(schema: Any) -> None:
    comp = Compilation(schema._schema, build_registry(schema._schema), ADMIN, None, {},
                       JSON_SQL["postgresql"], DIALECTS["postgresql"])  # fmt: skip
    narrow = select(table("objectives", column("id"), column("measure"))).subquery("narrow")
    fields = [("f0", Selected("actual", "actual", []), ProgressField("actual"))]
    objectives: Table = Objective.__table__  # type: ignore[assignment]
    assert (
        rendered.rendered_group(comp, objects._progress_group, narrow, fields, objectives) is None
    )
    anonymous = select(light(objectives)).subquery()  # rendered as anon_N
    assert (
        rendered.rendered_group(comp, objects._progress_group, anonymous, fields, objectives)
        is None
    )
    named = select(light(objectives)).subquery("named")
    assert (
        rendered.rendered_group(comp, objects._progress_group, named, fields, objectives)
        is not None
    )


def test_the_texts_kept_are_bounded(schema: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rendered, "_CACHE", {})
    monkeypatch.setattr(rendered, "KEPT", 2)
    for selection in ["actual", "progress", "progress actual"]:
        _compiled_sql(schema, "postgresql", QUERY.replace("actual progress", selection))
    kinds = [tuple(spec[1] for _, spec, _ in key[-1]) for key in rendered._CACHE]
    # the edges' kind (actualForAccount, then actual) is asked after each plan objectives'
    # kind: dropped by the third document's, it is rendered again: the two newest stay
    assert kinds == [("progress", "actual"), (None, "actual")]


MANAGER = Viewer(2, Role.ACCOUNT_MANAGER, "Manager", "manager@example.com")
LISTS = """query($id: ID!) { account(id: $id) {
  businessPlans(rootOnly: true, first: 5) { edges { via node { name } } }
  objectives(first: 5) { edges { via node { name } } }
  opportunities(first: 5) { edges { via node { name } } }
  activities(first: 5) { nodes { subject } } } }"""


def _lists_sql(schema: Any, viewer: Viewer, query: str = LISTS) -> str:
    document = parse(query)
    operation = operation_of(document, None)
    variables = coerced_variables(schema._schema, operation, {"id": to_global_id("Account", 1)})
    compiled = compile_query(schema._schema, build_registry(schema._schema), document,
                             operation, variables, viewer, DIALECTS["postgresql"])  # fmt: skip
    return compiled.sql


def _counting_builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The targets of the account lists whose chosen items are built (not reused as text)."""
    built: list[str] = []
    picked = lists._picked

    def counted(comp: Compilation, spec: Any, *args: Any) -> Any:
        built.append(spec.target)
        return picked(comp, spec, *args)

    monkeypatch.setattr(lists, "_picked", counted)
    monkeypatch.setattr(rendered, "_ACCOUNT_SELECTS", {})
    return built


def test_an_account_lists_items_are_rendered_once_then_reused(
    schema: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = _counting_builds(monkeypatch)
    first = _lists_sql(schema, ADMIN)
    assert sorted(built) == ["Activity", "BusinessPlan", "Objective", "Opportunity"]
    assert len(rendered._ACCOUNT_SELECTS) == 4
    built.clear()
    assert _lists_sql(schema, ADMIN) == first  # the same statement, nothing built again
    assert built == []
    # The account's row is named in the text; no parameter of the request is (the item's
    # rank is SQLAlchemy's own 1, rendered as a literal).
    assert first.count("ranked.pick = 1") == 4
    assert "rendered_" not in first


def test_a_list_with_a_filter_or_a_visibility_check_is_built(
    schema: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = _counting_builds(monkeypatch)
    _lists_sql(schema, MANAGER)  # renders the texts of the lists that read no parameter
    built.clear()
    _lists_sql(schema, MANAGER)
    # A manager's opportunities are checked against the manager (a parameter of the
    # request): built each time. The account's other items are seen with the account.
    assert built == ["Opportunity"]
    assert len(rendered._ACCOUNT_SELECTS) == 3
    built.clear()
    _lists_sql(schema, ADMIN)  # the admin's opportunities: no check, rendered
    built.clear()
    filtered = LISTS.replace("activities(first: 5)", "activities(first: 5, status: [COMPLETED])")
    _lists_sql(schema, ADMIN, filtered)
    assert built == ["Activity"]  # a filter's values are the request's

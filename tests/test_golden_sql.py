"""Golden SQL: the fast path's statements for representative documents, committed per database.

A change to the compiler shows its effect on these statements in review. To accept a change,
regenerate with `PLANGRAPH_UPDATE_GOLDEN=1 ./dev test tests/test_golden_sql.py` and commit
the files in tests/golden/.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from graphql import parse
from sqlalchemy.dialects.postgresql.asyncpg import dialect as postgresql_dialect
from sqlalchemy.dialects.sqlite.aiosqlite import dialect as sqlite_dialect

from models import Role
from resolvers.fastpath import coerced_variables, compile_query, operation_of
from resolvers.ids import to_global_id
from resolvers.visibility import Viewer
from schema import build_schema
from schema.registry import build_registry

GOLDEN = Path(__file__).resolve().parent / "golden"
PICTURE = (
    Path(__file__).resolve().parents[1] / "bench" / "queries" / "picture.graphql"
).read_text()
DOCUMENTS = {
    "picture": (PICTURE, {"id": to_global_id("Account", 1)}),
    "node": ("query($id: ID!) { node(id: $id) { id ... on BusinessPlan { name status "
             "wonRevenue { amount currency } owner { name } } } }",
             {"id": to_global_id("BusinessPlan", 1)}),
    "paged_list": ("query($after: String) { businessPlans(first: 20, after: $after, "
                   "status: [DRAFT, SUBMITTED]) { totalCount pageInfo { hasNextPage endCursor } "
                   "edges { cursor node { name period { name } } } } }",
                   {"after": "Y3Vyc29yOjE="}),
}  # fmt: skip
DIALECTS: dict[str, Any] = {
    "postgresql": postgresql_dialect(),  # type: ignore[no-untyped-call]
    "sqlite": sqlite_dialect(),
}
MANAGER = Viewer(2, Role.ACCOUNT_MANAGER, "Manager", "manager@example.com")


@pytest.fixture(scope="module")
def compiler():  # type: ignore[no-untyped-def]
    schema = build_schema()._schema
    return schema, build_registry(schema)


@pytest.mark.parametrize("database", sorted(DIALECTS))
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_compiled_sql_matches_the_committed_statement(compiler, name: str, database: str) -> None:  # type: ignore[no-untyped-def]
    schema, registry = compiler
    query, variables = DOCUMENTS[name]
    document = parse(query)
    operation = operation_of(document, None)
    values = coerced_variables(schema, operation, variables)
    compiled = compile_query(schema, registry, document, operation, values, MANAGER,
                             DIALECTS[database])  # fmt: skip
    text = compiled.sql + "\n"
    for index, job in enumerate(compiled.deferred):
        text += f"\n-- deferred list {index}\n{job.compile(dialect=DIALECTS[database])}\n"
    path = GOLDEN / f"{name}.{database}.sql"
    if os.environ.get("PLANGRAPH_UPDATE_GOLDEN") == "1":
        path.write_text(text)
    assert path.exists(), f"{path.name} is missing: run with PLANGRAPH_UPDATE_GOLDEN=1"
    assert text == path.read_text(), f"{path.name} changed: review, then regenerate"

"""The won sums per currency kept with the other totals: a JSON text column on objectives
(models/objective_totals.py) and on objective_account_totals (models/account_totals.py),
merged up the tree by the same triggers.

A won amount that needs an exchange rate goes to Python as a placeholder with the sums per
currency; the planning picture's statement read them from the items, walking the
objective's subtree, for every objective (the planner initializes those subqueries on every
execution, whether a rate is needed or not). Under load on PostgreSQL that cost about two
points of the planning picture's throughput against the core picture's. The statement now
reads the column.

Both sets of triggers are created again (as the models make them now), and the column is
filled for the data already there: each objective from its items and its children's, up the
tree by the triggers; the per-account rows rebuilt.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models import account_totals as kept
from models import objective_totals as totals

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("objectives", kept.TABLE)


def _drops(sqlite: bool) -> list[str]:
    if sqlite:
        return [*totals.sqlite_drops(), *kept.sqlite_drops()]
    return [*totals.postgres_drops(), *kept.postgres_drops()]


def _creates(sqlite: bool, per_currency: bool) -> list[str]:
    if sqlite:
        return [*totals.sqlite_statements(per_currency), *kept.sqlite_statements(per_currency)]
    return [*totals.postgres_statements(per_currency), *kept.postgres_statements(per_currency)]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    sqlite = dialect == "sqlite"
    for table in _TABLES:
        op.add_column(table, sa.Column(totals.PER_CURRENCY, sa.Text(), nullable=True))
    for statement in [*_drops(sqlite), *_creates(sqlite, per_currency=True)]:
        op.execute(statement)
    # Each objective from its items and its children's column; an objective whose column
    # changed refreshes its parent by the trigger, so the whole tree ends right.
    op.execute(totals.refresh(dialect))
    for statement in kept.rebuild(dialect):
        op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in _drops(sqlite):
        op.execute(statement)
    for table in _TABLES:  # in place on SQLite too (3.35+): no trigger reads it now
        op.execute(f"ALTER TABLE {table} DROP COLUMN {totals.PER_CURRENCY}")
    for statement in _creates(sqlite, per_currency=False):
        op.execute(statement)

"""The objectives' totals' triggers on activities and opportunities recompute only for a row
that counts before or after the write: a completed activity, a won opportunity
(models/objective_totals.py COUNTED). A new activity is not done, and a change of an open
opportunity's amount moves no total; their writes no longer recompute the objective.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29
"""

from collections.abc import Sequence

from alembic import op

from models import objective_totals as totals

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Without the sums per currency, which 0017 adds.
        for statement in [*totals.sqlite_item_drops(), *totals.sqlite_item_triggers(False)]:
            op.execute(statement)
    else:  # CREATE OR REPLACE: the function that both item tables' triggers run
        op.execute(totals.postgres_functions(per_currency=False)[1])


def downgrade() -> None:
    """The triggers stay as they are: recomputing only for rows that count gives the same
    totals as recomputing for every row."""

"""Each objective's progress totals for its subtree, kept on write by triggers: the completed
activities and the won opportunities' lowest and highest currency and split sums of the
objective and every objective below it (models/objective_totals.py).

A planning picture computed every objective's progress from its items: for each of its
objectives (about 80 in the bench's), a walk of its subtree, one look-up of the completed
activities and one of the won opportunities. It now reads the totals from the objective's
row. The triggers recompute an objective's totals whenever an activity or opportunity joins
it, leaves it, or changes what counts (status, stage, amount, currency), and then its
parent's, up the tree; this migration fills them for the rows already there.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from models import objective_totals as totals

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TYPES: dict[str, sa.types.TypeEngine[Any]] = {
    "BIGINT": sa.BigInteger(),
    "VARCHAR(3)": sa.String(length=3),
}


def upgrade() -> None:
    for name, kind, default in totals.COLUMNS:
        op.add_column(
            "objectives",
            sa.Column(name, _TYPES[kind], nullable=default is None,
                      server_default=None if default is None else sa.text(default)),
        )  # fmt: skip
    sqlite = op.get_bind().dialect.name == "sqlite"
    # As 0013 made them: without the sums per currency, which 0017 adds.
    made = totals.sqlite_statements(False) if sqlite else totals.postgres_statements(False)
    for statement in made:
        op.execute(statement)
    op.execute(totals.refresh(op.get_bind().dialect.name, per_currency=False))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in totals.sqlite_drops() if sqlite else totals.postgres_drops():
        op.execute(statement)
    with op.batch_alter_table("objectives", schema=None) as batch_op:
        for name, _, _ in reversed(totals.COLUMNS):
            batch_op.drop_column(name)

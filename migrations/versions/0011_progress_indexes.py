"""Partial indexes for objective progress: completed activities and won opportunities by
objective.

An objective's `actual` counts the completed activities, or sums the won opportunities, of
the objective and each of its sub-objectives: one index look-up per objective, for every
objective of a planning picture (about 80 in the bench's). Through the plain objective_id
indexes each look-up also reads every other activity or opportunity of the objective from
the table and drops it; these indexes hold only the rows that count, with what the sum needs
(the currency and the amount), so PostgreSQL answers from the index alone (bench/README.md).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMPLETED = "status = 'COMPLETED'"
WON = "stage = 'CLOSED_WON'"


def upgrade() -> None:
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(
            "ix_activities_completed_objective_id",
            ["objective_id"],
            unique=False,
            sqlite_where=sa.text(COMPLETED),
            postgresql_where=sa.text(COMPLETED),
        )
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.create_index(
            "ix_opportunities_won_objective_id",
            ["objective_id", "currency", "amount_milli"],
            unique=False,
            sqlite_where=sa.text(WON),
            postgresql_where=sa.text(WON),
        )


def downgrade() -> None:
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.drop_index("ix_opportunities_won_objective_id")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index("ix_activities_completed_objective_id")

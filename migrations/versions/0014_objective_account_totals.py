"""What each account contributed to a global objective, kept on write: a table of totals per
objective of a global objective's tree and per account, and a flag on objectives that marks
those trees (models/account_totals.py).

actualForAccount of a global objective counted the account's items by looking up all of the
objective's items, of every account, and keeping the account's: a picture's cost grew with
the number of accounts working on the global objectives (7 -> 20 ms on PostgreSQL for 1,200
completed activities per global objective across 2,000 accounts). The picture now reads one
row per objective of the subtree and account. Triggers keep the rows; this migration sets the
flags and fills the rows for the data already there.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models import account_totals as kept

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "objectives",
        sa.Column(kept.FLAG, sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        kept.TABLE,
        sa.Column("objective_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("done_activities", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("won_min_currency", sa.String(length=3), nullable=True),
        sa.Column("won_max_currency", sa.String(length=3), nullable=True),
        sa.Column("won_high", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("won_low", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_objective_account_totals_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objectives.id"],
            name=op.f("fk_objective_account_totals_objective_id_objectives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "objective_id", "account_id", name=op.f("pk_objective_account_totals")
        ),
    )
    op.execute(kept.SET_FLAGS)
    sqlite = op.get_bind().dialect.name == "sqlite"
    # Without the sums per currency, which 0017 adds.
    for statement in kept.sqlite_statements(False) if sqlite else kept.postgres_statements(False):
        op.execute(statement)
    for statement in kept.rebuild(op.get_bind().dialect.name, per_currency=False):
        op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in kept.sqlite_drops() if sqlite else kept.postgres_drops():
        op.execute(statement)
    op.drop_table(kept.TABLE)
    # Not in batch mode: it would rebuild objectives on SQLite and drop 0013's triggers.
    op.drop_column("objectives", kept.FLAG)

"""The outbox of live updates: one row per committed change and affected account.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.base import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change_events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("node_type", sa.String(length=40), nullable=False),
        sa.Column("node_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("changed_at", UTCDateTime(), nullable=False),
        sa.Column("history_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_events")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_change_events_account_id_id", "change_events", ["account_id", "id"])
    op.create_index(op.f("ix_change_events_changed_at"), "change_events", ["changed_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_change_events_changed_at"), table_name="change_events")
    op.drop_index("ix_change_events_account_id_id", table_name="change_events")
    op.drop_table("change_events")

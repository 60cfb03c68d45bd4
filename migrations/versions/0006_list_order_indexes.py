"""Indexes for ordered pages: accounts by name, plans by name and by last change, periods
by start date, each with id last (the order's tie-break), so an ordered page reads the page.

Revision ID: 0006
Revises: 0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = [
    ("ix_accounts_name_id", "accounts", ["name", "id"]),
    ("ix_business_plans_name_id", "business_plans", ["name", "id"]),
    ("ix_business_plans_updated_at_id", "business_plans", ["updated_at", "id"]),
    ("ix_periods_start_on_id", "periods", ["start_on", "id"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)

"""An index of the global objectives by id.

Every planning picture reads all global objectives (account and contact both NULL). Most
objectives without an account have a contact, so PostgreSQL, taking the two columns for
independent, guesses thousands of global objectives and reads them through the account index,
filtering out every contact objective. A partial index on exactly that condition is small and
is chosen whatever the guess.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GLOBAL = "account_id IS NULL AND contact_id IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("objectives", schema=None) as batch_op:
        batch_op.create_index(
            "ix_objectives_global_id",
            ["id"],
            unique=False,
            sqlite_where=sa.text(GLOBAL),
            postgresql_where=sa.text(GLOBAL),
        )


def downgrade() -> None:
    with op.batch_alter_table("objectives", schema=None) as batch_op:
        batch_op.drop_index("ix_objectives_global_id")

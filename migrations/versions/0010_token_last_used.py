"""When each API token was last used, an index for the revocation marker, and the clients'
cost buckets (fair use, ops/fair_use.py).

Every server process reads count(revoked_at) and max(revoked_at) of api_tokens about once a
second (ops/revocations.py) to drop its token cache as soon as any token is revoked; the
index keeps that read small however many tokens there are.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cost_buckets",
        sa.Column("client", sa.String(length=80), nullable=False),
        sa.Column("available", sa.Double(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("allowed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("client", name=op.f("pk_cost_buckets")),
    )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_api_tokens_revoked_at"), ["revoked_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_tokens_revoked_at"))
        batch_op.drop_column("last_used_at")
    op.drop_table("cost_buckets")

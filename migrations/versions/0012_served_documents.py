"""The documents the servers compiled for their clients, for every server's start-up warm-up.

A server process compiles each new query document on its first request, which costs tens of
milliseconds of CPU for a large document: on a fresh server (a restart, a deploy, one more
server) the first requests of every document its clients use waited for that compile. Each
server now records the documents it compiles for clients here, with the first request's
variables, and at start-up compiles the newest of them and runs their statements once on its
warm connections before it takes requests (schema/fast.py warm_up).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.base import UTCDateTime

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "served_documents",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("operation_name", sa.Text(), nullable=True),
        sa.Column("variables", sa.Text(), nullable=True),
        sa.Column("served_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_served_documents")),
    )
    with op.batch_alter_table("served_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_served_documents_served_at"), ["served_at"], unique=False
        )


def downgrade() -> None:
    op.drop_table("served_documents")

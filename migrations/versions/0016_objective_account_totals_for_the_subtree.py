"""The global objectives' totals per account hold the objective's subtree, not its own items
only (models/account_totals.py): a row is the objective's own items that reach the account
plus its children's rows, kept up the tree by a trigger on the table and by triggers on
objectives that move or are deleted. actualForAccount then reads one row by its key instead
of walking the subtree and summing a row per objective: under load that walk was about 1.7
points of the planning picture's throughput against the core picture's on PostgreSQL.

The triggers are created again (as models/account_totals.py makes them now) and the rows
rebuilt.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-29
"""

from collections.abc import Sequence

from alembic import op

from models import account_totals as kept

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _recreate() -> None:
    dialect = op.get_bind().dialect.name
    sqlite = dialect == "sqlite"
    drops = kept.sqlite_drops() if sqlite else kept.postgres_drops()
    # Without the sums per currency, which 0017 adds.
    creates = kept.sqlite_statements(False) if sqlite else kept.postgres_statements(False)
    for statement in [*drops, *creates, kept.SET_FLAGS, *kept.rebuild(dialect, False)]:
        op.execute(statement)


def upgrade() -> None:
    _recreate()


def downgrade() -> None:
    """Not reversible in place: the code of 0015 sums one row per objective of the subtree,
    and would count a global objective's sub-objectives twice in these rows."""
    raise NotImplementedError("0016 cannot be downgraded: its rows hold whole subtrees")

"""Money in exact thousandths (was millionths), so that amounts up to 10^15 fit 64 bits.

No currency has more than 3 minor digits and amounts were checked against their currency's,
so every stored amount is a whole number of thousandths: the conversion divides by 1,000
exactly. It refuses to run (and changes nothing) if any row would lose a digit.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, old column, new column, nullable, its checks: name -> condition on the new column)
COLUMNS = [
    ("business_plans", "revenue_target_micros", "revenue_target_milli", True,
     {"revenue_target_not_negative": "revenue_target_milli >= 0"}),
    ("objectives", "revenue_target_micros", "revenue_target_milli", True,
     {"revenue_target_not_negative": "revenue_target_milli >= 0",
      "revenue_target_has_currency":
          "(revenue_target_milli IS NULL) = (revenue_target_currency IS NULL)"}),
    ("opportunities", "amount_micros", "amount_milli", False,
     {"amount_not_negative": "amount_milli >= 0"}),
]  # fmt: skip


def _convert(table: str, old: str, new: str, nullable: bool, checks: dict[str, str],
             factor: int, scale_up: bool) -> None:  # fmt: skip
    if not scale_up:
        lossy = (
            op.get_bind()
            .execute(sa.text(f"SELECT count(*) FROM {table} WHERE {old} % {factor} <> 0"))
            .scalar_one()
        )
        if lossy:
            raise RuntimeError(f"{table}.{old}: {lossy} amounts are not whole thousandths")
    with op.batch_alter_table(table) as batch:
        batch.add_column(sa.Column(new, sa.BigInteger(), nullable=True))
    operator = "*" if scale_up else "/"
    op.execute(f"UPDATE {table} SET {new} = {old} {operator} {factor}")
    with op.batch_alter_table(table) as batch:
        for name in checks:
            batch.drop_constraint(op.f(f"ck_{table}_{name}"), type_="check")
        batch.drop_column(old)
        batch.alter_column(new, existing_type=sa.BigInteger(), nullable=nullable)
        for name, condition in checks.items():
            batch.create_check_constraint(op.f(f"ck_{table}_{name}"), condition)


def upgrade() -> None:
    for table, old, new, nullable, checks in COLUMNS:
        _convert(table, old, new, nullable, checks, 1000, scale_up=False)


def downgrade() -> None:
    for table, old, new, nullable, checks in COLUMNS:
        back = {name: condition.replace(new, old) for name, condition in checks.items()}
        _convert(table, new, old, nullable, back, 1000, scale_up=True)

"""Objective progress and plan copies: every objective gets a measure (existing ones by the
default rule) and a hand-typed actual; a plan remembers the plan it was copied from.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from models.objective import default_measure

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MEASURES = ("MANUAL", "COMPLETED_ACTIVITIES", "WON_REVENUE")
# The column's type; the PostgreSQL enum type itself is created (and dropped) once, explicitly.
MEASURE_TYPE = postgresql.ENUM(*MEASURES, name="objective_measure", create_type=False)


def upgrade() -> None:
    bind = op.get_bind()
    sa.Enum(*MEASURES, name="objective_measure").create(bind, checkfirst=True)
    with op.batch_alter_table("objectives", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "measure",
                MEASURE_TYPE,
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("manual_actual_micros", sa.BigInteger(), nullable=True))
        batch_op.create_check_constraint(
            "ck_objectives_manual_actual_not_negative", "manual_actual_micros >= 0"
        )
    _measure_existing_objectives(bind)
    with op.batch_alter_table("objectives", schema=None) as batch_op:
        batch_op.alter_column(
            "measure",
            existing_type=MEASURE_TYPE,
            nullable=False,
        )
    with op.batch_alter_table("business_plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("copied_from_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_business_plans_copied_from_id_business_plans",
            "business_plans",
            ["copied_from_id"],
            ["id"],
        )


def _measure_existing_objectives(bind: sa.Connection) -> None:
    """Existing objectives get the measure the default rule gives their target and unit."""
    objectives = sa.table(
        "objectives",
        sa.column("id", sa.Integer()),
        sa.column("target_micros", sa.BigInteger()),
        sa.column("unit", sa.String()),
        sa.column("revenue_target_micros", sa.BigInteger()),
        sa.column("measure", MEASURE_TYPE),
    )
    rows = bind.execute(
        sa.select(
            objectives.c.id,
            objectives.c.target_micros,
            objectives.c.unit,
            objectives.c.revenue_target_micros,
        )
    ).all()
    by_measure: dict[str, list[int]] = {}
    for pk, target, unit, revenue in rows:
        measure = default_measure(target is not None, unit, revenue is not None)
        by_measure.setdefault(measure.value, []).append(pk)
    for value, ids in by_measure.items():
        for start in range(0, len(ids), 1000):
            bind.execute(
                sa.update(objectives)
                .where(objectives.c.id.in_(ids[start : start + 1000]))
                .values(measure=value)
            )


def downgrade() -> None:
    with op.batch_alter_table("business_plans", schema=None) as batch_op:
        batch_op.drop_constraint(
            "fk_business_plans_copied_from_id_business_plans", type_="foreignkey"
        )
        batch_op.drop_column("copied_from_id")
    with op.batch_alter_table("objectives", schema=None) as batch_op:
        batch_op.drop_constraint("ck_objectives_manual_actual_not_negative", type_="check")
        batch_op.drop_column("manual_actual_micros")
        batch_op.drop_column("measure")
    sa.Enum(*MEASURES, name="objective_measure").drop(op.get_bind(), checkfirst=True)

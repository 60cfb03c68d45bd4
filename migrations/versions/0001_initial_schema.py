"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.money import ISO_4217

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("first_name", sa.String(length=200), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    op.create_table(
        "currencies",
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("minor_units", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_currencies")),
    )
    op.create_table(
        "periods",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type", sa.Enum("YEAR", "QUARTER", "MONTH", name="period_type"), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("end_on >= start_on", name=op.f("ck_periods_ends_after_start")),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["periods.id"], name=op.f("fk_periods_parent_id_periods")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_periods")),
        sa.UniqueConstraint("name", name=op.f("uq_periods_name")),
    )
    with op.batch_alter_table("periods", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_periods_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum("account_manager", "reviewer", "admin", name="user_role"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_accounts_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["accounts.id"], name=op.f("fk_accounts_parent_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_accounts_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_accounts_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_api_tokens_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_tokens_user_id"), ["user_id"], unique=False)

    op.create_table(
        "business_plans",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "ACCOUNT",
                "LOCAL",
                "REGIONAL",
                "NATIONAL",
                "MARKET_SEGMENT",
                "ENGAGEMENT",
                "BRAND",
                name="plan_type",
            ),
            nullable=False,
        ),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("DRAFT", "SUBMITTED", "FINAL_APPROVED", "EXPIRED", name="plan_status"),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("revenue_target_micros", sa.BigInteger(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "parent_id IS NULL OR parent_id <> id", name=op.f("ck_business_plans_not_own_parent")
        ),
        sa.CheckConstraint(
            "revenue_target_micros >= 0", name=op.f("ck_business_plans_revenue_target_not_negative")
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_business_plans_version_positive")),
        sa.ForeignKeyConstraint(
            ["currency"], ["currencies.code"], name=op.f("fk_business_plans_currency_currencies")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_business_plans_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["business_plans.id"],
            name=op.f("fk_business_plans_parent_id_business_plans"),
        ),
        sa.ForeignKeyConstraint(
            ["period_id"], ["periods.id"], name=op.f("fk_business_plans_period_id_periods")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_plans")),
        sa.UniqueConstraint("period_id", "name", name=op.f("uq_business_plans_period_id_name")),
    )
    with op.batch_alter_table("business_plans", schema=None) as batch_op:
        batch_op.create_index(
            "ix_business_plans_owner_status", ["owner_id", "status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_business_plans_parent_id"), ["parent_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_business_plans_period_id"), ["period_id"], unique=False
        )

    op.create_table(
        "exchange_rates",
        sa.Column("base", sa.String(length=3), nullable=False),
        sa.Column("quote", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("rate > 0", name=op.f("ck_exchange_rates_rate_positive")),
        sa.ForeignKeyConstraint(
            ["base"], ["currencies.code"], name=op.f("fk_exchange_rates_base_currencies")
        ),
        sa.ForeignKeyConstraint(
            ["quote"], ["currencies.code"], name=op.f("fk_exchange_rates_quote_currencies")
        ),
        sa.PrimaryKeyConstraint("base", "quote", name=op.f("pk_exchange_rates")),
    )
    op.create_table(
        "account_contacts",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_account_contacts_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_account_contacts_contact_id_contacts")
        ),
        sa.PrimaryKeyConstraint("account_id", "contact_id", name=op.f("pk_account_contacts")),
    )
    with op.batch_alter_table("account_contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_account_contacts_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "account_team_members",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_account_team_members_account_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_account_team_members_user_id_users")
        ),
        sa.PrimaryKeyConstraint("account_id", "user_id", name=op.f("pk_account_team_members")),
    )
    with op.batch_alter_table("account_team_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_account_team_members_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "objectives",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "DRAFT",
                "SUBMITTED",
                "FINAL_APPROVED",
                "CURRENT",
                "EXPIRED",
                "FUTURE",
                "ON_HOLD",
                name="objective_status",
            ),
            nullable=False,
        ),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("target_micros", sa.BigInteger(), nullable=True),
        sa.Column("unit", sa.String(length=100), nullable=True),
        sa.Column("revenue_target_micros", sa.BigInteger(), nullable=True),
        sa.Column("revenue_target_currency", sa.String(length=3), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(revenue_target_micros IS NULL) = (revenue_target_currency IS NULL)",
            name=op.f("ck_objectives_revenue_target_has_currency"),
        ),
        sa.CheckConstraint(
            "parent_id IS NULL OR parent_id <> id", name=op.f("ck_objectives_not_own_parent")
        ),
        sa.CheckConstraint(
            "revenue_target_micros >= 0", name=op.f("ck_objectives_revenue_target_not_negative")
        ),
        sa.CheckConstraint("target_micros >= 0", name=op.f("ck_objectives_target_not_negative")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_objectives_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_objectives_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["objectives.id"], name=op.f("fk_objectives_parent_id_objectives")
        ),
        sa.ForeignKeyConstraint(
            ["period_id"], ["periods.id"], name=op.f("fk_objectives_period_id_periods")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["business_plans.id"], name=op.f("fk_objectives_plan_id_business_plans")
        ),
        sa.ForeignKeyConstraint(
            ["revenue_target_currency"],
            ["currencies.code"],
            name=op.f("fk_objectives_revenue_target_currency_currencies"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objectives")),
    )
    with op.batch_alter_table("objectives", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_objectives_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_objectives_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(
            "ix_objectives_global",
            ["period_id"],
            unique=False,
            sqlite_where=sa.text("account_id IS NULL AND contact_id IS NULL"),
            postgresql_where=sa.text("account_id IS NULL AND contact_id IS NULL"),
        )
        batch_op.create_index(batch_op.f("ix_objectives_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_objectives_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_accounts",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_plan_accounts_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["business_plans.id"],
            name=op.f("fk_plan_accounts_plan_id_business_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("plan_id", "account_id", name=op.f("pk_plan_accounts")),
    )
    with op.batch_alter_table("plan_accounts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_accounts_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            "uq_plan_accounts_primary",
            ["plan_id"],
            unique=True,
            sqlite_where=sa.text("is_primary"),
            postgresql_where=sa.text("is_primary"),
        )

    op.create_table(
        "plan_contacts",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_plan_contacts_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["business_plans.id"],
            name=op.f("fk_plan_contacts_plan_id_business_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("plan_id", "contact_id", name=op.f("pk_plan_contacts")),
    )
    with op.batch_alter_table("plan_contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_contacts_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "plan_status_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum("DRAFT", "SUBMITTED", "FINAL_APPROVED", "EXPIRED", name="plan_status"),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum("DRAFT", "SUBMITTED", "FINAL_APPROVED", "EXPIRED", name="plan_status"),
            nullable=False,
        ),
        sa.Column("changed_by_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["changed_by_id"], ["users.id"], name=op.f("fk_plan_status_changes_changed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["business_plans.id"],
            name=op.f("fk_plan_status_changes_plan_id_business_plans"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_status_changes")),
        sa.UniqueConstraint(
            "plan_id", "version", name=op.f("uq_plan_status_changes_plan_id_version")
        ),
    )
    op.create_table(
        "opportunities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "PROSPECTING",
                "QUALIFICATION",
                "PROPOSAL",
                "NEGOTIATION",
                "CLOSED_WON",
                "CLOSED_LOST",
                name="opportunity_stage",
            ),
            nullable=False,
        ),
        sa.Column("amount_micros", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("close_on", sa.Date(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("objective_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_micros >= 0", name=op.f("ck_opportunities_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_opportunities_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["currency"], ["currencies.code"], name=op.f("fk_opportunities_currency_currencies")
        ),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objectives.id"],
            name=op.f("fk_opportunities_objective_id_objectives"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_opportunities_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunities")),
    )
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunities_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opportunities_objective_id"), ["objective_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_opportunities_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "activities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "type",
            sa.Enum("TASK", "CALL", "APPOINTMENT", "EMAIL", name="activity_type"),
            nullable=False,
        ),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column(
            "status",
            sa.Enum("NOT_STARTED", "IN_PROGRESS", "COMPLETED", "CANCELLED", name="activity_status"),
            nullable=False,
        ),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("objective_id", sa.Integer(), nullable=True),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.Column("follow_up_of_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "follow_up_of_id IS NULL OR follow_up_of_id <> id",
            name=op.f("ck_activities_not_own_follow_up"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_activities_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_activities_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["follow_up_of_id"],
            ["activities.id"],
            name=op.f("fk_activities_follow_up_of_id_activities"),
        ),
        sa.ForeignKeyConstraint(
            ["objective_id"], ["objectives.id"], name=op.f("fk_activities_objective_id_objectives")
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_activities_opportunity_id_opportunities"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_activities_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["business_plans.id"], name=op.f("fk_activities_plan_id_business_plans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activities_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_activities_follow_up_of_id"), ["follow_up_of_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activities_objective_id"), ["objective_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activities_opportunity_id"), ["opportunity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_activities_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "opportunity_contacts",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_opportunity_contacts_contact_id_contacts"),
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_opportunity_contacts_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "opportunity_id", "contact_id", name=op.f("pk_opportunity_contacts")
        ),
    )
    with op.batch_alter_table("opportunity_contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunity_contacts_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "plan_opportunities",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_plan_opportunities_opportunity_id_opportunities"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["business_plans.id"],
            name=op.f("fk_plan_opportunities_plan_id_business_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("plan_id", "opportunity_id", name=op.f("pk_plan_opportunities")),
    )
    with op.batch_alter_table("plan_opportunities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_opportunities_opportunity_id"), ["opportunity_id"], unique=False
        )
    currencies = sa.table("currencies", sa.column("code"), sa.column("minor_units"))
    op.bulk_insert(currencies, [{"code": c, "minor_units": m} for c, m in sorted(ISO_4217.items())])


def downgrade() -> None:
    with op.batch_alter_table("plan_opportunities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_opportunities_opportunity_id"))

    op.drop_table("plan_opportunities")
    with op.batch_alter_table("opportunity_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_contacts_contact_id"))

    op.drop_table("opportunity_contacts")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activities_plan_id"))
        batch_op.drop_index(batch_op.f("ix_activities_owner_id"))
        batch_op.drop_index(batch_op.f("ix_activities_opportunity_id"))
        batch_op.drop_index(batch_op.f("ix_activities_objective_id"))
        batch_op.drop_index(batch_op.f("ix_activities_follow_up_of_id"))
        batch_op.drop_index(batch_op.f("ix_activities_contact_id"))
        batch_op.drop_index(batch_op.f("ix_activities_account_id"))

    op.drop_table("activities")
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunities_owner_id"))
        batch_op.drop_index(batch_op.f("ix_opportunities_objective_id"))
        batch_op.drop_index(batch_op.f("ix_opportunities_account_id"))

    op.drop_table("opportunities")
    op.drop_table("plan_status_changes")
    with op.batch_alter_table("plan_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_contacts_contact_id"))

    op.drop_table("plan_contacts")
    with op.batch_alter_table("plan_accounts", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_plan_accounts_primary",
            sqlite_where=sa.text("is_primary"),
            postgresql_where=sa.text("is_primary"),
        )
        batch_op.drop_index(batch_op.f("ix_plan_accounts_account_id"))

    op.drop_table("plan_accounts")
    with op.batch_alter_table("objectives", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_objectives_plan_id"))
        batch_op.drop_index(batch_op.f("ix_objectives_parent_id"))
        batch_op.drop_index(
            "ix_objectives_global",
            sqlite_where=sa.text("account_id IS NULL AND contact_id IS NULL"),
            postgresql_where=sa.text("account_id IS NULL AND contact_id IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_objectives_contact_id"))
        batch_op.drop_index(batch_op.f("ix_objectives_account_id"))

    op.drop_table("objectives")
    with op.batch_alter_table("account_team_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_team_members_user_id"))

    op.drop_table("account_team_members")
    with op.batch_alter_table("account_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_contacts_contact_id"))

    op.drop_table("account_contacts")
    op.drop_table("exchange_rates")
    with op.batch_alter_table("business_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_business_plans_period_id"))
        batch_op.drop_index(batch_op.f("ix_business_plans_parent_id"))
        batch_op.drop_index("ix_business_plans_owner_status")

    op.drop_table("business_plans")
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_tokens_user_id"))

    op.drop_table("api_tokens")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_parent_id"))
        batch_op.drop_index(batch_op.f("ix_accounts_owner_id"))
        batch_op.drop_index(batch_op.f("ix_accounts_name"))

    op.drop_table("accounts")
    op.drop_table("users")
    with op.batch_alter_table("periods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_periods_parent_id"))

    op.drop_table("periods")
    op.drop_table("currencies")
    op.drop_table("contacts")

    if op.get_bind().dialect.name == "postgresql":
        for name in (
            "activity_status",
            "activity_type",
            "opportunity_stage",
            "objective_status",
            "plan_status",
            "plan_type",
            "user_role",
            "period_type",
        ):
            op.execute(f"DROP TYPE IF EXISTS {name}")

"""The standard benchmark shape: rows as plain tuples with ids computed from the account index.

Every id is arithmetic (account index -> id range), so no insert ever needs a RETURNING round
trip and a batch of accounts can be built without reading the database. Each account draws
from its own random.Random(seed, index), so the data do not depend on the batch size.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from typing import Any

from models.objective import default_measure

CONTACTS = 5  # per account
QUARTERS = 4  # sub-plans of the annual account plan
ACCOUNT_PLANS = 1 + QUARTERS
OBJECTIVES_PER_PLAN = 5
OPPORTUNITIES_PER_OBJECTIVE = 5
ACTIVITIES_PER_OPPORTUNITY = 8
GLOBAL_OBJECTIVES = 20
MANAGERS = 10

PLANS_PER_ACCOUNT = ACCOUNT_PLANS + CONTACTS  # annual + quarters + one plan per contact
PLAN_OBJECTIVES = ACCOUNT_PLANS * OBJECTIVES_PER_PLAN
OBJECTIVES_PER_ACCOUNT = PLAN_OBJECTIVES + CONTACTS
OPPORTUNITIES_PER_ACCOUNT = PLAN_OBJECTIVES * OPPORTUNITIES_PER_OBJECTIVE
OPPORTUNITY_ACTIVITIES = OPPORTUNITIES_PER_ACCOUNT * ACTIVITIES_PER_OPPORTUNITY
ACTIVITIES_PER_ACCOUNT = OPPORTUNITY_ACTIVITIES + CONTACTS

ADMIN_ID, FIRST_MANAGER_ID, REVIEWER_ID = 1, 2, 2 + MANAGERS
ADMIN_EMAIL, MANAGER_EMAIL = "admin@bench.example", "manager01@bench.example"
YEAR_ID = 1  # period ids: the year, then its quarters 2..5
YEAR = 2026
MICROS = 1_000_000  # objective targets: exact millionths
MILLI = 1_000  # money: exact thousandths (models/base.py MONEY_SCALE)

COLUMNS: dict[str, tuple[str, ...]] = {
    "users": ("id", "email", "name", "role", "created_at"),
    "api_tokens": ("id", "user_id", "token_hash", "created_at", "revoked_at"),
    "periods": ("id", "name", "type", "start_on", "end_on", "parent_id"),
    "accounts": ("id", "name", "parent_id", "owner_id", "created_at"),
    "contacts": ("id", "first_name", "last_name", "email", "created_at"),
    "account_contacts": ("account_id", "contact_id"),
    "business_plans": (
        "id", "name", "type", "period_id", "owner_id", "status", "description", "currency",
        "revenue_target_milli", "parent_id", "version", "created_at", "updated_at",
    ),
    "plan_accounts": ("plan_id", "account_id", "is_primary"),
    "plan_contacts": ("plan_id", "contact_id"),
    "plan_status_changes": (
        "id", "plan_id", "version", "from_status", "to_status", "changed_by_id", "changed_at",
        "comment",
    ),
    "objectives": (
        "id", "name", "status", "period_id", "plan_id", "parent_id", "account_id", "contact_id",
        "target_micros", "unit", "revenue_target_milli", "revenue_target_currency", "created_at",
        "measure",
    ),
    "opportunities": (
        "id", "name", "account_id", "stage", "amount_milli", "currency", "close_on", "owner_id",
        "objective_id", "created_at",
    ),
    "plan_opportunities": ("plan_id", "opportunity_id"),
    "activities": (
        "id", "type", "subject", "status", "due_at", "owner_id", "account_id", "contact_id",
        "plan_id", "objective_id", "opportunity_id", "follow_up_of_id", "created_at",
    ),
}  # fmt: skip
TABLES = tuple(COLUMNS)  # insert order: parents before children
SETUP_TABLES = ("users", "api_tokens", "periods")
ACCOUNT_TABLES = TABLES[3:]
SERIAL_TABLES = tuple(t for t, cols in COLUMNS.items() if cols[0] == "id")

STAGES = ("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "CLOSED_WON", "CLOSED_LOST")
OBJECTIVE_STATUSES = ("CURRENT", "DRAFT", "SUBMITTED", "FINAL_APPROVED", "FUTURE", "ON_HOLD")
ACTIVITY_TYPES = ("TASK", "CALL", "APPOINTMENT", "EMAIL")
ACTIVITY_STATUSES = ("NOT_STARTED", "IN_PROGRESS", "COMPLETED", "CANCELLED")
UNITS = ("sales calls", "product demos", "site visits", "proposals", "trainings")
FIRST_NAMES = ("Ana", "Bruno", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Jana")
LAST_NAMES = ("Novak", "Weber", "Rossi", "Smith", "Garcia", "Kowalski", "Dubois", "Berg")

Rows = dict[str, list[tuple[Any, ...]]]


def expected_counts(accounts: int) -> dict[str, int]:
    """Rows per table for `accounts` accounts (the shape formula)."""
    n = accounts
    return {
        "users": MANAGERS + 2, "api_tokens": 2, "periods": 1 + QUARTERS,
        "accounts": n, "contacts": n * CONTACTS, "account_contacts": n * CONTACTS,
        "business_plans": n * PLANS_PER_ACCOUNT, "plan_accounts": n * ACCOUNT_PLANS,
        "plan_contacts": n * CONTACTS, "plan_status_changes": n * PLANS_PER_ACCOUNT,
        "objectives": n * OBJECTIVES_PER_ACCOUNT + GLOBAL_OBJECTIVES,
        "opportunities": n * OPPORTUNITIES_PER_ACCOUNT,
        "plan_opportunities": n * OPPORTUNITIES_PER_ACCOUNT,
        "activities": n * ACTIVITIES_PER_ACCOUNT,
    }  # fmt: skip


class Codec:
    """Backend spelling of timestamps, dates and booleans, cached (few distinct values).

    PostgreSQL (COPY) takes aware datetimes and dates; SQLite gets the naive-UTC text that
    SQLAlchemy's DateTime/Date write there (models.base.UTCDateTime drops the offset).
    """

    EPOCH = dt.datetime(YEAR, 1, 1, tzinfo=dt.UTC)

    def __init__(self, sqlite: bool) -> None:
        self.sqlite = sqlite
        self.true = 1 if sqlite else True
        self.ts = functools.lru_cache(maxsize=None)(self._ts)
        self.day = functools.lru_cache(maxsize=None)(self._day)

    def _ts(self, seconds: int) -> Any:
        value = self.EPOCH + dt.timedelta(seconds=seconds)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f") if self.sqlite else value

    def _day(self, days: int) -> Any:
        value = self.EPOCH.date() + dt.timedelta(days=days)
        return value.isoformat() if self.sqlite else value


def empty_rows() -> Rows:
    return {table: [] for table in TABLES}


def setup_rows(out: Rows, codec: Codec, token_hashes: tuple[str, str]) -> None:
    """Users (an admin, account managers, a reviewer), two tokens, the year and its quarters."""
    at = codec.ts(0)
    out["users"].append((ADMIN_ID, ADMIN_EMAIL, "Bench Admin", "admin", at))
    for m in range(MANAGERS):
        email = f"manager{m + 1:02d}@bench.example"
        out["users"].append(
            (FIRST_MANAGER_ID + m, email, f"Bench Manager {m + 1:02d}", "account_manager", at)
        )
    out["users"].append((REVIEWER_ID, "reviewer@bench.example", "Bench Reviewer", "reviewer", at))
    out["api_tokens"].append((1, ADMIN_ID, token_hashes[0], at, None))
    out["api_tokens"].append((2, FIRST_MANAGER_ID, token_hashes[1], at, None))
    out["periods"].append((YEAR_ID, f"FY{YEAR}", "YEAR", codec.day(0), _year_end(codec), None))
    for q in range(QUARTERS):
        start = dt.date(YEAR, 3 * q + 1, 1)
        end = dt.date(YEAR + (q == 3), (3 * q + 3) % 12 + 1, 1) - dt.timedelta(days=1)
        out["periods"].append(
            (
                YEAR_ID + 1 + q,
                f"FY{YEAR} Q{q + 1}",
                "QUARTER",
                _as_day(codec, start),
                _as_day(codec, end),
                YEAR_ID,
            )
        )
    for g in range(GLOBAL_OBJECTIVES):
        period, target = YEAR_ID + g % ACCOUNT_PLANS, (g + 1) * 10 * MICROS
        out["objectives"].append(
            (
                g + 1,
                f"Product launch goal {g + 1}",
                "CURRENT",
                period,
                None,
                None,
                None,
                None,
                target,
                "product demos",
                None,
                None,
                at,
                default_measure(True, "product demos", False).value,
            )
        )


def _as_day(codec: Codec, value: dt.date) -> Any:
    return codec.day((value - Codec.EPOCH.date()).days)


def _year_end(codec: Codec) -> Any:
    return _as_day(codec, dt.date(YEAR, 12, 31))


def account_rows(out: Rows, codec: Codec, index: int, seed: int) -> None:
    """All rows of the account with 0-based `index` (id index + 1), appended to `out`."""
    rng = random.Random(seed * 1_000_003 + index)
    aid, owner = index + 1, FIRST_MANAGER_ID + index % MANAGERS
    at = codec.ts(index * 60)
    out["accounts"].append((aid, f"Account {aid}", None, owner, at))
    for c in range(CONTACTS):
        cid = index * CONTACTS + c + 1
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        out["contacts"].append((cid, first, last, f"contact{cid}@bench.example", at))
        out["account_contacts"].append((aid, cid))
    _account_plans(out, codec, rng, index, owner, at)
    for c in range(CONTACTS):
        _contact_work(out, codec, rng, index, c, owner, at)


def _plan(out: Rows, plan: tuple[Any, ...], at: Any) -> None:
    """A DRAFT plan at version 1 and its creation row in the history (id = plan id)."""
    pid, owner = plan[0], plan[4]
    out["business_plans"].append(plan)
    out["plan_status_changes"].append((pid, pid, 1, None, "DRAFT", owner, at, None))


def _account_plans(
    out: Rows, codec: Codec, rng: random.Random, index: int, owner: int, at: Any
) -> None:
    aid, first_plan = index + 1, index * PLANS_PER_ACCOUNT + 1
    annual_target = rng.randrange(500, 5000) * 1000 * MILLI
    for p in range(ACCOUNT_PLANS):
        pid = first_plan + p
        name = f"Account {aid} annual" if p == 0 else f"Account {aid} Q{p}"
        target, parent = (annual_target, None) if p == 0 else (annual_target // 4, first_plan)
        _plan(
            out,
            (
                pid,
                name,
                "ACCOUNT",
                YEAR_ID + p,
                owner,
                "DRAFT",
                f"Grow Account {aid}",
                "EUR",
                target,
                parent,
                1,
                at,
                at,
            ),
            at,
        )
        out["plan_accounts"].append((pid, aid, codec.true))
        for o in range(OBJECTIVES_PER_PLAN):
            _plan_objective(out, codec, rng, index, p, o, owner, at)


def _plan_objective(
    out: Rows, codec: Codec, rng: random.Random, index: int, p: int, o: int, owner: int, at: Any
) -> None:
    aid, pid = index + 1, index * PLANS_PER_ACCOUNT + 1 + p
    j = p * OBJECTIVES_PER_PLAN + o
    oid = GLOBAL_OBJECTIVES + index * OBJECTIVES_PER_ACCOUNT + j + 1
    revenue = rng.randrange(10, 500) * 1000 * MILLI if o % 2 == 0 else None
    out["objectives"].append(
        (
            oid,
            f"Account {aid} objective {j + 1}",
            OBJECTIVE_STATUSES[j % len(OBJECTIVE_STATUSES)],
            YEAR_ID + p,
            pid,
            None,
            aid,
            None,
            rng.randrange(1, 50) * MICROS,
            UNITS[o],
            revenue,
            "EUR" if revenue else None,
            at,
            default_measure(True, UNITS[o], revenue is not None).value,
        )
    )
    for q in range(OPPORTUNITIES_PER_OBJECTIVE):
        k = j * OPPORTUNITIES_PER_OBJECTIVE + q
        opp = index * OPPORTUNITIES_PER_ACCOUNT + k + 1
        amount = rng.randrange(1_000, 250_000) * MILLI + rng.randrange(100) * 10
        out["opportunities"].append(
            (
                opp,
                f"Account {aid} deal {k + 1}",
                aid,
                STAGES[(index + k) % len(STAGES)],
                amount,
                "EUR",
                codec.day(rng.randrange(365)),
                owner,
                oid,
                at,
            )
        )
        out["plan_opportunities"].append((pid, opp))
        _opportunity_activities(out, codec, rng, (index, pid, oid, opp, k), owner, at)


def _opportunity_activities(
    out: Rows, codec: Codec, rng: random.Random, ids: tuple[int, ...], owner: int, at: Any
) -> None:
    index, pid, oid, opp, k = ids
    first = index * ACTIVITIES_PER_ACCOUNT + k * ACTIVITIES_PER_OPPORTUNITY + 1
    append = out["activities"].append
    for r in range(ACTIVITIES_PER_OPPORTUNITY):
        kind = ACTIVITY_TYPES[r % len(ACTIVITY_TYPES)]
        due = codec.ts(rng.randrange(364) * 86400 + (8 + r) * 3600)
        append(
            (
                first + r,
                kind,
                f"{kind.title()} {r + 1} on deal {opp}",
                ACTIVITY_STATUSES[(r + k) % len(ACTIVITY_STATUSES)],
                due,
                owner,
                index + 1,
                None,
                pid,
                oid,
                opp,
                None,
                at,
            )
        )


def _contact_work(
    out: Rows, codec: Codec, rng: random.Random, index: int, c: int, owner: int, at: Any
) -> None:
    """The contact's own plan, objective (in that plan) and activity (on both)."""
    cid = index * CONTACTS + c + 1
    pid = index * PLANS_PER_ACCOUNT + ACCOUNT_PLANS + c + 1
    oid = GLOBAL_OBJECTIVES + index * OBJECTIVES_PER_ACCOUNT + PLAN_OBJECTIVES + c + 1
    act = index * ACTIVITIES_PER_ACCOUNT + OPPORTUNITY_ACTIVITIES + c + 1
    target = rng.randrange(10, 200) * 1000 * MILLI
    _plan(
        out,
        (
            pid,
            f"Contact {cid} plan",
            "ENGAGEMENT",
            YEAR_ID,
            owner,
            "DRAFT",
            f"Engage contact {cid}",
            "EUR",
            target,
            None,
            1,
            at,
            at,
        ),
        at,
    )
    out["plan_contacts"].append((pid, cid))
    out["objectives"].append(
        (
            oid,
            f"Contact {cid} objective",
            "CURRENT",
            YEAR_ID,
            pid,
            None,
            None,
            cid,
            4 * MICROS,
            "meetings",
            None,
            None,
            at,
            default_measure(True, "meetings", False).value,
        )
    )
    due = codec.ts(rng.randrange(364) * 86400 + 10 * 3600)
    out["activities"].append(
        (
            act,
            "APPOINTMENT",
            f"Meet contact {cid}",
            "NOT_STARTED",
            due,
            owner,
            None,
            cid,
            pid,
            oid,
            None,
            None,
            at,
        )
    )

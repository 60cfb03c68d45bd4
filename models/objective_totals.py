"""An objective's totals, kept on write: what its progress reads of the items of its subtree
(the objective and every objective below it, each item once): the completed activities, and
the won opportunities' lowest and highest currency and split sums.

`actual` counts the objective and its sub-objectives. An item is linked to one objective at
most (its objective_id), so an objective's totals are its own items' plus its children's
totals, and a picture's statement reads them from the objective's row: no walk of the
subtree and no look-up of an activity or opportunity per objective
(resolvers/fastpath/progress.py). Only the sums per currency that a won amount needing an
exchange rate sends to Python are still read from the items.

The database keeps them, whatever writes (a mutation, a migration, a test's raw SQL):
triggers on activities and opportunities recompute the objectives a row leaves and joins,
and a trigger on objectives recomputes the parent of an objective whose totals changed (or
that moved, or was deleted), and so up the tree (SQLite needs `recursive_triggers`, set on
every connection in models/db.py). They recompute, not add, so a currency's min and max stay
right when an opportunity leaves. On PostgreSQL each recompute first locks the objective's
row; its UPDATE then reads with a snapshot taken after any concurrent writer of that
objective committed, so two transactions adding completed activities to one objective
count both.

Two things to keep in mind. A SQLite connection that writes without models/db.py's pragmas
(the sqlite3 shell, say) recomputes the objectives it touches but not their ancestors: set
`PRAGMA recursive_triggers=ON` there too. And Alembic's batch mode rebuilds a SQLite table
by copying it, which drops its triggers: a later migration that batch-alters activities,
opportunities or objectives must create them again (sqlite_statements()).

The won sums are split as resolvers/read/sources.py money_sum splits them (amount // SPLIT
and amount % SPLIT, each far below 2^63 for any number of rows): SQLite never overflows.
"""

from __future__ import annotations

SPLIT = 10**9  # resolvers/read/sources.py SPLIT (a test checks they are equal)

# The columns on objectives, their SQL types and server defaults.
COLUMNS = (
    ("done_activities", "BIGINT", "0"),
    ("won_min_currency", "VARCHAR(3)", None),
    ("won_max_currency", "VARCHAR(3)", None),
    ("won_high", "BIGINT", "0"),
    ("won_low", "BIGINT", "0"),
)
NAMES = tuple(name for name, _, _ in COLUMNS)

_WON = "FROM opportunities o WHERE o.objective_id = objectives.id AND o.stage = 'CLOSED_WON'"
_CHILDREN = "FROM objectives c WHERE c.parent_id = objectives.id"


def either(pick: str, own: str, children: str) -> str:
    """The lower (pick '<') or higher ('>') of two texts that may be null."""
    return (
        f"CASE WHEN ({own}) IS NULL THEN ({children}) WHEN ({children}) IS NULL THEN ({own}) "
        f"WHEN ({own}) {pick} ({children}) THEN ({own}) ELSE ({children}) END"
    )


# The totals of the objectives that the WHERE clause appended to it picks: their own items'
# and their children's totals. No WITH: SQLite's triggers refuse one.
REFRESH = (
    "UPDATE objectives SET "
    "done_activities = (SELECT count(*) FROM activities a "
    "WHERE a.objective_id = objectives.id AND a.status = 'COMPLETED') "
    f"+ (SELECT coalesce(sum(c.done_activities), 0) {_CHILDREN}), "
    "won_min_currency = "
    + either("<", f"SELECT min(o.currency) {_WON}", f"SELECT min(c.won_min_currency) {_CHILDREN}")
    + ", won_max_currency = "
    + either(">", f"SELECT max(o.currency) {_WON}", f"SELECT max(c.won_max_currency) {_CHILDREN}")
    + f", won_high = (SELECT coalesce(sum(o.amount_milli / {SPLIT}), 0) {_WON}) "
    f"+ (SELECT coalesce(sum(c.won_high), 0) {_CHILDREN}), "
    f"won_low = (SELECT coalesce(sum(o.amount_milli % {SPLIT}), 0) {_WON}) "
    f"+ (SELECT coalesce(sum(c.won_low), 0) {_CHILDREN})"
)

# What each item table's trigger watches: a change of any of these can move a total.
WATCHED = {
    "activities": ("status", "objective_id"),
    "opportunities": ("stage", "amount_milli", "currency", "objective_id"),
}
# When an item counts: a write of an item that counted neither before nor after changes no
# total, and its trigger recomputes nothing (migration 0015; a new activity is not done).
COUNTED = {"activities": "status = 'COMPLETED'", "opportunities": "stage = 'CLOSED_WON'"}

CHANGED_PG = " OR ".join(f"OLD.{n} IS DISTINCT FROM NEW.{n}" for n in NAMES)


def _counted_block() -> str:
    """PL/pgSQL: whether the row counted before the write and after it (per table)."""
    out = []
    for i, (table, counted) in enumerate(COUNTED.items()):
        out += [
            f"    {'IF' if i == 0 else 'ELSIF'} TG_TABLE_NAME = '{table}' THEN",
            f"        IF TG_OP <> 'INSERT' THEN counted_before := OLD.{counted}; END IF;",
            f"        IF TG_OP <> 'DELETE' THEN counted_after := NEW.{counted}; END IF;",
        ]
    return "\n".join([*out, "    END IF;"])


POSTGRES_FUNCTIONS = (
    f"""
CREATE OR REPLACE FUNCTION objective_totals_refresh(objective bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF objective IS NULL THEN
        RETURN;
    END IF;
    -- Wait for a concurrent writer of this objective; the UPDATE's snapshot then sees it.
    PERFORM 1 FROM objectives WHERE id = objective FOR UPDATE;
    {REFRESH} WHERE id = objective;
END
$$
""",
    f"""
CREATE OR REPLACE FUNCTION objective_totals_from_items() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    counted_before boolean := false;
    counted_after boolean := false;
BEGIN
{_counted_block()}
    IF NOT (coalesce(counted_before, false) OR coalesce(counted_after, false)) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM objective_totals_refresh(OLD.objective_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE'
            AND NEW.objective_id IS DISTINCT FROM OLD.objective_id) THEN
        PERFORM objective_totals_refresh(NEW.objective_id);
    END IF;
    RETURN NULL;
END
$$
""",
    f"""
CREATE OR REPLACE FUNCTION objective_totals_up() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM objective_totals_refresh(OLD.parent_id);
    ELSIF NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
        PERFORM objective_totals_refresh(OLD.parent_id);
        PERFORM objective_totals_refresh(NEW.parent_id);
    ELSIF {CHANGED_PG} THEN
        PERFORM objective_totals_refresh(NEW.parent_id);
    END IF;
    RETURN NULL;
END
$$
""",
)


def trigger_name(table: str) -> str:
    return f"{table}_objective_totals"


def postgres_statements() -> list[str]:
    """The functions and the three triggers (PostgreSQL)."""
    out = list(POSTGRES_FUNCTIONS)
    for table, columns in WATCHED.items():
        out.append(
            f"CREATE TRIGGER {trigger_name(table)} AFTER INSERT OR DELETE OR UPDATE OF "
            f"{', '.join(columns)} ON {table} FOR EACH ROW "
            "EXECUTE FUNCTION objective_totals_from_items()"
        )
    out.append(
        f"CREATE TRIGGER {trigger_name('objectives')} AFTER DELETE OR UPDATE OF parent_id, "
        f"{', '.join(NAMES)} ON objectives FOR EACH ROW EXECUTE FUNCTION objective_totals_up()"
    )
    return out


def postgres_drops() -> list[str]:
    out = [f"DROP TRIGGER IF EXISTS {trigger_name(t)} ON {t}" for t in (*WATCHED, "objectives")]
    return [
        *out,
        "DROP FUNCTION IF EXISTS objective_totals_up()",
        "DROP FUNCTION IF EXISTS objective_totals_from_items()",
        "DROP FUNCTION IF EXISTS objective_totals_refresh(bigint)",
    ]


CHANGED_SQLITE = " OR ".join(f"OLD.{n} IS NOT NEW.{n}" for n in NAMES)


def sqlite_item_triggers() -> list[str]:
    """Three triggers per item table (one event per trigger), each only for a row that
    counts before or after the write."""
    out = []
    for table, columns in WATCHED.items():
        name, counted = trigger_name(table), COUNTED[table]
        out += [
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} "
            f"WHEN NEW.objective_id IS NOT NULL AND NEW.{counted} BEGIN "
            f"{REFRESH} WHERE id = NEW.objective_id; END",
            f"CREATE TRIGGER {name}_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
            f"WHEN OLD.{counted} OR NEW.{counted} "
            f"BEGIN {REFRESH} WHERE id IN (OLD.objective_id, NEW.objective_id); END",
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} "
            f"WHEN OLD.objective_id IS NOT NULL AND OLD.{counted} BEGIN "
            f"{REFRESH} WHERE id = OLD.objective_id; END",
        ]
    return out


def sqlite_item_drops() -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {trigger_name(t)}_{event}"
        for t in WATCHED
        for event in ("insert", "update", "delete")
    ]


def sqlite_statements() -> list[str]:
    """The item tables' triggers and three on objectives (one event per trigger)."""
    out = sqlite_item_triggers()
    name = trigger_name("objectives")
    out += [
        f"CREATE TRIGGER {name}_moved AFTER UPDATE OF parent_id ON objectives "
        f"WHEN OLD.parent_id IS NOT NEW.parent_id BEGIN "
        f"{REFRESH} WHERE id IN (OLD.parent_id, NEW.parent_id); END",
        f"CREATE TRIGGER {name}_up AFTER UPDATE OF {', '.join(NAMES)} ON objectives "
        f"WHEN NEW.parent_id IS NOT NULL AND OLD.parent_id IS NEW.parent_id "
        f"AND ({CHANGED_SQLITE}) BEGIN {REFRESH} WHERE id = NEW.parent_id; END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON objectives "
        f"WHEN OLD.parent_id IS NOT NULL BEGIN {REFRESH} WHERE id = OLD.parent_id; END",
    ]
    return out


def sqlite_drops() -> list[str]:
    items = sqlite_item_drops()
    name = trigger_name("objectives")
    return [*items, *(f"DROP TRIGGER IF EXISTS {name}_{e}" for e in ("moved", "up", "delete"))]

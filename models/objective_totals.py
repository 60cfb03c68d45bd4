"""An objective's totals, kept on write: what its progress reads of the items of its subtree
(the objective and every objective below it, each item once): the completed activities, and
the won opportunities' lowest and highest currency, split sums, and split sums per currency
(a JSON text, PER_CURRENCY, since migration 0017).

`actual` counts the objective and its sub-objectives. An item is linked to one objective at
most (its objective_id), so an objective's totals are its own items' plus its children's
totals, and a picture's statement reads them from the objective's row: no walk of the
subtree and no look-up of an activity or opportunity per objective
(resolvers/fastpath/progress.py). A won amount that needs an exchange rate goes to Python
with the sums per currency, read from the row too.

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
FIRST = tuple(name for name, _, _ in COLUMNS)  # migration 0013's
# The won sums per currency, a JSON text {"EUR": [high, low], ...} (migration 0017): what a
# won amount that needs an exchange rate converts, read from the row too. Null when none.
PER_CURRENCY = "won_by_currency"
NAMES = (*FIRST, PER_CURRENCY)


def names(per_currency: bool) -> tuple[str, ...]:
    """The totals' columns; without the sums per currency, as migrations 0013 to 0016 knew
    them (they create their triggers with the code of today, before 0017 adds the column,
    and 0017 creates them again)."""
    return NAMES if per_currency else FIRST


_WON = "FROM opportunities o WHERE o.objective_id = objectives.id AND o.stage = 'CLOSED_WON'"
_CHILDREN = "FROM objectives c WHERE c.parent_id = objectives.id"


def either(pick: str, own: str, children: str) -> str:
    """The lowest (pick 'min') or highest ('max') of the values that two selects give
    (each "SELECT value FROM ..."), null when neither gives one: each select runs once,
    where a CASE comparing the two ran each of them up to three times."""
    return f"(SELECT {pick}(e.v) FROM ({own} UNION ALL {children}) AS e)"


def _entries(dialect: str, column: str) -> tuple[str, str, str]:
    """The sums per currency in the JSON text `column` as a table (to alias e; its key is the
    currency) and the expressions of an entry's high and low parts."""
    if dialect == "sqlite":
        parts = "json_extract(e.value, '$[0]')", "json_extract(e.value, '$[1]')"
        return f"json_each({column})", *parts
    return f"json_each(({column})::json)", "(e.value ->> 0)::numeric", "(e.value ->> 1)::numeric"


def currency_sums(dialect: str, won: str, children: str, where: str, column: str) -> str:
    """The JSON text of won sums per currency (PER_CURRENCY): the opportunities that `won`
    picks (FROM ... WHERE, alias o) and the sums per currency, in `column`, of the rows
    that `children` (FROM, without WHERE) and `where` pick. Null when there are none. Keys in
    order, so an unchanged total gives the same text."""
    each, high, low = _entries(dialect, column)
    merged = f"SELECT e.key, {high}, {low} {children} CROSS JOIN {each} AS e WHERE {where}"
    if dialect == "sqlite":
        build = "nullif(json_group_object(g.currency, json_array(g.high, g.low)), '{}')"
    else:
        build = (
            "(json_object_agg(g.currency, json_build_array(g.high, g.low) "
            "ORDER BY g.currency))::text"
        )
    own = (
        f"SELECT o.currency AS currency, o.amount_milli / {SPLIT} AS high, "
        f"o.amount_milli % {SPLIT} AS low {won}"
    )
    return (
        f"(SELECT {build} FROM (SELECT x.currency AS currency, sum(x.high) AS high, "
        f"sum(x.low) AS low FROM ({own} UNION ALL {merged}) AS x "
        "GROUP BY x.currency ORDER BY x.currency) AS g)"
    )


def won_select(dialect: str, inner: str, columns: str = "") -> str:
    """A select of `columns` (each followed by a comma), then the won totals (NAMES[1:])
    from the sums per currency (a JSON text) in the column PER_CURRENCY of the subquery
    `inner` (aliased q): the currencies' lowest and highest and the split sums, read from
    that text, and the text. `inner` should end with kept(): then each row's sums are
    computed once, not once per column that reads them."""
    each, high, low = _entries(dialect, f"q.{PER_CURRENCY}")
    derived = ", ".join([
        f"(SELECT min(e.key) FROM {each} AS e)", f"(SELECT max(e.key) FROM {each} AS e)",
        f"(SELECT coalesce(sum({high}), 0) FROM {each} AS e)",
        f"(SELECT coalesce(sum({low}), 0) FROM {each} AS e)",
    ])  # fmt: skip
    return f"SELECT {columns}{derived}, q.{PER_CURRENCY} FROM ({inner}) AS q"


def kept(dialect: str) -> str:
    """What keeps a subquery from being merged into its reader (its columns computed once)."""
    return " LIMIT -1 OFFSET 0" if dialect == "sqlite" else " OFFSET 0"


def refresh(dialect: str, per_currency: bool = True) -> str:
    """An UPDATE of the totals of the objectives that the WHERE clause appended to it
    picks: their own items' and their children's totals. No WITH: SQLite's triggers refuse
    one. With the sums per currency, the won deals and the children's totals are read once
    (the other won totals follow from the sums); without, as migrations 0013 to 0016 made
    it, once per column."""
    if not per_currency:
        return _REFRESH_FIRST
    sums = currency_sums(
        dialect, _WON, "FROM objectives c", "c.parent_id = objectives.id", f"c.{PER_CURRENCY}"
    )
    won = f"({won_select(dialect, f'SELECT {sums} AS {PER_CURRENCY}{kept(dialect)}')})"
    return f"UPDATE objectives SET {_DONE_SET}, ({', '.join(NAMES[1:])}) = {won}"


_DONE_SET = (
    "done_activities = (SELECT count(*) FROM activities a "
    "WHERE a.objective_id = objectives.id AND a.status = 'COMPLETED') "
    f"+ (SELECT coalesce(sum(c.done_activities), 0) {_CHILDREN})"
)
_REFRESH_FIRST = (
    f"UPDATE objectives SET {_DONE_SET}, "
    "won_min_currency = "
    + either("min", f"SELECT o.currency AS v {_WON}", f"SELECT c.won_min_currency {_CHILDREN}")
    + ", won_max_currency = "
    + either("max", f"SELECT o.currency AS v {_WON}", f"SELECT c.won_max_currency {_CHILDREN}")
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


def changed_pg(per_currency: bool = True) -> str:
    """PL/pgSQL: whether a row's totals changed."""
    return " OR ".join(f"OLD.{n} IS DISTINCT FROM NEW.{n}" for n in names(per_currency))


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


def postgres_functions(per_currency: bool = True) -> tuple[str, str, str]:
    """The refresh of one objective and the two trigger functions (PostgreSQL)."""
    return (
        _POSTGRES_REFRESH.format(refresh=refresh("postgresql", per_currency)),
        _POSTGRES_FROM_ITEMS,
        _POSTGRES_UP.format(changed=changed_pg(per_currency)),
    )


_POSTGRES_REFRESH = """
CREATE OR REPLACE FUNCTION objective_totals_refresh(objective bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF objective IS NULL THEN
        RETURN;
    END IF;
    -- Wait for a concurrent writer of this objective; the UPDATE's snapshot then sees it.
    PERFORM 1 FROM objectives WHERE id = objective FOR UPDATE;
    {refresh} WHERE id = objective;
END
$$
"""
_POSTGRES_FROM_ITEMS = f"""
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
"""
_POSTGRES_UP = """
CREATE OR REPLACE FUNCTION objective_totals_up() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM objective_totals_refresh(OLD.parent_id);
    ELSIF NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
        PERFORM objective_totals_refresh(OLD.parent_id);
        PERFORM objective_totals_refresh(NEW.parent_id);
    ELSIF {changed} THEN
        PERFORM objective_totals_refresh(NEW.parent_id);
    END IF;
    RETURN NULL;
END
$$
"""


def trigger_name(table: str) -> str:
    return f"{table}_objective_totals"


def postgres_statements(per_currency: bool = True) -> list[str]:
    """The functions and the three triggers (PostgreSQL)."""
    out = list(postgres_functions(per_currency))
    for table, columns in WATCHED.items():
        out.append(
            f"CREATE TRIGGER {trigger_name(table)} AFTER INSERT OR DELETE OR UPDATE OF "
            f"{', '.join(columns)} ON {table} FOR EACH ROW "
            "EXECUTE FUNCTION objective_totals_from_items()"
        )
    out.append(
        f"CREATE TRIGGER {trigger_name('objectives')} AFTER DELETE OR UPDATE OF parent_id, "
        f"{', '.join(names(per_currency))} ON objectives FOR EACH ROW "
        "EXECUTE FUNCTION objective_totals_up()"
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


def changed_sqlite(per_currency: bool = True) -> str:
    """SQLite: whether a row's totals changed."""
    return " OR ".join(f"OLD.{n} IS NOT NEW.{n}" for n in names(per_currency))


def sqlite_item_triggers(per_currency: bool = True) -> list[str]:
    """Three triggers per item table (one event per trigger), each only for a row that
    counts before or after the write."""
    out, refresh_sql = [], refresh("sqlite", per_currency)
    for table, columns in WATCHED.items():
        name, counted = trigger_name(table), COUNTED[table]
        out += [
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} "
            f"WHEN NEW.objective_id IS NOT NULL AND NEW.{counted} BEGIN "
            f"{refresh_sql} WHERE id = NEW.objective_id; END",
            f"CREATE TRIGGER {name}_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
            f"WHEN OLD.{counted} OR NEW.{counted} "
            f"BEGIN {refresh_sql} WHERE id IN (OLD.objective_id, NEW.objective_id); END",
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} "
            f"WHEN OLD.objective_id IS NOT NULL AND OLD.{counted} BEGIN "
            f"{refresh_sql} WHERE id = OLD.objective_id; END",
        ]
    return out


def sqlite_item_drops() -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {trigger_name(t)}_{event}"
        for t in WATCHED
        for event in ("insert", "update", "delete")
    ]


def sqlite_statements(per_currency: bool = True) -> list[str]:
    """The item tables' triggers and three on objectives (one event per trigger)."""
    out, refresh_sql = sqlite_item_triggers(per_currency), refresh("sqlite", per_currency)
    name = trigger_name("objectives")
    out += [
        f"CREATE TRIGGER {name}_moved AFTER UPDATE OF parent_id ON objectives "
        f"WHEN OLD.parent_id IS NOT NEW.parent_id BEGIN "
        f"{refresh_sql} WHERE id IN (OLD.parent_id, NEW.parent_id); END",
        f"CREATE TRIGGER {name}_up AFTER UPDATE OF {', '.join(names(per_currency))} "
        "ON objectives "
        f"WHEN NEW.parent_id IS NOT NULL AND OLD.parent_id IS NEW.parent_id "
        f"AND ({changed_sqlite(per_currency)}) BEGIN {refresh_sql} WHERE id = NEW.parent_id; END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON objectives "
        f"WHEN OLD.parent_id IS NOT NULL BEGIN {refresh_sql} WHERE id = OLD.parent_id; END",
    ]
    return out


def sqlite_drops() -> list[str]:
    items = sqlite_item_drops()
    name = trigger_name("objectives")
    return [*items, *(f"DROP TRIGGER IF EXISTS {name}_{e}" for e in ("moved", "up", "delete"))]

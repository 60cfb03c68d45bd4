"""What each account contributed to a global objective, kept on write: per objective of a
global objective's tree and per account, the totals of the items of the objective's subtree
that reach the account (the account's own items and its contacts'), as
models/objective_totals.py keeps them for all items: completed activities, the won
opportunities' lowest and highest currency, split sums and split sums per currency.

actualForAccount of a global objective on an account's objectives edge counts the items of
the objective's subtree that reach the account. Counted from the items, each picture looked
up every global objective's items of all accounts and kept the account's: a global objective
with 1,200 completed activities across 2,000 accounts made a picture 7 ms -> 20 ms on
PostgreSQL, and more with every account. A picture now reads one row per global objective
and account, by its key (resolvers/fastpath/progress.py).

The rows are kept only for the objectives of a global objective's tree: `in_global_tree` on
objectives (a global objective, or one below it), set by triggers when an objective is
created or moves or changes its account or contact, and passed down to its children. A row
is the objective's own items that reach the account plus its children's rows for the
account (an item belongs to one objective at most). Rows are recomputed, never added to:
- by triggers on activities and opportunities, for the objective the item leaves and the
  one it joins, and the accounts it reaches (its account, its contacts' accounts); an
  opportunity deleted recomputes every account of its objective's rows (its contacts may be
  gone first, by the cascade);
- by triggers on opportunity_contacts and account_contacts, for the accounts and objectives
  that the link joins;
- by a trigger on this table, for the parent of a row's objective, so up the tree (only
  when the row's totals changed);
- when an objective moves (its old parent's rows, its new parent for its accounts), is
  deleted (its parent's rows), or enters or leaves a global tree (its rows dropped and
  rebuilt from its items and its children's rows).
On PostgreSQL each recompute first locks the objective's row, as models/objective_totals.py
does, so concurrent writers all count.

Rows of totals that went back to zero stay (they read as zero). The same caution as
models/objective_totals.py: a SQLite writer without `recursive_triggers` passes a changed
flag to the children but not further down and a changed row to the parent but not further
up, and a batch migration of these tables must create the triggers again.
"""

from __future__ import annotations

from models.objective_totals import (
    COUNTED,
    PER_CURRENCY,
    SPLIT,
    changed_pg,
    changed_sqlite,
    currency_sums,
    either,
    kept,
    names,
    won_select,
)

TABLE = "objective_account_totals"
FLAG = "in_global_tree"
PREFIX = "objective_account_totals"

# When an item counts, on the aliases the SQL below gives activities (a) and opportunities (o).
_DONE_A, _WON_O = f"a.{COUNTED['activities']}", f"o.{COUNTED['opportunities']}"
# An item reaches an account: its own account, or a contact of the account (the activity's
# contact; one of the opportunity's contacts). `p` is the (objective_id, account_id) pair.
_CONTACTS = "SELECT ac.contact_id FROM account_contacts ac WHERE ac.account_id = p.account_id"
_DONE = (
    "(SELECT count(*) FROM activities a WHERE a.objective_id = p.objective_id "
    f"AND {_DONE_A} AND (a.account_id = p.account_id "
    f"OR a.contact_id IN ({_CONTACTS})))"
)
_WON = (
    f"FROM opportunities o WHERE o.objective_id = p.objective_id AND {_WON_O} "
    "AND (o.account_id = p.account_id OR EXISTS (SELECT 1 FROM opportunity_contacts oc "
    f"WHERE oc.opportunity_id = o.id AND oc.contact_id IN ({_CONTACTS})))"
)


# The rows of the objective's children for the same account (all of a global tree's).
_CHILDREN_FROM = f"FROM objectives c JOIN {TABLE} ct ON ct.objective_id = c.id"
_CHILDREN_WHERE = "c.parent_id = p.objective_id AND ct.account_id = p.account_id"
_CHILD_ROWS = f"{_CHILDREN_FROM} WHERE {_CHILDREN_WHERE}"


def upsert(pairs: str, dialect: str, per_currency: bool = True) -> str:
    """Recompute the rows of the (objective_id, account_id) pairs that `pairs` selects, for
    the objectives of a global tree (others are skipped): the objective's own items that
    reach the account, plus its children's rows for the account. No WITH: SQLite's triggers
    refuse one. With the sums per currency, each pair's won deals and its children's rows
    are read once (the other won totals follow from the sums); without, as migrations 0014
    to 0016 made it, once per column."""
    done = f"{_DONE} + (SELECT coalesce(sum(ct.done_activities), 0) {_CHILD_ROWS})"
    chosen = (
        f"FROM (SELECT DISTINCT q.objective_id, q.account_id FROM ({pairs}) AS q) AS p "
        f"JOIN objectives g ON g.id = p.objective_id "
        f"WHERE p.account_id IS NOT NULL AND g.{FLAG}"
    )
    if per_currency:
        sums = currency_sums(dialect, _WON, _CHILDREN_FROM, _CHILDREN_WHERE, f"ct.{PER_CURRENCY}")
        columns = f"p.objective_id AS objective_id, p.account_id AS account_id, {done} AS done"
        inner = f"SELECT {columns}, {sums} AS {PER_CURRENCY} {chosen}{kept(dialect)}"
        # SQLite reads "ON CONFLICT" after a FROM as a join's: a WHERE comes between.
        select = won_select(dialect, inner, "q.objective_id, q.account_id, q.done, ")
        select += " WHERE true"
    else:
        values = ", ".join(
            [
                done,
                either("min", f"SELECT o.currency AS v {_WON}",
                       f"SELECT ct.won_min_currency {_CHILD_ROWS}"),
                either("max", f"SELECT o.currency AS v {_WON}",
                       f"SELECT ct.won_max_currency {_CHILD_ROWS}"),
                f"(SELECT coalesce(sum(o.amount_milli / {SPLIT}), 0) {_WON}) "
                f"+ (SELECT coalesce(sum(ct.won_high), 0) {_CHILD_ROWS})",
                f"(SELECT coalesce(sum(o.amount_milli % {SPLIT}), 0) {_WON}) "
                f"+ (SELECT coalesce(sum(ct.won_low), 0) {_CHILD_ROWS})",
            ]
        )  # fmt: skip
        select = f"SELECT p.objective_id, p.account_id, {values} {chosen}"
    return (
        f"INSERT INTO {TABLE} (objective_id, account_id, {', '.join(names(per_currency))}) "
        f"{select} ON CONFLICT (objective_id, account_id) DO UPDATE SET "
        + ", ".join(f"{name} = excluded.{name}" for name in names(per_currency))
    )


def activity_pairs(row: str) -> str:
    """The activity `row` (NEW or OLD): its objective, with each account it reaches."""
    return (
        f"SELECT {row}.objective_id AS objective_id, {row}.account_id AS account_id "
        f"UNION SELECT {row}.objective_id, ac.account_id FROM account_contacts ac "
        f"WHERE ac.contact_id = {row}.contact_id"
    )


def opportunity_pairs(row: str) -> str:
    return (
        f"SELECT {row}.objective_id AS objective_id, {row}.account_id AS account_id "
        f"UNION SELECT {row}.objective_id, ac.account_id FROM opportunity_contacts oc "
        f"JOIN account_contacts ac ON ac.contact_id = oc.contact_id "
        f"WHERE oc.opportunity_id = {row}.id"
    )


# An opportunity deleted: every account with a row of its objective (its contacts' links
# may already be gone).
DELETED_OPPORTUNITY_PAIRS = (
    f"SELECT t.objective_id AS objective_id, t.account_id AS account_id FROM {TABLE} t "
    "WHERE t.objective_id = OLD.objective_id"
)


def opportunity_contact_pairs(row: str) -> str:
    return (
        f"SELECT o.objective_id AS objective_id, ac.account_id AS account_id "
        f"FROM opportunities o JOIN account_contacts ac ON ac.contact_id = {row}.contact_id "
        f"WHERE o.id = {row}.opportunity_id"
    )


def account_contact_pairs(row: str) -> str:
    """The account of the link, with the objectives of its contact's counted items."""
    return (
        f"SELECT a.objective_id AS objective_id, {row}.account_id AS account_id "
        f"FROM activities a WHERE a.contact_id = {row}.contact_id AND {_DONE_A} "
        f"UNION SELECT o.objective_id, {row}.account_id FROM opportunity_contacts oc "
        f"JOIN opportunities o ON o.id = oc.opportunity_id "
        f"WHERE oc.contact_id = {row}.contact_id AND {_WON_O}"
    )


def own_pairs(objectives: str) -> str:
    """Every account reached by a counted item of the objectives that `objectives` (a
    condition on a column `objective_id`, with the placeholder {c}) picks."""
    a, o = objectives.format(c="a.objective_id"), objectives.format(c="o.objective_id")
    return (
        f"SELECT a.objective_id AS objective_id, a.account_id AS account_id FROM activities a "
        f"WHERE {a} AND {_DONE_A} "
        f"UNION SELECT a.objective_id, ac.account_id FROM activities a "
        f"JOIN account_contacts ac ON ac.contact_id = a.contact_id "
        f"WHERE {a} AND {_DONE_A} "
        f"UNION SELECT o.objective_id, o.account_id FROM opportunities o "
        f"WHERE {o} AND {_WON_O} "
        f"UNION SELECT o.objective_id, ac.account_id FROM opportunities o "
        f"JOIN opportunity_contacts oc ON oc.opportunity_id = o.id "
        f"JOIN account_contacts ac ON ac.contact_id = oc.contact_id "
        f"WHERE {o} AND {_WON_O}"
    )


def parent_pairs(row: str) -> str:
    """A row of the table (NEW or OLD): its objective's parent, for the same account."""
    return (
        f"SELECT o.parent_id AS objective_id, {row}.account_id AS account_id "
        f"FROM objectives o WHERE o.id = {row}.objective_id"
    )


# An objective moved: its old parent's rows, and its new parent for each of its accounts.
MOVED_PAIRS = (
    f"SELECT OLD.parent_id AS objective_id, t.account_id AS account_id FROM {TABLE} t "
    f"WHERE t.objective_id = OLD.parent_id "
    f"UNION SELECT NEW.parent_id, t.account_id FROM {TABLE} t WHERE t.objective_id = NEW.id"
)
# An objective deleted (its rows go by the cascade, maybe first): its parent's rows.
DELETED_OBJECTIVE_PAIRS = (
    f"SELECT OLD.parent_id AS objective_id, t.account_id AS account_id FROM {TABLE} t "
    "WHERE t.objective_id = OLD.parent_id"
)
# An objective entering a global tree: its own items' accounts and its children's.
REBUILT_PAIRS = (
    own_pairs("{c} = NEW.id") + " UNION SELECT NEW.id, ct.account_id FROM objectives c "
    f"JOIN {TABLE} ct ON ct.objective_id = c.id WHERE c.parent_id = NEW.id"
)


def flag_of(row: str) -> str:
    """Whether the objective `row` is in a global tree: global itself, or its parent is."""
    return (
        f"(({row}.account_id IS NULL AND {row}.contact_id IS NULL) OR coalesce("
        f"(SELECT up.{FLAG} FROM objectives up WHERE up.id = {row}.parent_id), false))"
    )


# Every objective's flag, from the global objectives down (a migration, bench.load).
SET_FLAGS = (
    f"WITH RECURSIVE tree(id) AS (SELECT id FROM objectives "
    "WHERE account_id IS NULL AND contact_id IS NULL "
    "UNION SELECT o.id FROM objectives o JOIN tree ON o.parent_id = tree.id) "
    f"UPDATE objectives SET {FLAG} = (id IN (SELECT id FROM tree)) "
    f"WHERE {FLAG} IS DISTINCT FROM (id IN (SELECT id FROM tree))"
)


def rebuild(dialect: str, per_currency: bool = True) -> list[str]:
    """Every row afresh (after SET_FLAGS)."""
    every = own_pairs(f"{{c}} IN (SELECT id FROM objectives WHERE {FLAG})")
    return [f"DELETE FROM {TABLE}", upsert(every, dialect, per_currency)]


WATCHED = {
    "activities": ("status", "objective_id", "account_id", "contact_id"),
    "opportunities": ("stage", "amount_milli", "currency", "objective_id", "account_id"),
}
_PAIRS = {"activities": activity_pairs, "opportunities": opportunity_pairs}
# The link tables: (table, pairs of a row).
LINKS = {
    "opportunity_contacts": opportunity_contact_pairs,
    "account_contacts": account_contact_pairs,
}


def _lock(pairs: str) -> str:
    """PostgreSQL: lock the pairs' objectives before recomputing (a later statement's
    snapshot then sees every writer that held them)."""
    return (
        f"PERFORM 1 FROM objectives WHERE id IN (SELECT q.objective_id FROM ({pairs}) AS q) "
        "ORDER BY id FOR UPDATE;"
    )


def trigger_name(table: str) -> str:
    return f"{table}_account_totals"


def _function(table: str) -> str:
    return f"{PREFIX}_{table}"


def postgres_statements(per_currency: bool = True) -> list[str]:
    def recompute(pairs: str) -> str:
        return f"{_lock(pairs)}\n    {upsert(pairs, 'postgresql', per_currency)};"

    out = []
    for table, counted in COUNTED.items():
        pairs = _PAIRS[table]
        deleted = DELETED_OPPORTUNITY_PAIRS if table == "opportunities" else pairs("OLD")
        out.append(f"""
CREATE FUNCTION {_function(table)}() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.{counted} AND OLD.objective_id IS NOT NULL THEN
            {recompute(deleted)}
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.{counted} AND OLD.objective_id IS NOT NULL THEN
        {recompute(pairs("OLD"))}
    END IF;
    IF NEW.{counted} AND NEW.objective_id IS NOT NULL THEN
        {recompute(pairs("NEW"))}
    END IF;
    RETURN NULL;
END
$$
""")
        out.append(
            f"CREATE TRIGGER {trigger_name(table)} AFTER INSERT OR DELETE OR UPDATE OF "
            f"{', '.join(WATCHED[table])} ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION {_function(table)}()"
        )
    for table, pairs in LINKS.items():
        out.append(f"""
CREATE FUNCTION {_function(table)}() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        {recompute(pairs("OLD"))}
    ELSE
        {recompute(pairs("NEW"))}
    END IF;
    RETURN NULL;
END
$$
""")
        out.append(
            f"CREATE TRIGGER {trigger_name(table)} AFTER INSERT OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {_function(table)}()"
        )
    out.append(f"""
CREATE FUNCTION {PREFIX}_flag() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.{FLAG} := {flag_of("NEW")};
    RETURN NEW;
END
$$
""")
    out.append(
        f"CREATE TRIGGER objectives_global_tree BEFORE INSERT OR UPDATE OF parent_id, "
        f"account_id, contact_id ON objectives FOR EACH ROW EXECUTE FUNCTION {PREFIX}_flag()"
    )
    out.append(f"""
CREATE FUNCTION {PREFIX}_flag_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE objectives SET {FLAG} = ((account_id IS NULL AND contact_id IS NULL) OR NEW.{FLAG})
        WHERE parent_id = NEW.id;
    PERFORM 1 FROM objectives WHERE id = NEW.id FOR UPDATE;
    DELETE FROM {TABLE} WHERE objective_id = NEW.id;
    {upsert(REBUILT_PAIRS, "postgresql", per_currency)};
    RETURN NULL;
END
$$
""")
    out.append(
        f"CREATE TRIGGER objectives_global_tree_changed AFTER UPDATE ON objectives "
        f"FOR EACH ROW WHEN (OLD.{FLAG} IS DISTINCT FROM NEW.{FLAG}) "
        f"EXECUTE FUNCTION {PREFIX}_flag_changed()"
    )
    out.append(f"""
CREATE FUNCTION {PREFIX}_up() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        {recompute(parent_pairs("OLD"))}
    ELSIF TG_OP = 'INSERT' OR {changed_pg(per_currency)} THEN
        {recompute(parent_pairs("NEW"))}
    END IF;
    RETURN NULL;
END
$$
""")
    out.append(
        f"CREATE TRIGGER {TABLE}_up AFTER INSERT OR DELETE OR UPDATE ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION {PREFIX}_up()"
    )
    for event, changed, when in (
        ("moved", MOVED_PAIRS, "OLD.parent_id IS DISTINCT FROM NEW.parent_id"),
        ("deleted", DELETED_OBJECTIVE_PAIRS, "OLD.parent_id IS NOT NULL"),
    ):
        out.append(f"""
CREATE FUNCTION {PREFIX}_{event}() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    {recompute(changed)}
    RETURN NULL;
END
$$
""")
        on = "UPDATE OF parent_id" if event == "moved" else "DELETE"
        out.append(
            f"CREATE TRIGGER objectives_account_totals_{event} AFTER {on} ON objectives "
            f"FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION {PREFIX}_{event}()"
        )
    return out


def postgres_drops() -> list[str]:
    tables = [*COUNTED, *LINKS]
    return [
        *(f"DROP TRIGGER IF EXISTS {trigger_name(t)} ON {t}" for t in tables),
        "DROP TRIGGER IF EXISTS objectives_global_tree ON objectives",
        "DROP TRIGGER IF EXISTS objectives_global_tree_changed ON objectives",
        f"DROP TRIGGER IF EXISTS {TABLE}_up ON {TABLE}",
        "DROP TRIGGER IF EXISTS objectives_account_totals_moved ON objectives",
        "DROP TRIGGER IF EXISTS objectives_account_totals_deleted ON objectives",
        f"DROP FUNCTION IF EXISTS {PREFIX}_up()",
        f"DROP FUNCTION IF EXISTS {PREFIX}_moved()",
        f"DROP FUNCTION IF EXISTS {PREFIX}_deleted()",
        *(f"DROP FUNCTION IF EXISTS {_function(t)}()" for t in tables),
        f"DROP FUNCTION IF EXISTS {PREFIX}_flag()",
        f"DROP FUNCTION IF EXISTS {PREFIX}_flag_changed()",
    ]


def sqlite_statements(per_currency: bool = True) -> list[str]:
    def up(pairs: str) -> str:
        return upsert(pairs, "sqlite", per_currency)

    out = []
    for table, counted in COUNTED.items():
        name, pairs = trigger_name(table), _PAIRS[table]
        deleted = DELETED_OPPORTUNITY_PAIRS if table == "opportunities" else pairs("OLD")
        out += [
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} "
            f"WHEN NEW.{counted} AND NEW.objective_id IS NOT NULL "
            f"BEGIN {up(pairs('NEW'))}; END",
            f"CREATE TRIGGER {name}_update AFTER UPDATE OF {', '.join(WATCHED[table])} "
            f"ON {table} WHEN (OLD.{counted} AND OLD.objective_id IS NOT NULL) "
            f"OR (NEW.{counted} AND NEW.objective_id IS NOT NULL) "
            f"BEGIN {up(pairs('OLD'))}; {up(pairs('NEW'))}; END",
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} "
            f"WHEN OLD.{counted} AND OLD.objective_id IS NOT NULL "
            f"BEGIN {up(deleted)}; END",
        ]
    for table, pairs in LINKS.items():
        name = trigger_name(table)
        out += [
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} BEGIN {up(pairs('NEW'))}; END",
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN {up(pairs('OLD'))}; END",
        ]
    out += [
        f"CREATE TRIGGER objectives_global_tree_insert AFTER INSERT ON objectives "
        f"WHEN {flag_of('NEW')} BEGIN UPDATE objectives SET {FLAG} = true "
        "WHERE id = NEW.id; END",
        f"CREATE TRIGGER objectives_global_tree_moved AFTER UPDATE OF parent_id, account_id, "
        f"contact_id ON objectives BEGIN UPDATE objectives SET {FLAG} = {flag_of('NEW')} "
        "WHERE id = NEW.id; END",
        f"CREATE TRIGGER objectives_global_tree_changed AFTER UPDATE OF {FLAG} ON objectives "
        f"WHEN OLD.{FLAG} IS NOT NEW.{FLAG} BEGIN "
        f"UPDATE objectives SET {FLAG} = ((account_id IS NULL AND contact_id IS NULL) "
        f"OR NEW.{FLAG}) WHERE parent_id = NEW.id; "
        f"DELETE FROM {TABLE} WHERE objective_id = NEW.id; "
        f"{up(REBUILT_PAIRS)}; END",
        f"CREATE TRIGGER {TABLE}_up_insert AFTER INSERT ON {TABLE} "
        f"BEGIN {up(parent_pairs('NEW'))}; END",
        f"CREATE TRIGGER {TABLE}_up_update AFTER UPDATE ON {TABLE} "
        f"WHEN {changed_sqlite(per_currency)} BEGIN {up(parent_pairs('NEW'))}; END",
        f"CREATE TRIGGER {TABLE}_up_delete AFTER DELETE ON {TABLE} "
        f"BEGIN {up(parent_pairs('OLD'))}; END",
        "CREATE TRIGGER objectives_account_totals_moved AFTER UPDATE OF parent_id "
        f"ON objectives WHEN OLD.parent_id IS NOT NEW.parent_id BEGIN {up(MOVED_PAIRS)}; END",
        "CREATE TRIGGER objectives_account_totals_deleted AFTER DELETE ON objectives "
        f"WHEN OLD.parent_id IS NOT NULL BEGIN {up(DELETED_OBJECTIVE_PAIRS)}; END",
    ]
    return out


def sqlite_drops() -> list[str]:
    names = [f"{trigger_name(t)}_{e}" for t in COUNTED for e in ("insert", "update", "delete")]
    names += [f"{trigger_name(t)}_{e}" for t in LINKS for e in ("insert", "delete")]
    names += [f"objectives_global_tree_{e}" for e in ("insert", "moved", "changed")]
    names += [f"{TABLE}_up_{e}" for e in ("insert", "update", "delete")]
    names += [f"objectives_account_totals_{e}" for e in ("moved", "deleted")]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in names]

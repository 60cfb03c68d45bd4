"""The floor: one hand-written PostgreSQL statement that builds the picture document.

plangraph answers `bench/queries/picture.graphql` with ~16 statements plus Python resolvers and
serialization; this module builds the same JSON document (`{"data": {...}}`) in ONE statement,
so the benchmark can say how far plangraph is from what the database alone can do.
tests/test_bench_run.py proves the two documents are equal.

It follows plangraph's rules (README "The planning picture"): every list ordered by id and cut
at the query's `first`; `via` = the first of ACCOUNT, CONTACT (lowest contact id), GLOBAL, each
item once; `rootOnly` = plans whose parent is not in the account's plans; roll-ups over the
plan and every plan below it, each opportunity once, CLOSED_LOST left out. Ids are urlsafe
base64 of "<Type>:<pk>" (resolvers/ids.py), amounts are *_milli rounded to the currency's
minor units, `target` is the shortest exact decimal (Python's str(Decimal)).

The planning fields (build_sql(planning=True), the default: picture.graphql) follow the same
rules: an objective's `actual` by its measure over the objective and its sub-objectives, each
item once (completed activities, won revenue, or the manual figure), `progress` = actual /
target (the revenue target for won revenue) printed as Python prints a float,
`actualForAccount` counting only the account's own items for a global objective, and
revenueByCurrency's sums per bucket and currency with the rates a conversion would lack.
build_sql(planning=False) builds bench/queries/picture_core.graphql's document.

Limits, stated rather than hidden: PostgreSQL only (json_agg, DISTINCT ON, base64 encode);
roll-ups and won-revenue progress sum amounts without exchange-rate conversion (the bench data
are all EUR, so the result is exact there; a mixed-currency plan would differ from plangraph);
PostgreSQL rounds half away from zero where plangraph rounds half-even (bench amounts are
whole cents: no difference).
"""

from __future__ import annotations

from typing import Any

# `first` of each list in picture.graphql, named by where it sits in the document.
FIRST = {
    "contacts": 100, "plans": 20, "sub_plans": 10, "plan_objectives": 10,
    "plan_opportunities": 50, "plan_activities": 250, "objective_opportunities": 10,
    "opportunity_activities": 10, "objectives": 100, "opportunities": 200, "activities": 50,
}  # fmt: skip
VIA = "CASE {0}.prio WHEN 1 THEN 'ACCOUNT' WHEN 2 THEN 'CONTACT' ELSE 'GLOBAL' END"


def gid(type_name: str, column: str) -> str:
    """resolvers.ids.to_global_id in SQL: urlsafe base64 of "<Type>:<pk>"."""
    encoded = f"encode(convert_to('{type_name}:' || {column}, 'UTF8'), 'base64')"
    return f"translate({encoded}, '+/', '-_')"


def money(milli: str, currency: str) -> str:
    """A Money object: thousandths rounded to the currency's minor units, as plangraph's
    quantize."""
    digits = f"(SELECT minor_units FROM currencies WHERE code = {currency})"
    return (
        f"json_build_object('amount', round({milli}::numeric * 0.001, {digits})::text, "
        f"'currency', {currency})"
    )


def nodes(obj: str, table: str, where: str, first: int, alias: str = "t", join: str = "") -> str:
    """A JSON array of `obj` over the first `first` rows of `table` by id (a connection page);
    `join`: what else each row reads (a LATERAL)."""
    return (
        f"COALESCE((SELECT json_agg({obj} ORDER BY {alias}.id) FROM (SELECT * FROM {table} "
        f"WHERE {where} ORDER BY id LIMIT {first}) {alias} {join}), '[]'::json)"
    )


def minor_units(currency: str) -> str:
    return f"(SELECT minor_units FROM currencies WHERE code = {currency})"


def progress_lateral(alias: str, name: str, for_account: bool = False) -> str:
    """`name`.done (actual, as text) and `name`.ratio (progress, a float) of the objective
    `alias`, over it and its sub-objectives, each item once. `for_account`: actualForAccount
    (a global objective counts only items of account $1 or of its contacts)."""
    activity_filter = opportunity_filter = ""
    if for_account:
        not_global = f"NOT ({alias}.account_id IS NULL AND {alias}.contact_id IS NULL)"
        activity_filter = (
            f" AND ({not_global} OR a.account_id = $1 "
            "OR a.contact_id IN (SELECT contact_id FROM my_contacts))"
        )
        opportunity_filter = (
            f" AND ({not_global} OR o.account_id = $1 OR EXISTS (SELECT 1 FROM "
            "opportunity_contacts oc WHERE oc.opportunity_id = o.id "
            "AND oc.contact_id IN (SELECT contact_id FROM my_contacts)))"
        )
    currency = f"COALESCE({alias}.revenue_target_currency, (SELECT min(currency) FROM won))"
    won = (
        f"CASE WHEN {alias}.revenue_target_currency IS NULL AND (SELECT count(*) FROM won) > 1 "
        f"THEN NULL WHEN {currency} IS NULL THEN '0' ELSE round((SELECT COALESCE(sum(milli), 0) "
        f"FROM won)::numeric * 0.001, {minor_units(currency)})::text END"
    )
    completed = (
        "(SELECT count(*) FROM activities a WHERE a.objective_id IN (SELECT id FROM sub) "
        f"AND a.status = 'COMPLETED'{activity_filter})::text"
    )
    done = (
        f"CASE {alias}.measure "
        f"WHEN 'MANUAL' THEN trim_scale({alias}.manual_actual_micros::numeric * 0.000001)::text "
        f"WHEN 'COMPLETED_ACTIVITIES' THEN {completed} ELSE {won} END"
    )
    goal = (
        f"CASE WHEN {alias}.measure = 'WON_REVENUE' AND {alias}.revenue_target_milli IS NOT NULL "
        f"THEN round({alias}.revenue_target_milli::numeric * 0.001, "
        f"{minor_units(f'{alias}.revenue_target_currency')})::text "
        f"ELSE trim_scale({alias}.target_micros::numeric * 0.000001)::text END"
    )
    return f"""LEFT JOIN LATERAL (
    WITH RECURSIVE sub(id) AS (
        SELECT {alias}.id UNION SELECT c.id FROM objectives c JOIN sub ON c.parent_id = sub.id),
    won AS (SELECT o.currency, sum(o.amount_milli) AS milli FROM opportunities o
            WHERE o.objective_id IN (SELECT id FROM sub) AND o.stage = 'CLOSED_WON'
            {opportunity_filter} GROUP BY o.currency)
    SELECT d.done, d.done::float8 / NULLIF(({goal})::float8, 0) AS ratio
    FROM (SELECT {done} AS done OFFSET 0) d) {name} ON true"""


def progress_json(name: str) -> str:
    """models/progress.py progress as the JSON number Python prints (integral: "2.0")."""
    ratio = f"{name}.ratio"
    return (
        f"CASE WHEN {ratio} = trunc({ratio}) AND abs({ratio}) < 1e16 "
        f"THEN ({ratio}::text || '.0')::json ELSE to_json({ratio}) END"
    )


def progress_fields(name: str) -> str:
    return f", 'actual', to_json({name}.done), 'progress', {progress_json(name)}"


def opportunity(alias: str, extra: str = "") -> str:
    amount = money(f"{alias}.amount_milli", f"{alias}.currency")
    return (
        f"json_build_object('id', {gid('Opportunity', f'{alias}.id')}, 'name', {alias}.name, "
        f"'stage', {alias}.stage, 'amount', {amount}{extra})"
    )


def objective(alias: str, extra: str = "", planning: bool = True) -> str:
    """An objective; with the planning fields, its progress from the lateral `g{alias}`."""
    target = f"trim_scale({alias}.target_micros::numeric * 0.000001)::text"
    more = f", 'measure', {alias}.measure{progress_fields('g' + alias)}" if planning else ""
    return (
        f"json_build_object('id', {gid('Objective', f'{alias}.id')}, 'name', {alias}.name, "
        f"'target', {target}, 'unit', {alias}.unit{more}{extra})"
    )


def objective_join(alias: str, planning: bool) -> str:
    return progress_lateral(alias, "g" + alias) if planning else ""


def sub_plan(planning: bool) -> str:
    """A sub-plan with its objectives, opportunities and activities (flat lists)."""
    opportunities = nodes(
        opportunity("so"),
        "opportunities",
        "id IN (SELECT opportunity_id FROM plan_opportunities WHERE plan_id = s.id)",
        FIRST["plan_opportunities"],
        "so",
    )
    activity = (
        f"json_build_object('id', {gid('Activity', 'sa.id')}, 'subject', sa.subject, "
        "'status', sa.status)"
    )
    objectives = nodes(
        objective("sj", planning=planning), "objectives", "plan_id = s.id",
        FIRST["plan_objectives"], "sj", objective_join("sj", planning),
    )  # fmt: skip
    return (
        f"json_build_object('id', {gid('BusinessPlan', 's.id')}, 'name', s.name, "
        f"'status', s.status, 'objectives', json_build_object('nodes', {objectives}), "
        f"'opportunities', json_build_object('nodes', {opportunities}), "
        f"'activities', json_build_object('nodes', "
        f"{nodes(activity, 'activities', 'plan_id = s.id', FIRST['plan_activities'], 'sa')}))"
    )


def plan_objective(planning: bool) -> str:
    """An objective of a root plan, its opportunities, and their activities."""
    activity = (
        f"json_build_object('id', {gid('Activity', 'ta.id')}, 'subject', ta.subject, "
        "'status', ta.status, 'type', ta.type)"
    )
    activities = nodes(
        activity, "activities", "opportunity_id = tp.id", FIRST["opportunity_activities"], "ta"
    )
    opportunities = nodes(
        opportunity("tp", f", 'activities', json_build_object('nodes', {activities})"),
        "opportunities",
        "objective_id = tj.id",
        FIRST["objective_opportunities"],
        "tp",
    )
    return objective(
        "tj", f", 'opportunities', json_build_object('nodes', {opportunities})", planning
    )


def root_plan(planning: bool) -> str:
    """A root plan of the picture with roll-ups (lateral `r`), sub-plans and objectives."""
    target = (
        f"CASE WHEN p.revenue_target_milli IS NULL THEN NULL ELSE "
        f"{money('p.revenue_target_milli', 'p.currency')} END"
    )
    objectives = nodes(
        plan_objective(planning), "objectives", "plan_id = p.id", FIRST["plan_objectives"],
        "tj", objective_join("tj", planning),
    )  # fmt: skip
    sub_plans = nodes(
        sub_plan(planning), "business_plans", "parent_id = p.id", FIRST["sub_plans"], "s"
    )
    by_currency = (
        "'revenueByCurrency', json_build_object('won', r.won_by_currency, "
        "'pipeline', r.open_by_currency, 'missingRates', r.missing_rates), "
        if planning
        else ""
    )
    return (
        f"json_build_object('id', {gid('BusinessPlan', 'p.id')}, 'name', p.name, "
        f"'status', p.status, 'revenueTarget', {target}, "
        f"'wonRevenue', {money('COALESCE(r.won, 0)', 'p.currency')}, "
        f"'pipelineRevenue', {money('COALESCE(r.open, 0)', 'p.currency')}, {by_currency}"
        f"'subPlans', json_build_object('nodes', {sub_plans}), "
        f"'objectives', json_build_object('nodes', {objectives}))"
    )


def per_currency(bucket: str) -> str:
    amount = money("milli", "currency")
    return (
        f"COALESCE((SELECT json_agg({amount} ORDER BY currency) FROM sums "
        f"WHERE bucket = '{bucket}'), '[]'::json)"
    )


# The roll-ups of plan `p`: over its tree, each opportunity once, per bucket and currency.
ROLLUP = f"""LEFT JOIN LATERAL (
    WITH RECURSIVE tree(id) AS (
        SELECT p.id UNION SELECT b.id FROM business_plans b JOIN tree ON b.parent_id = tree.id),
    sums AS (
        SELECT CASE WHEN o.stage = 'CLOSED_WON' THEN 'won' ELSE 'open' END AS bucket,
               o.currency, sum(o.amount_milli) AS milli
        FROM opportunities o
        WHERE o.id IN (SELECT po.opportunity_id FROM plan_opportunities po
                       JOIN tree ON po.plan_id = tree.id) AND o.stage <> 'CLOSED_LOST'
        GROUP BY 1, 2)
    SELECT (SELECT sum(milli) FROM sums WHERE bucket = 'won') AS won,
           (SELECT sum(milli) FROM sums WHERE bucket = 'open') AS open,
           {per_currency("won")} AS won_by_currency,
           {per_currency("open")} AS open_by_currency,
           COALESCE((SELECT json_agg(pair ORDER BY pair) FROM (
               SELECT DISTINCT s.currency || '->' || p.currency AS pair FROM sums s
               WHERE s.currency <> p.currency AND NOT EXISTS (
                   SELECT 1 FROM exchange_rates x
                   WHERE (x.base = s.currency AND x.quote = p.currency)
                      OR (x.base = p.currency AND x.quote = s.currency))) m), '[]'::json)
               AS missing_rates) r ON true"""
ROLLUP_CORE = """LEFT JOIN LATERAL (
    WITH RECURSIVE tree(id) AS (
        SELECT p.id UNION SELECT b.id FROM business_plans b JOIN tree ON b.parent_id = tree.id)
    SELECT sum(o.amount_milli) FILTER (WHERE o.stage = 'CLOSED_WON') AS won,
           sum(o.amount_milli) FILTER (WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) AS open
    FROM opportunities o
    WHERE o.id IN (SELECT po.opportunity_id FROM plan_opportunities po
                   JOIN tree ON po.plan_id = tree.id)) r ON true"""

# Every (item, via, contact) link of the account, then the first way per item (DISTINCT ON).
LINKS = """
my_contacts AS (SELECT contact_id FROM account_contacts WHERE account_id = $1),
plan_via AS (SELECT DISTINCT ON (item) item, prio, contact FROM (
    SELECT plan_id AS item, 1 AS prio, NULL::int AS contact FROM plan_accounts
    WHERE account_id = $1
    UNION ALL SELECT plan_id, 2, contact_id FROM plan_contacts
    WHERE contact_id IN (SELECT contact_id FROM my_contacts)) l ORDER BY item, prio, contact),
root_via AS (SELECT v.* FROM plan_via v JOIN business_plans b ON b.id = v.item
    WHERE b.parent_id IS NULL OR b.parent_id NOT IN (SELECT item FROM plan_via)),
objective_via AS (SELECT DISTINCT ON (item) item, prio, contact FROM (
    SELECT id AS item, 1 AS prio, NULL::int AS contact FROM objectives WHERE account_id = $1
    UNION ALL SELECT id, 2, contact_id FROM objectives
    WHERE contact_id IN (SELECT contact_id FROM my_contacts)
    UNION ALL SELECT id, 3, NULL FROM objectives WHERE account_id IS NULL AND contact_id IS NULL
    ) l ORDER BY item, prio, contact),
opportunity_via AS (SELECT DISTINCT ON (item) item, prio, contact FROM (
    SELECT id AS item, 1 AS prio, NULL::int AS contact FROM opportunities WHERE account_id = $1
    UNION ALL SELECT opportunity_id, 2, contact_id FROM opportunity_contacts
    WHERE contact_id IN (SELECT contact_id FROM my_contacts)) l ORDER BY item, prio, contact),
activity_via AS (SELECT DISTINCT ON (item) item, prio, contact FROM (
    SELECT id AS item, 1 AS prio, NULL::int AS contact FROM activities WHERE account_id = $1
    UNION ALL SELECT id, 2, contact_id FROM activities
    WHERE contact_id IN (SELECT contact_id FROM my_contacts)) l ORDER BY item, prio, contact)"""


def via_connection(
    cte: str,
    table: str,
    node: str,
    first: int,
    contact: bool,
    edge_extra: str = "",
    join: str = "",
) -> str:
    """totalCount and the first `first` edges (by id) of one picture connection."""
    via_contact = (
        f", 'viaContact', CASE WHEN v.contact IS NULL THEN NULL ELSE "
        f"json_build_object('id', {gid('Contact', 'v.contact')}) END"
    )
    edge = (
        f"json_build_object('via', {VIA.format('v')}"
        f"{via_contact if contact else ''}{edge_extra}, 'node', {node})"
    )
    return (
        f"json_build_object('totalCount', (SELECT count(*) FROM {cte}), 'edges', "
        f"COALESCE((SELECT json_agg({edge} ORDER BY v.item) FROM (SELECT * FROM {cte} "
        f"ORDER BY item LIMIT {first}) v JOIN {table} n ON n.id = v.item {join}), '[]'::json))"
    )


def _plans_connection(planning: bool) -> str:
    via_contact = (
        f"CASE WHEN v.contact IS NULL THEN NULL ELSE "
        f"json_build_object('id', {gid('Contact', 'v.contact')}) END"
    )
    edge = (
        f"json_build_object('via', {VIA.format('v')}, 'viaContact', {via_contact}, "
        f"'node', {root_plan(planning)})"
    )
    return (
        f"json_build_object('totalCount', (SELECT count(*) FROM root_via), 'edges', "
        f"COALESCE((SELECT json_agg({edge} ORDER BY v.item) FROM (SELECT * FROM root_via "
        f"ORDER BY item LIMIT {FIRST['plans']}) v JOIN business_plans p ON p.id = v.item "
        f"{ROLLUP if planning else ROLLUP_CORE}), '[]'::json))"
    )


def build_sql(planning: bool = True) -> str:
    """The one statement; $1 is the account's primary key; the result is the document as text.
    `planning`: picture.graphql's document, else picture_core.graphql's."""
    contact = (
        f"json_build_object('id', {gid('Contact', 'c.id')}, 'firstName', c.first_name, "
        "'lastName', c.last_name, 'email', c.email)"
    )
    contacts = nodes(
        contact, "contacts", "id IN (SELECT contact_id FROM my_contacts)", FIRST["contacts"], "c"
    )
    actual = ", 'actual', to_json(gn.done)" if planning else ""
    objectives = via_connection(
        "objective_via",
        "objectives",
        f"json_build_object('id', {gid('Objective', 'n.id')}, 'name', n.name, "
        f"'isGlobal', n.account_id IS NULL AND n.contact_id IS NULL{actual})",
        FIRST["objectives"],
        True,
        ", 'actualForAccount', to_json(fn.done)" if planning else "",
        progress_lateral("n", "gn") + "\n" + progress_lateral("n", "fn", True) if planning else "",
    )
    opportunities = via_connection(
        "opportunity_via",
        "opportunities",
        f"json_build_object('id', {gid('Opportunity', 'n.id')}, 'name', n.name, 'stage', n.stage)",
        FIRST["opportunities"],
        False,
    )
    activities = via_connection(
        "activity_via",
        "activities",
        f"json_build_object('id', {gid('Activity', 'n.id')}, 'subject', n.subject, "
        "'status', n.status)",
        FIRST["activities"],
        False,
    )
    account = (
        f"json_build_object('id', {gid('Account', 'a.id')}, 'name', a.name, "
        f"'contacts', json_build_object('nodes', {contacts}), "
        f"'businessPlans', {_plans_connection(planning)}, 'objectives', {objectives}, "
        f"'opportunities', {opportunities}, 'activities', {activities})"
    )
    return (
        f"WITH RECURSIVE {LINKS.strip()}\nSELECT json_build_object('data', "
        f"json_build_object('account', (SELECT {account} FROM accounts a WHERE a.id = $1)))"
        "::text"
    )


SQL = build_sql()
CORE_SQL = build_sql(planning=False)
SQLS = {"planning": SQL, "core": CORE_SQL}  # by bench.run --picture


async def floor_document(conn: Any, account_pk: int, sql: str = SQL) -> bytes:
    """The picture document of `account_pk` as JSON bytes, from one statement on an asyncpg
    connection; encoding to bytes is part of the work, as the server must do it too."""
    text: str = await conn.fetchval(sql, account_pk)
    return text.encode()

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

Limits, stated rather than hidden: PostgreSQL only (json_agg, DISTINCT ON, base64 encode);
roll-ups sum amounts without exchange-rate conversion (the bench data are all EUR, so the
result is exact there; a mixed-currency plan would differ from plangraph); PostgreSQL rounds
half away from zero where plangraph rounds half-even (bench amounts are whole cents: no
difference).
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


def nodes(obj: str, table: str, where: str, first: int, alias: str = "t") -> str:
    """A JSON array of `obj` over the first `first` rows of `table` by id (a connection page)."""
    return (
        f"COALESCE((SELECT json_agg({obj} ORDER BY {alias}.id) FROM (SELECT * FROM {table} "
        f"WHERE {where} ORDER BY id LIMIT {first}) {alias}), '[]'::json)"
    )


def opportunity(alias: str, extra: str = "") -> str:
    amount = money(f"{alias}.amount_milli", f"{alias}.currency")
    return (
        f"json_build_object('id', {gid('Opportunity', f'{alias}.id')}, 'name', {alias}.name, "
        f"'stage', {alias}.stage, 'amount', {amount}{extra})"
    )


def objective(alias: str, extra: str = "") -> str:
    target = f"trim_scale({alias}.target_micros::numeric * 0.000001)::text"
    return (
        f"json_build_object('id', {gid('Objective', f'{alias}.id')}, 'name', {alias}.name, "
        f"'target', {target}, 'unit', {alias}.unit{extra})"
    )


def sub_plan() -> str:
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
        objective("sj"), "objectives", "plan_id = s.id", FIRST["plan_objectives"], "sj"
    )
    return (
        f"json_build_object('id', {gid('BusinessPlan', 's.id')}, 'name', s.name, "
        f"'status', s.status, 'objectives', json_build_object('nodes', {objectives}), "
        f"'opportunities', json_build_object('nodes', {opportunities}), "
        f"'activities', json_build_object('nodes', "
        f"{nodes(activity, 'activities', 'plan_id = s.id', FIRST['plan_activities'], 'sa')}))"
    )


def plan_objective() -> str:
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
    return objective("tj", f", 'opportunities', json_build_object('nodes', {opportunities})")


def root_plan() -> str:
    """A root plan of the picture with roll-ups (lateral `r`), sub-plans and objectives."""
    target = (
        f"CASE WHEN p.revenue_target_milli IS NULL THEN NULL ELSE "
        f"{money('p.revenue_target_milli', 'p.currency')} END"
    )
    objectives = nodes(
        plan_objective(), "objectives", "plan_id = p.id", FIRST["plan_objectives"], "tj"
    )
    return (
        f"json_build_object('id', {gid('BusinessPlan', 'p.id')}, 'name', p.name, "
        f"'status', p.status, 'revenueTarget', {target}, "
        f"'wonRevenue', {money('COALESCE(r.won, 0)', 'p.currency')}, "
        f"'pipelineRevenue', {money('COALESCE(r.open, 0)', 'p.currency')}, "
        f"'subPlans', json_build_object('nodes', "
        f"{nodes(sub_plan(), 'business_plans', 'parent_id = p.id', FIRST['sub_plans'], 's')}), "
        f"'objectives', json_build_object('nodes', {objectives}))"
    )


ROLLUP = """LEFT JOIN LATERAL (
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


def via_connection(cte: str, table: str, node: str, first: int, contact: bool) -> str:
    """totalCount and the first `first` edges (by id) of one picture connection."""
    via_contact = (
        f", 'viaContact', CASE WHEN v.contact IS NULL THEN NULL ELSE "
        f"json_build_object('id', {gid('Contact', 'v.contact')}) END"
    )
    edge = (
        f"json_build_object('via', {VIA.format('v')}"
        f"{via_contact if contact else ''}, 'node', {node})"
    )
    return (
        f"json_build_object('totalCount', (SELECT count(*) FROM {cte}), 'edges', "
        f"COALESCE((SELECT json_agg({edge} ORDER BY v.item) FROM (SELECT * FROM {cte} "
        f"ORDER BY item LIMIT {first}) v JOIN {table} n ON n.id = v.item), '[]'::json))"
    )


def _plans_connection() -> str:
    via_contact = (
        f"CASE WHEN v.contact IS NULL THEN NULL ELSE "
        f"json_build_object('id', {gid('Contact', 'v.contact')}) END"
    )
    edge = (
        f"json_build_object('via', {VIA.format('v')}, 'viaContact', {via_contact}, "
        f"'node', {root_plan()})"
    )
    return (
        f"json_build_object('totalCount', (SELECT count(*) FROM root_via), 'edges', "
        f"COALESCE((SELECT json_agg({edge} ORDER BY v.item) FROM (SELECT * FROM root_via "
        f"ORDER BY item LIMIT {FIRST['plans']}) v JOIN business_plans p ON p.id = v.item "
        f"{ROLLUP}), '[]'::json))"
    )


def build_sql() -> str:
    """The one statement; $1 is the account's primary key; the result is the document as text."""
    contact = (
        f"json_build_object('id', {gid('Contact', 'c.id')}, 'firstName', c.first_name, "
        "'lastName', c.last_name, 'email', c.email)"
    )
    contacts = nodes(
        contact, "contacts", "id IN (SELECT contact_id FROM my_contacts)", FIRST["contacts"], "c"
    )
    objectives = via_connection(
        "objective_via",
        "objectives",
        f"json_build_object('id', {gid('Objective', 'n.id')}, 'name', n.name, "
        "'isGlobal', n.account_id IS NULL AND n.contact_id IS NULL)",
        FIRST["objectives"],
        True,
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
        f"'businessPlans', {_plans_connection()}, 'objectives', {objectives}, "
        f"'opportunities', {opportunities}, 'activities', {activities})"
    )
    return (
        f"WITH RECURSIVE {LINKS.strip()}\nSELECT json_build_object('data', "
        f"json_build_object('account', (SELECT {account} FROM accounts a WHERE a.id = $1)))"
        "::text"
    )


SQL = build_sql()


async def floor_document(conn: Any, account_pk: int) -> bytes:
    """The picture document of `account_pk` as JSON bytes, from one statement on an asyncpg
    connection; encoding to bytes is part of the work, as the server must do it too."""
    text: str = await conn.fetchval(SQL, account_pk)
    return text.encode()

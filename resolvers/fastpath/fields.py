"""The field table: for each GraphQL type, how each field reads from its row."""

from __future__ import annotations

from resolvers.fastpath import sql
from resolvers.fastpath.connections import Rows, connection
from resolvers.fastpath.objects import (
    Field,
    children,
    col,
    gid,
    history,
    money,
    ref,
    rollup,
    visibility,
)
from resolvers.fastpath.selection import Compilation, Selected, id_argument

_LINK_SOURCES = {
    "BusinessPlan": (
        "SELECT pa.plan_id AS item, 1 AS prio, {null} AS contact FROM plan_accounts pa "
        "WHERE pa.account_id = {t}.id UNION ALL SELECT pc.plan_id, 2, pc.contact_id "
        "FROM account_contacts ac JOIN plan_contacts pc ON pc.contact_id = ac.contact_id "
        "WHERE ac.account_id = {t}.id"
    ),
    "Objective": (
        "SELECT o.id AS item, 1 AS prio, {null} AS contact FROM objectives o "
        "WHERE o.account_id = {t}.id UNION ALL SELECT o.id, 2, o.contact_id FROM account_contacts"
        " ac JOIN objectives o ON o.contact_id = ac.contact_id WHERE ac.account_id = {t}.id "
        "UNION ALL SELECT o.id, 3, NULL FROM objectives o "
        "WHERE o.account_id IS NULL AND o.contact_id IS NULL"
    ),
    "Opportunity": (
        "SELECT o.id AS item, 1 AS prio, {null} AS contact FROM opportunities o "
        "WHERE o.account_id = {t}.id UNION ALL SELECT oc.opportunity_id, 2, oc.contact_id "
        "FROM account_contacts ac JOIN opportunity_contacts oc ON oc.contact_id = ac.contact_id "
        "WHERE ac.account_id = {t}.id"
    ),
    "Activity": (
        "SELECT a.id AS item, 1 AS prio, {null} AS contact FROM activities a "
        "WHERE a.account_id = {t}.id UNION ALL SELECT a.id, 2, a.contact_id FROM account_contacts"
        " ac JOIN activities a ON a.contact_id = ac.contact_id WHERE ac.account_id = {t}.id"
    ),
}
_TABLE = {"BusinessPlan": "business_plans", "Objective": "objectives",
          "Opportunity": "opportunities", "Activity": "activities"}  # fmt: skip
_STATUS_ARG = {"businessPlans": "status", "objectives": "status", "opportunities": "stage",
               "activities": "status"}  # fmt: skip
_VIA_NAMES = {1: "ACCOUNT", 2: "CONTACT", 3: "GLOBAL"}


def _via(comp: Compilation, edge: str, w: str, selected: Selected) -> str:
    return f"(CASE {w}._via WHEN 1 THEN 'ACCOUNT' WHEN 2 THEN 'CONTACT' ELSE 'GLOBAL' END)"


def _via_contact(comp: Compilation, edge: str, w: str, selected: Selected) -> str:
    return ref("Contact", "_via_contact")(comp, edge, w, selected)


def picture(node_type: str) -> Field:
    """Account.businessPlans/objectives/opportunities/activities: each item once, by `via`."""

    def emit(comp: Compilation, owner: str, t: str, selected: Selected) -> str:
        args = comp.arguments(owner, selected)
        vias = [v.name for v in args.get("via") or []] if "via" in args else ["ACCOUNT", "CONTACT"]
        if args.get("via") is None and "via" in args:
            vias = ["ACCOUNT", "CONTACT", "GLOBAL"]
        prios = [p for p, name in _VIA_NAMES.items() if name in vias] or [0]
        table = _TABLE[node_type]
        parent = ", k.parent_id AS parent_id" if node_type == "BusinessPlan" else ""
        links = _LINK_SOURCES[node_type].format(t=t, null=comp.d.null_int)
        # Only ids here: the full rows are read for the page alone, not for every linked item.
        chosen = (
            f"SELECT k.id AS id{parent}, ch.prio AS _via, ch.contact AS _via_contact FROM (SELECT "
            "l.item, l.prio, l.contact, row_number() OVER (PARTITION BY l.item ORDER BY l.prio, "
            f"l.contact) AS pick FROM ({links}) l) ch "
            f"JOIN {table} k ON k.id = ch.item WHERE ch.pick = 1 AND ch.prio IN "
            f"({', '.join(map(str, prios))}){_filters(comp, node_type, selected, args)}"
            f"{visibility(comp, node_type, 'k')}"
        )
        where = "TRUE"
        if args.get("rootOnly"):
            where = (
                "(x.parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM chosen u "
                "WHERE u.id = x.parent_id))"
            )
        edges = {"via": _via, "viaContact": _via_contact}
        rows = Rows(node_type, f"chosen x JOIN {table} c ON c.id = x.id", where,
                    extras=", x._via, x._via_contact", edge_fields=edges,
                    with_clause=f"WITH chosen AS ({chosen}) ", parent=("accounts", t))  # fmt: skip
        return connection(comp, selected, owner, rows)

    return emit


def _filters(comp: Compilation, node_type: str, selected: Selected, args: dict) -> str:  # type: ignore[type-arg]
    out = ""
    statuses = args.get(_STATUS_ARG[selected.name])
    if statuses is not None:
        column = "stage" if node_type == "Opportunity" else "status"
        out += f" AND {sql.one_of(f'k.{column}', [s.value for s in statuses])}"
    period = id_argument(args.get("periodId"), "Period")
    if period is not None:
        out += f" AND k.period_id = {int(period)}"
    return out


def _is_primary(comp: Compilation, edge: str, w: str, selected: Selected) -> str:
    return comp.d.boolean(f"{w}._is_primary")


ACCOUNT_LINK = "plan_accounts l JOIN accounts c ON c.id = l.account_id"

FIELDS: dict[str, dict[str, Field]] = {
    "User": {"id": gid("User"), "name": col("name"), "email": col("email"), "role": col("role")},
    "Period": {
        "id": gid("Period"), "name": col("name"), "type": col("type"),
        "startDate": col("start_on", "date"), "endDate": col("end_on", "date"),
        "parent": ref("Period", "parent_id"),
    },
    "Contact": {
        "id": gid("Contact"), "firstName": col("first_name"), "lastName": col("last_name"),
        "email": col("email"),
        "accounts": children("Account", "account_contacts l JOIN accounts c ON c.id = l.account_id",
                             "l.contact_id"),
    },
    "Account": {
        "id": gid("Account"), "name": col("name"), "parent": ref("Account", "parent_id"),
        "owner": ref("User", "owner_id"),
        "subsidiaries": children("Account", "accounts c", "c.parent_id"),
        "contacts": children("Contact", "account_contacts l JOIN contacts c ON c.id = l.contact_id",
                             "l.account_id"),
        "businessPlans": picture("BusinessPlan"), "objectives": picture("Objective"),
        "opportunities": picture("Opportunity"), "activities": picture("Activity"),
    },
    "BusinessPlan": {
        "id": gid("BusinessPlan"), "name": col("name"), "type": col("type"),
        "status": col("status"), "description": col("description"),
        "revenueTarget": money("revenue_target_micros", "currency"), "currency": col("currency"),
        "version": col("version"), "createdAt": col("created_at", "datetime"),
        "updatedAt": col("updated_at", "datetime"), "period": ref("Period", "period_id"),
        "owner": ref("User", "owner_id"), "parent": ref("BusinessPlan", "parent_id"),
        "wonRevenue": rollup("won"), "pipelineRevenue": rollup("open"),
        "subPlans": children("BusinessPlan", "business_plans c", "c.parent_id"),
        "accounts": children("Account", ACCOUNT_LINK, "l.plan_id", ", l.is_primary AS _is_primary",
                             {"isPrimary": _is_primary}),
        "contacts": children("Contact", "plan_contacts l JOIN contacts c ON c.id = l.contact_id",
                             "l.plan_id"),
        "objectives": children("Objective", "objectives c", "c.plan_id"),
        "opportunities": children(
            "Opportunity", "plan_opportunities l JOIN opportunities c ON c.id = l.opportunity_id",
            "l.plan_id"),
        "activities": children("Activity", "activities c", "c.plan_id"),
        "statusHistory": history,
    },
    "Objective": {
        "id": gid("Objective"), "name": col("name"), "status": col("status"),
        "isGlobal": lambda comp, o, t, s: comp.d.boolean(
            f"{t}.account_id IS NULL AND {t}.contact_id IS NULL"),
        "target": col("target_micros", "decimal"), "unit": col("unit"),
        "revenueTarget": money("revenue_target_micros", "revenue_target_currency"),
        "period": ref("Period", "period_id"), "plan": ref("BusinessPlan", "plan_id"),
        "parent": ref("Objective", "parent_id"), "account": ref("Account", "account_id"),
        "contact": ref("Contact", "contact_id"),
        "subObjectives": children("Objective", "objectives c", "c.parent_id"),
        "opportunities": children("Opportunity", "opportunities c", "c.objective_id"),
        "activities": children("Activity", "activities c", "c.objective_id"),
    },
    "Opportunity": {
        "id": gid("Opportunity"), "name": col("name"), "stage": col("stage"),
        "amount": money("amount_micros", "currency"), "closeDate": col("close_on", "date"),
        "account": ref("Account", "account_id"), "owner": ref("User", "owner_id"),
        "objective": ref("Objective", "objective_id"),
        "plans": children("BusinessPlan",
                          "plan_opportunities l JOIN business_plans c ON c.id = l.plan_id",
                          "l.opportunity_id"),
        "contacts": children(
            "Contact", "opportunity_contacts l JOIN contacts c ON c.id = l.contact_id",
            "l.opportunity_id"),
        "activities": children("Activity", "activities c", "c.opportunity_id"),
    },
    "Activity": {
        "id": gid("Activity"), "type": col("type"), "subject": col("subject"),
        "status": col("status"), "dueAt": col("due_at", "datetime"),
        "owner": ref("User", "owner_id"), "account": ref("Account", "account_id"),
        "contact": ref("Contact", "contact_id"), "plan": ref("BusinessPlan", "plan_id"),
        "objective": ref("Objective", "objective_id"),
        "opportunity": ref("Opportunity", "opportunity_id"),
        "followUpOf": ref("Activity", "follow_up_of_id"),
        "followUps": children("Activity", "activities c", "c.follow_up_of_id"),
    },
}  # fmt: skip

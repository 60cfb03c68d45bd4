"""Object types as SQL: each field of each type, formatted as the general path formats it."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from models import (
    Account,
    Activity,
    BusinessPlan,
    Contact,
    Objective,
    Opportunity,
)
from resolvers.fastpath import sql
from resolvers.fastpath.connections import Rows, connection
from resolvers.fastpath.selection import Compilation, Selected, Unsupported
from resolvers.visibility import visible

# (compilation, owner type, row alias, selected field) -> SQL expression of the value
Field = Callable[[Compilation, str, str, Selected], str]

TABLES = {
    "User": "users", "Period": "periods", "Account": "accounts", "Contact": "contacts",
    "BusinessPlan": "business_plans", "Objective": "objectives",
    "Opportunity": "opportunities", "Activity": "activities",
}  # fmt: skip
MODELS: dict[str, type] = {
    "Account": Account, "Contact": Contact, "BusinessPlan": BusinessPlan,
    "Objective": Objective, "Opportunity": Opportunity, "Activity": Activity,
}  # fmt: skip


def visibility(comp: Compilation, type_name: str, alias: str) -> str:
    """` AND <alias> is visible`, from resolvers/visibility.py (the one place that decides).

    On SQLite the visible ids are a common table expression at the top of the statement,
    named here (`x IN name`): nested inline, the filters overflow SQLite's parser stack.
    """
    compiled = _visible_ids(comp, type_name)
    if compiled is None:
        return ""
    if comp.d.name == "postgresql":
        return f" AND {alias}.id IN ({compiled})"
    name = f"visible_{TABLES[type_name]}"
    comp.ctes.setdefault(name, str(compiled))
    return f" AND {alias}.id IN {name}"


def _visible_ids(comp: Compilation, type_name: str) -> str | None:
    """The SQL of the visible ids of a type, compiled once per query (it recurs per list)."""
    if type_name not in comp.visible_ids:
        model = MODELS.get(type_name)
        condition = visible(model, comp.viewer) if model is not None else None
        compiled = None
        if condition is not None:
            ids = select(model.id).where(condition)  # type: ignore[union-attr]
            dialect = postgresql.dialect() if comp.d.name == "postgresql" else sqlite.dialect()
            compiled = str(ids.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
        comp.visible_ids[type_name] = compiled
    return comp.visible_ids[type_name]


def node_object(comp: Compilation, type_name: str, alias: str, selection: object) -> str:
    fields = FIELDS[type_name]
    parts: list[tuple[str, str]] = []
    for item in comp.fields(type_name, selection):  # type: ignore[arg-type]
        if item.name == "__typename":
            parts.append((item.key, sql.quote(type_name)))
            continue
        handler = fields.get(item.name)
        if handler is None:
            raise Unsupported(f"{type_name}.{item.name}")
        parts.append((item.key, handler(comp, type_name, alias, item)))
    return comp.d.obj(parts)


def ref(type_name: str, column: str) -> Field:
    """A to-one field: the object whose id is in `column`, if visible."""

    def emit(comp: Compilation, owner: str, t: str, selected: Selected) -> str:
        r = comp.alias()
        obj = node_object(comp, type_name, r, selected.selections())
        table = TABLES[type_name]
        where = f"{r}.id = {t}.{column}{visibility(comp, type_name, r)}"
        return comp.d.sub(f"SELECT {obj} FROM {table} {r} WHERE {where}")

    return emit


def col(column: str, fmt: str | None = None) -> Field:
    """A column; `fmt` names the dialect's formatter (date, datetime, decimal, boolean)."""
    if fmt is None:
        return lambda comp, owner, t, selected: f"{t}.{column}"
    return lambda comp, owner, t, selected: getattr(comp.d, fmt)(f"{t}.{column}")


def money(micros: str, currency: str) -> Field:
    def emit(comp: Compilation, owner: str, t: str, selected: Selected) -> str:
        values = {
            "amount": comp.d.amount(f"{t}.{micros}", f"{t}.{currency}"),
            "currency": f"{t}.{currency}",
            "__typename": sql.quote("Money"),
        }
        selection = comp.fields("Money", selected.selections())
        obj = comp.d.obj([(i.key, values[i.name]) for i in selection])
        return f"CASE WHEN {t}.{micros} IS NULL THEN NULL ELSE {obj} END"

    return emit


def children(node_type: str, source: str, parent: str, extras: str = "",
             edge_fields: dict[str, Callable[..., str]] | None = None) -> Field:  # fmt: skip
    """A to-many field: a connection over rows `c` of `source` whose `parent` is this row."""

    def emit(comp: Compilation, owner: str, t: str, selected: Selected) -> str:
        where = f"{parent} = {t}.id{visibility(comp, node_type, 'c')}"
        rows = Rows(node_type, source, where, extras, edge_fields or {},
                    parent=(TABLES[owner], t))  # fmt: skip
        return connection(comp, selected, owner, rows)

    return emit


def rollup(bucket: str) -> Field:
    """Won or open revenue over the plan tree, each opportunity once.

    When every amount is in the plan's currency the sum is exact and formatted here; otherwise
    the per-currency sums go out as a placeholder that Python converts with the stored rates,
    exactly like the general path (resolvers/fastpath/__init__.py).
    """

    def emit(comp: Compilation, owner: str, t: str, selected: Selected) -> str:
        comp.rollups = True
        fields = comp.fields("Money", selected.selections())
        keys = [[i.key, i.name] for i in fields]
        stage = (
            "o.stage = 'CLOSED_WON'"
            if bucket == "won"
            else ("o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')")
        )
        d = comp.d
        total = "coalesce(sum(s.total), 0)"
        values = {
            "amount": d.amount(total, f"{t}.currency"),
            "currency": f"{t}.currency", "__typename": sql.quote("Money"),
        }  # fmt: skip
        exact = d.obj([(i.key, values[i.name]) for i in fields])
        placeholder = d.obj([
            ("$rollup", d.object_agg("s.currency", d.text("s.total"))),
            ("$currency", f"{t}.currency"), ("$keys", d.json_literal(json.dumps(keys))),
        ])  # fmt: skip
        foreign = f"coalesce(sum(CASE WHEN s.currency <> {t}.currency THEN 1 ELSE 0 END), 0)"
        return d.sub(
            "WITH RECURSIVE tree(id) AS (SELECT " + t + ".id UNION SELECT b.id FROM "
            "business_plans b JOIN tree ON b.parent_id = tree.id) SELECT CASE WHEN "
            f"{foreign} = 0 THEN {exact} ELSE {placeholder} "
            "END FROM (SELECT o.currency, sum(o.amount_micros) AS total FROM opportunities o "
            "WHERE o.id IN (SELECT po.opportunity_id FROM plan_opportunities po JOIN tree ON "
            f"po.plan_id = tree.id) AND {stage} GROUP BY o.currency) s"
        )

    return emit


def history(comp: Compilation, owner: str, t: str, selected: Selected) -> str:
    h = comp.alias()
    values = {
        "from": f"{h}.from_status", "to": f"{h}.to_status", "comment": f"{h}.comment",
        "changedAt": comp.d.datetime(f"{h}.changed_at"),
        "__typename": sql.quote("PlanStatusChange"),
    }  # fmt: skip
    parts = []
    for item in comp.fields("PlanStatusChange", selected.selections()):
        if item.name == "changedBy":
            parts.append(
                (item.key, ref("User", "changed_by_id")(comp, "PlanStatusChange", h, item))
            )
        else:
            parts.append((item.key, values[item.name]))
    obj = comp.d.obj(parts)
    rows = f"SELECT * FROM plan_status_changes WHERE plan_id = {t}.id ORDER BY id"
    return comp.d.sub(f"SELECT {comp.d.agg(obj, f'{h}.id')} FROM ({rows}) {h}")


def gid(type_name: str) -> Field:
    return lambda comp, owner, t, selected: comp.d.global_id(type_name, f"{t}.id")


from resolvers.fastpath.fields import FIELDS  # noqa: E402

"""The root Query fields of the fast path."""

from __future__ import annotations

from resolvers.fastpath import sql
from resolvers.fastpath.connections import Rows, connection
from resolvers.fastpath.objects import TABLES, node_object, visibility
from resolvers.fastpath.selection import Compilation, Selected, Unsupported, id_argument
from resolvers.ids import from_global_id
from resolvers.search import MAX_SEARCH_LENGTH, like_pattern


def root_fields(comp: Compilation, selection_set: object) -> str:
    parts = []
    for item in comp.fields("Query", selection_set):  # type: ignore[arg-type]
        handler = ROOT.get(item.name)
        if handler is None:
            raise Unsupported(item.name)
        parts.append((item.key, handler(comp, item)))
    return comp.d.obj(parts)


def _one(comp: Compilation, type_name: str, pk: int | None, selected: Selected) -> str:
    if pk is None:
        return comp.d.null_json
    r = comp.alias()
    obj = node_object(comp, type_name, r, selected.selections())
    # A parameter, not a literal: the statement's text then depends only on the query's shape,
    # so the driver's prepared statement (and PostgreSQL's plan) is reused across ids.
    where = f"{r}.id = {comp.param(int(pk))}{visibility(comp, type_name, r)}"
    return comp.d.sub(f"SELECT {obj} FROM {TABLES[type_name]} {r} WHERE {where}")


def _by_id(type_name: str | None):  # type: ignore[no-untyped-def]
    def emit(comp: Compilation, selected: Selected) -> str:
        decoded = from_global_id(str(comp.arguments("Query", selected)["id"]))
        if decoded is None or (type_name is not None and decoded[0] != type_name):
            return comp.d.null_json
        return _one(comp, decoded[0], decoded[1], selected)

    return emit


def _viewer(comp: Compilation, selected: Selected) -> str:
    return _one(comp, "User", comp.viewer.user_id, selected)


def _root_connection(type_name: str, conditions: list[str], comp: Compilation,
                     selected: Selected) -> str:  # fmt: skip
    where = " AND ".join(["TRUE", *conditions]) + visibility(comp, type_name, "c")
    rows = Rows(type_name, f"{TABLES[type_name]} c", where)
    return connection(comp, selected, "Query", rows)


def _accounts(comp: Compilation, selected: Selected) -> str:
    search = comp.arguments("Query", selected).get("search")
    conditions = []
    if search:
        if len(search) > MAX_SEARCH_LENGTH:
            raise Unsupported("search")
        pattern = comp.param(like_pattern(search))
        conditions.append(comp.d.ilike("c.name", pattern))
    return _root_connection("Account", conditions, comp, selected)


def _business_plans(comp: Compilation, selected: Selected) -> str:
    args = comp.arguments("Query", selected)
    conditions = []
    if args.get("status") is not None:
        conditions.append(sql.one_of("c.status", [s.value for s in args["status"]]))
    period = id_argument(args.get("periodId"), "Period")
    if period is not None:
        conditions.append(f"c.period_id = {int(period)}")
    owner = id_argument(args.get("ownerId"), "User")
    if owner is not None:
        conditions.append(f"c.owner_id = {int(owner)}")
    return _root_connection("BusinessPlan", conditions, comp, selected)


def _global_objectives(comp: Compilation, selected: Selected) -> str:
    conditions = ["c.account_id IS NULL", "c.contact_id IS NULL"]
    period = id_argument(comp.arguments("Query", selected).get("periodId"), "Period")
    if period is not None:
        conditions.append(f"c.period_id = {int(period)}")
    return _root_connection("Objective", conditions, comp, selected)


def _periods(comp: Compilation, selected: Selected) -> str:
    kind = comp.arguments("Query", selected).get("type")
    conditions = [] if kind is None else [f"c.type = {sql.quote(kind.value)}"]
    return _root_connection("Period", conditions, comp, selected)


ROOT = {
    "node": _by_id(None),
    "viewer": _viewer,
    "account": _by_id("Account"),
    "businessPlan": _by_id("BusinessPlan"),
    "accounts": _accounts,
    "businessPlans": _business_plans,
    "globalObjectives": _global_objectives,
    "periods": _periods,
    "__typename": lambda comp, selected: sql.quote("Query"),
}

"""Objects as SQL: each field compiled from its read spec (resolvers/read/specs.py)."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    func,
    inspect,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.sql.selectable import FromClause, TextualSelect
from sqlalchemy.types import JSON

from models import (
    BusinessPlan,
    ExchangeRate,
    Objective,
    Opportunity,
    PlanOpportunity,
    PlanStatusChange,
)
from resolvers.fastpath.dialect import Expr
from resolvers.fastpath.progress import ForAccount, ProgressRequest, progress_select
from resolvers.fastpath.rendered import Fields, Group, rendered_group
from resolvers.fastpath.selection import Compilation, NotCovered, Selected
from resolvers.read.constants import Constant, light
from resolvers.read.sources import bucket_condition, money_sum
from resolvers.read.specs import (
    TYPE_MODELS,
    Column,
    Flag,
    Format,
    GlobalId,
    History,
    MoneyOf,
    ProgressField,
    Ref,
    RevenueParts,
    Rollup,
)
from resolvers.rollups import OPEN, WON
from resolvers.visibility import ITEM_COLUMNS, item_filter, visible


@cache
def column_name(type_name: str, attr: str) -> str:
    """The table column behind a mapped attribute (Objective.target -> target_micros)."""
    return str(inspect(TYPE_MODELS[type_name]).columns[attr].name)


def _progress_group(
    comp: Compilation, row: FromClause, fields: list[tuple[str, Selected, Any]]
) -> Select[Any]:
    requests: list[ProgressRequest] = [
        (label, "actual", item, spec.account)
        if isinstance(spec, ForAccount)
        else (label, spec.what, item, None)
        for label, item, spec in fields
    ]
    return progress_select(comp, row, requests)


def _plan_money_group(
    comp: Compilation, row: FromClause, fields: list[tuple[str, Selected, Any]]
) -> Select[Any]:
    return plan_money_select(comp, row, fields)


# A group of fields read from the same inputs of a row (rendered.py Group): (comp, row,
# [(label, item, spec)]) -> a one-row select with a column per label.
SHARED_GROUPS: dict[type, Group] = {
    Rollup: _plan_money_group,
    RevenueParts: _plan_money_group,
    ProgressField: _progress_group,
    ForAccount: _progress_group,
}


# The table of the row each group reads (its text's stand-in).
_GROUP_ROWS: dict[Group, Any] = {
    _plan_money_group: BusinessPlan.__table__,
    _progress_group: Objective.__table__,
}


@dataclasses.dataclass
class Shared:
    """The fields of one group asked of one row, until the FROM that reads the row is built
    (with_shared) and their select joins it as LATERAL `name`."""

    name: str
    group: Group
    fields: list[tuple[str, Selected, Any]] = dataclasses.field(default_factory=list)


def share(comp: Compilation, row: FromClause, item: Selected, spec: Any) -> Expr:
    """The value of a field of a shared group (SHARED_GROUPS): on PostgreSQL a column of the
    group's LATERAL select for `row`, which every such field of the row reads (the node's and
    the edge's alike); on SQLite a subquery of its own."""
    group = SHARED_GROUPS[type(spec)]
    if comp.sql.name != "postgresql":
        return group_select(comp, group, row, [("f0", item, spec)]).scalar_subquery()
    groups: dict[Group, Shared] = comp.shared.setdefault(id(row), {})
    entry = groups.get(group)
    if entry is None:
        entry = groups[group] = Shared(comp.name("b"), group)
    label = f"f{len(entry.fields)}"
    entry.fields.append((label, item, spec))
    return literal_column(f"{entry.name}.{label}", type_=JSON)


def table_of(type_name: str) -> FromClause:
    return TYPE_MODELS[type_name].__table__  # type: ignore[no-any-return]


def visibility(comp: Compilation, type_name: str, row: FromClause) -> list[ColumnElement[bool]]:
    """`row` is visible, from resolvers/visibility.py (the one place that decides).

    On SQLite the visible ids are a common table expression at the top of the statement:
    nested inline, the filters overflow SQLite's parser stack.
    """
    model: Any = TYPE_MODELS[type_name]
    if comp.viewer.sees_everything:  # no condition: the viewer's parameter is not asked for
        return []
    condition = visible(model, comp.viewer, comp.viewer_param())
    if condition is None:
        return []
    columns = ITEM_COLUMNS.get(model, ())
    if comp.sql.name == "postgresql" and columns and all(c in row.c for c in columns):
        # The condition on the row itself: as `id IN (the visible ids of the whole table)`,
        # PostgreSQL's generic plan (which the server's prepared statements run) merged
        # the page with every visible activity in id order: an account manager's picture of
        # a high account id read most of the 1.5 million activities (300 ms and more).
        return [item_filter(model, row, comp.viewer_param())]
    ids = select(model.id).where(condition).correlate(None)
    if comp.sql.name == "sqlite":
        cte = comp.visible.get(type_name)
        if cte is None:
            cte = comp.visible[type_name] = ids.cte(f"visible_{model.__tablename__}")
        return [row.c.id.in_(select(cte.c.id))]
    return [row.c.id.in_(ids)]


def node_object(comp: Compilation, type_name: str, row: FromClause, selection: Any) -> Expr:
    specs = comp.registry[type_name]
    parts: list[tuple[str, Expr]] = []
    for item in comp.fields(type_name, selection):
        if item.name == "__typename":
            parts.append((item.key, Constant(type_name)))
            continue
        spec = specs.get(item.name)
        if spec is None:
            raise NotCovered(f"{type_name}.{item.name}")
        if type(spec) in SHARED_GROUPS:
            parts.append((item.key, share(comp, row, item, spec)))
            continue
        value = scalar_field(comp, type_name, row, item, spec)
        if value is None:
            value = comp.list_field(comp, type_name, row, item, spec)
        parts.append((item.key, value))
    if len(parts) > comp.sql.max_keys:
        raise NotCovered("more keys than json_build_object takes")
    return comp.sql.obj(parts)


def group_select(
    comp: Compilation, group: Group, row: FromClause, fields: Fields
) -> Select[Any] | TextualSelect:
    """A group's one-row select for `row`: as text rendered once per kind of fields
    (resolvers/fastpath/rendered.py), or built when its row is not one the text can name."""
    rendered = rendered_group(comp, group, row, fields, _GROUP_ROWS[group])
    return group(comp, row, fields) if rendered is None else rendered


def with_shared(comp: Compilation, row: FromClause, source: FromClause) -> FromClause:
    """`source`, the FROM that reads `row`, joined to the LATERAL selects of the shared
    fields asked of `row` (share): each group's inputs (a plan's tree, an objective's items)
    read once per row however many of its fields are asked."""
    for entry in comp.shared.pop(id(row), {}).values():
        inputs = group_select(comp, entry.group, row, entry.fields).lateral(entry.name)
        source = source.join(inputs, true())
    return source


def scalar_field(
    comp: Compilation, type_name: str, row: FromClause, item: Selected, spec: Any
) -> Expr | None:
    """A field that is not a list, or None for a list (resolvers/fastpath/lists.py)."""
    sql = comp.sql
    if isinstance(spec, GlobalId):
        return sql.global_id(type_name, row.c.id)
    if isinstance(spec, Column):
        value = row.c[column_name(type_name, spec.attr)]
        formats = {
            Format.DATE: sql.date,
            Format.DATETIME: sql.datetime,
            Format.DECIMAL: sql.decimal,
        }
        return formats[spec.format](value) if spec.format in formats else value
    if isinstance(spec, Flag):
        return sql.boolean(spec.condition(row))
    if isinstance(spec, MoneyOf):
        return money(
            comp,
            item,
            row.c[column_name(type_name, spec.amount)],
            row.c[column_name(type_name, spec.currency)],
        )
    if isinstance(spec, Ref):
        return reference(comp, spec.target, row.c[column_name(type_name, spec.fk)], item)
    if isinstance(spec, History):
        return history(comp, row, item)
    return None


def reference(comp: Compilation, target: str, key: Expr, item: Selected) -> Expr:
    """A to-one field: the object whose id is `key`, if visible."""
    r = comp.alias(table_of(target))
    obj = node_object(comp, target, r, item.selections())
    query = select(obj).select_from(with_shared(comp, r, r))
    query = query.where(r.c.id == key, *visibility(comp, target, r))
    return query.scalar_subquery()


def money(comp: Compilation, item: Selected, micros: Expr, currency: Expr) -> Expr:
    values = {
        "amount": comp.sql.amount(micros, currency),
        "currency": currency,
        "__typename": Constant("Money"),
    }
    obj = comp.sql.obj([(i.key, values[i.name]) for i in comp.fields("Money", item.selections())])
    return case((micros.is_(None), comp.sql.null_json()), else_=obj)


def plan_money_select(
    comp: Compilation, row: FromClause, fields: list[tuple[str, Selected, Any]]
) -> Select[Any]:
    """A one-row select with a column `label` per (label, item, spec) in `fields`
    (wonRevenue, pipelineRevenue, revenueByCurrency): the plan's tree is walked and its
    opportunities summed per bucket and currency once, for all of them."""
    tree, linked = _tree_links(comp, row)
    o = light(Opportunity.__table__).alias(comp.name("o"))
    bucket = case((o.c.stage == Constant("CLOSED_WON"), Constant(WON)), else_=Constant(OPEN))
    high, low = money_sum(o.c.amount_milli)
    plan_currency = row.c.currency.label("plan_currency")
    sums = (
        select(bucket.label("bucket"), o.c.currency, plan_currency, high.label("high"),
               low.label("low"))
        .where(o.c.id.in_(linked), _buckets(fields, o.c.stage))
        .group_by(bucket, o.c.currency)
        .correlate(row)
        .cte(comp.name("sums"), nesting=True)
    )  # fmt: skip
    columns = []
    for label, item, spec in fields:
        if isinstance(spec, Rollup):
            value = rollup(comp, row, item, spec.bucket, sums)
        else:
            value = revenue_parts(comp, item, sums)
        columns.append(value.label(label))
    body = select(*columns).correlate(row)
    return body.add_cte(tree, nest_here=True).add_cte(sums, nest_here=True)


def _buckets(fields: list[tuple[str, Selected, Any]], stage: Any) -> ColumnElement[bool]:
    """The opportunities the fields sum: one roll-up's bucket, or every one not lost."""
    buckets = {spec.bucket if isinstance(spec, Rollup) else "" for _, _, spec in fields}
    if len(buckets) == 1 and "" not in buckets:
        return bucket_condition(buckets.pop(), stage)
    lost: ColumnElement[bool] = stage != Constant("CLOSED_LOST")
    return lost


def rollup(comp: Compilation, row: FromClause, item: Selected, bucket: str, sums: Any) -> Expr:
    """Won or open revenue over the plan tree, each opportunity once, from the plan's sums.

    When every amount is in the plan's currency the sum is exact and formatted here; otherwise
    the per-currency sums go out as a placeholder that Python converts with the stored rates
    exactly like the general path (resolvers/fastpath/run.py).
    """
    comp.rollups = True
    sql = comp.sql
    fields = comp.fields("Money", item.selections())
    s = (
        select(sums.c.currency, sums.c.high, sums.c.low)
        .where(sums.c.bucket == Constant(WON if bucket == "won" else OPEN))
        .subquery(comp.name("s"))
    )
    total_high = func.coalesce(func.sum(s.c.high), Constant(0))
    total_low = func.coalesce(func.sum(s.c.low), Constant(0))
    values = {
        "amount": sql.amount_of_parts(total_high, total_low, row.c.currency),
        "currency": row.c.currency,
        "__typename": Constant("Money"),
    }
    exact = sql.obj([(i.key, values[i.name]) for i in fields])
    keys = json.dumps([[i.key, i.name] for i in fields])
    placeholder = sql.obj(
        [
            ("$rollup", sql.object_agg(s.c.currency, sql.pair(s.c.high, s.c.low))),
            ("$currency", row.c.currency),
            ("$keys", sql.json_text(keys)),
            ("$locations", sql.json_text(json.dumps(item.locations()))),
        ]
    )
    foreign = func.coalesce(
        func.sum(case((s.c.currency != row.c.currency, Constant(1)), else_=Constant(0))),
        Constant(0),
    )
    chosen = case((foreign == Constant(0), exact), else_=placeholder)
    return select(chosen).select_from(s).correlate(row).scalar_subquery()


def _tree_links(comp: Compilation, row: FromClause) -> tuple[Any, Select[Any]]:
    """The plan's tree (a nesting recursive CTE) and the ids of the opportunities linked to
    any plan in it."""
    anchor = select(row.c.id.label("id")).correlate(row)
    tree = anchor.cte(comp.name("tree"), recursive=True, nesting=True)
    below = light(BusinessPlan.__table__).alias(comp.name("b"))
    tree = tree.union(select(below.c.id).join(tree, below.c.parent_id == tree.c.id))
    link = light(PlanOpportunity.__table__).alias(comp.name("po"))
    return tree, select(link.c.opportunity_id).join(tree, link.c.plan_id == tree.c.id)


def revenue_parts(comp: Compilation, item: Selected, sums: Any) -> Expr:
    """RevenueByCurrency: the sums per bucket and currency, and the rates a sum would need
    (models/money.py missing_rates), all in SQL: no conversion, so nothing can fail. One
    pass over the plan's sums, ordered by currency, gives every list (an aggregate each,
    filtered), where a subquery per list read them again."""
    sql = comp.sql
    s = select(sums).order_by(sums.c.currency).subquery(comp.name("c"))
    parts: list[tuple[str, Expr]] = []
    for field in comp.fields("RevenueByCurrency", item.selections()):
        if field.name in ("won", "pipeline"):
            bucket = s.c.bucket == Constant(WON if field.name == "won" else OPEN)
            values = {
                "amount": sql.amount_of_parts(s.c.high, s.c.low, s.c.currency),
                "currency": s.c.currency,
                "__typename": Constant("Money"),
            }
            money = [(m.key, values[m.name]) for m in comp.fields("Money", field.selections())]
            parts.append((field.key, sql.agg(sql.obj(money), [s.c.currency], where=bucket)))
        elif field.name == "missingRates":
            parts.append((field.key, _missing_rates(comp, s)))
        else:
            parts.append((field.key, Constant("RevenueByCurrency")))
    return select(sql.obj(parts)).select_from(s).scalar_subquery()


def _missing_rates(comp: Compilation, s: Any) -> Expr:
    """The currencies of the sums without a rate into the plan's (either direction), each
    once (a currency has a won and an open sum), in the order of the currencies."""
    r = light(ExchangeRate.__table__).alias(comp.name("r"))
    plan = s.c.plan_currency
    held = (
        select(r.c.base)
        .where(
            or_(
                and_(r.c.base == s.c.currency, r.c.quote == plan),
                and_(r.c.base == plan, r.c.quote == s.c.currency),
            )
        )
        .exists()
    )
    pair = s.c.currency.op("||")(Constant("->")).op("||")(plan)
    return comp.sql.agg(pair, [pair], where=and_(s.c.currency != plan, ~held), distinct=True)


def history(comp: Compilation, row: FromClause, item: Selected) -> Expr:
    changes = PlanStatusChange.__table__
    rows = select(changes).where(changes.c.plan_id == row.c.id).order_by(changes.c.id)
    h = rows.correlate(row).subquery(comp.name("h"))
    values: dict[str, Any] = {
        "from": h.c.from_status,
        "to": h.c.to_status,
        "comment": h.c.comment,
        "changedAt": comp.sql.datetime(h.c.changed_at),
        "__typename": Constant("PlanStatusChange"),
    }
    parts = []
    for field in comp.fields("PlanStatusChange", item.selections()):
        if field.name == "changedBy":
            parts.append((field.key, reference(comp, "User", h.c.changed_by_id, field)))
        else:
            parts.append((field.key, values[field.name]))
    obj = comp.sql.obj(parts)
    return select(comp.sql.agg(obj, [h.c.id])).select_from(h).scalar_subquery()

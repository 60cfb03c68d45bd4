"""A shared group's select rendered to SQL once per process, then reused as text.

An objective's progress select (resolvers/fastpath/progress.py) is the largest repeated part
of a planning picture's statement: a recursive subtree, two aggregates and a JSON placeholder
per objective list, about 45% of the planning picture's SQL text. It holds no bound parameter
and no value of the request: only the names of the objective's row (and of the account, for
actualForAccount) and the document locations of its fields vary between uses. So it is built
and rendered once per dialect and kind of fields, with stand-in names, and each later use
(the warm-up's document warms it before a client's first) substitutes the names into the
text instead of building and rendering the expressions again.

A plan's roll-ups (wonRevenue, pipelineRevenue, revenueByCurrency) are rendered the same
way, per kind of selection below them. The account's lists (its plans, objectives,
opportunities and activities, each item once with the way it came) are the other large
part: an account's chosen items read nothing of the request but the account's row when the
list has no filter and nothing to check of visibility, and are rendered per kind of list
(rendered_account_select). With all three, a new planning picture compiles in 26.5 ms
instead of 69 (bench.compile_time on PostgreSQL's dialect, build and SQL text).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Select, column, select, text, true
from sqlalchemy.sql.elements import ColumnClause, _anonymous_label
from sqlalchemy.sql.schema import Table
from sqlalchemy.sql.selectable import FromClause, NamedFromClause, TextualSelect
from sqlalchemy.types import String

from models import Account
from resolvers.fastpath.progress import ForAccount
from resolvers.fastpath.selection import Compilation, Selected
from resolvers.read.constants import light
from resolvers.read.specs import RevenueParts, Rollup

# Stand-in names, replaced in the text (no alias or column of the fast path is named so).
_ROW, _ACCOUNT, _SLOT = "rendered_row_", "rendered_account_", "rendered_slot_"
# Internal aliases of a rendered select count from here: never the name of an outer alias.
_NAMES_FROM = 1_000_000

Fields = list[tuple[str, Selected, Any]]
Group = Callable[[Compilation, FromClause, Fields], Select[Any]]


@dataclass(frozen=True)
class _Rendered:
    sql: str  # with _ROW, _ACCOUNT and a location marker per field in place
    rollups: bool  # the select reads the exchange rates (Compilation.rollups)


# Per dialect, group and kind of fields; the oldest dropped past KEPT (aliases let a client
# ask for any number of combinations: the texts a process keeps stay bounded).
_CACHE: dict[tuple[Any, ...], _Rendered] = {}
# The same for the account's selects (rendered_account_select), per dialect and key.
_ACCOUNT_SELECTS: dict[tuple[Any, ...], _Rendered] = {}
KEPT = 256


class _Marker(Selected):
    """A stand-in field whose locations are a marker the text's user replaces."""

    def locations(self) -> list[dict[str, int]]:
        return [{"marker": self.key}]  # type: ignore[dict-item]


def _marker_literal(comp: Compilation, label: str) -> str:
    return _literal(comp, json.dumps(_Marker(label, label, []).locations()))


def _literal(comp: Compilation, value: str) -> str:
    return str(_literal_compiler(comp.dialect).render_literal_value(value, String()))


@cache
def _literal_compiler(dialect: Any) -> Any:
    """A compiler of `dialect` for literals only (one per dialect: making one costs more than
    the literal)."""
    return dialect.statement_compiler(dialect, None)


def rendered_group(
    comp: Compilation, group: Group, row: FromClause, fields: Fields, row_table: Table
) -> TextualSelect | None:
    """`group`'s one-row select for `row` (a row of `row_table`: an objective's, a plan's)
    as text: rendered with stand-in tables the first time a kind of fields is asked, then
    the names and locations substituted. None (the caller builds the select) when `row` or
    the account is not a named FROM with every column of its stand-in."""
    row_stand_in, account_stand_in = _stand_in(row_table), _stand_in(Account.__table__)
    accounts = {id(s.account): s.account for _, _, s in fields if isinstance(s, ForAccount)}
    account = next(iter(accounts.values()), None)
    row_name = _name_standing_in(row, row_stand_in)
    account_name = None if account is None else _name_standing_in(account, account_stand_in)
    if len(accounts) > 1 or row_name is None or (account is not None and account_name is None):
        return None
    kinds = tuple(
        (label, _spec_key(spec), _shape(comp, item, spec)) for label, item, spec in fields
    )
    key = (*_dialect_key(comp), group, row_table.name, kinds)
    found = _CACHE.get(key)
    if found is None:
        stand_in = None if account is None else account_stand_in
        found = _render(comp, group, fields, row_stand_in, stand_in)
        _keep(_CACHE, key, found)
    if found.rollups:
        comp.rollups = True
    quote = comp.dialect.identifier_preparer.quote
    sql = found.sql.replace(f"{row_stand_in.name}.", f"{quote(row_name)}.")
    if account_name is not None:
        sql = sql.replace(f"{_ACCOUNT}.", f"{quote(account_name)}.")
    for label, item, _ in fields:
        located = _literal(comp, json.dumps(item.locations()))
        sql = sql.replace(_marker_literal(comp, label), located)
    # Colons escaped: the text is SQL, never a bound parameter's `:name`.
    return text(sql.replace(":", r"\:")).columns(*(column(label) for label, _, _ in fields))


@cache
def _stand_in(table: Table) -> NamedFromClause:
    """The stand-in of a row of `table` (an account's is named apart from the group's row)."""
    name = _ACCOUNT if table is Account.__table__ else f"{_ROW}{table.name}_"
    return light(table).alias(name)


def _shape(comp: Compilation, item: Selected, spec: Any) -> tuple[Any, ...]:
    """What of a field's selection its text depends on: the keys and fields below it (a
    roll-up's Money, revenueByCurrency's lists), as the request's variables include them."""
    type_name = _SELECTED_TYPES.get(type(spec))
    return () if type_name is None else _fields_shape(comp, type_name, item)


# The type a shared field's selection is of (a scalar field has none).
_SELECTED_TYPES: dict[type, str] = {Rollup: "Money", RevenueParts: "RevenueByCurrency"}


def _fields_shape(comp: Compilation, type_name: str, item: Selected) -> tuple[Any, ...]:
    out: list[tuple[Any, ...]] = []
    for field in comp.fields(type_name, item.selections()):
        below: tuple[Any, ...] = ()
        if field.selections() is not None:
            below = _fields_shape(comp, comp.field_type(type_name, field.name), field)
        out.append((field.key, field.name, below))
    return tuple(out)


def _name_standing_in(source: FromClause, stand_in: FromClause) -> str | None:
    """`source`'s name, when it has one of its own (not an anonymous one, which the
    statement renders as anon_N) and every column of `stand_in` (its text names them)."""
    name = getattr(source, "name", None)
    if not isinstance(name, str) or isinstance(name, _anonymous_label):
        return None
    return name if all(c.key in source.c for c in stand_in.c) else None


def _dialect_key(comp: Compilation) -> tuple[str, str, bool]:
    """What of the dialect the text depends on: its SQL, its parameter style (a `%` is
    doubled for the `format` styles) and its escaping of literals."""
    dialect = comp.dialect
    return dialect.name, dialect.paramstyle, getattr(dialect, "_backslash_escapes", False)


def _spec_key(spec: Any) -> tuple[str, Any, Any]:
    """What of a field's spec its text depends on: its kind and what it asks (not the FROM
    it reads an account from: a stand-in takes that FROM's place)."""
    return type(spec).__name__, getattr(spec, "what", None), getattr(spec, "bucket", None)


def _render(
    comp: Compilation,
    group: Group,
    fields: Fields,
    row: NamedFromClause,
    account: NamedFromClause | None,
) -> _Rendered:
    stand_in_fields: Fields = [
        (label, _Marker(label, label, item.nodes), _with_account(spec, account))
        for label, item, spec in fields
    ]
    froms: list[FromClause] = [row] if account is None else [row, account]
    return _rendered(comp, lambda scratch: group(scratch, row, stand_in_fields), froms)


def _rendered(
    comp: Compilation, build: Callable[[Compilation], Select[Any]], froms: list[FromClause]
) -> _Rendered:
    """The text of `build`'s select, which reads the stand-ins `froms` (as a LATERAL select
    beside them would), and whether it reads the exchange rates."""
    # A compilation of its own: what a select added to it (a request's parameter, a list read
    # afterwards, a visibility CTE) could not be carried by a text, and is refused below.
    scratch = dataclasses.replace(comp, recipes={}, deferred=[], visible={}, shared={},
                                  counter=_NAMES_FROM, rollups=False)  # fmt: skip
    body = build(scratch)
    if scratch.recipes or scratch.deferred or scratch.visible or scratch.shared:
        raise AssertionError("a rendered select reads the request or adds to the statement")
    source: Any = froms[0] if len(froms) == 1 else froms[0].join(froms[1], true())
    wrapper: Select[Any] = select(column("x")).select_from(source.join(body.lateral(_SLOT), true()))
    # Literal binds: SQLAlchemy's own values only (a request's is a recipe, refused above).
    compiled = wrapper.compile(dialect=comp.dialect, compile_kwargs={"literal_binds": True})
    sql = compiled.string
    if comp.dialect.paramstyle in ("format", "pyformat"):  # text() doubles a `%` again
        sql = sql.replace("%%", "%")
    start = sql.index("LATERAL (") + len("LATERAL (")
    end = sql.rindex(f") AS {_SLOT}")
    return _Rendered(sql[start:end], scratch.rollups)


def rendered_account_select(
    comp: Compilation,
    key: tuple[Any, ...],
    build: Callable[[Compilation, FromClause], Select[Any]],
    account: FromClause,
    columns: list[ColumnClause[Any]],
) -> TextualSelect | None:
    """`build`'s select for the account row `account`, as text with `columns`: rendered with
    the account's stand-in the first time `key` (what the select depends on besides the
    account) is asked in this process, then the account's name substituted. `build` must
    read nothing of the request. None (the caller builds the select) when `account` is not a
    named FROM with every column of its stand-in."""
    stand_in = _stand_in(Account.__table__)
    name = _name_standing_in(account, stand_in)
    if name is None:
        return None
    full_key = (*_dialect_key(comp), *key)
    found = _ACCOUNT_SELECTS.get(full_key)
    if found is None:
        found = _rendered(comp, lambda scratch: build(scratch, stand_in), [stand_in])
        _keep(_ACCOUNT_SELECTS, full_key, found)
    quote = comp.dialect.identifier_preparer.quote
    sql = found.sql.replace(f"{_ACCOUNT}.", f"{quote(name)}.")
    return text(sql.replace(":", r"\:")).columns(*columns)


def _keep(cache: dict[tuple[Any, ...], _Rendered], key: tuple[Any, ...], found: _Rendered) -> None:
    if len(cache) >= KEPT:
        del cache[next(iter(cache))]
    cache[key] = found


def _with_account(spec: Any, account: NamedFromClause | None) -> Any:
    """The spec reading the account from its stand-in (ForAccount), or as it is."""
    if account is not None and isinstance(spec, ForAccount):
        return dataclasses.replace(spec, account=account)
    return spec

"""The account's planning picture on the general path: one statement per field and arguments.

The links, the `via` rules and the filters are resolvers/read/sources.py's, shared with the
fast path; here they run batched over every account of the wave.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select, tuple_

from resolvers.loaders import Loaders
from resolvers.pagination import Page, PageArgs, paged, split_pages
from resolvers.read.ordering import Orderings, cursor_keys, sort_key, sort_keys
from resolvers.read.sources import Via, chosen_links, filter_condition
from resolvers.read.specs import TYPE_MODELS, Filter
from resolvers.rows import columns
from resolvers.waves import Loader


@dataclass(frozen=True)
class PictureArgs:
    """One Account.<list> call's arguments, hashable so that calls can be batched."""

    target: str
    page: PageArgs
    vias: frozenset[Via]
    filters: tuple[tuple[Filter, Any], ...] = ()  # (filter, decoded value) of those given
    root_only: bool = False
    order: Orderings = ()  # the orderings the field offers


def picture_query(ids: Sequence[int], call: PictureArgs, loaders: Loaders) -> Any:
    model: Any = TYPE_MODELS[call.target]
    chosen = chosen_links(call.target, lambda column: column.in_(ids), sorted(call.vias))
    ranked = chosen.subquery("ranked_links")
    picked = select(ranked).join(model, model.id == ranked.c.item)
    for spec, value in call.filters:
        picked = picked.where(filter_condition(model.__table__, spec, value))
    chosen_cte = loaders.restrict(picked, model).cte("chosen")
    query = select(
        chosen_cte.c.acct.label("_parent"),
        chosen_cte.c.prio.label("_via"),
        chosen_cte.c.contact.label("_via_contact"),
        *columns(model),
    ).join_from(chosen_cte, model, model.id == chosen_cte.c.item)
    if call.root_only:
        # Not a correlated NOT EXISTS: SQLite ran that as a scan of the links for each link
        # once automatic indexes were off (models/db.py); a row-value NOT IN over the links
        # is read once (SQLite: into a temporary index; PostgreSQL: a hashed subplan). No
        # NULL on either side: parent_id is NULL only in the first branch, items never are.
        above = chosen_cte.alias("above")
        query = query.where(
            or_(
                model.parent_id.is_(None),
                tuple_(chosen_cte.c.acct, model.parent_id).not_in(
                    select(above.c.acct, above.c.item)
                ),
            )
        )
    table = model.__table__
    key = sort_key(call.order, call.page.order)
    cursor = cursor_keys(table, key, call.page.cursor) if call.page.cursor is not None else None
    return paged(query, chosen_cte.c.acct, sort_keys(table, key), cursor, call.page)


def picture_loader(loaders: Loaders) -> Loader[tuple[int, PictureArgs], Page]:
    async def batch(keys: list[tuple[int, PictureArgs]]) -> list[Page]:
        groups: dict[PictureArgs, list[int]] = defaultdict(list)
        for account_id, call in keys:
            groups[call].append(account_id)
        pages: dict[tuple[int, PictureArgs], Page] = {}
        for call, ids in groups.items():
            rows = await loaders.fetch(picture_query(ids, call, loaders))
            loaders.prime(call.target, rows)
            for account_id, page in split_pages(rows, "_parent", ids, call.page).items():
                pages[(account_id, call)] = page
        return [pages[key] for key in keys]

    return loaders.custom("picture", batch)

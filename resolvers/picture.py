"""The account's planning picture: items linked to the account, to its contacts, or global.

Each item appears once per account with the first way it reaches the account
(ACCOUNT, then CONTACT with the lowest contact id, then GLOBAL); filters, including `via`,
apply to that deduplicated result. One statement per field and argument set.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    true,
    union_all,
)

from models import (
    Account,
    AccountContact,
    Activity,
    BusinessPlan,
    Objective,
    Opportunity,
    OpportunityContact,
    PlanAccount,
    PlanContact,
)
from resolvers.loaders import Loaders
from resolvers.pagination import Page, PageArgs, paged, split_pages
from resolvers.rows import columns


class Via(enum.IntEnum):
    """How an item reaches an account; the lower value wins when several apply."""

    ACCOUNT = 1
    CONTACT = 2
    GLOBAL = 3


class Kind(enum.Enum):
    PLANS = BusinessPlan
    OBJECTIVES = Objective
    OPPORTUNITIES = Opportunity
    ACTIVITIES = Activity


@dataclass(frozen=True)
class PictureFilter:
    """The arguments of one Account.<field> call, hashable so calls can be batched."""

    args: PageArgs
    via: frozenset[Via]
    status: frozenset[str] | None = None
    period_id: int | None = None
    root_only: bool = False


def _row(acct: Any, item: Any, via: Via, contact: Any) -> Select[Any]:
    return select(
        acct.label("acct"), item.label("item"), literal(int(via)).label("prio"),
        contact.label("contact"),
    )  # fmt: skip


def _links(kind: Kind, ids: Sequence[int]) -> list[Select[Any]]:
    """Every (account, item, via, contact) link, before deduplication."""
    ac = AccountContact
    if kind is Kind.PLANS:
        return [
            _row(PlanAccount.account_id, PlanAccount.plan_id, Via.ACCOUNT, null())
            .where(PlanAccount.account_id.in_(ids)),
            _row(ac.account_id, PlanContact.plan_id, Via.CONTACT, PlanContact.contact_id)
            .join_from(ac, PlanContact, PlanContact.contact_id == ac.contact_id)
            .where(ac.account_id.in_(ids)),
        ]  # fmt: skip
    if kind is Kind.OBJECTIVES:
        return [
            _row(Objective.account_id, Objective.id, Via.ACCOUNT, null())
            .where(Objective.account_id.in_(ids)),
            _row(ac.account_id, Objective.id, Via.CONTACT, Objective.contact_id)
            .join_from(ac, Objective, Objective.contact_id == ac.contact_id)
            .where(ac.account_id.in_(ids)),
            _row(Account.id, Objective.id, Via.GLOBAL, null())
            .join_from(Account, Objective, true())  # every account gets every global objective
            .where(Account.id.in_(ids), Objective.account_id.is_(None),
                   Objective.contact_id.is_(None)),
        ]  # fmt: skip
    if kind is Kind.OPPORTUNITIES:
        oc = OpportunityContact
        return [
            _row(Opportunity.account_id, Opportunity.id, Via.ACCOUNT, null())
            .where(Opportunity.account_id.in_(ids)),
            _row(ac.account_id, oc.opportunity_id, Via.CONTACT, oc.contact_id)
            .join_from(ac, oc, oc.contact_id == ac.contact_id)
            .where(ac.account_id.in_(ids)),
        ]  # fmt: skip
    return [
        _row(Activity.account_id, Activity.id, Via.ACCOUNT, null())
        .where(Activity.account_id.in_(ids)),
        _row(ac.account_id, Activity.id, Via.CONTACT, Activity.contact_id)
        .join_from(ac, Activity, Activity.contact_id == ac.contact_id)
        .where(ac.account_id.in_(ids)),
    ]  # fmt: skip


def _status_column(model: Any) -> ColumnElement[Any]:
    return model.stage if model is Opportunity else model.status  # type: ignore[no-any-return]


def picture_query(kind: Kind, ids: Sequence[int], flt: PictureFilter, loaders: Loaders) -> Any:
    model: Any = kind.value
    links = union_all(*_links(kind, ids)).subquery("links")
    ranked = select(
        links,
        func.row_number()
        .over(partition_by=(links.c.acct, links.c.item), order_by=(links.c.prio, links.c.contact))
        .label("pick"),
    ).subquery("ranked")
    chosen = select(ranked.c.acct, ranked.c.item, ranked.c.prio, ranked.c.contact).where(
        ranked.c.pick == 1, ranked.c.prio.in_([int(v) for v in flt.via])
    )
    chosen = chosen.join(model, model.id == ranked.c.item)
    if flt.status is not None:
        chosen = chosen.where(_status_column(model).in_(sorted(flt.status)))
    if flt.period_id is not None:
        chosen = chosen.where(model.period_id == flt.period_id)
    chosen_cte = loaders.restrict(chosen, model).cte("chosen")

    query = select(
        chosen_cte.c.acct.label("_parent"),
        chosen_cte.c.prio.label("_via"),
        chosen_cte.c.contact.label("_via_contact"),
        *columns(model),
    ).join_from(chosen_cte, model, model.id == chosen_cte.c.item)
    if flt.root_only:
        above = chosen_cte.alias("above")
        query = query.where(
            or_(
                model.parent_id.is_(None),
                ~exists().where(and_(above.c.acct == chosen_cte.c.acct,
                                     above.c.item == model.parent_id)),
            )
        )  # fmt: skip
    return paged(query, chosen_cte.c.acct, model.id, flt.args)


def picture_loader(loaders: Loaders, kind: Kind) -> Any:
    async def batch(keys: list[tuple[int, PictureFilter]]) -> list[Page]:
        groups: dict[PictureFilter, list[int]] = defaultdict(list)
        for account_id, flt in keys:
            groups[flt].append(account_id)
        pages: dict[tuple[int, PictureFilter], Page] = {}
        for flt, ids in groups.items():
            rows = await loaders.fetch(picture_query(kind, ids, flt, loaders))
            loaders.prime(kind.value, rows)
            for account_id, page in split_pages(rows, "_parent", ids, flt.args).items():
                pages[(account_id, flt)] = page
        return [pages[key] for key in keys]

    return loaders.custom(("picture", kind), batch)

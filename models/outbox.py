"""Which changes a write transaction made, and the outbox rows that tell subscribers of them.

Every writer session (models/db.py) is an OutboxSession. It notes the rows each flush wrote
and the bulk UPDATE/DELETE statements it ran; just before COMMIT it turns them into one
ChangeEvent per changed object and affected account, in the same transaction. A transaction
that rolls back (a refusal, an error) therefore leaves no event behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, event, func, insert, select, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, attributes
from sqlalchemy.sql import operators, visitors
from sqlalchemy.sql.elements import BinaryExpression, BindParameter
from sqlalchemy.sql.schema import Column

from models.account import Account, AccountContact, AccountTeamMember, Contact
from models.activity import Activity
from models.base import utcnow
from models.change_event import ChangeEvent, ChangeKind
from models.objective import Objective
from models.opportunity import Opportunity, OpportunityContact
from models.plan import BusinessPlan, PlanAccount, PlanContact, PlanOpportunity, PlanStatusChange
from models.routing import Ref, affected_accounts

CHANNEL = "plangraph_changes"
# pg_advisory_xact_lock key: held from the first event insert to COMMIT, so event ids are
# handed out in commit order (see README "Live updates").
COMMIT_ORDER_LOCK = 0x706C616E  # "plan"
# When several kinds hit the same object in one transaction, the strongest one is reported.
STRENGTH = {
    ChangeKind.UPDATED: 0, ChangeKind.LINKED: 1, ChangeKind.UNLINKED: 1,
    ChangeKind.STATUS_CHANGED: 2, ChangeKind.CREATED: 3, ChangeKind.DELETED: 4,
}  # fmt: skip
ENTITIES: dict[type, str] = {
    Account: "Account", Contact: "Contact", BusinessPlan: "BusinessPlan",
    Objective: "Objective", Opportunity: "Opportunity", Activity: "Activity",
}  # fmt: skip
# The foreign keys whose old and new values say where an entity shows.
PLACES = {"account_id": "account", "contact_id": "contact", "plan_id": "plan",
          "opportunity_id": "opportunity", "parent_id": None}  # fmt: skip
# A link row is reported as a change of its owner: (owner type, owner column, other column).
LINKS: dict[type, tuple[str, str, str, str]] = {
    PlanAccount: ("BusinessPlan", "plan_id", "account_id", "account"),
    PlanContact: ("BusinessPlan", "plan_id", "contact_id", "contact"),
    PlanOpportunity: ("Opportunity", "opportunity_id", "plan_id", "plan"),
    OpportunityContact: ("Opportunity", "opportunity_id", "contact_id", "contact"),
    AccountContact: ("Contact", "contact_id", "account_id", "account"),
    AccountTeamMember: ("Account", "account_id", "account_id", "account"),
}
OWNER_REF = {"BusinessPlan": "plan", "Opportunity": "opportunity", "Contact": "contact",
             "Account": "account", "Objective": "objective", "Activity": "activity"}  # fmt: skip


@dataclass
class Change:
    kind: ChangeKind
    refs: set[Ref] = field(default_factory=set)
    history_id: int | None = None
    changed_by: int | None = None


@dataclass
class Changes:
    """The changes of one transaction, by (node type, node id)."""

    by_node: dict[tuple[str, int], Change] = field(default_factory=dict)
    changed_by: int | None = None

    def note(self, kind: ChangeKind, node: tuple[str, int], refs: Iterable[Ref]) -> Change:
        change = self.by_node.get(node)
        if change is None:
            change = self.by_node[node] = Change(kind)
        elif STRENGTH[kind] > STRENGTH[change.kind]:
            change.kind = kind
        change.refs.update(refs)
        return change


def changes_of(session: Session) -> Changes:
    changes = session.info.get("outbox")
    if changes is None:
        changes = session.info["outbox"] = Changes()
    return changes


class OutboxSession(Session):
    """A write session that records its changes in the outbox when it commits."""


def _refs(obj: Any, node: tuple[str, int]) -> set[Ref]:
    """Where an entity shows: itself and every place it was or is linked to."""
    refs: set[Ref] = {(OWNER_REF[node[0]], node[1])}
    state = attributes.instance_state(obj)
    for column, ref in PLACES.items():
        if column == "parent_id" and node[0] == "BusinessPlan":
            ref = "plan"  # the old and the new tree both show the plan
        if ref is None or column not in state.mapper.attrs:
            continue
        history = state.attrs[column].history
        for value in (*history.added, *history.unchanged, *history.deleted):
            if value is not None:
                refs.add((ref, value))
    if node[0] == "Objective" and obj.account_id is None and obj.contact_id is None:
        refs.add(("global", 0))
    return refs


def _note_row(changes: Changes, obj: Any, kind: ChangeKind) -> None:
    model = type(obj)
    if model in ENTITIES:
        node = (ENTITIES[model], obj.id)
        changes.note(kind, node, _refs(obj, node))
    elif model is PlanStatusChange and kind is ChangeKind.CREATED:
        move = ChangeKind.CREATED if obj.from_status is None else ChangeKind.STATUS_CHANGED
        change = changes.note(move, ("BusinessPlan", obj.plan_id), {("plan", obj.plan_id)})
        change.history_id, change.changed_by = obj.id, obj.changed_by_id
    elif model in LINKS:
        _note_link(changes, model, {c: getattr(obj, c) for c in LINKS[model][1:3]}, kind)


def _note_link(changes: Changes, model: type, keys: dict[str, Any], kind: ChangeKind) -> None:
    owner_type, owner_column, other_column, other_ref = LINKS[model]
    link_kind = {ChangeKind.CREATED: ChangeKind.LINKED, ChangeKind.DELETED: ChangeKind.UNLINKED}
    owner = keys.get(owner_column)
    if owner is None:
        return
    refs: set[Ref] = {(OWNER_REF[owner_type], owner)}
    if keys.get(other_column) is not None:
        refs.add((other_ref, keys[other_column]))
    changes.note(link_kind.get(kind, ChangeKind.UPDATED), (owner_type, owner), refs)


@event.listens_for(OutboxSession, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    changes = changes_of(session)
    for obj in session.new:
        _note_row(changes, obj, ChangeKind.CREATED)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _note_row(changes, obj, ChangeKind.UPDATED)
    for obj in session.deleted:
        _note_row(changes, obj, ChangeKind.DELETED)


def _equalities(statement: Any) -> dict[str, Any]:
    """`column = value` terms of a bulk statement's WHERE clause."""
    found: dict[str, Any] = {}
    where = getattr(statement, "whereclause", None)
    if where is None:
        return found
    for element in visitors.iterate(where):
        if (
            isinstance(element, BinaryExpression)
            and element.operator is operators.eq
            and isinstance(element.left, Column)
            and isinstance(element.right, BindParameter)
        ):
            found[element.left.name] = element.right.effective_value
    return found


@event.listens_for(OutboxSession, "do_orm_execute")
def _bulk(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return
    model = state.bind_mapper.class_
    keys = _equalities(state.statement)
    kind = ChangeKind.DELETED if state.is_delete else ChangeKind.UPDATED
    if model in ENTITIES and keys.get("id") is not None:
        node = (ENTITIES[model], keys["id"])
        changes_of(state.session).note(kind, node, {(OWNER_REF[node[0]], keys["id"])})
    elif model in LINKS:
        _note_link(changes_of(state.session), model, keys, kind)


@event.listens_for(OutboxSession, "before_commit")
def _before_commit(session: Session) -> None:
    session.flush()
    changes = session.info.pop("outbox", None)
    if changes is None or not changes.by_node:
        return
    rows = event_rows(session, changes, utcnow())
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        # One round trip for both: the lock first (the ids come after it), and the
        # notification, which the listeners get when (and only if) this transaction commits.
        session.execute(text("SELECT pg_advisory_xact_lock(:key), pg_notify(:channel, '')"),
                        {"key": COMMIT_ORDER_LOCK, "channel": CHANNEL})  # fmt: skip
    session.execute(insert(ChangeEvent), rows)
    session.info["outbox_written"] = True


def event_rows(session: Session, changes: Changes, now: dt.datetime) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for (node_type, node_id), change in sorted(changes.by_node.items()):
        accounts = affected_accounts(session, change.refs)
        for account_id in sorted(accounts, key=lambda a: -1 if a is None else a):
            rows.append({
                "kind": change.kind.value, "node_type": node_type, "node_id": node_id,
                "account_id": account_id, "changed_at": now, "history_id": change.history_id,
                "changed_by_id": change.changed_by or changes.changed_by,
            })  # fmt: skip
    return rows


@event.listens_for(OutboxSession, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop("outbox_written", False):
        callback: Callable[[], None] | None = session.info.get("on_events")
        if callback is not None:
            callback()


@event.listens_for(OutboxSession, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop("outbox", None)
    session.info.pop("outbox_written", None)


def set_changed_by(session: Any, user_id: int) -> None:
    """Who makes this transaction's changes (an AsyncSession or a Session)."""
    sync = getattr(session, "sync_session", session)
    changes_of(sync).changed_by = user_id


def prune(session: Session | Connection, older_than: dt.datetime, /) -> None:
    """Drop events older than the window, but keep the newest of them as the horizon.

    A cursor below the oldest remaining id is expired: the events after it may be gone.
    """
    newest_old = session.execute(
        select(func.max(ChangeEvent.id)).where(ChangeEvent.changed_at < older_than)
    ).scalar_one_or_none()
    if newest_old is not None:
        session.execute(delete(ChangeEvent).where(ChangeEvent.id < newest_old))

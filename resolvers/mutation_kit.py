"""What every mutation shares: input checks that collect user errors, lookups, one transaction.

A mutation checks its whole input first and collects every problem; if there is any, nothing
is written and the problems come back as user errors. Otherwise it writes in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry import UNSET

from models.money import MoneyError, validate_money
from models.outbox import set_changed_by
from models.plan_workflow import Refusal
from resolvers.context import Context
from resolvers.ids import pk_of
from resolvers.visibility import restrict

T = TypeVar("T")

NAME_MAX = 200
TEXT_MAX = 10_000
SHORT_MAX = 100
COMMENT_MAX = 2_000
EMAIL_MAX = 320
MAX_IDS = 100


@dataclass(frozen=True)
class FieldError:
    field: list[str] | None
    message: str
    code: str


class Refused(Exception):
    """Stop the mutation: these user errors go back to the client, the transaction is undone."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].message if errors else "refused")
        self.errors = errors


@dataclass
class Check:
    """Collects the problems of one input; `path` prefixes every field name."""

    errors: list[FieldError] = field(default_factory=list)

    def add(self, name: str | list[str] | None, message: str, code: str = "INVALID") -> None:
        path = None if name is None else ["input", *([name] if isinstance(name, str) else name)]
        self.errors.append(FieldError(path, message, code))

    def done(self) -> None:
        if self.errors:
            raise Refused(self.errors)

    def text(
        self, name: str, value: Any, max_length: int = NAME_MAX, required: bool = True
    ) -> str | None:
        """A trimmed string: required ones may not be blank."""
        if value is None or value is UNSET:
            if required:
                self.add(name, f"{name} is required.")
            return None
        trimmed = str(value).strip()
        if required and not trimmed:
            self.add(name, f"{name} must not be blank.")
            return None
        if len(trimmed) > max_length:
            self.add(name, f"{name} is longer than {max_length} characters ({len(trimmed)}).")
            return None
        if "\x00" in trimmed:
            self.add(name, f"{name} must not contain NUL characters.")
            return None
        return trimmed

    def money(self, name: str, value: Any) -> tuple[Decimal, str] | None:
        if value is None or value is UNSET:
            return None
        currency = str(value.currency).strip().upper()
        try:
            validate_money(value.amount, currency)
        except MoneyError as error:
            self.add([name, error.part], f"{name}.{error.part} {error.message}.")
            return None
        return value.amount, currency

    def decimal(self, name: str, value: Decimal | None) -> Decimal | None:
        if value is None or value is UNSET:
            return None
        if value < 0:
            self.add(name, f"{name} must not be negative.")
        elif value > Decimal("1000000000000") or value != value.quantize(Decimal("0.000001")):
            self.add(name, f"{name} must be at most 1e12 with at most 6 decimal places.")
        else:
            return value
        return None

    def datetime(self, name: str, value: dt.datetime | None) -> dt.datetime | None:
        if value is None or value is UNSET:
            return None
        if (
            not dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
            <= value
            <= dt.datetime(9999, 1, 1, tzinfo=dt.UTC)
        ):
            self.add(name, f"{name} is out of range.")
            return None
        return value

    def id_list(self, name: str, values: list[str] | None) -> list[str]:
        if not values:
            return []
        if len(values) > MAX_IDS:
            self.add(name, f"{name} may list at most {MAX_IDS} ids.")
            return []
        return list(dict.fromkeys(values))


async def find(
    session: AsyncSession, ctx: Context, model: type[T], pk: int | None, lock: bool = False
) -> T | None:
    """The row, if it exists and the viewer may see it (hidden and missing look the same)."""
    if pk is None:
        return None
    query = restrict(select(model).where(model.id == pk), model, ctx.viewer)  # type: ignore[attr-defined]
    if lock:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def resolve_id(
    session: AsyncSession,
    ctx: Context,
    check: Check,
    name: str | list[str],
    model: type[T],
    global_id: str | None,
    lock: bool = False,
) -> T | None:
    """Look up an id from the input; a malformed, missing or hidden one is NOT_FOUND."""
    if global_id is None or global_id is UNSET:
        return None
    type_name = model.__name__
    pk = pk_of(global_id, type_name)
    row = await find(session, ctx, model, pk, lock) if pk is not None else None
    if row is None:
        shown = global_id if len(global_id) <= 60 else global_id[:57] + "..."
        check.add(name, f"No {type_name} with id '{shown}'.", "NOT_FOUND")
    return row


async def in_transaction(
    ctx: Context, work: Callable[[AsyncSession], Awaitable[T]]
) -> tuple[T | None, list[FieldError]]:
    """Run `work` in one write transaction; a refusal or a constraint violation writes nothing.

    A constraint violation is a race with a concurrent writer whose row the checks could not
    see yet (the same link added twice at once, two plans given one name). The work is then
    run once more, in a new transaction that sees that row: the second request gets the answer
    it would have got a moment later (an existing link is fine, a taken name is DUPLICATE on
    its field), not a bare constraint error that depends on timing.
    """
    for attempt in (1, 2):
        try:
            async with ctx.writer.begin() as session:
                set_changed_by(session, ctx.viewer.user_id)  # for the outbox's events
                return await work(session), []
        except Refused as refused:
            return None, refused.errors
        except Refusal as refusal:
            path = None if refusal.field is None else ["input", refusal.field]
            return None, [FieldError(path, refusal.message, refusal.code)]
        except IntegrityError as error:
            if attempt == 2:
                return None, [constraint_error(error)]
    raise AssertionError("unreachable")


def constraint_error(error: IntegrityError) -> FieldError:
    """A race that the checks could not see: the database said no, nothing was written."""
    text = str(error.orig).lower()
    if "unique" in text or "duplicate" in text:
        return FieldError(None, "Another object already has this unique value.", "DUPLICATE")
    return FieldError(None, "The change conflicts with the current data; nothing was written.",
                      "INVALID")  # fmt: skip

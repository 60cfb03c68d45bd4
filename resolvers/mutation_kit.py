"""What every mutation shares: input checks that collect user errors, lookups, one transaction.

A mutation checks its whole input first and collects every problem; if there is any, nothing
is written and the problems come back as user errors. Otherwise it writes in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types.unset import UnsetType

from models.money import MoneyError, validate_money
from models.outbox import set_changed_by
from models.period import Period
from models.plan_workflow import Refusal
from models.refusals import RefusalCode
from resolvers.context import Context
from resolvers.ids import pk_of
from resolvers.mutation_inputs import MoneyAmount
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
    code: RefusalCode


class Refused(Exception):
    """Stop the mutation: these user errors go back to the client, the transaction is undone."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].message if errors else "refused")
        self.errors = errors


@dataclass
class Check:
    """Collects the problems of one input; `path` prefixes every field name."""

    errors: list[FieldError] = field(default_factory=list)

    def add(
        self, name: str | list[str] | None, message: str, code: RefusalCode = RefusalCode.INVALID
    ) -> None:
        path = None if name is None else ["input", *([name] if isinstance(name, str) else name)]
        self.errors.append(FieldError(path, message, code))

    def done(self) -> None:
        if self.errors:
            raise Refused(self.errors)

    def text(
        self,
        name: str,
        value: str | UnsetType | None,
        max_length: int = NAME_MAX,
        required: bool = True,
    ) -> str | None:
        """A trimmed string: required ones may not be blank."""
        if value is None or isinstance(value, UnsetType):
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

    def money(self, name: str, value: MoneyAmount | UnsetType | None) -> tuple[Decimal, str] | None:
        if value is None or isinstance(value, UnsetType):
            return None
        currency = str(value.currency).strip().upper()
        try:
            validate_money(value.amount, currency)
        except MoneyError as error:
            self.add([name, error.part], f"{name}.{error.part} {error.message}.")
            return None
        return value.amount, currency

    def decimal(self, name: str, value: Decimal | UnsetType | None) -> Decimal | None:
        if value is None or isinstance(value, UnsetType):
            return None
        if value < 0:
            self.add(name, f"{name} must not be negative.")
        elif value > Decimal("1000000000000") or value != value.quantize(Decimal("0.000001")):
            self.add(name, f"{name} must be at most 1e12 with at most 6 decimal places.")
        else:
            return value
        return None

    def datetime(self, name: str, value: dt.datetime | UnsetType | None) -> dt.datetime | None:
        if value is None or isinstance(value, UnsetType):
            return None
        if (
            not dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
            <= value
            <= dt.datetime(9999, 1, 1, tzinfo=dt.UTC)
        ):
            self.add(name, f"{name} is out of range.")
            return None
        return value

    def id_list(self, name: str, values: Sequence[str] | None) -> list[str]:
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
    row: T | None = (await session.execute(query)).scalar_one_or_none()
    return row


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
    if global_id is None:
        return None
    type_name = model.__name__
    pk = pk_of(global_id, type_name)
    row = await find(session, ctx, model, pk, lock) if pk is not None else None
    if row is None:
        shown = global_id if len(global_id) <= 60 else global_id[:57] + "..."
        check.add(name, f"No {type_name} with id '{shown}'.", RefusalCode.NOT_FOUND)
    return row


async def linked_rows(
    session: AsyncSession,
    ctx: Context,
    check: Check,
    name: str,
    model: type[T],
    ids: Sequence[str] | None,
    each: Callable[[list[str], T], None] | None = None,
) -> list[T]:
    """The rows of a list of ids; errors name each id by its position in the input list."""
    found: list[T] = []
    if not check.id_list(name, ids):
        return found
    seen: set[str] = set()
    for index, global_id in enumerate(ids or ()):  # positions in the input, repeats included
        if global_id in seen:
            continue
        seen.add(global_id)
        row = await resolve_id(session, ctx, check, [name, str(index)], model, global_id)
        if row is not None:
            found.append(row)
            if each is not None:
                each([name, str(index)], row)
    return found


async def period_within(session: AsyncSession, inner: Period, outer_id: int) -> bool:
    outer = await session.get(Period, outer_id)
    return outer is not None and outer.start_on <= inner.start_on and inner.end_on <= outer.end_on


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
        return FieldError(
            None, "Another object already has this unique value.", RefusalCode.DUPLICATE
        )
    return FieldError(
        None,
        "The change conflicts with the current data; nothing was written.",
        RefusalCode.INVALID,
    )

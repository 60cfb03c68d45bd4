"""The object types every other refers to: Node, Money, User, Period and Contact."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry

from models import AccountContact
from models.money import quantize
from resolvers.read.specs import Children, Format
from schema.connections import Connection
from schema.enums import PeriodType
from schema.read import Row, children, column, global_id, ref, register
from schema.refs import AccountRef


@strawberry.interface(description="An object with an opaque global id that `node(id:)` resolves.")
class Node:
    id: strawberry.ID = strawberry.field(description="The object's opaque global id.")


@strawberry.type(description="An amount of money: an exact decimal in an ISO 4217 currency.")
class Money:
    amount: Decimal = strawberry.field(description='The exact amount, e.g. "125000.00".')
    currency: str = strawberry.field(description='The ISO 4217 currency code, e.g. "EUR".')


def money(amount: Decimal | None, currency: str | None) -> Money | None:
    if amount is None or currency is None:
        return None
    return Money(amount=quantize(amount, currency), currency=currency)


@register
@strawberry.type(description="A person who uses plangraph: account manager, reviewer or admin.")
class User(Node):
    id: strawberry.ID = global_id()
    name: str = column("name", "The user's display name.")
    email: str = column("email", "The user's e-mail address (unique).")
    role: str = column("role", "account_manager, reviewer or admin.")
    row: Row


@register
@strawberry.type(description="A company planning period (year, quarter or month).")
class Period(Node):
    id: strawberry.ID = global_id()
    name: str = column("name", 'The period\'s name, e.g. "FY2027 Q1".')
    type: PeriodType = column("type", "Year, quarter or month.")
    start_date: dt.date = column("start_on", "The first day of the period.", Format.DATE)
    end_date: dt.date = column("end_on", "The last day of the period.", Format.DATE)
    parent: Period | None = ref(
        "parent_id", "Period", "The period this one belongs to (a quarter's year)."
    )
    row: Row


@register
@strawberry.type(description="A person who works with one or more accounts.")
class Contact(Node):
    id: strawberry.ID = global_id()
    first_name: str = column("first_name", "The contact's first name.")
    last_name: str = column("last_name", "The contact's last name.")
    email: str | None = column("email", "The contact's e-mail address.")
    accounts: Connection[AccountRef] = children(
        Children("Account", "contact_id", AccountContact, "account_id"),
        "The accounts this contact works with.",
    )
    row: Row

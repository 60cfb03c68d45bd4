"""Writes to reference data: periods, accounts, contacts, account teams, exchange rates."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import (
    Account,
    AccountContact,
    AccountTeamMember,
    Contact,
    ExchangeRate,
    Period,
    Role,
    User,
)
from models.money import ISO_4217
from models.plan_workflow import Refusal
from models.refusals import RefusalCode
from resolvers.context import Context
from resolvers.mutation_inputs import (
    AccountContactLink,
    AccountTeamMembership,
    ExchangeRateQuote,
    NewAccount,
    NewContact,
    NewPeriod,
)
from resolvers.mutation_kit import (
    EMAIL_MAX,
    SHORT_MAX,
    Check,
    FieldError,
    in_transaction,
    linked_rows,
    resolve_id,
)

Result = tuple[int | None, list[FieldError]]


def _require_admin(ctx: Context, what: str) -> None:
    if ctx.viewer.role is not Role.ADMIN:
        raise Refusal(RefusalCode.FORBIDDEN, f"Only an administrator may {what}.")


async def create_period(ctx: Context, inp: NewPeriod) -> Result:
    async def work(session: AsyncSession) -> int:
        _require_admin(ctx, "create periods")
        check = Check()
        name = check.text("name", inp.name)
        parent = await resolve_id(session, ctx, check, "parentId", Period, inp.parent_id)
        if inp.end_date < inp.start_date:
            check.add("endDate", "endDate must not be before startDate.")
        if parent is not None and not (
            parent.start_on <= inp.start_date and inp.end_date <= parent.end_on
        ):
            check.add("parentId", "A period must lie within its parent period.")
        if (
            name
            and (
                await session.execute(select(func.count()).where(Period.name == name))
            ).scalar_one()
        ):
            check.add("name", f"A period named '{name}' already exists.", RefusalCode.DUPLICATE)
        check.done()
        period = Period(
            name=name,
            type=inp.type,
            start_on=inp.start_date,
            end_on=inp.end_date,
            parent_id=parent.id if parent is not None else None,
        )
        session.add(period)
        await session.flush()
        return period.id

    return await in_transaction(ctx, work)


async def create_account(ctx: Context, inp: NewAccount) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        name = check.text("name", inp.name)
        parent = await resolve_id(session, ctx, check, "parentId", Account, inp.parent_id)
        owner = await resolve_id(session, ctx, check, "ownerId", User, inp.owner_id)
        if (
            owner is not None
            and owner.id != ctx.viewer.user_id
            and ctx.viewer.role is not Role.ADMIN
        ):
            check.add(
                "ownerId",
                "Only an administrator may create accounts for another owner.",
                RefusalCode.FORBIDDEN,
            )
        check.done()
        account = Account(
            name=name,
            parent_id=parent.id if parent is not None else None,
            owner_id=owner.id if owner is not None else ctx.viewer.user_id,
        )
        session.add(account)
        await session.flush()
        return account.id

    return await in_transaction(ctx, work)


async def create_contact(ctx: Context, inp: NewContact) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        first = check.text("firstName", inp.first_name)
        last = check.text("lastName", inp.last_name)
        email = check.text("email", inp.email, EMAIL_MAX, required=False)
        if email and "@" not in email:
            check.add("email", "email must be an e-mail address.")
        accounts = await linked_rows(session, ctx, check, "accountIds", Account, inp.account_ids)
        check.done()
        contact = Contact(first_name=first, last_name=last, email=email or None)
        session.add(contact)
        await session.flush()
        session.add_all(AccountContact(account_id=a.id, contact_id=contact.id) for a in accounts)
        return contact.id

    return await in_transaction(ctx, work)


async def link_account_contact(ctx: Context, inp: AccountContactLink, add: bool) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        account = await resolve_id(session, ctx, check, "accountId", Account, inp.account_id)
        contact = await resolve_id(session, ctx, check, "contactId", Contact, inp.contact_id)
        check.done()
        assert account is not None and contact is not None
        link = await session.get(AccountContact, (account.id, contact.id))
        if add and link is None:
            session.add(AccountContact(account_id=account.id, contact_id=contact.id))
        elif not add and link is not None:
            await session.delete(link)
        return account.id

    return await in_transaction(ctx, work)


async def change_account_team(ctx: Context, inp: AccountTeamMembership, add: bool) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        account = await resolve_id(session, ctx, check, "accountId", Account, inp.account_id)
        user = await resolve_id(session, ctx, check, "userId", User, inp.user_id)
        role = check.text("role", inp.role or "member", SHORT_MAX)
        check.done()
        assert account is not None and user is not None
        if ctx.viewer.role is not Role.ADMIN and account.owner_id != ctx.viewer.user_id:
            raise Refusal(
                RefusalCode.FORBIDDEN,
                "Only the account's owner or an administrator may change its account team.",
            )
        member = await session.get(AccountTeamMember, (account.id, user.id))
        if add and member is None:
            session.add(AccountTeamMember(account_id=account.id, user_id=user.id, role=role))
        elif add and member is not None:
            member.role = role or member.role
        elif not add and member is not None:
            await session.delete(member)
        return account.id

    return await in_transaction(ctx, work)


async def set_exchange_rate(
    ctx: Context, inp: ExchangeRateQuote
) -> tuple[tuple[str, str, Decimal] | None, list[FieldError]]:
    async def work(session: AsyncSession) -> tuple[str, str, Decimal]:
        _require_admin(ctx, "set exchange rates")
        check = Check()
        base, quote = str(inp.base).strip().upper(), str(inp.quote).strip().upper()
        for name, code in (("base", base), ("quote", quote)):
            if code not in ISO_4217:
                check.add(name, f"'{code[:10]}' is not an ISO 4217 currency code.")
        if base == quote:
            check.add("quote", "quote must differ from base.")
        rate = inp.rate
        if not rate > 0 or rate > Decimal(10) ** 8 or rate != rate.quantize(Decimal("1e-10")):
            check.add("rate", "rate must be positive, at most 1e8, with at most 10 decimals.")
        check.done()
        # One rate per pair of currencies: the inverse direction would be a second opinion.
        inverse = await session.get(ExchangeRate, (quote, base))
        if inverse is not None:
            await session.delete(inverse)
        row = await session.get(ExchangeRate, (base, quote))
        if row is None:
            session.add(ExchangeRate(base=base, quote=quote, rate=rate))
        else:
            row.rate = rate
        return base, quote, rate

    return await in_transaction(ctx, work)

"""Currencies (ISO 4217), exchange rates and exact conversion."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from sqlalchemy import CheckConstraint, ForeignKey, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, ScaledDecimal

# Active ISO 4217 codes with their minor units (digits after the decimal point).
ISO_4217: dict[str, int] = {
    "AED": 2, "AFN": 2, "ALL": 2, "AMD": 2, "AOA": 2, "ARS": 2, "AUD": 2, "AWG": 2,
    "AZN": 2, "BAM": 2, "BBD": 2, "BDT": 2, "BHD": 3, "BIF": 0, "BMD": 2, "BND": 2,
    "BOB": 2, "BRL": 2, "BSD": 2, "BTN": 2, "BWP": 2, "BYN": 2, "BZD": 2, "CAD": 2,
    "CDF": 2, "CHF": 2, "CLP": 0, "CNY": 2, "COP": 2, "CRC": 2, "CUP": 2, "CVE": 2,
    "CZK": 2, "DJF": 0, "DKK": 2, "DOP": 2, "DZD": 2, "EGP": 2, "ERN": 2, "ETB": 2,
    "EUR": 2, "FJD": 2, "FKP": 2, "GBP": 2, "GEL": 2, "GHS": 2, "GIP": 2, "GMD": 2,
    "GNF": 0, "GTQ": 2, "GYD": 2, "HKD": 2, "HNL": 2, "HTG": 2, "HUF": 2, "IDR": 2,
    "ILS": 2, "INR": 2, "IQD": 3, "IRR": 2, "ISK": 0, "JMD": 2, "JOD": 3, "JPY": 0,
    "KES": 2, "KGS": 2, "KHR": 2, "KMF": 0, "KPW": 2, "KRW": 0, "KWD": 3, "KYD": 2,
    "KZT": 2, "LAK": 2, "LBP": 2, "LKR": 2, "LRD": 2, "LSL": 2, "LYD": 3, "MAD": 2,
    "MDL": 2, "MGA": 2, "MKD": 2, "MMK": 2, "MNT": 2, "MOP": 2, "MRU": 2, "MUR": 2,
    "MVR": 2, "MWK": 2, "MXN": 2, "MYR": 2, "MZN": 2, "NAD": 2, "NGN": 2, "NIO": 2,
    "NOK": 2, "NPR": 2, "NZD": 2, "OMR": 3, "PAB": 2, "PEN": 2, "PGK": 2, "PHP": 2,
    "PKR": 2, "PLN": 2, "PYG": 0, "QAR": 2, "RON": 2, "RSD": 2, "RUB": 2, "RWF": 0,
    "SAR": 2, "SBD": 2, "SCR": 2, "SDG": 2, "SEK": 2, "SGD": 2, "SHP": 2, "SLE": 2,
    "SOS": 2, "SRD": 2, "SSP": 2, "STN": 2, "SVC": 2, "SYP": 2, "SZL": 2, "THB": 2,
    "TJS": 2, "TMT": 2, "TND": 3, "TOP": 2, "TRY": 2, "TTD": 2, "TWD": 2, "TZS": 2,
    "UAH": 2, "UGX": 0, "USD": 2, "UYU": 2, "UZS": 2, "VES": 2, "VND": 0, "VUV": 0,
    "WST": 2, "XAF": 0, "XCD": 2, "XOF": 0, "XPF": 0, "YER": 2, "ZAR": 2, "ZMW": 2,
    "ZWG": 2,
}  # fmt: skip

# 10^15: a large deal in any currency (IDR, VND included); models/base.py MONEY_SCALE.
MAX_AMOUNT = Decimal("1000000000000000")


class CurrencyRow(Base):
    """Reference table of valid currency codes: every money column points here."""

    __tablename__ = "currencies"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    minor_units: Mapped[int] = mapped_column(SmallInteger)


class ExchangeRate(Base):
    """One unit of `base` is worth `rate` units of `quote`."""

    __tablename__ = "exchange_rates"
    __table_args__ = (CheckConstraint("rate > 0", name="rate_positive"),)

    base: Mapped[str] = mapped_column(ForeignKey("currencies.code"), primary_key=True)
    quote: Mapped[str] = mapped_column(ForeignKey("currencies.code"), primary_key=True)
    rate: Mapped[Decimal] = mapped_column(ScaledDecimal(10))


class MoneyError(ValueError):
    """A money value that breaks a rule; `part` names the offending part (amount or currency)."""

    def __init__(self, part: str, message: str) -> None:
        super().__init__(message)
        self.part = part
        self.message = message


class MissingRateError(LookupError):
    def __init__(self, base: str, quote: str) -> None:
        super().__init__(f"No exchange rate from {base} to {quote}")
        self.base = base
        self.quote = quote


def validate_money(amount: Decimal, currency: str) -> None:
    """Raise MoneyError unless amount is a non-negative exact value in a known currency."""
    if currency not in ISO_4217:
        raise MoneyError("currency", f"'{currency[:10]}' is not an ISO 4217 currency code")
    if not amount.is_finite():
        raise MoneyError("amount", "must be a finite number")
    if amount < 0:
        raise MoneyError("amount", "must not be negative")
    if amount > MAX_AMOUNT:
        raise MoneyError("amount", f"must not exceed {MAX_AMOUNT}")
    digits = ISO_4217[currency]
    if amount != amount.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN):
        raise MoneyError("amount", f"{currency} allows at most {digits} decimal places")


def quantize(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-ISO_4217.get(currency, 2)), ROUND_HALF_EVEN)


@dataclass(frozen=True)
class Rates:
    """The exchange rates the server holds, looked up in either direction."""

    table: Mapping[tuple[str, str], Decimal]

    def rate(self, base: str, quote: str) -> Decimal:
        if base == quote:
            return Decimal(1)
        direct = self.table.get((base, quote))
        if direct is not None:
            return direct
        inverse = self.table.get((quote, base))
        if inverse is not None:
            return Decimal(1) / inverse
        raise MissingRateError(base, quote)


def missing_rates(currency: str, currencies: Iterable[str], rates: Rates) -> list[str]:
    """The pairs ("CHF->EUR") a sum into `currency` needs and the server does not hold."""
    missing = set()
    for code in currencies:
        try:
            rates.rate(code, currency)
        except MissingRateError:
            missing.add(f"{code}->{currency}")
    return sorted(missing)


def sum_in(currency: str, amounts: Mapping[str, Decimal], rates: Rates) -> Decimal:
    """Sum amounts keyed by currency into `currency`, rounded once at the end."""
    total = Decimal(0)
    for code in sorted(amounts):
        total += amounts[code] * rates.rate(code, currency)
    return quantize(total, currency)

"""The rules of copying a plan into another period: which period, which name.

Pure functions, no session: a sub-plan goes to the period of the same type that starts as far
into the new period as its own period started into the old one (Q1 -> Q1 of the new year).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from models.period import Period

NAME_MAX = 200


def same_length(old: Period, new: Period) -> bool:
    """A plan is copied only into a period of its own kind: a year into a year."""
    return old.type == new.type


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shifted_start(old_top: dt.date, old: dt.date, new_top: dt.date) -> dt.date:
    """Where `old` starts, counted in months and days from `old_top`, but from `new_top`."""
    months = (old.year - old_top.year) * 12 + old.month - old_top.month
    return add_months(new_top, months) + dt.timedelta(days=old.day - old_top.day)


def matching_period(
    old_top: Period, old: Period, new_top: Period, candidates: Iterable[Period]
) -> Period | None:
    """The period in `new_top` that matches `old` in `old_top`: same type, same offset."""
    if old.id == old_top.id:
        return new_top
    start = shifted_start(old_top.start_on, old.start_on, new_top.start_on)
    for period in candidates:
        if (
            period.type == old.type
            and period.start_on == start
            and new_top.start_on <= period.start_on
            and period.end_on <= new_top.end_on
        ):
            return period
    return None


def copy_name(name: str, renames: Iterable[tuple[str, str]]) -> str:
    """The first (old period name -> new) that occurs in `name`, replaced; else the new
    period's name appended in parentheses."""
    pairs = list(renames)
    for old, new in pairs:
        if old and old in name:
            return name.replace(old, new)
    return f"{name} ({pairs[0][1]})"


def copied_comment(name: str, period_name: str) -> str:
    """The creation entry of a copy names its source."""
    return f"Copied from {name} ({period_name})"

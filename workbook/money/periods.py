"""The basics every loan calculation shares: cent rounding, monthly rates, due dates.

Exact intermediate sums use PRECISION digits; money is rounded half up to the cent
once (`cents`), and spread over rows by `cumulative_round` so no cent drifts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from workbook import parse
from workbook.models import ZERO, Rate, RateUnit

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
PRECISION = 40  # digits for exact intermediate sums; far beyond any cent over 50 years


def cents(amount: Decimal, rounding: str = ROUND_HALF_UP) -> Decimal:
    """`amount` rounded to the cent, half up unless told (the one explicit rounding step)."""
    try:
        return amount.quantize(CENT, rounding=rounding)
    except InvalidOperation:  # more digits than the context holds (absurd rates): widen it
        with localcontext() as ctx:
            ctx.prec = amount.adjusted() + 4
            return amount.quantize(CENT, rounding=rounding)


def monthly_rate(rate: Rate, basis: int = 360) -> Decimal:
    """The periodic monthly rate as a fraction: 4.9 %/year -> 0.049/12.

    A daily rate becomes monthly as basis/12 days a month (×360 is the PBoC
    convention, 30 days a month; pass 365 for the other convention).
    """
    fraction = rate.percent / HUNDRED
    with localcontext() as ctx:
        ctx.prec = PRECISION
        if rate.unit == RateUnit.YEAR:
            return fraction / 12
        if rate.unit == RateUnit.MONTH:
            return fraction
        return fraction * basis / 12


def due_date(year: int, month: int, due_day: int) -> date:
    """The due date in that month (months past 12 roll into later years); a due day past
    the month's end falls on its last day (`workbook.parse.due_date`)."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return parse.due_date(year, month, min(max(due_day, 1), 31))


def add_months(day: date, months: int, due_day: int | None = None) -> date:
    """`day` moved by whole months, keeping `due_day` (default: day's own day) at month end."""
    return due_date(day.year, day.month + months, due_day or day.day)


def next_due(today: date, due_day: int) -> date:
    """The first due date on or after `today`."""
    this_month = due_date(today.year, today.month, due_day)
    return this_month if this_month >= today else due_date(today.year, today.month + 1, due_day)


def cumulative_round(values: Iterable[Decimal]) -> list[Decimal]:
    """Round each value to the cent so that every running total is the exact total rounded."""
    out: list[Decimal] = []
    running = ZERO
    previous = ZERO
    with localcontext() as ctx:
        ctx.prec = PRECISION
        for value in values:
            running += value
            rounded = cents(running)
            out.append(rounded - previous)
            previous = rounded
    return out


@dataclass(frozen=True)
class Instalment:
    number: int
    due: date
    payment: Decimal  # principal + interest + fees
    principal: Decimal
    interest: Decimal
    fees: Decimal
    balance: Decimal  # principal still owed after this payment


def equal_instalment(principal: Decimal, r: Decimal, months: int) -> Decimal:
    """The exact (unrounded) 等额本息 instalment A = P·r·(1+r)^n / ((1+r)^n - 1)."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        if r == 0:
            return principal / months
        growth = (1 + r) ** months
        return principal * r * growth / (growth - 1)

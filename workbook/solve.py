"""Solving a repayment both ways: term -> instalment, and affordable instalment -> months.

Months are found with exact arithmetic (the balance is not rounded month by month) and
money is rounded once at the end, so the two directions agree: paying
`solve_instalment(b, r, n)` a month repays `b` in `n` months (the last one a little
smaller), as `solve_months` confirms.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, localcontext

from workbook.models import ZERO, Rate
from workbook.schedule import CENT, PRECISION, cents, equal_instalment, monthly_rate

# 50 years. A payment a cent above the monthly interest does repay, but over centuries;
# "never" here means "not within a lifetime", and the smallest payment that would is given.
MAX_MONTHS = 600


def rate_per_month(rate: Rate | None) -> Decimal:
    """The monthly rate as a fraction; no rate entered counts as no interest."""
    return ZERO if rate is None or rate.percent <= 0 else monthly_rate(rate)


def solve_instalment(balance: Decimal, rate: Rate | None, months: int) -> Decimal:
    """The equal monthly instalment that repays `balance` in `months` months.

    Rounded *up* to the cent so that the payments are enough; the last one is then a
    few cents smaller. Raises ValueError for fewer than one month.
    """
    if months < 1:
        raise ValueError("a term needs at least one month")
    if balance <= 0:
        return cents(ZERO)
    exact = equal_instalment(balance, rate_per_month(rate), months)
    return exact.quantize(CENT, rounding=ROUND_CEILING)


@dataclass(frozen=True)
class MonthsResult:
    months: int | None  # None when the payment never repays the balance
    never_repays: bool
    smallest_payment: Decimal | None  # set when never_repays: the least that repays in time
    total_paid: Decimal | None = None
    last_payment: Decimal | None = None


def solve_months(
    balance: Decimal, rate: Rate | None, payment: Decimal, max_months: int = MAX_MONTHS
) -> MonthsResult:
    """How many months `payment` a month takes to repay `balance` at `rate`.

    When it never does (it does not beat the monthly interest, or needs more than
    `max_months`), says so and gives the smallest payment that repays within
    `max_months` — never a dead end without a number.
    """
    if balance <= 0:
        return MonthsResult(0, False, None, cents(ZERO), cents(ZERO))
    r = rate_per_month(rate)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        if payment > 0 and payment > balance * r:
            owed_before = balance
            for month in range(1, max_months + 1):
                owed = owed_before * (1 + r)
                if owed <= payment or cents(owed - payment) == 0:
                    last = cents(owed)
                    total = cents(payment * (month - 1) + last)
                    return MonthsResult(month, False, None, total, last)
                owed_before = owed - payment
    return MonthsResult(None, True, solve_instalment(balance, rate, max_months))

"""Solving a repayment both ways: term -> instalment, and affordable instalment -> months.

`instalment_plan` is the one place the number of instalments and the last one come
from: step 4, the letter, the call sheet and a drafted agreement all read it, so they
never disagree on a count.

Months are found with exact arithmetic (the balance is not rounded month by month) and
money is rounded once at the end, so the two directions agree: `solve_instalment(b, r, n)`
is the smallest whole-cent payment for which `solve_months` finds at most `n` months.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, localcontext

from workbook.models import ZERO, Rate
from workbook.money.schedule import CENT, PRECISION, cents, equal_instalment, monthly_rate

# 50 years. A payment a cent above the monthly interest does repay, but over centuries;
# "never" here means "not within a lifetime", and the smallest payment that would is given.
MAX_MONTHS = 600


def rate_per_month(rate: Rate | None) -> Decimal:
    """The monthly rate as a fraction; no rate entered counts as no interest."""
    return ZERO if rate is None or rate.percent <= 0 else monthly_rate(rate)


def solve_instalment(balance: Decimal, rate: Rate | None, months: int) -> Decimal:
    """The smallest whole-cent monthly payment that repays `balance` within `months`.

    That is the exact equal instalment rounded up (or a cent less when the difference
    dies in the final rounding); the last payment is then a little smaller. At high
    rates over decades the rounding-up can save the final month. Raises ValueError for
    fewer than one month.
    """
    if months < 1:
        raise ValueError("a term needs at least one month")
    if balance <= 0:
        return cents(ZERO)
    r = rate_per_month(rate)
    payment = cents(equal_instalment(balance, r, months), ROUND_CEILING)
    if payment > CENT and _repay(balance, r, payment - CENT, months) is not None:
        return payment - CENT
    return payment


@dataclass(frozen=True)
class MonthsResult:
    months: int | None  # None when the payment never repays the balance
    never_repays: bool
    smallest_payment: Decimal | None  # set when never_repays: the least that repays in time
    total_paid: Decimal | None = None
    last_payment: Decimal | None = None


def _walk(
    balance: Decimal, r: Decimal, payment: Decimal, max_months: int, fold: Decimal = ZERO
) -> tuple[int, Decimal] | None:
    """(months, last payment) paying `payment` a month on `balance` at `r` a month, with
    exact balances; a remainder up to `fold` goes with the payment before it. None if it
    is not repaid in time."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        if payment <= 0 or payment <= balance * r:
            return None
        owed_before = balance
        for month in range(1, max_months + 1):
            owed = owed_before * (1 + r)
            # Less than half a cent left over is gone once the last payment is rounded.
            if owed <= payment + fold or cents(owed - payment) == 0:
                return month, cents(owed)
            owed_before = owed - payment
    return None


def _repay(
    balance: Decimal, r: Decimal, payment: Decimal, max_months: int
) -> tuple[int, Decimal, Decimal] | None:
    """(months, total paid, last payment) with exact balances, or None if not in time."""
    found = _walk(balance, r, payment, max_months)
    if found is None:
        return None
    month, last = found
    return month, cents(payment * (month - 1) + last), last


# A last instalment this small (1 % of the others, at least 10 fen) is folded into the
# one before it: nobody should find a payment of a few cents waiting after the rest.
FOLD_SHARE = Decimal("0.01")
FOLD_AT_LEAST = Decimal("0.10")


@dataclass(frozen=True)
class InstalmentPlan:
    """`count` instalments of `instalment`, the last one `last`, `total` in all.

    `last` differs from `instalment` when the balance does not divide: smaller, or
    larger by a folded remainder (`folded`) that would otherwise have been a payment
    of its own. `(count - 1) * instalment + last == total` always.
    """

    instalment: Decimal
    count: int
    last: Decimal
    total: Decimal
    folded: bool = False

    @property
    def last_differs(self) -> bool:
        return self.count > 1 and self.last != self.instalment


def fold_limit(payment: Decimal) -> Decimal:
    """The largest remainder folded into the instalment before it."""
    return max(cents(payment * FOLD_SHARE), FOLD_AT_LEAST)


def instalment_plan(
    balance: Decimal, rate: Rate | None, payment: Decimal, max_months: int = MAX_MONTHS
) -> InstalmentPlan | None:
    """`payment` a month on `balance` at `rate`: how many instalments, the last one and
    the total, with exact balances and money rounded once; None when it never repays
    within `max_months`. A tiny remainder (`fold_limit`) is paid with the instalment
    before it instead of as a month of its own."""
    payment = cents(payment)
    if balance <= 0:
        return InstalmentPlan(payment, 0, cents(ZERO), cents(ZERO))
    found = _walk(balance, rate_per_month(rate), payment, max_months, fold_limit(payment))
    if found is None:
        return None
    month, last = found
    if month == 1:  # one payment of what is owed, not of the offer
        return InstalmentPlan(last, 1, last, last)
    total = payment * (month - 1) + last
    return InstalmentPlan(payment, month, last, total, folded=last > payment)


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
    found = _repay(balance, rate_per_month(rate), payment, max_months)
    if found is None:
        return MonthsResult(None, True, solve_instalment(balance, rate, max_months))
    months, total, last = found
    return MonthsResult(months, False, None, total, last)

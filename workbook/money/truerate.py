"""The true annual rate of a loan: the IRR of the money actually received and paid.

The received amount is net of anything withheld at pay-out (砍头息); the payments
include every fee. As PBoC Announcement 〔2021〕 No. 3 asks, the compound (IRR)
method is used. Reported as APR (monthly IRR × 12) and EAR ((1 + monthly)^12 - 1);
irregular dates and bullet loans are valued by actual days (XIRR on 365 days).

Solvers never raise on odd cash flows: they answer None (no sign change, no root in
range, or the arithmetic ran away).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from workbook import fmt
from workbook.i18n import _
from workbook.models import ZERO, Debt, Rate, RateUnit, RepaymentMethod
from workbook.money.schedule import (
    CARD_MONTHS_CAP,
    HUNDRED,
    Instalment,
    add_months,
    build_schedule,
)

PRECISION = 40
TOLERANCE = Decimal("1e-24")  # a step this small ends Newton; far below any shown digit
MAX_NEWTON = 60
MAX_BISECT = 300
# Where to look for a sign change when Newton does not settle (periodic rates).
_GRID = [
    Decimal(x)
    for x in "-0.999999 -0.99 -0.9 -0.5 -0.2 -0.05 0 0.001 0.01 0.05 0.1 0.2 0.5 1 2 5 10 100 "
    "1000 100000".split()
]
_ONE = Decimal(1)
_RESULT = Decimal("1e-20")  # irr/xirr digits: the solver's noise (~1e-24) is cut off
_SHOWN = Decimal("1e-12")  # rates are returned to 12 places: exact enough, readable in tests


@dataclass(frozen=True)
class TrueRate:
    """Rates as fractions: Decimal("0.1303") is 13.03 %."""

    monthly: Decimal | None  # None when valued by actual days
    apr: Decimal
    ear: Decimal
    by_days: bool = False  # XIRR on actual days (irregular dates, bullet loans)


@dataclass(frozen=True)
class AnnualEquivalents:
    """A rate as a fraction per year under both day-count conventions."""

    x360: Decimal
    x365: Decimal


def _result(monthly: Decimal | None, apr: Decimal, ear: Decimal, by_days: bool = False) -> TrueRate:
    with localcontext() as ctx:
        ctx.prec = 100  # an absurd rate compounds to ~1e60; still 12 places after the point
        return TrueRate(
            monthly=None if monthly is None else monthly.quantize(_SHOWN),
            apr=apr.quantize(_SHOWN),
            ear=ear.quantize(_SHOWN),
            by_days=by_days,
        )


def daily_to_annual(rate: Rate) -> AnnualEquivalents:
    """Annual equivalents of `rate`: a daily rate ×360 and ×365 (日息万五 -> 18 % / 18.25 %).

    A yearly rate is the same under both; a monthly rate is ×12 under both.
    """
    fraction = rate.percent / HUNDRED
    if rate.unit == RateUnit.DAY:
        return AnnualEquivalents(fraction * 360, fraction * 365)
    if rate.unit == RateUnit.MONTH:
        return AnnualEquivalents(fraction * 12, fraction * 12)
    return AnnualEquivalents(fraction, fraction)


def daily_rate_note(rate: Rate | None) -> str | None:
    """For a daily rate, its yearly size under both conventions in one sentence; else None.

    Chinese lenders quote 日息 and annualise it ×360 (PBoC practice) or ×365; the two
    differ by 1.4 %, which matters when a rate sits near 24 % or 4 × LPR.
    """
    if rate is None or rate.unit != RateUnit.DAY:
        return None
    both = daily_to_annual(rate)
    return _(
        "{daily} a day is {x360} a year counted as 360 days, or {x365} counted as 365 days."
    ).format(
        daily=fmt.percent(rate.percent),
        x360=f"{fmt.number(both.x360 * HUNDRED)}%",
        x365=f"{fmt.number(both.x365 * HUNDRED)}%",
    )


def _solve(
    f: Callable[[Decimal], tuple[Decimal, Decimal]], guess: Decimal, scale: Decimal
) -> Decimal | None:
    """A root of f (returning value and slope) above -1: Newton, then bisection."""
    r = guess
    for _step in range(MAX_NEWTON):
        value, slope = f(r)
        if slope == 0:
            break
        step = value / slope
        nxt = r - step
        if nxt <= -1:  # Newton overshot below -100 %: halve the way instead
            nxt = (r - 1) / 2
        if abs(step) < TOLERANCE:
            if abs(f(nxt)[0]) <= scale * Decimal("1e-20"):
                return nxt
            break
        r = nxt
    return _bisect(f, scale)


def _bisect(f: Callable[[Decimal], tuple[Decimal, Decimal]], scale: Decimal) -> Decimal | None:
    points = [(x, f(x)[0]) for x in _GRID]
    for (lo, f_lo), (hi, f_hi) in zip(points, points[1:], strict=False):
        if f_lo == 0:
            return lo
        if (f_lo < 0) == (f_hi < 0):
            continue
        for _step in range(MAX_BISECT):
            mid = (lo + hi) / 2
            f_mid = f(mid)[0]
            if (f_mid < 0) == (f_lo < 0):
                lo, f_lo = mid, f_mid
            else:
                hi = mid
            if hi - lo < TOLERANCE:
                break
        return (lo + hi) / 2
    return None


def _has_both_signs(amounts: Sequence[Decimal]) -> bool:
    return any(a > 0 for a in amounts) and any(a < 0 for a in amounts)


def irr(cashflows: Sequence[Decimal]) -> Decimal | None:
    """The periodic rate r at which sum(c_k / (1+r)^k) = 0, or None if there is none.

    cashflows[0] is at time 0 (usually the negative money received, from the lender's
    side: -received, +payments, or the other way round: the sign only has to change).
    """
    flows = [Decimal(c) for c in cashflows]
    if len(flows) < 2 or not _has_both_signs(flows):
        return None
    try:
        with localcontext() as ctx:
            ctx.prec = PRECISION

            def npv(r: Decimal) -> tuple[Decimal, Decimal]:
                v = _ONE / (1 + r)
                value = ZERO
                slope = ZERO  # d(value)/dv, by Horner alongside the value
                for c in reversed(flows):
                    slope = slope * v + value
                    value = value * v + c
                return value, -slope * v * v

            root = _solve(npv, Decimal("0.01"), sum((abs(c) for c in flows), ZERO))
            return None if root is None else root.quantize(_RESULT)
    except ArithmeticError:
        return None


def xirr(flows: Sequence[tuple[date, Decimal]]) -> Decimal | None:
    """The annual effective rate R at which sum(c_i / (1+R)^(days_i/365)) = 0, or None."""
    if len(flows) < 2 or not _has_both_signs([amount for _, amount in flows]):
        return None
    first = min(day for day, _ in flows)
    terms = [(Decimal((day - first).days) / 365, Decimal(amount)) for day, amount in flows]
    if all(t == 0 for t, _ in terms):
        return None
    try:
        with localcontext() as ctx:
            ctx.prec = PRECISION

            def npv(rate: Decimal) -> tuple[Decimal, Decimal]:
                log = (1 + rate).ln()
                value = ZERO
                slope = ZERO
                for t, c in terms:
                    discounted = c * (-t * log).exp() if t else c
                    value += discounted
                    slope -= t * discounted
                return value, slope / (1 + rate)

            root = _solve(npv, Decimal("0.1"), sum((abs(c) for _, c in terms), ZERO))
            return None if root is None else root.quantize(_RESULT)
    except ArithmeticError:
        return None


def _month_index(day: date) -> int:
    return day.year * 12 + day.month


def _monthly(rows: Sequence[Instalment], start: date | None) -> bool:
    """True when payments fall one calendar month apart (and a month after `start`)."""
    if start is not None and (
        len(rows) == 1 or _month_index(rows[0].due) - _month_index(start) != 1
    ):
        return False
    return all(
        _month_index(b.due) - _month_index(a.due) == 1 for a, b in zip(rows, rows[1:], strict=False)
    )


def true_rate_of_schedule(
    received: Decimal, schedule: Sequence[Instalment], *, start: date | None = None
) -> TrueRate | None:
    """The true rate of borrowing `received` and paying the rows of `schedule`.

    Monthly IRR when the rows are a month apart; by actual days from `start` otherwise
    (a single bullet payment, irregular dates). A balance left after the last row is
    counted as paid with it, so a cut-off schedule does not look cheaper than it is.
    """
    if not schedule or received <= 0:
        return None
    payments = [row.payment for row in schedule]
    payments[-1] += schedule[-1].balance
    try:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            if _monthly(schedule, start):
                m = irr([-received, *payments])
                if m is None:
                    return None
                return _result(m, m * 12, (1 + m) ** 12 - 1)
            if start is None:
                return None
            flows = [(start, -received)] + [
                (row.due, amount) for row, amount in zip(schedule, payments, strict=True)
            ]
            annual = xirr(flows)
            if annual is None:
                return None
            days = (schedule[-1].due - start).days
            if len(schedule) == 1 and days > 0:
                apr = (payments[0] / received - 1) * 365 / days  # simple annualisation
            else:
                apr = ((1 + annual) ** (_ONE / 12) - 1) * 12
            return _result(None, apr, annual, by_days=True)
    except ArithmeticError:
        return None


def debt_true_rate(debt: Debt, today: date) -> TrueRate | None:
    """The true rate of `debt` over its whole contract, from what was actually received.

    Uses the principal (or the balance when the principal is not known) less the
    upfront deduction, the method, term and rate, and the monthly fee. Without a rate,
    a stated monthly payment over the term is used instead (plus the monthly fee).
    None when there is not enough to compute.
    """
    amount = debt.principal if debt.principal and debt.principal > 0 else debt.balance
    received = amount - max(debt.upfront_deduction, ZERO)
    if amount <= 0 or received <= 0:
        return None
    start = debt.start_date or today
    first = add_months(start, 1, debt.due_day)  # lenders bill from the month after pay-out
    fee = max(debt.monthly_fee, ZERO)
    term = debt.term_months if debt.term_months and debt.term_months > 0 else None
    if debt.rate is None or debt.rate.percent < 0:
        if term is None or not debt.monthly_payment or debt.monthly_payment <= 0:
            return None
        payments = [debt.monthly_payment + fee] * term
        m = irr([-received, *payments])
        if m is None:
            return None
        try:
            with localcontext() as ctx:
                ctx.prec = PRECISION
                return _result(m, m * 12, (1 + m) ** 12 - 1)
        except ArithmeticError:
            return None
    method = debt.method
    stated = debt.monthly_payment if debt.monthly_payment and debt.monthly_payment > 0 else None
    if method == RepaymentMethod.CARD_MINIMUM:
        term = CARD_MONTHS_CAP
    elif term is None:
        return None
    if method == RepaymentMethod.BULLET:
        first = add_months(start, term, debt.due_day)
        term = 1
    rows = build_schedule(
        amount,
        debt.rate,
        term,
        method,
        first,
        due_day=debt.due_day,
        monthly_fee=fee,
        card_min_percent=debt.card_min_percent,
        card_min_floor=debt.card_min_floor,
        start=start,
        original_principal=amount,
        payment=stated if method == RepaymentMethod.OTHER else None,
    )
    return true_rate_of_schedule(received, rows, start=start)

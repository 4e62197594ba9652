"""Repayment schedules for every method, to the cent.

How rows are rounded (the published worked examples are the test of it):
- Interest and principal that follow a formula (等额本息 interest, 等额本金 principal
  and interest) are worked out exactly first, then rounded *cumulatively*: row k holds
  round(sum of rows 1..k) - round(sum of rows 1..k-1). Every running total is then
  the exact total rounded once, so the parts add up exactly and no cent drifts.
- Amounts a lender quotes as a fixed figure (the 等额本息 instalment, the 先息后本
  interest, the 等本等息 fee) are rounded once (half up) and repeated; the last row
  takes whatever principal is left, so principal parts add up exactly to the principal.
For 1,000,000 over 360 months at 4.9 % this gives 5,307.27 a month and 910,616.19 of
interest (the last instalment is 5,306.26), the figures bank calculators publish. A
bank that rounds interest on its own rounded balance each month ends about a yuan
lower over 30 years; that is the size of the difference between conventions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, localcontext
from typing import TypedDict

from workbook.models import ZERO, Debt, DebtStatus, Rate, RepaymentMethod
from workbook.money.periods import (  # re-exported: the schedule API others code against
    CENT,
    HUNDRED,
    PRECISION,
    Instalment,
    add_months,
    cents,
    cumulative_round,
    due_date,
    equal_instalment,
    monthly_rate,
    next_due,
)

__all__ = [
    "CARD_MONTHS_CAP",
    "CENT",
    "HUNDRED",
    "PRECISION",
    "Instalment",
    "add_months",
    "build_schedule",
    "cents",
    "cumulative_round",
    "debt_first_due",
    "debt_monthly_payment",
    "debt_schedule",
    "due_date",
    "equal_instalment",
    "monthly_rate",
    "months_elapsed",
    "next_due",
    "schedule_totals",
]

CARD_MONTHS_CAP = 600  # 50 years: a minimum-payment schedule is cut off here
ONE = Decimal(1)


def build_schedule(
    principal: Decimal,
    rate: Rate,
    months: int,
    method: RepaymentMethod,
    first_due: date,
    *,
    due_day: int | None = None,
    monthly_fee: Decimal = ZERO,
    card_min_percent: Decimal = Decimal("10"),
    card_min_floor: Decimal = Decimal("100"),
    start: date | None = None,
    original_principal: Decimal | None = None,
    payment: Decimal | None = None,
    basis: int = 360,
) -> list[Instalment]:
    """The rows of a loan of `principal` repaid monthly from `first_due`.

    `months` is the term; for the credit-card minimum and for a fixed `payment` with
    `OTHER`, it is the most rows shown (they stop early once repaid). `start` is the
    day the money was paid out: a bullet loan then charges interest by actual days
    (annual rate / basis × days). `original_principal` is what a 等本等息 fee is charged
    on when `principal` is a remaining balance. `monthly_fee` (service, membership,
    guarantee) is added to every row's fees. Raises ValueError on a negative amount or
    rate or on fewer than one month; a zero principal has no rows.
    """
    if months < 1:
        raise ValueError("a schedule needs at least one month")
    optional = [x for x in (payment, original_principal) if x is not None]
    if min([principal, rate.percent, monthly_fee, *optional]) < 0:
        raise ValueError("amounts and rates must not be negative")
    principal = cents(principal)
    if principal == 0:
        return []
    r = monthly_rate(rate, basis)
    due = due_day or first_due.day
    fee = cents(monthly_fee)
    if method == RepaymentMethod.EQUAL_PRINCIPAL:
        parts = _equal_principal(principal, r, months)
    elif method == RepaymentMethod.INTEREST_FIRST:
        interest = cents(principal * r)
        parts = [(ZERO, interest)] * (months - 1) + [(principal, interest)]
    elif method == RepaymentMethod.BULLET:
        maturity = due_date(first_due.year, first_due.month + months - 1, due)
        interest = _bullet_interest(principal, r, months, start, maturity, basis)
        return [
            Instalment(1, maturity, principal + interest + fee, principal, interest, fee, CENT * 0)
        ]
    elif method == RepaymentMethod.FLAT_FEE:
        charge = cents((original_principal or principal) * r)
        parts = _fixed_payment_parts(
            principal, cents(principal / months) + charge, [charge] * months
        )
    elif method == RepaymentMethod.CARD_MINIMUM:
        return _card_minimum(
            principal, r, months, first_due, due, fee, card_min_percent, card_min_floor
        )
    elif method == RepaymentMethod.OTHER and payment is not None:
        return _fixed_payment_rows(principal, r, cents(payment), months, first_due, due, fee)
    else:  # EQUAL_INSTALMENT, and OTHER without a stated payment
        parts = _equal_instalment(principal, r, months)
    return _rows(principal, parts, first_due, due, fee)


def _equal_instalment(principal: Decimal, r: Decimal, months: int) -> list[tuple[Decimal, Decimal]]:
    exact = equal_instalment(principal, r, months)
    interests = []
    with localcontext() as ctx:
        ctx.prec = PRECISION
        # Balances from the closed form B_k = P((1+r)^n - (1+r)^k) / ((1+r)^n - 1): a running
        # subtraction would amplify the last digit by (1+r)^k, which at absurd rates wins.
        grown = (1 + r) ** months
        scale = principal * r / (grown - 1) if r else ZERO
        step = ONE
        for _ in range(months):
            interests.append(scale * (grown - step))  # = B_(k-1) × r
            step *= 1 + r
    return _fixed_payment_parts(principal, cents(exact), cumulative_round(interests))


def _equal_principal(principal: Decimal, r: Decimal, months: int) -> list[tuple[Decimal, Decimal]]:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        step = principal / months
        interests = [(principal - k * step) * r for k in range(months)]
    return list(zip(cumulative_round([step] * months), cumulative_round(interests), strict=True))


def _fixed_payment_parts(
    principal: Decimal, payment: Decimal, interests: list[Decimal]
) -> list[tuple[Decimal, Decimal]]:
    """(principal, interest) per row for a constant payment; the last row takes the rest."""
    parts = []
    balance = principal
    for k, interest in enumerate(interests):
        if k == len(interests) - 1:
            part = balance
        else:  # never below zero, never beyond what is owed (tiny loans, long terms)
            part = min(max(payment - interest, ZERO), balance)
        balance -= part
        parts.append((part, interest))
    return parts


def _bullet_interest(
    principal: Decimal, r: Decimal, months: int, start: date | None, maturity: date, basis: int
) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        if start is not None and maturity > start:
            return cents(principal * r * 12 / basis * (maturity - start).days)
        return cents(principal * r * months)


def _rows(
    principal: Decimal,
    parts: list[tuple[Decimal, Decimal]],
    first_due: date,
    due_day: int,
    fee: Decimal,
) -> list[Instalment]:
    rows = []
    balance = principal
    for k, (part, interest) in enumerate(parts):
        balance -= part
        rows.append(
            Instalment(
                number=k + 1,
                due=due_date(first_due.year, first_due.month + k, due_day),
                payment=part + interest + fee,
                principal=part,
                interest=interest,
                fees=fee,
                balance=balance,
            )
        )
    return rows


def _fixed_payment_rows(
    principal: Decimal,
    r: Decimal,
    payment: Decimal,
    months: int,
    first_due: date,
    due_day: int,
    fee: Decimal,
) -> list[Instalment]:
    """A stated payment each month until repaid; interest is charged on the balance owed."""
    return _revolving(principal, r, months, first_due, due_day, fee, lambda owed: payment)


def _card_minimum(
    principal: Decimal,
    r: Decimal,
    months: int,
    first_due: date,
    due_day: int,
    fee: Decimal,
    percent: Decimal,
    floor: Decimal,
) -> list[Instalment]:
    """Paying only the card minimum: percent of the statement, at least `floor`.

    A simplification: interest is the monthly rate on the balance carried; banks that
    charge interest from each purchase date (全额计息) cost more than this shows.
    """

    def minimum(owed: Decimal) -> Decimal:
        return max(cents(owed * percent / HUNDRED), cents(floor))

    return _revolving(principal, r, months, first_due, due_day, fee, minimum)


def _revolving(
    principal: Decimal,
    r: Decimal,
    months: int,
    first_due: date,
    due_day: int,
    fee: Decimal,
    amount_due: Callable[[Decimal], Decimal],
) -> list[Instalment]:
    """Rows that pay `amount_due(owed)` until the balance is gone or `months` rows are shown.

    Interest the payment does not cover is added to the balance (never a negative part);
    once it has grown a thousandfold the rows stop: the point is made, and the figures
    would soon outgrow any arithmetic.
    """
    runaway = max(principal, Decimal(1)) * 1000
    rows = []
    balance = principal
    for k in range(months):
        interest = cents(balance * r)
        owed = balance + interest
        paid = min(max(amount_due(owed), ZERO), owed)
        interest_paid = min(interest, paid)
        part = paid - interest_paid
        balance = owed - paid
        rows.append(
            Instalment(
                number=k + 1,
                due=due_date(first_due.year, first_due.month + k, due_day),
                payment=paid + fee,
                principal=part,
                interest=interest_paid,
                fees=fee,
                balance=balance,
            )
        )
        if balance == 0 or balance > runaway:
            break
    return rows


def months_elapsed(start: date, today: date, due_day: int) -> int:
    """How many due dates of a loan paid out on `start` fell before `today`."""
    count = 0
    while add_months(start, count + 1, due_day) < today:
        count += 1
    return count


def debt_first_due(debt: Debt, today: date) -> date:
    """The next due date of `debt` on or after `today` (a month from today if unknown)."""
    day = debt.due_day or (debt.start_date.day if debt.start_date else None)
    if day is None:
        return add_months(today, 1)
    return next_due(today, day)


class _DebtTerms(TypedDict):
    """The keyword arguments every schedule of a debt shares."""

    due_day: int
    monthly_fee: Decimal
    card_min_percent: Decimal
    card_min_floor: Decimal


def debt_schedule(debt: Debt, today: date) -> list[Instalment]:
    """The remaining schedule of `debt` from its balance, rate, method, term and due day.

    Empty when there is nothing to compute: settled or zero balance, no rate, or no
    term (a credit card and a stated monthly payment need no term). Months already due
    before `today` since the start date are taken off the term; a term that has run out
    leaves one row for the whole balance.
    """
    if debt.status == DebtStatus.SETTLED or debt.balance <= 0 or debt.rate is None:
        return []
    if debt.rate.percent < 0:
        return []
    method = debt.method
    first = debt_first_due(debt, today)
    due = debt.due_day or first.day
    stated = debt.monthly_payment if debt.monthly_payment and debt.monthly_payment > 0 else None
    original = debt.principal if debt.principal and debt.principal > 0 else None
    common: _DebtTerms = {
        "due_day": due,
        "monthly_fee": max(debt.monthly_fee, ZERO),
        "card_min_percent": debt.card_min_percent,
        "card_min_floor": debt.card_min_floor,
    }
    if method == RepaymentMethod.CARD_MINIMUM:
        return build_schedule(debt.balance, debt.rate, CARD_MONTHS_CAP, method, first, **common)
    term = debt.term_months
    if term is None or term < 1:
        if stated is not None:
            return build_schedule(
                debt.balance,
                debt.rate,
                CARD_MONTHS_CAP,
                RepaymentMethod.OTHER,
                first,
                payment=stated,
                **common,
            )
        return []
    if method == RepaymentMethod.BULLET:
        start = debt.start_date or today
        maturity = add_months(start, term, debt.due_day)
        amount = original or debt.balance
        common["due_day"] = max(maturity, today).day
        return build_schedule(
            amount, debt.rate, 1, method, max(maturity, today), start=start, **common
        )
    remaining = term
    if debt.start_date is not None:
        remaining = max(term - months_elapsed(debt.start_date, today, due), 1)
    return build_schedule(
        debt.balance,
        debt.rate,
        remaining,
        method,
        first,
        original_principal=original,
        payment=stated if method == RepaymentMethod.OTHER else None,
        **common,
    )


def debt_monthly_payment(debt: Debt, today: date) -> Decimal | None:
    """What `debt` costs a month now: the stated payment, else the schedule's next row.

    A bullet loan costs nothing a month until it matures (zero); None when unknown.
    """
    if debt.status == DebtStatus.SETTLED:
        return ZERO
    if debt.monthly_payment is not None and debt.monthly_payment >= 0:
        return debt.monthly_payment
    if debt.method == RepaymentMethod.BULLET:
        return ZERO
    rows = debt_schedule(debt, today)
    return rows[0].payment if rows else None


def schedule_totals(rows: list[Instalment]) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(total paid, principal, interest, fees) of a schedule."""
    return (
        sum((row.payment for row in rows), ZERO),
        sum((row.principal for row in rows), ZERO),
        sum((row.interest for row in rows), ZERO),
        sum((row.fees for row in rows), ZERO),
    )

"""What one request to a lender would do: new instalment, months, total cost, payoff.

Used by the plan over all debts (`workbook.negotiation.plans`) and by step 4's request form, which
recomputes it on every key.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, localcontext

from workbook import fmt
from workbook.i18n import _, current_language
from workbook.models import ZERO, Debt, Proposal, Rate
from workbook.money.schedule import (
    HUNDRED,
    PRECISION,
    add_months,
    cents,
    debt_first_due,
    debt_monthly_payment,
    debt_schedule,
)
from workbook.money.solve import (
    MAX_MONTHS,
    instalment_plan,
    rate_per_month,
    solve_instalment,
)


@dataclass(frozen=True)
class Effect:
    current_instalment: Decimal | None
    new_instalment: Decimal | None  # a month, fees included; the lump sum for a settlement
    months: int | None  # None when the payment never repays the debt
    total_cost: Decimal | None  # everything still to pay under the request
    payoff_date: date | None
    interest_saved: Decimal | None  # current remaining cost - total_cost; negative costs more
    fits_budget: bool
    note: str | None
    never_repays: bool = False
    smallest_payment: Decimal | None = None  # when never_repays: the least that would repay
    one_off: bool = False  # a settlement paid at once
    first_due: date | None = None
    balance: Decimal | None = None  # what the request repays (after waivers and pause)
    agreed: bool = False  # the terms of an agreement (step 6), not a request
    # The last instalment (fees included): smaller than the others when the balance does
    # not divide, larger when a tiny remainder was folded into it (`instalment_plan`).
    last_instalment: Decimal | None = None


def remaining_cost(debt: Debt, today: date) -> Decimal | None:
    """Everything still to pay under the current terms; None when it cannot be worked out."""
    rows = debt_schedule(debt, today)
    if not rows:
        return None
    return sum((row.payment for row in rows), ZERO) + rows[-1].balance


def _saved(current_cost: Decimal | None, total: Decimal | None) -> Decimal | None:
    return None if current_cost is None or total is None else current_cost - total


def _money(amount: Decimal) -> str:
    try:
        return fmt.money(amount)
    except ArithmeticError:  # beyond the display's precision (absurd rates compounded)
        return f"{cents(amount):,}"


def proposal_effect(
    debt: Debt, proposal: Proposal, today: date, budget_available: Decimal | None = None
) -> Effect:
    """What `proposal` would mean for `debt`: new instalment, months, cost, payoff date.

    Order of the request: waive penalty (the balance drops by the penalty and fees
    charged so far), then a pause (interest keeps accruing onto the balance), then
    either a new term (-> instalment), an offered monthly amount (-> months), or the
    current payment. A settlement discount is a one-off payment of the rest. The
    monthly fee, if any, continues and is included in every instalment.
    `fits_budget` is True only when `budget_available` is given and covers the payment.
    """
    current = debt_monthly_payment(debt, today)
    current_cost = remaining_cost(debt, today)
    rate = proposal.new_rate or debt.rate
    r = rate_per_month(rate)
    notes: list[str] = []
    balance = cents(max(debt.balance, ZERO))
    if proposal.waive_penalty:
        balance -= min(max(debt.penalty_fees, ZERO), balance)
    # A new arrangement starts after today: a request (or a letter) never asks for a
    # first instalment on the day it is made.
    first = debt_first_due(debt, today + timedelta(days=1))
    due_day = debt.due_day or (debt.start_date.day if debt.start_date else first.day)

    def fits(amount: Decimal) -> bool:
        return budget_available is not None and amount <= budget_available

    if proposal.settlement_discount_percent is not None:
        discount = min(max(proposal.settlement_discount_percent, ZERO), HUNDRED)
        amount = cents(balance * (HUNDRED - discount) / HUNDRED)
        note = _(
            "A settlement of {amount} has to be paid at once; get the lender's written "
            "confirmation that the rest is waived before paying."
        ).format(amount=_money(amount))
        return Effect(
            current,
            amount,
            1,
            amount,
            first,
            _saved(current_cost, amount),
            fits(amount),
            note,
            one_off=True,
            first_due=first,
            balance=amount,
        )
    pause = max(proposal.pause_months, 0)
    if pause:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            balance = cents(balance * (1 + r) ** pause)
        first = add_months(first, pause, due_day)
        if r > 0:
            notes.append(
                _("Interest for the {months}-month pause is added to the balance.").format(
                    months=pause
                )
            )
    if rate is None:
        notes.append(_("No rate entered: these figures assume no interest."))
    fee = cents(max(debt.monthly_fee, ZERO))

    effect = functools.partial(Effect, current_instalment=current, first_due=first, balance=balance)

    if proposal.new_term_months and proposal.new_term_months > 0:
        payment = solve_instalment(balance, rate, proposal.new_term_months)
        offer = proposal.offered_payment
        if offer is not None and cents(offer) != payment + fee:
            notes.append(
                _("A {months}-month term means {payment} a month, not the {offer} offered.").format(
                    months=proposal.new_term_months,
                    payment=_money(payment + fee),
                    offer=_money(offer),
                )
            )
    elif proposal.offered_payment is not None:
        payment = proposal.offered_payment - fee
    elif current is not None and current > 0:
        payment = current - fee
    else:
        notes.append(_("Enter a new term or a monthly amount to see the effect."))
        return effect(
            new_instalment=None,
            months=None,
            total_cost=None,
            payoff_date=None,
            interest_saved=None,
            fits_budget=False,
            note=_joined(notes),
        )
    found = instalment_plan(balance, rate, payment)
    if found is None:
        smallest = solve_instalment(balance, rate, MAX_MONTHS) + fee
        notes.insert(
            0,
            _(
                "{payment} a month never repays this debt; at least {smallest} a month "
                "would repay it within {years} years."
            ).format(
                payment=_money(payment + fee), smallest=_money(smallest), years=MAX_MONTHS // 12
            ),
        )
        return effect(
            new_instalment=payment + fee,
            months=None,
            total_cost=None,
            payoff_date=None,
            interest_saved=None,
            fits_budget=fits(payment + fee),
            note=_joined(notes),
            never_repays=True,
            smallest_payment=smallest,
        )
    months = found.count
    total = found.total + fee * months
    new = payment + fee
    if budget_available is not None and new > budget_available:
        notes.append(over_share_note(new, budget_available, balance, rate, fee))
    return effect(
        new_instalment=new,
        months=months,
        total_cost=total,
        payoff_date=add_months(first, max(months - 1, 0), due_day),
        interest_saved=_saved(current_cost, total),
        fits_budget=fits(new),
        note=_joined(notes),
        last_instalment=found.last + fee,
    )


def over_share_note(
    payment: Decimal, share: Decimal, balance: Decimal, rate: Rate | None, fee: Decimal = ZERO
) -> str:
    """How far a payment is over its share, and what the share itself would do."""
    at_share = instalment_plan(balance, rate, share - fee) if share > fee else None
    if at_share is not None:
        return _(
            "{gap} a month over its share of {share}, which would repay it in {months} months."
        ).format(gap=_money(payment - share), share=_money(share), months=at_share.count)
    return _(
        "{gap} a month over its share of {share}, which never repays it; at least "
        "{smallest} a month would."
    ).format(
        gap=_money(payment - share),
        share=_money(share),
        smallest=_money(solve_instalment(balance, rate, MAX_MONTHS) + fee),
    )


def _joined(notes: list[str]) -> str | None:
    """Sentences one after another: Chinese puts no space between them."""
    return ("" if current_language() == "zh" else " ").join(notes) or None

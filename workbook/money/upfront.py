"""Interest withheld at pay-out (砍头息): the principal is what was actually received.

Civil Code Art. 670 (in force 2021-01-01, china-facts §2.7): interest may not be deducted
from the principal in advance; where it was, the loan is repaid and interest computed on
the amount actually lent. So the contract's interest is recomputed on what was received
and the difference shown. "The law says", never "you will win".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbook.fmt import money
from workbook.i18n import N_, _, translate
from workbook.models import ZERO, Debt, RepaymentMethod
from workbook.money.schedule import CARD_MONTHS_CAP, add_months, build_schedule, schedule_totals


@dataclass(frozen=True)
class UpfrontView:
    contract_principal: Decimal
    deducted: Decimal
    received: Decimal
    contract_interest: Decimal  # over the whole term, on the contract principal
    interest_on_received: Decimal  # the same rate and term on what was received
    difference: Decimal


def _interest(debt: Debt, principal: Decimal, start: date) -> Decimal:
    assert debt.rate is not None and debt.term_months is not None
    first = add_months(start, 1, debt.due_day or start.day)
    if debt.method == RepaymentMethod.BULLET:
        first = add_months(start, debt.term_months, debt.due_day or start.day)
    rows = build_schedule(principal, debt.rate, 1 if debt.method == RepaymentMethod.BULLET
                          else debt.term_months, debt.method, first,
                          due_day=debt.due_day or start.day, start=start,
                          original_principal=principal)
    return schedule_totals(rows)[2]


def upfront_view(debt: Debt, today: date) -> UpfrontView | None:
    """The principal and interest as Art. 670 counts them; None without a deduction, or
    without the amount borrowed, rate and term to recompute from."""
    principal = debt.principal
    deducted = debt.upfront_deduction
    if (
        deducted <= ZERO or principal is None or principal <= deducted or debt.rate is None
        or debt.rate.percent < 0 or not debt.term_months or debt.term_months < 1
        or debt.term_months > CARD_MONTHS_CAP or debt.method == RepaymentMethod.CARD_MINIMUM
    ):
        return None
    start = debt.start_date or today
    received = principal - deducted
    contract = _interest(debt, principal, start)
    fair = _interest(debt, received, start)
    return UpfrontView(principal, deducted, received, contract, fair, contract - fair)


UPFRONT_SENTENCE = N_(
    "{deducted} was deducted at pay-out (砍头息). The law counts the principal as the "
    "{received} actually received (Civil Code Art. 670, in force 2021-01-01): interest "
    "on it is {fair} instead of {contract}, {difference} less."
)


def upfront_sentence(view: UpfrontView, lang: str | None = None) -> str:
    """The recomputation in a sentence, in `lang` (None: the UI language)."""
    text = _(UPFRONT_SENTENCE) if lang is None else translate(UPFRONT_SENTENCE, lang)
    return text.format(deducted=money(view.deducted), received=money(view.received),
             fair=money(view.interest_on_received), contract=money(view.contract_interest),
             difference=money(view.difference))


__all__ = ["UpfrontView", "upfront_sentence", "upfront_view"]

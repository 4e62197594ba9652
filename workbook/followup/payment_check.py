"""Whether a payment about to be recorded is far above what is due: then it is asked
about before it is saved (step 6's payment form), never refused.

"Far above" is either of:
- more than everything still owed under the agreement (its scheduled total less every
  payment recorded against it): no payment settles more than what is left, so this is
  almost always a typo (100万 typed for 1,000) or the wrong agreement;
- more than `MANY_TIMES` what is due now (every instalment due by today that is not
  fully paid, plus the next one). An extra zero or 万 typed for 千 multiplies an
  amount by ten; paying the next instalment or two early is common, so three times
  what is due leaves room for that and still catches a slip of the hand. Exactly what
  is left is never asked about: that figure is typed on purpose, to pay it all off.
Paying ahead is the user's right: the question only makes sure it was meant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from workbook.followup.agreements import agreement_schedule
from workbook.followup.instalments import instalment_states
from workbook.models import ZERO, Agreement, Payment

MANY_TIMES = 3


@dataclass(frozen=True)
class FarAbove:
    """Why a payment is unusual, with the figures the question names."""

    kind: Literal["beyond_left", "many_times_due"]
    left: Decimal  # still owed under the agreement before this payment
    due_now: Decimal  # due by today, plus the next instalment


def left_to_pay(agreement: Agreement, payments: Sequence[Payment]) -> Decimal:
    """The agreement's scheduled total less every payment recorded against it (any date)."""
    total = sum((item.amount for item in agreement_schedule(agreement)), ZERO)
    paid = sum((p.amount for p in payments if p.agreement_id == agreement.id and p.amount > ZERO),
               ZERO)
    return max(total - paid, ZERO)


def due_now(agreement: Agreement, payments: Sequence[Payment], today: date) -> Decimal:
    """What is owed by today plus the next instalment still open after today."""
    states = [s for s in instalment_states(agreement, payments, today) if s.remaining > ZERO]
    owed = sum((s.remaining for s in states if s.due <= today), ZERO)
    upcoming = next((s.remaining for s in states if s.due > today), ZERO)
    return owed + upcoming


def far_above(
    agreement: Agreement, payments: Sequence[Payment], amount: Decimal, today: date
) -> FarAbove | None:
    """None when `amount` is an ordinary payment under `agreement`, else why it is not."""
    left = left_to_pay(agreement, payments)
    now = due_now(agreement, payments, today)
    if amount > left:
        return FarAbove("beyond_left", left, now)
    if now > ZERO and amount > MANY_TIMES * now and amount != left:
        return FarAbove("many_times_due", left, now)
    return None


__all__ = ["MANY_TIMES", "FarAbove", "due_now", "far_above", "left_to_pay"]

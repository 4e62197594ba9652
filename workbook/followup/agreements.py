"""Agreements with a lender: the instalment schedule, the confirmation checklist, a
draft agreement prefilled from a proposal, and the debt's status once agreed.

A proposal is accepted once an agreement is recorded for it (`agreed_proposal`, written
in the same batch as the agreement; `with_agreed_proposals` reads older files so).

Schedule rules (`agreement_schedule`):
- `count` instalments of `instalment`; the last one absorbs the difference so the
  amounts add up to `total` exactly. When `count x instalment` is more than `total`,
  each instalment is capped at what is still owed and instalments that would be zero
  are dropped, so the schedule ends early rather than asking for negative amounts.
  A non-positive `instalment` means "split evenly": total / count, cut down to the
  cent, the last taking the remainder.
- MONTHLY dates keep the first due date's day of the month, falling back to the
  month end (a first due of Jan 31 gives Feb 28 or 29, then Mar 31, Apr 30 ...).
  WEEKLY adds 7 days, YEARLY a year (Feb 29 falls back to Feb 28), ONE_OFF is one
  payment of `total` on `first_due` whatever `count` says.
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from workbook.i18n import N_
from workbook.models import (
    ZERO,
    Agreement,
    Debt,
    DebtStatus,
    Frequency,
    Payment,
    Proposal,
    ProposalStatus,
)
from workbook.money.solve import MAX_MONTHS, instalment_plan, solve_instalment

CENT = Decimal("0.01")
DEFAULT_TERM_MONTHS = 12  # a starting point to edit when the proposal names no term


@dataclass(frozen=True)
class ScheduledInstalment:
    number: int  # 1-based
    due: date
    amount: Decimal


def add_months(start: date, months: int, day: int | None = None) -> date:
    """`start` moved by whole months, keeping `day` (default: its own day) or falling
    back to the month end: a 31st is the 30th in April and the 31st again in May."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    day = min(day or start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def due_date(first_due: date, frequency: Frequency, index: int, day: int | None = None) -> date:
    """The due date of instalment `index` (0-based); monthly ones keep `day`."""
    if frequency == Frequency.WEEKLY:
        return first_due + timedelta(days=7 * index)
    if frequency == Frequency.YEARLY:
        return add_months(first_due, 12 * index)
    if frequency == Frequency.ONE_OFF:
        return first_due
    return add_months(first_due, index, day)


def schedule_amounts(total: Decimal, instalment: Decimal, count: int) -> list[Decimal]:
    """The amounts due: see the module docstring. Empty when nothing is owed."""
    if total <= ZERO or count < 1:
        return []
    if instalment <= ZERO:
        instalment = (total / count).quantize(CENT, rounding=ROUND_DOWN)
    amounts: list[Decimal] = []
    remaining = total
    for _ in range(count - 1):
        amount = min(instalment, remaining)
        if amount <= ZERO:
            break
        amounts.append(amount)
        remaining -= amount
    if remaining > ZERO:
        amounts.append(remaining)
    return amounts


def kept_day(a: Agreement) -> int:
    """The day monthly instalments keep: `a.due_day` when first_due agrees with it (that
    day, or the month end before it), else first_due's own day (the date was edited)."""
    day = a.due_day
    month_end = calendar.monthrange(a.first_due.year, a.first_due.month)[1]
    if day and (day == a.first_due.day or (day > a.first_due.day == month_end)):
        return day
    return a.first_due.day


def agreement_schedule(a: Agreement) -> list[ScheduledInstalment]:
    """The instalments `a` asks for, in due order; they sum exactly to `a.total`."""
    if a.frequency == Frequency.ONE_OFF:
        amounts = [a.total] if a.total > ZERO else []
    else:
        amounts = schedule_amounts(a.total, a.instalment, a.count)
    return [
        ScheduledInstalment(
            number=i + 1, due=due_date(a.first_due, a.frequency, i, kept_day(a)), amount=x
        )
        for i, x in enumerate(amounts)
    ]


# The confirmation checklist (step 6): key, label, help. Keys are stored in
# Agreement.checklist, so they never change; labels and help are msgids.
CHECKLIST_ITEMS: tuple[tuple[str, str, str], ...] = (
    (
        "written_confirmation",
        N_("Written confirmation received"),
        N_(
            "Get the agreement in writing (letter, SMS, app message or email) and note "
            "how it came. A phone promise alone is hard to rely on later."
        ),
    ),
    (
        "amounts_match",
        N_("Amounts and dates match what was said"),
        N_(
            "Compare the total, each instalment, the number of payments and the first "
            "due date in writing with what you agreed on the call."
        ),
    ),
    (
        "payee_official",
        N_("The payee account is the lender's official one"),
        N_(
            "Pay only into an account in the lender's own name, or through its official "
            "app. Never pay into a personal account an agent gives you."
        ),
    ),
    (
        "fees_waived_in_writing",
        N_("Waived fees are confirmed in writing"),
        N_(
            "If penalty interest or fees were waived, the written confirmation should "
            "say so, with the amount."
        ),
    ),
    (
        "late_payment_terms",
        N_("You know what happens after a late payment"),
        N_(
            "Ask what a late or missed instalment would mean for the agreement, and how "
            "the debt will be reported to the credit reference centre."
        ),
    ),
)

CHECKLIST_KEYS = tuple(key for key, _label, _help in CHECKLIST_ITEMS)


def checklist_items_for(a: Agreement) -> tuple[tuple[str, str, str], ...]:
    """The items that apply: the waived-fees item only when something was waived."""
    return tuple(
        item
        for item in CHECKLIST_ITEMS
        if item[0] != "fees_waived_in_writing" or a.waived_amount > ZERO
    )


def checklist_missing(a: Agreement) -> list[str]:
    """Keys of the applicable items not yet ticked, in checklist order."""
    return [key for key, _label, _help in checklist_items_for(a) if not a.checklist.get(key)]


def checklist_complete(a: Agreement) -> bool:
    return not checklist_missing(a)


def next_due_day(today: date, due_day: int | None) -> date:
    """The first date after `today` falling on `due_day` (month end for 29-31).

    Without a due day: one month from today.
    """
    if due_day is None or not 1 <= due_day <= 31:
        return add_months(today, 1)
    for months in (0, 1):
        month_start = add_months(today.replace(day=1), months)
        last = calendar.monthrange(month_start.year, month_start.month)[1]
        candidate = month_start.replace(day=min(due_day, last))
        if candidate > today:
            return candidate
    raise AssertionError("unreachable: next month always has a later day")


def agreement_from_proposal(debt: Debt, proposal: Proposal, today: date) -> Agreement:
    """A draft agreement with what the proposal asked for, for the user to edit.

    - What is repaid: the balance, less the penalty interest and fees charged so far
      (`debt.penalty_fees`) when the proposal asks to waive them; that amount is the
      `waived_amount`.
    - A settlement discount makes a ONE_OFF payment of that, less the discount; the
      discount is waived too.
    - Otherwise monthly instalments at `new_rate` (the contract rate when no new rate
      is asked): over `new_term_months` (`workbook.money.solve.solve_instalment`, rounded up
      to the cent); else of the offered payment for as many months as it needs; else
      over 12 months. A payment that would never repay within 50 years is raised to
      the smallest that does. The total is what those payments add up to, the last
      one a little smaller, or a tiny remainder folded into it
      (`workbook.money.solve.instalment_plan`, as step 4 and the letter count).
    - The first due date is the debt's next due day after today (a month from today
      without one), moved by the requested pause.
    """
    if debt.id is None:
        raise ValueError("save the debt before drafting an agreement for it")
    waived = debt.penalty_fees if proposal.waive_penalty and debt.penalty_fees > ZERO else ZERO
    waived = min(waived, debt.balance)
    owed = debt.balance - waived
    # A loan paid out on the 31st with no separate due day keeps the 31st.
    day = debt.due_day or (debt.start_date.day if debt.start_date else None)
    first_due = add_months(next_due_day(today, day), max(proposal.pause_months, 0), day)
    draft = functools.partial(
        Agreement, debt_id=debt.id, first_due=first_due, proposal_id=proposal.id, due_day=day
    )

    discount = proposal.settlement_discount_percent
    if discount is not None and discount > ZERO:
        share = (Decimal(100) - min(discount, Decimal(100))) / Decimal(100)
        total = (owed * share).quantize(CENT, rounding=ROUND_HALF_UP)
        return draft(
            total=total,
            instalment=total,
            count=1,
            frequency=Frequency.ONE_OFF,
            waived_amount=debt.balance - total,
        )

    rate = proposal.new_rate or debt.rate
    if proposal.new_term_months and proposal.new_term_months > 0:
        instalment = solve_instalment(owed, rate, proposal.new_term_months)
    elif proposal.offered_payment and proposal.offered_payment > ZERO:
        instalment = proposal.offered_payment
    else:
        instalment = solve_instalment(owed, rate, DEFAULT_TERM_MONTHS)
    solved = instalment_plan(owed, rate, instalment)
    if solved is None:
        instalment = solve_instalment(owed, rate, MAX_MONTHS)
        solved = instalment_plan(owed, rate, instalment)
    # The count and total of step 4 and the letter (`instalment_plan`): a tiny remainder
    # is folded into the last instalment there and here alike.
    return draft(
        total=solved.total if solved is not None else owed,
        instalment=solved.instalment if solved is not None else instalment,
        count=max(solved.count if solved is not None else 1, 1),
        frequency=Frequency.MONTHLY,
        rate=rate,
        waived_amount=waived,
    )


def paid_towards(agreement: Agreement, payments: Iterable[Payment]) -> Decimal:
    return sum((p.amount for p in payments if p.agreement_id == agreement.id), ZERO)


def debt_status_after(
    debt: Debt, agreements: Sequence[Agreement], payments: Sequence[Payment]
) -> DebtStatus:
    """The debt's status given its agreements and the payments made.

    No agreement: the status is unchanged (current, overdue or in negotiation). With
    agreements, the latest one (by first due date, then id) decides: AGREED until the
    payments against it reach its scheduled total, then SETTLED. A debt the user
    marked settled stays settled.
    """
    if debt.status == DebtStatus.SETTLED:
        return DebtStatus.SETTLED
    own = [a for a in agreements if a.debt_id == debt.id]
    if not own:
        return debt.status
    latest = max(own, key=lambda a: (a.first_due, a.id if a.id is not None else -1))
    due = sum((i.amount for i in agreement_schedule(latest)), ZERO)
    if due > ZERO and paid_towards(latest, payments) >= due:
        return DebtStatus.SETTLED
    return DebtStatus.AGREED


__all__ = [
    "CHECKLIST_ITEMS",
    "CHECKLIST_KEYS",
    "ScheduledInstalment",
    "add_months",
    "kept_day",
    "agreement_from_proposal",
    "agreement_schedule",
    "checklist_complete",
    "checklist_items_for",
    "checklist_missing",
    "debt_status_after",
    "due_date",
    "next_due_day",
    "paid_towards",
    "schedule_amounts",
]


def agreed_proposal(proposals: Sequence[Proposal], agreement: Agreement) -> Proposal | None:
    """The proposal `agreement` was recorded for, marked accepted, when it is not yet:
    recording what a lender agreed to is the answer to that proposal. None when the
    agreement names no proposal (or one that is gone) or it is already accepted."""
    if agreement.proposal_id is None:
        return None
    found = next((p for p in proposals if p.id == agreement.proposal_id), None)
    if found is None or found.status == ProposalStatus.ACCEPTED:
        return None
    return dataclasses.replace(found, status=ProposalStatus.ACCEPTED)


def with_agreed_proposals(
    proposals: Sequence[Proposal], agreements: Iterable[Agreement]
) -> list[Proposal]:
    """`proposals`, each one an agreement was recorded for shown as accepted. Files
    written before the rule kept such a proposal "sent" or "discussing"."""
    agreed = {a.proposal_id for a in agreements if a.proposal_id is not None}
    return [
        dataclasses.replace(p, status=ProposalStatus.ACCEPTED)
        if p.id in agreed and p.status != ProposalStatus.ACCEPTED else p
        for p in proposals
    ]

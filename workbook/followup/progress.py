"""Where the user stands on each of the guide's seven steps, computed from the data.

"Open" debts are those not marked settled. The rules:

1. Debts: DONE when there is at least one debt and every debt has a rate and a due
   day; IN_PROGRESS when there is any debt.
2. Capacity: DONE with at least one income item and one expense item; IN_PROGRESS
   with either.
3. Channel: DONE when there is a debt and every open debt has a channel chosen;
   IN_PROGRESS when any open debt has one.
4. Reasons & plan: DONE when a hardship has a statement and there is a debt and every
   open debt has a proposal; IN_PROGRESS with any hardship or proposal.
5. Conversation: DONE when some debt has a proposal and every debt with a proposal has
   at least one OUTGOING log entry (matched by debt id, or by lender name for entries
   not linked to a debt); IN_PROGRESS with any outgoing entry.
6. Agreement & follow-up: DONE when every debt with an accepted proposal or an
   agreement has an agreement whose checklist is complete, and no instalment is
   overdue (following up means paying on time); IN_PROGRESS with any agreement or
   accepted proposal.
7. When it gets hard: started when an open debt is in a hard situation (a payment
   order, a lawsuit, enforcement, family contacted: `Debt.situation`), a collection
   contact broke a conduct rule (`workbook.followup.conduct`), or, once income and
   spending are entered, nothing is left each month. DONE when every card that applies
   (`hard_cards_due`) has been opened in full and no next action of a debt in a hard
   situation is still pending (an open deadline); else IN_PROGRESS.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from workbook.budget import monthly_amount
from workbook.fmt import money
from workbook.followup.agreements import checklist_complete
from workbook.followup.conduct import snapshot_breaches
from workbook.followup.instalments import overdue, pending_actions
from workbook.followup.logfilter import lender_key
from workbook.followup.steps import STEPS, StepInfo, StepState
from workbook.guide.situations import cards_for
from workbook.i18n import _
from workbook.models import (
    ZERO,
    Communication,
    Debt,
    DebtStatus,
    Direction,
    ExpenseItem,
    IncomeItem,
    ProposalStatus,
    Situation,
)
from workbook.snapshot import WorkbookData

# When nothing is left each month, these apply whatever else is going on.
SHORT_OF_MONEY_CARDS = ("instalments_not_a_right", "relief_2025", "legal_aid")


def monthly_surplus(incomes: Sequence[IncomeItem], expenses: Sequence[ExpenseItem]) -> Decimal:
    """Income minus spending per month, normalised as the budget step does."""
    income = sum((monthly_amount(i.amount, i.frequency) for i in incomes), ZERO)
    spending = sum((monthly_amount(e.amount, e.frequency) for e in expenses), ZERO)
    return income - spending


def _state(done: bool, started: bool) -> StepState:
    if done:
        return StepState.DONE
    return StepState.IN_PROGRESS if started else StepState.NOT_STARTED


def _open(debts: Sequence[Debt]) -> list[Debt]:
    return [d for d in debts if d.status != DebtStatus.SETTLED]


def _step1(data: WorkbookData) -> StepState:
    debts = data.debts
    done = bool(debts) and all(d.rate is not None and d.due_day is not None for d in debts)
    return _state(done, bool(debts))


def _step2(data: WorkbookData) -> StepState:
    return _state(bool(data.incomes) and bool(data.expenses), bool(data.incomes or data.expenses))


def _step3(data: WorkbookData) -> StepState:
    open_debts = _open(data.debts)
    done = bool(data.debts) and all(d.channels for d in open_debts)
    return _state(done, any(d.channels for d in open_debts))


def _step4(data: WorkbookData) -> StepState:
    proposed = {p.debt_id for p in data.proposals}
    has_statement = any(h.statement.strip() for h in data.hardships)
    done = (
        has_statement
        and bool(data.debts)
        and all(d.id in proposed for d in _open(data.debts))
    )
    return _state(done, bool(data.hardships or data.proposals))


def _step5(data: WorkbookData) -> StepState:
    outgoing = [c for c in data.communications if c.direction == Direction.OUTGOING]
    by_debt = {c.debt_id for c in outgoing if c.debt_id is not None}
    by_name = {lender_key(c.lender) for c in outgoing if c.debt_id is None}
    proposed = {p.debt_id for p in data.proposals}
    asked = [d for d in data.debts if d.id in proposed]
    done = bool(asked) and all(
        d.id in by_debt or lender_key(d.lender) in by_name for d in asked
    )
    return _state(done, bool(outgoing))


def _step6(data: WorkbookData, today: date) -> StepState:
    debt_ids = {d.id for d in data.debts}
    accepted = {
        p.debt_id
        for p in data.proposals
        if p.status == ProposalStatus.ACCEPTED and p.debt_id in debt_ids
    }
    agreed = {a.debt_id for a in data.agreements if a.debt_id in debt_ids}
    relevant = accepted | agreed
    confirmed = {a.debt_id for a in data.agreements if checklist_complete(a)}
    done = (
        bool(relevant)
        and relevant <= confirmed
        and not overdue(data.agreements, data.payments, today)
    )
    return _state(done, bool(data.agreements or accepted))


def _short_of_money(data: WorkbookData) -> bool:
    return (
        bool(data.incomes)
        and bool(data.expenses)
        and monthly_surplus(data.incomes, data.expenses) <= ZERO
    )


def hard_cards_due(data: WorkbookData) -> list[str]:
    """The step-7 card keys that apply to the user's situation, in reading order."""
    situations = {d.situation for d in _open(data.debts) if d.situation is not None}
    flagged = bool(snapshot_breaches(data))
    if flagged:
        situations.add(Situation.FAMILY_CONTACT)  # its cards are the conduct ones
    keys = cards_for(situations)
    if _short_of_money(data):
        keys += [k for k in SHORT_OF_MONEY_CARDS if k not in keys]
    return keys


def open_deadlines(data: WorkbookData) -> list[Communication]:
    """Pending next actions of debts in a hard situation, soonest first."""
    hard = [d for d in _open(data.debts) if d.situation is not None]
    ids = {d.id for d in hard}
    names = {lender_key(d.lender) for d in hard}
    found = [
        c for c in pending_actions(data.communications)
        if c.debt_id in ids or (c.debt_id is None and lender_key(c.lender) in names)
    ]
    return sorted(found, key=lambda c: (c.next_action_date, c.at))


def _step7(data: WorkbookData) -> StepState:
    due = hard_cards_due(data)
    if not due:
        return StepState.NOT_STARTED
    read = set(data.cards_read)
    return _state(all(k in read for k in due) and not open_deadlines(data), True)


def step_states(data: WorkbookData, today: date) -> dict[int, StepState]:
    """Step number (1-7) -> state, by the rules in the module docstring."""
    return {
        1: _step1(data),
        2: _step2(data),
        3: _step3(data),
        4: _step4(data),
        5: _step5(data),
        6: _step6(data, today),
        7: _step7(data),
    }


def next_planned_action(data: WorkbookData, today: date) -> str | None:
    """One translated line saying what to do next, or None when nothing is left.

    In order: the oldest overdue instalment; the earliest pending next action from
    the log; the suggestion of the first step not done (step 7 only when it is in
    progress, since it is never done).
    """
    lenders = {d.id: d.lender for d in data.debts}
    late = overdue(data.agreements, data.payments, today)
    if late:
        first = late[0]
        return _("Pay {amount} to {lender}: overdue since {date}.").format(
            amount=money(first.remaining), lender=lenders.get(first.debt_id, ""), date=first.due
        )
    actions = sorted(
        pending_actions(data.communications), key=lambda c: (c.next_action_date, c.at)
    )
    if actions:
        comm = actions[0]
        action = " ".join(comm.next_action.split()) or _("(no description)")
        return _("{date} {lender}: {action}").format(
            date=comm.next_action_date, lender=comm.lender.strip(), action=action
        )
    states = step_states(data, today)
    for step in STEPS:
        state = states[step.number]
        if step.number == 7:
            return _(step.short) if state == StepState.IN_PROGRESS else None
        if state != StepState.DONE:
            return _(step.short)
    return None


__all__ = [
    "STEPS",
    "StepInfo",
    "hard_cards_due",
    "open_deadlines",
    "StepState",
    "WorkbookData",
    "monthly_surplus",
    "next_planned_action",
    "step_states",
]

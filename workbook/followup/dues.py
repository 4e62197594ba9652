"""One source of truth for what is due and what is late, for every open debt.

Home, step 6, `repay due` and the calendar export all read from here, so they can never
disagree about a date or an amount:
- a debt with an agreement: the agreement's instalments (they replace the contract
  schedule from then on; `followup.instalments` allocates the payments made);
- a debt without one: its own contract schedule from its balance, rate, method, term,
  start date and due day (`money.schedule.debt_schedule`), or, when only the monthly
  payment and a due day are known, that payment each month until the term ends;
- a debt recorded as late (days late, an overdue amount or the status "overdue") and
  not yet under an agreement: one "late" item with the amount and days entered. The
  days are what the user recorded, so its date is today minus those days.

Contract rows carry no payments (the workbook records payments against agreements
only), so each is "due" on its day or "upcoming".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from workbook.fmt import money
from workbook.followup.agreements import agreement_schedule
from workbook.followup.instalments import (
    InstalmentState,
    Status,
    instalment_states,
    next_actions,
)
from workbook.i18n import _
from workbook.models import (
    ZERO,
    Agreement,
    Communication,
    Debt,
    DebtStatus,
    Payment,
    RepaymentMethod,
)
from workbook.money.periods import add_months, next_due
from workbook.money.schedule import debt_schedule, months_elapsed

# The calendar and home look this far ahead for contract rows: a 30-year mortgage would
# otherwise put 360 events in a calendar that the next payment entered makes stale.
CONTRACT_HORIZON_DAYS = 366
_FALLBACK_ROWS = 600  # a stated payment with no term: the same cap as a card schedule


def _is_open(debt: Debt) -> bool:
    return debt.status != DebtStatus.SETTLED and debt.balance > ZERO


def _status(due: date, today: date) -> Status:
    return "due" if due == today else "upcoming"


def _contract_state(debt: Debt, number: int, count: int, due: date, amount: Decimal,
                    today: date) -> InstalmentState:
    return InstalmentState(
        agreement_id=None, number=number, due=due, amount=amount, paid=ZERO, remaining=amount,
        status=_status(due, today),
        days_overdue=0, debt_id=debt.id, count=count, source="contract",
    )


def contract_instalments(debt: Debt, today: date, until: date) -> list[InstalmentState]:
    """The contract payments of `debt` due from today to `until` (see the module text)."""
    if not _is_open(debt):
        return []
    rows = debt_schedule(debt, today)
    day = debt.due_day or (debt.start_date.day if debt.start_date else None)
    done = 0
    term = debt.term_months if debt.term_months and debt.term_months > 0 else None
    bullet = debt.method == RepaymentMethod.BULLET
    if debt.start_date is not None and day is not None and term is not None and not bullet:
        done = min(months_elapsed(debt.start_date, today, day), term - 1)
    stated = debt.monthly_payment if debt.monthly_payment and debt.monthly_payment > 0 else None
    if rows:
        # A card or a stated payment with no term: how many rows remain is not known.
        count = 0 if term is None or debt.method == RepaymentMethod.CARD_MINIMUM else (
            done + len(rows))
        last = len(rows)
        return [
            # What the lender bills now, when entered, is what is due (home and the budget
            # count the same figure); the last row is whatever is left.
            _contract_state(debt, done + row.number, count, row.due,
                            stated if stated and row.number < last and not bullet
                            else row.payment, today)
            for row in rows
            if row.due <= until
        ]
    payment = debt.monthly_payment
    if payment is None or payment <= ZERO or day is None:
        return []
    first = next_due(today, day)
    left = max(term - done, 1) if term is not None else _FALLBACK_ROWS
    count = done + left if term is not None else 0
    found = []
    for k in range(left):
        due = add_months(first, k, day)
        if due > until:
            break
        found.append(_contract_state(debt, done + k + 1, count, due, payment, today))
    return found


def late_debt(debt: Debt, today: date) -> InstalmentState | None:
    """What the user recorded as late on `debt`, as one overdue item; None when not late."""
    if not _is_open(debt):
        return None
    late = debt.status == DebtStatus.OVERDUE or debt.overdue_days > 0 or debt.overdue_amount > 0
    if not late:
        return None
    days = max(debt.overdue_days, 0)
    return InstalmentState(
        agreement_id=None, number=0, due=today - timedelta(days=days),
        amount=debt.overdue_amount, paid=ZERO, remaining=debt.overdue_amount, status="overdue",
        days_overdue=days, debt_id=debt.id, count=0, source="late",
    )


def _sort_key(state: InstalmentState) -> tuple[date, int, int, int]:
    return (state.due, state.debt_id if state.debt_id is not None else -1,
            state.agreement_id if state.agreement_id is not None else -1, state.number)


def all_dues(
    debts: Sequence[Debt],
    agreements: Sequence[Agreement],
    payments: Sequence[Payment],
    today: date,
    days: int = CONTRACT_HORIZON_DAYS,
) -> list[InstalmentState]:
    """Every instalment (paid ones of agreements included) and late item, by date.

    Agreement instalments are all listed; contract rows only up to today + `days`.
    """
    by_agreement: dict[int | None, list[Payment]] = defaultdict(list)
    for payment in payments:
        by_agreement[payment.agreement_id].append(payment)
    found: list[InstalmentState] = []
    agreed: set[int | None] = set()
    open_ids = {d.id for d in debts if d.status != DebtStatus.SETTLED}
    for agreement in agreements:
        if agreement.debt_id not in open_ids and any(d.id == agreement.debt_id for d in debts):
            continue  # the debt is settled: its agreement asks for nothing more
        agreed.add(agreement.debt_id)
        count = len(agreement_schedule(agreement))
        found += [
            replace(state, count=count)
            for state in instalment_states(agreement, by_agreement.get(agreement.id, []), today)
        ]
    until = today + timedelta(days=days)
    for debt in debts:
        if debt.id in agreed and debt.id is not None:
            continue
        late = late_debt(debt, today)
        if late is not None:
            found.append(late)
        found += contract_instalments(debt, today, until)
    return sorted(found, key=_sort_key)


def dues_within(
    debts: Sequence[Debt],
    agreements: Sequence[Agreement],
    payments: Sequence[Payment],
    today: date,
    days: int = 30,
) -> list[InstalmentState]:
    """What is still owed and overdue or due by today + `days`, by date."""
    horizon = today + timedelta(days=days)
    return [
        s
        for s in all_dues(debts, agreements, payments, today, days)
        if (s.remaining > ZERO or s.source == "late") and s.due <= horizon
    ]


def overdue_items(
    debts: Sequence[Debt], agreements: Sequence[Agreement], payments: Sequence[Payment],
    today: date,
) -> list[InstalmentState]:
    """Late debts and overdue agreed instalments."""
    return [s for s in all_dues(debts, agreements, payments, today, 0) if s.status == "overdue"]


def next_dues(
    debts: Sequence[Debt], agreements: Sequence[Agreement], payments: Sequence[Payment],
    today: date,
) -> list[InstalmentState]:
    """Each open debt's next instalment still to pay (today or later), by date."""
    firsts: dict[int | None, InstalmentState] = {}
    for state in all_dues(debts, agreements, payments, today):
        if state.status == "overdue" or state.remaining <= ZERO:
            continue
        firsts.setdefault(state.debt_id, state)
    return sorted(firsts.values(), key=_sort_key)


def _line(state: InstalmentState, lender: str, currency: str) -> str:
    values = {
        "date": state.due,
        "lender": lender,
        "number": state.number,
        "count": state.count or state.number,
        "amount": money(state.remaining, currency=currency),
        "days": state.days_overdue,
    }
    if state.source == "late":
        template = _("OVERDUE {lender}: {amount} recorded as overdue ({days} days late)")
    elif state.source == "contract" and not state.count:
        if state.status == "due":
            template = _("TODAY {date} {lender} payment: {amount}")
        else:
            template = _("Due {date} {lender} payment: {amount}")
    elif state.source == "contract":
        if state.status == "due":
            template = _("TODAY {date} {lender} payment {number}/{count}: {amount}")
        else:
            template = _("Due {date} {lender} payment {number}/{count}: {amount}")
    elif state.status == "overdue":
        template = _("OVERDUE {date} {lender} instalment {number}/{count}: {amount} ({days} days late)")
    elif state.status == "due":
        template = _("TODAY {date} {lender} instalment {number}/{count}: {amount}")
    else:
        template = _("Due {date} {lender} instalment {number}/{count}: {amount}")
    return " ".join(template.format(**values).split())  # no name: no gap


def due_report(
    debts: Sequence[Debt],
    agreements: Sequence[Agreement],
    payments: Sequence[Payment],
    communications: Sequence[Communication],
    today: date,
    days: int = 30,
    currency: str = "CNY",
) -> str:
    """Plain-text lines for `repay due`, in the current language.

    What is overdue or due by today + `days`, then each open debt's next payment when
    it falls later, then the planned next actions from the log.
    """
    names: dict[int | None, str] = {d.id: d.lender.strip() for d in debts if d.id is not None}
    lines = [_("Repay Workbook: due by {date}").format(date=today + timedelta(days=days))]
    soon = dues_within(debts, agreements, payments, today, days)
    listed = {s.debt_id for s in soon if s.source != "late"}
    later = [s for s in next_dues(debts, agreements, payments, today) if s.debt_id not in listed]
    actions = next_actions(communications, today, days)
    if not soon and not actions:
        lines.append(_("Nothing is due in the next {days} days.").format(days=days))
    lines += [_line(s, names.get(s.debt_id, ""), currency) for s in soon]
    if later:
        lines.append(_("Next payments after that:"))
        lines += [_line(s, names.get(s.debt_id, ""), currency) for s in later]
    for comm in actions:
        template = (
            _("LATE action {date} {lender}: {action}")
            if comm.next_action_date is not None and comm.next_action_date < today
            else _("Action {date} {lender}: {action}")
        )
        action = " ".join(comm.next_action.split()) or _("(no description)")
        lines.append(
            template.format(date=comm.next_action_date, lender=comm.lender.strip(), action=action)
        )
    return "\n".join(lines)


def has_overdue_anything(
    debts: Sequence[Debt], agreements: Sequence[Agreement], payments: Sequence[Payment],
    today: date,
) -> bool:
    """True when a debt is recorded late or an agreed instalment is overdue."""
    return bool(overdue_items(debts, agreements, payments, today))


__all__ = [
    "CONTRACT_HORIZON_DAYS",
    "due_report",
    "has_overdue_anything",
    "all_dues",
    "contract_instalments",
    "dues_within",
    "late_debt",
    "next_dues",
    "overdue_items",
]

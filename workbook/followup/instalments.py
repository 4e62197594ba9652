"""Follow-up: what is paid, due and late under each agreement, and the next actions.

Payments are allocated to an agreement's instalments in due order: a partial payment
leaves the rest of that instalment owed, and whatever is paid beyond an instalment
goes to the next one (overpayment carries forward; beyond the whole schedule it is
reported as `overpaid`). Only payments made on or before `today` count.

An instalment's status, first match wins:
- "paid": nothing remains;
- "overdue": its due date is before today (even when partly paid); `days_overdue`;
- "due": it falls due today;
- "partial": due later and partly paid;
- "upcoming": due later, nothing paid yet.

A next action in the log is pending until a later entry that I made (OUTGOING) for
the same lender is logged: doing what was planned means contacting them again, and a
collector calling me does not do my task for me.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal

from workbook.fmt import money
from workbook.followup.agreements import agreement_schedule
from workbook.followup.logfilter import lender_key
from workbook.i18n import _
from workbook.models import ZERO, Agreement, Communication, Direction, Payment

Status = Literal["paid", "partial", "due", "overdue", "upcoming"]


@dataclass(frozen=True)
class InstalmentState:
    agreement_id: int | None
    number: int
    due: date
    amount: Decimal
    paid: Decimal
    remaining: Decimal
    status: Status
    days_overdue: int
    debt_id: int | None = None


@dataclass(frozen=True)
class Progress:
    paid: Decimal  # allocated to instalments, never more than total
    total: Decimal
    instalments_paid: int
    count: int
    next_due: InstalmentState | None  # the earliest instalment not fully paid
    overdue_amount: Decimal
    overpaid: Decimal = ZERO  # paid beyond the whole schedule


def _paid_so_far(agreement: Agreement, payments: Sequence[Payment], today: date) -> Decimal:
    return sum(
        (
            p.amount
            for p in payments
            if p.agreement_id == agreement.id and p.paid_on <= today and p.amount > ZERO
        ),
        ZERO,
    )


def _status(due: date, remaining: Decimal, paid: Decimal, today: date) -> Status:
    if remaining <= ZERO:
        return "paid"
    if due < today:
        return "overdue"
    if due == today:
        return "due"
    return "partial" if paid > ZERO else "upcoming"


def instalment_states(
    agreement: Agreement, payments: Sequence[Payment], today: date
) -> list[InstalmentState]:
    """Every scheduled instalment of `agreement` with what was paid towards it."""
    pool = _paid_so_far(agreement, payments, today)
    states = []
    for item in agreement_schedule(agreement):
        paid = min(pool, item.amount)
        pool -= paid
        remaining = item.amount - paid
        status = _status(item.due, remaining, paid, today)
        states.append(
            InstalmentState(
                agreement_id=agreement.id,
                number=item.number,
                due=item.due,
                amount=item.amount,
                paid=paid,
                remaining=remaining,
                status=status,
                days_overdue=(today - item.due).days if status == "overdue" else 0,
                debt_id=agreement.debt_id,
            )
        )
    return states


def agreement_progress(
    agreement: Agreement, payments: Sequence[Payment], today: date
) -> Progress:
    states = instalment_states(agreement, payments, today)
    paid = sum((s.paid for s in states), ZERO)
    total = sum((s.amount for s in states), ZERO)
    return Progress(
        paid=paid,
        total=total,
        instalments_paid=sum(1 for s in states if s.status == "paid"),
        count=len(states),
        next_due=next((s for s in states if s.remaining > ZERO), None),
        overdue_amount=sum((s.remaining for s in states if s.status == "overdue"), ZERO),
        overpaid=_paid_so_far(agreement, payments, today) - paid,
    )


def _sort_key(state: InstalmentState) -> tuple[date, int, int]:
    agreement_id = state.agreement_id if state.agreement_id is not None else -1
    return (state.due, agreement_id, state.number)


def _all_states(
    agreements: Sequence[Agreement], payments: Sequence[Payment], today: date
) -> list[InstalmentState]:
    # Group payments once: a workbook may hold hundreds of agreements.
    by_agreement: dict[int | None, list[Payment]] = defaultdict(list)
    for payment in payments:
        by_agreement[payment.agreement_id].append(payment)
    return [
        state
        for agreement in agreements
        for state in instalment_states(agreement, by_agreement.get(agreement.id, []), today)
    ]


def due_within(
    agreements: Sequence[Agreement], payments: Sequence[Payment], today: date, days: int = 30
) -> list[InstalmentState]:
    """Instalments not fully paid that are overdue or due by today + days, by due date."""
    horizon = today + timedelta(days=days)
    found = [
        state
        for state in _all_states(agreements, payments, today)
        if state.remaining > ZERO and state.due <= horizon
    ]
    return sorted(found, key=_sort_key)


def overdue(
    agreements: Sequence[Agreement], payments: Sequence[Payment], today: date
) -> list[InstalmentState]:
    found = [s for s in _all_states(agreements, payments, today) if s.status == "overdue"]
    return sorted(found, key=_sort_key)


def has_overdue(
    agreements: Sequence[Agreement], payments: Sequence[Payment], today: date
) -> bool:
    return bool(overdue(agreements, payments, today))


def pending_actions(communications: Sequence[Communication]) -> list[Communication]:
    """Entries whose next action has a date and is not yet followed up (see above)."""
    last_outgoing: dict[str, datetime] = {}
    for comm in communications:
        if comm.direction == Direction.OUTGOING:
            key = lender_key(comm.lender)
            if key not in last_outgoing or comm.at > last_outgoing[key]:
                last_outgoing[key] = comm.at
    pending = []
    for comm in communications:
        if comm.next_action_date is None:
            continue
        latest = last_outgoing.get(lender_key(comm.lender))
        if latest is not None and latest > comm.at:
            continue
        pending.append(comm)
    return pending


def next_actions(
    communications: Sequence[Communication], today: date, days: int = 30
) -> list[Communication]:
    """Pending next actions dated by today + days (late ones included), soonest first."""
    horizon = today + timedelta(days=days)
    found = [
        c
        for c in pending_actions(communications)
        if c.next_action_date is not None and c.next_action_date <= horizon
    ]
    return sorted(found, key=lambda c: (c.next_action_date, c.at))


def due_report(
    agreements: Sequence[Agreement],
    payments: Sequence[Payment],
    communications: Sequence[Communication],
    today: date,
    days: int = 30,
    lender_names: Mapping[int, str] | None = None,
    currency: str = "CNY",
) -> str:
    """Plain-text lines for `repay due`, in the current language.

    `lender_names` maps debt id -> lender, to say whom each instalment is owed to.
    """
    names = lender_names or {}
    counts = {a.id: len(agreement_schedule(a)) for a in agreements}
    lines = [_("Repay Workbook: due by {date}").format(date=today + timedelta(days=days))]
    instalments = due_within(agreements, payments, today, days)
    actions = next_actions(communications, today, days)
    if not instalments and not actions:
        lines.append(_("Nothing is due in the next {days} days.").format(days=days))
        return "\n".join(lines)
    for state in instalments:
        values = {
            "date": state.due,
            "lender": names.get(state.debt_id, "") if state.debt_id is not None else "",
            "number": state.number,
            "count": counts.get(state.agreement_id, state.number),
            "amount": money(state.remaining, currency=currency),
            "days": state.days_overdue,
        }
        if state.status == "overdue":
            template = _("OVERDUE {date} {lender} instalment {number}/{count}: {amount} ({days} days late)")
        elif state.status == "due":
            template = _("TODAY {date} {lender} instalment {number}/{count}: {amount}")
        else:
            template = _("Due {date} {lender} instalment {number}/{count}: {amount}")
        lines.append(" ".join(template.format(**values).split()))  # no name: no gap
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


__all__ = [
    "InstalmentState",
    "Progress",
    "agreement_progress",
    "due_report",
    "due_within",
    "has_overdue",
    "instalment_states",
    "next_actions",
    "overdue",
    "pending_actions",
]

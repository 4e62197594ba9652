"""An .ics calendar of the instalments and the planned next actions.

Each instalment and each pending next action is an all-day event. Instalments still
owed carry a reminder the day before. UIDs are derived from the data (agreement and
instalment number, or log entry), so importing a newer export updates the events
instead of duplicating them; DTSTAMP is `today` at midnight UTC, never the clock, so
the same data on the same day gives the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from reports.files import write_private
from reports.text import clean, tr
from workbook import fmt
from workbook.followup.instalments import instalment_states, pending_actions
from workbook.i18n import N_
from workbook.models import ZERO, Agreement, Communication, Debt, Payment

PRODID = "-//Repay Workbook//repay//EN"
REMINDER = timedelta(hours=-15)  # 09:00 the day before an all-day event


def build_calendar(
    agreements: Sequence[Agreement],
    debts: Sequence[Debt],
    payments: Sequence[Payment],
    communications: Sequence[Communication],
    out: Path,
    *,
    lang: str,
    today: date,
    workbook_name: str = "",
    currency: str = "CNY",
) -> Path:
    """Write the calendar to `out` (0600); returns the path."""
    return write_private(
        out,
        calendar_bytes(
            agreements,
            debts,
            payments,
            communications,
            lang=lang,
            today=today,
            workbook_name=workbook_name,
            currency=currency,
        ),
    )


def calendar_bytes(
    agreements: Sequence[Agreement],
    debts: Sequence[Debt],
    payments: Sequence[Payment],
    communications: Sequence[Communication],
    *,
    lang: str,
    today: date,
    workbook_name: str = "",
    currency: str = "CNY",
) -> bytes:
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = clean(workbook_name) or tr(N_("Repay Workbook"), lang)
    cal.add("x-wr-calname", name)
    lenders = {d.id: d.lender.strip() for d in debts}
    for agreement in agreements:
        lender = lenders.get(agreement.debt_id, "")
        states = instalment_states(agreement, payments, today)
        for state in states:
            amount = fmt.money(state.amount, lang, currency=currency)
            values = {
                "amount": amount,
                "lender": clean(lender),
                "n": state.number,
                "count": len(states),
            }
            if state.remaining <= ZERO:
                summary = tr(N_("Paid: {amount} to {lender} ({n}/{count})"), lang)
            else:
                summary = tr(N_("Pay {amount} to {lender} ({n}/{count})"), lang)
            description = [
                tr(N_("Agreement reference: {reference}"), lang).format(
                    reference=clean(agreement.reference) or "-"
                )
            ]
            if agreement.payee_account.strip():
                description.append(
                    tr(N_("Pay into: {account}"), lang).format(
                        account=clean(agreement.payee_account)
                    )
                )
            if ZERO < state.paid < state.amount:
                description.append(
                    tr(N_("Already paid {paid}; {remaining} still owed."), lang).format(
                        paid=fmt.money(state.paid, lang, currency=currency),
                        remaining=fmt.money(state.remaining, lang, currency=currency),
                    )
                )
            event = _event(
                uid_parts=(
                    "instalment",
                    workbook_name,
                    agreement.id,
                    agreement.debt_id,
                    state.number,
                ),
                day=state.due,
                summary=summary.format(**values),
                description="\n".join(description),
                stamp=stamp,
            )
            if state.remaining > ZERO:
                event.add_component(_reminder(summary.format(**values)))
            cal.add_component(event)
    for index, comm in enumerate(pending_actions(communications)):
        if comm.next_action_date is None:  # pending_actions keeps dated ones only
            continue
        action = clean(comm.next_action).strip() or tr(N_("(no description)"), lang)
        summary = tr(N_("{lender}: {action}"), lang).format(
            lender=clean(comm.lender).strip(), action=action
        )
        key = comm.id if comm.id is not None else f"pos{index}"
        event = _event(
            uid_parts=("action", workbook_name, key, comm.at.isoformat()),
            day=comm.next_action_date,
            summary=summary,
            description=tr(N_("Planned after the contact on {date}."), lang).format(
                date=fmt.datetime_(comm.at, lang)
            ),
            stamp=stamp,
        )
        event.add_component(_reminder(summary))
        cal.add_component(event)
    return cal.to_ical()


def _event(uid_parts: tuple, day: date, summary: str, description: str, stamp: datetime) -> Event:
    event = Event()
    digest = hashlib.sha256("\x1f".join(str(p) for p in uid_parts).encode("utf-8")).hexdigest()
    event.add("uid", f"{digest[:32]}@repay-workbook")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _reminder(summary: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", REMINDER)
    return alarm


__all__ = ["build_calendar", "calendar_bytes"]

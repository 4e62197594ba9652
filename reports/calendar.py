"""An .ics calendar of the instalments and the planned next actions.

Each instalment and each pending next action is an all-day event. Instalments still
owed carry a reminder the day before. UIDs are derived from the data (agreement and
instalment number, or log entry) and the workbook's `calendar_id` (never its display
name, which the user may change), so importing a newer export updates the events
instead of duplicating them; DTSTAMP is `today` at midnight UTC, never the clock, so
the same data on the same day gives the same bytes.

METHOD:PUBLISH says the file is a published calendar, not an invitation. A next action
that has been done is sent again with its UID as STATUS:CANCELLED, so a calendar that
imported it earlier removes it. A calendar with no events still holds one component
(the China time zone), as RFC 5545 requires.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event, Timezone, TimezoneStandard

from reports.files import write_private
from reports.text import clean, tr
from workbook import fmt
from workbook.followup.dues import all_dues
from workbook.followup.instalments import InstalmentState, pending_actions
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
    calendar_id: str = "",
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
            calendar_id=calendar_id,
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
    calendar_id: str = "",
) -> bytes:
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("calscale", "GREGORIAN")
    name = clean(workbook_name) or tr(N_("Repay Workbook"), lang)
    cal.add("x-wr-calname", name)
    lenders = {d.id: d.lender.strip() for d in debts}
    # Which events exist comes from the one source of due dates (`workbook.followup.dues`).
    dues = all_dues(debts, agreements, payments, today)
    for agreement in agreements:
        lender = lenders.get(agreement.debt_id, "")
        states = [s for s in dues if s.source == "agreement" and s.agreement_id == agreement.id]
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
                    calendar_id,
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
    _contract_events(cal, dues, lenders, lang=lang, stamp=stamp, calendar_id=calendar_id,
                     currency=currency)
    pending = {id(c) for c in pending_actions(communications)}
    for index, comm in enumerate(communications):
        if comm.next_action_date is None:
            continue
        action = clean(comm.next_action).strip() or tr(N_("(no description)"), lang)
        summary = tr(N_("{lender}: {action}"), lang).format(
            lender=clean(comm.lender).strip(), action=action
        )
        key = comm.id if comm.id is not None else f"pos{index}"
        event = _event(
            uid_parts=("action", calendar_id, key, comm.at.isoformat()),
            day=comm.next_action_date,
            summary=summary,
            description=tr(N_("Planned after the contact on {date}."), lang).format(
                date=fmt.datetime_(comm.at, lang)
            ),
            stamp=stamp,
        )
        if id(comm) in pending:
            event.add_component(_reminder(summary))
        else:  # done: sent once more, cancelled, so an earlier import drops it
            event.add("status", "CANCELLED")
            event.add("sequence", 1)
        cal.add_component(event)
    if not cal.subcomponents:
        cal.add_component(_china_time())
    return cal.to_ical()


def _china_time() -> Timezone:
    """Asia/Shanghai (UTC+8, no summer time since 1991): the one component of a calendar
    with no events, so the file stays valid."""
    zone = Timezone()
    zone.add("tzid", "Asia/Shanghai")
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1991, 9, 15, 0, 0))
    standard.add("tzoffsetfrom", timedelta(hours=8))
    standard.add("tzoffsetto", timedelta(hours=8))
    standard.add("tzname", "CST")
    zone.add_component(standard)
    return zone


def _contract_events(cal: Calendar, dues: Sequence[InstalmentState], lenders: dict, *,
                     lang: str, stamp: datetime, calendar_id: str, currency: str) -> None:
    """A debt without an agreement: its contract payments for the next year. A debt
    recorded late has no due date of its own to put in a calendar: not an event."""
    for state in dues:
        if state.source != "contract":
            continue
        values = {
            "amount": fmt.money(state.amount, lang, currency=currency),
            "lender": clean(lenders.get(state.debt_id, "")),
            "n": state.number,
            "count": state.count,
        }
        if state.count:
            summary = tr(N_("Pay {amount} to {lender} (contract payment {n}/{count})"), lang)
        else:
            summary = tr(N_("Pay {amount} to {lender} (contract payment)"), lang)
        event = _event(
            uid_parts=("contract", calendar_id, state.debt_id, state.due.isoformat()),
            day=state.due,
            summary=summary.format(**values),
            description=tr(N_("From the contract terms entered for this debt."), lang),
            stamp=stamp,
        )
        event.add_component(_reminder(summary.format(**values)))
        cal.add_component(event)


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

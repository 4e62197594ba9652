"""The .ics calendar: instalments and planned actions, stable UIDs, no clock."""

from datetime import UTC, date, datetime

import reports_sample as sample
from icalendar import Calendar

from reports.calendar import build_calendar, calendar_bytes

TODAY = sample.TODAY


def _events(raw: bytes):
    return [c for c in Calendar.from_ical(raw).walk("VEVENT")]


def _bytes(lang="zh", today=TODAY, **kw):
    d = sample.data()
    return calendar_bytes(
        d.agreements, d.debts, d.payments, d.communications, lang=lang, today=today, **kw
    )


def test_instalments_and_actions():
    events = _events(_bytes(lang="en"))
    summaries = [str(e["SUMMARY"]) for e in events]
    instalments = [s for s in summaries if "招商银行信用卡 (" in s]
    assert len(instalments) == 39
    assert summaries[0].startswith("Paid: ¥800.00")
    assert summaries[1].startswith("Pay ¥800.00")  # partly paid: still owed
    assert "招商银行信用卡: 发送失业证明" in summaries  # the pending next action
    first = events[1]
    assert first.decoded("DTSTART") == date(2026, 2, 10)
    assert first.decoded("DTSTAMP") == datetime(2026, 3, 15, tzinfo=UTC)
    assert "¥300.00 still owed" in str(first["DESCRIPTION"])
    # Reminders for what is still owed only.
    assert not events[0].walk("VALARM") and events[1].walk("VALARM")


def test_uids_are_stable_and_unique():
    first, second = _bytes(), _bytes()
    assert first == second
    uids = [str(e["UID"]) for e in _events(first)]
    assert len(set(uids)) == len(uids)
    # A later export (another day, payments changed) keeps the same UIDs: events update.
    # Contract payments follow the window (the next year), each keyed by its date.
    later = [str(e["UID"]) for e in _events(_bytes(today=date(2026, 6, 1)))]
    contract = {str(e["UID"]) for e in _events(first) if "合同" in str(e["SUMMARY"])}
    assert [u for u in later if u in set(uids) - contract] == [u for u in uids if u not in contract]
    assert set(later) & contract  # the same payment in both exports: the same event
    other_workbook = [str(e["UID"]) for e in _events(_bytes(calendar_id="another-workbook"))]
    assert not set(other_workbook) & set(uids)
    # Renaming the workbook changes the calendar's name, never an event's UID.
    renamed = [str(e["UID"]) for e in _events(_bytes(workbook_name="改过的名字"))]
    assert renamed == uids


def test_publish_method_and_a_valid_empty_calendar():
    import icalendar

    from reports.calendar import calendar_bytes

    empty = calendar_bytes([], [], [], [], lang="en", today=TODAY)
    assert b"METHOD:PUBLISH" in empty
    cal = icalendar.Calendar.from_ical(empty)
    assert cal.subcomponents and not _events(empty)  # RFC 5545: at least one component
    assert b"METHOD:PUBLISH" in _bytes()


def test_a_done_action_is_sent_cancelled():
    import dataclasses
    from datetime import timedelta

    from reports.calendar import calendar_bytes

    d = sample.data()
    planned = [c for c in d.communications if c.next_action_date is not None][0]
    before = {
        str(e["UID"]): e
        for e in _events(
            calendar_bytes(
                d.agreements, d.debts, d.payments, d.communications, lang="en", today=TODAY
            )
        )
    }
    # A later outgoing contact with the same lender follows the action up: it is done.
    done = dataclasses.replace(
        planned, id=999, at=planned.at + timedelta(days=1), next_action_date=None, next_action=""
    )
    after = _events(
        calendar_bytes(
            d.agreements, d.debts, d.payments, [*d.communications, done], lang="en", today=TODAY
        )
    )
    cancelled = [e for e in after if str(e.get("STATUS", "")) == "CANCELLED"]
    assert cancelled and all(str(e["UID"]) in before for e in cancelled)


def test_file_is_private_and_hostile_text_survives(tmp_path):
    d = sample.data()
    d.communications[0].next_action = sample.HOSTILE + "\n" + "；" * 100
    out = build_calendar(
        d.agreements, d.debts, d.payments, d.communications, tmp_path / "c.ics",
        lang="zh", today=TODAY,
    )  # fmt: skip
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    summaries = [str(e["SUMMARY"]) for e in _events(out.read_bytes())]
    assert any("<b>bold?</b> &amp; ]]> [/]" in s for s in summaries)

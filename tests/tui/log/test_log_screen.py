"""The communication log: reach it, add and edit entries, filter (by flag above all),
conduct flags explained, delete with confirmation, pages for a 10,000-entry log."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from screen_text import screen_text
from textual.widgets import Button, DataTable
from tui_helpers import NASTY, SIZE, notes, plain

from storage import Workbook
from tui.frame.confirm import ConfirmModal
from tui.log.comm_form import CommForm, parse_datetime, parse_end, parse_time
from tui.log.log_filter import LogFilterForm
from tui.log.screen import PAGE_SIZE, CommLogScreen
from tui.log.view import counts_by_lender, entry_details, filter_summary, lender_counts_line
from tui.palette import palette_actions
from tui.widgets.field import Choice, Field, Toggles
from workbook import fmt
from workbook.followup.conduct import Rule, breach_counts, breaches
from workbook.followup.logfilter import LogFilter
from workbook.i18n import set_language
from workbook.models import Channel, Communication, Direction

FORM_TEXT = ("agent_name", "agent_id", "number_used", "summary", "their_offer",
             "my_commitment", "outcome", "next_action", "evidence_ref")


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#log", DataTable)
    return [[str(c).strip() for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_step_6_key_and_the_palette_open_the_log(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c")
        assert isinstance(demo_app.screen, CommLogScreen)
        assert len(rows(demo_app)) == len(demo_app.wb.communications.list())
        await pilot.press("h")
        (entry,) = [a for a in palette_actions(demo_app.screen) if a.title == "Communication log"]
        entry.callback()
        await pilot.pause()
        assert isinstance(demo_app.screen, CommLogScreen)


async def test_filter_by_flag_then_by_lender_and_channel(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c", "f")
        flagged = rows(demo_app)
        assert [r[1] for r in flagged] == ["快易借", "快易借"] and all(r[4] == "!1" for r in flagged)
        assert "flagged only" in plain(demo_app, "#log-status")
        await pilot.press("r")
        assert len(rows(demo_app)) == len(demo_app.wb.communications.list())
        await pilot.press("slash")
        form = demo_app.screen
        assert isinstance(form, LogFilterForm)
        lender = form.query_one("#lender", Choice)
        lender.index = [v for _l, v in lender.options].index("快易借")
        form.query_one("#channel", Choice).focus()
        await pilot.press("right")  # All channels -> Phone
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [(r[1], r[2]) for r in rows(demo_app)] == [("快易借", "Phone")] * 2
        await pilot.press("slash", "ctrl+s")  # the dialog starts from the current filter
        assert len(rows(demo_app)) == 2


async def test_filter_by_one_rule_for_a_complaint(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c", "slash")
        form = demo_app.screen
        assert str(form.query_one("#save", Button).label) == "Show"
        form.query_one("#flags", Choice).focus()
        await pilot.press("right", "right", "ctrl+s")  # all -> every flagged -> at night
        await pilot.pause()
        screen = demo_app.screen
        assert screen.filter.rule == Rule.NIGHT
        assert [r[0] for r in rows(demo_app)] == ["2026-11-07 23:30"]
        assert "at night" in plain(demo_app, "#log-status")
        await pilot.press("f")  # flags were filtering: f shows every entry again
        assert not screen.filter.flagged_only and screen.filter.rule is None
        await pilot.press("f")
        assert len(rows(demo_app)) == 2


async def test_a_night_call_typed_in_is_flagged_and_explained(demo_app, demo_path):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c", "a")
        form = demo_app.screen
        assert isinstance(form, CommForm)
        when = form.query_one("#at", Field)
        when.input.value = ""
        await pilot.press(*"2026-11-27 23:15")
        lender = form.query_one("#debt", Choice)
        lender.index = [label for label, _v in lender.options].index("快易借")
        direction = form.query_one("#direction", Choice)
        direction.index = [v for _l, v in direction.options].index(Direction.INCOMING)
        form.query_one("#summary", Field).focus()
        await pilot.press(*NASTY)
        for name in FORM_TEXT:
            if name != "summary":
                form.query_one(f"#{name}", Field).input.value = f"{NASTY} {name}"
        flags = form.query_one("#flags", Toggles)
        flags.focus()
        await pilot.press("right", "right", "space")  # they contacted someone else
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Log entry saved." in notes(demo_app)
        first = rows(demo_app)[0]
        assert first[0] == "2026-11-27 23:15" and first[4] == "!2"
        detail = plain(demo_app, "#log-detail-text")
        assert NASTY in detail and f"{NASTY} outcome" in detail
        assert "Contact between 22:00 and 08:00" in detail and "Contact with a third party" in detail
        assert "Source: NIFA guideline" in detail
    demo_app.wb.close()
    with Workbook.open(demo_path, read_only=True) as wb:
        (saved,) = [c for c in wb.communications.list() if c.summary == NASTY]
    assert saved.third_party and saved.connected and saved.direction == Direction.INCOMING
    assert saved.evidence_ref == f"{NASTY} evidence_ref" and saved.lender == "快易借"


async def test_another_lender_typed_in_and_found_by_words(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c", "a")
        form = demo_app.screen
        form.query_one("#debt", Choice).index = len(form.query_one("#debt", Choice).options) - 1
        form.query_one("#lender", Field).focus()
        await pilot.press(*NASTY)
        form.query_one("#summary", Field).input.value = "x"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rows(demo_app)[0][1] == NASTY
        assert NASTY in screen_text(demo_app)  # whole (the width is there), as typed
        assert demo_app.screen.selected().lender == NASTY
        await pilot.press("slash")
        search = demo_app.screen.query_one("#search", Field)
        search.focus()
        await pilot.press(*NASTY, "enter")
        await pilot.pause()
        assert len(rows(demo_app)) == 1 and demo_app.screen.selected().lender == NASTY
        assert NASTY in plain(demo_app, "#log-status")
    (saved,) = [c for c in demo_app.wb.communications.list() if c.lender == NASTY]
    assert saved.debt_id is None


async def test_wrong_time_is_shown_at_the_field(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c", "a")
        when = demo_app.screen.query_one("#at", Field)
        when.input.value = "2026-11-27 25:00"
        await pilot.press("ctrl+s")
        assert isinstance(demo_app.screen, CommForm) and when.has_class("-invalid")


async def test_edit_keeps_the_entry_and_delete_asks_first(demo_app):
    before = len(demo_app.wb.communications.list())
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c", "enter")
        form = demo_app.screen
        assert isinstance(form, CommForm)
        outcome = form.query_one("#outcome", Field)
        outcome.input.value = "[b]已处理[/b]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Outcome: [b]已处理[/b]" in plain(demo_app, "#log-detail-text")
        await pilot.press("d")
        assert isinstance(demo_app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert len(rows(demo_app)) == before - 1 == len(demo_app.wb.communications.list())
        assert "Log entry deleted." in notes(demo_app)


def _many(n: int, start: datetime) -> list[Communication]:
    lenders = ["甲贷", "乙贷", "丙贷"]
    return [Communication(at=start + timedelta(minutes=37 * i), lender=lenders[i % 3],
                          direction=Direction.INCOMING, summary=f"第 {i} 次")
            for i in range(n)]


async def test_ten_thousand_entries_page_and_save_quickly(demo_path, open_app):
    with Workbook.open(demo_path) as wb:
        wb.communications.add_many(_many(10_000, datetime(2025, 1, 1, 9, 0)))
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c")
        screen = app.screen
        assert screen.page_count() == -(-10_009 // PAGE_SIZE)
        assert len(rows(app)) == PAGE_SIZE
        await pilot.press("n")
        assert screen.page == 1 and rows(app)[0][5] != ""
        actions = {a.title: a.callback for a in palette_actions(screen)}
        actions["Older log entries"]()
        assert screen.page == 2
        actions["Newer log entries"]()
        assert screen.page == 1
        comm = screen.selected()
        app.save(lambda: app.wb.communications.update(comm), "saved")
        await pilot.pause()
        # the place is kept, and the table never holds more than a page (refilling a
        # mounted 10,000-row table blocks the app for about two seconds)
        assert screen.page == 1 and screen.selected().id == comm.id
        assert len(rows(app)) == PAGE_SIZE
        await pilot.press("a")
        form = app.screen
        form.query_one("#at", Field).input.value = "2024-06-01 10:00"  # the oldest of all
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.page == screen.page_count() - 1  # the page with the new entry
        assert screen.selected().at == datetime(2024, 6, 1, 10, 0)


# -- below the UI ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-28 14:30", datetime(2026, 11, 28, 14, 30)),
    ("2026/11/28 9:05", datetime(2026, 11, 28, 9, 5)),
    ("2026年11月28日 14点30分", datetime(2026, 11, 28, 14, 30)),
    ("2026年11月28日14：30", datetime(2026, 11, 28, 14, 30)),
    ("２０２６-１１-２８T23:59:59", datetime(2026, 11, 28, 23, 59, 59)),
])
def test_parse_datetime_accepts_what_people_type(text, expected):
    assert parse_datetime(text).value == expected


@pytest.mark.parametrize("text", ["2026-11-28", "14:30", "2026-11-28 24:00", "2026-02-30 10:00",
                                  "2026-11-28 9", "[b]", "x" * 500])
def test_parse_datetime_refuses_with_a_message(text):
    result = parse_datetime(text)
    assert not result.ok and result.error


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2199, 12, 31)))
def test_parse_datetime_reads_back_what_is_shown(moment):
    moment = moment.replace(second=0, microsecond=0)
    assert parse_datetime(fmt.datetime_(moment)).value == moment


@given(st.text(max_size=60))
def test_time_parsers_never_raise(text):
    for parser in (parse_datetime, parse_end, parse_time):
        result = parser(text)
        assert result.ok or result.error


def test_details_show_user_text_as_typed_and_each_breach_with_its_source():
    set_language("en")
    comm = Communication(at=datetime(2026, 11, 2, 6, 50), lender=NASTY, channel=Channel.SMS,
                         direction=Direction.INCOMING, summary="[red]x[/red] <b>&",
                         threat_or_abuse=True, id=5)
    text = entry_details(comm, breaches([comm])[5]).plain
    assert f"2026-11-02 06:50  {NASTY}" in text and "Summary: [red]x[/red] <b>&" in text
    assert "Contact between 22:00 and 08:00" in text and "Threat or abuse" in text
    assert "Criminal Law Art. 293-1" in text and "as of 2026" in text


def test_counts_from_computed_breaches_equal_the_domain_counts():
    comms = [*_many(40, datetime(2026, 3, 1, 21, 0)),
             Communication(at=datetime(2026, 3, 2, 12, 0), lender=" 甲贷 ", third_party=True,
                           direction=Direction.INCOMING)]
    assert counts_by_lender(comms, breaches(comms)) == breach_counts(comms)


def test_the_counts_line_puts_the_most_flagged_lender_first():
    set_language("en")
    night = {"direction": Direction.INCOMING}
    comms = [Communication(at=datetime(2026, 3, 1, 23, 0), lender="A", **night),
             *[Communication(at=datetime(2026, 3, d, 23, 0), lender="B", **night)
               for d in (2, 3)]]
    line = lender_counts_line(counts_by_lender(comms, breaches(comms))).plain
    assert line == "Flagged: B 2 (at night 2) A 1 (at night 1)"
    assert "is flagged" in lender_counts_line({}).plain


def test_a_wrong_end_says_what_to_type():
    set_language("en")
    assert parse_end("[b]x").error.startswith("Type the time it ended, for example 14:45")
    assert parse_end("").ok and parse_end("14:45").ok


def test_filter_summary_lists_what_is_kept():
    set_language("en")
    assert filter_summary(LogFilter()) == ""
    summary = filter_summary(LogFilter(lender="快易借", channel=Channel.PHONE,
                                       start=date(2026, 1, 1), flagged_only=True, search=" x "))
    assert summary == '快易借, Phone, 2026-01-01 ~ ..., flagged only, "x"'
    assert filter_summary(LogFilter(flagged_only=True, rule="third_party")) == "third party"


async def test_language_switch_keeps_the_filter_and_the_entry(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c", "f", "down", "l")
        await pilot.pause()
        assert demo_app.screen.query_one("#log", DataTable).cursor_row == 1
        assert "只看已标记" in plain(demo_app, "#log-status") and len(rows(demo_app)) == 2
        assert rows(demo_app)[0][3] == "对方"


async def test_e_offers_the_log_as_filtered(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c")
        demo_app.screen.set_filter(LogFilter(lender="快易借", start=date(2026, 11, 1)))
        await pilot.press("e")
        assert "log" in [o.key for o in demo_app.screen.offers]
        (offer,) = [o for o in demo_app.screen.offers if o.key == "log"]
        assert offer.request.lender == "快易借"


async def test_an_empty_log_says_so_once(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c")
        assert plain(empty_app, "#log-status").strip() == "The log is empty"

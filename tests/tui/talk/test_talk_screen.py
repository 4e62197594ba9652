"""Step 5: the call sheet, and the call log that survives the app being killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from textual.widgets import Button, TextArea
from tui_helpers import NASTY, SIZE, notes, plain

from storage.drafts import Drafts
from tui.frame.ask import AskModal
from tui.frame.drafts import DRAFT_DELAY
from tui.method.screen import ChannelScreen
from tui.plan.screen import PlanScreen
from tui.talk.call_log import CallLog
from tui.talk.screen import ConversationScreen
from tui.widgets.field import Field
from workbook.models import Channel, Direction

ROOT = Path(__file__).resolve().parents[3]
CARD = "北辰银行信用卡中心"
STARTED = datetime(2026, 11, 28, 14, 20)


class Clock:
    """The app's `now`, moved by hand."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def card_calls(app) -> list:
    return [
        c
        for c in app.wb.communications.list()
        if c.lender == CARD and c.channel == Channel.PHONE and c.ended_at is None
    ]


async def test_call_sheet_for_the_debt_being_negotiated(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        assert isinstance(demo_app.screen, ConversationScreen)
        assert demo_app.screen.selected().lender == CARD  # under discussion: first
        sheet = plain(demo_app, "#talk-sheet-body", width=200)
        for expected in (
            "400-000-1001",  # who and how
            "Balance ¥48,650.32",  # what is owed
            "Overdue ¥4,865.03, 47 days",
            "Left each month for all debts: ¥1,800.00",  # what the user can pay
            "Offer this lender ¥790.23 a month",
            "Spread the remaining balance over 60 monthly instalments",  # the request
            "so I can no longer pay the instalments in full",  # reasons in two sentences
            "Walk-away point  ¥800.00 a month at most",  # the most a month to agree to
            "不接受首期还清全部逾期金额。",  # the user's own red line, verbatim
            "Paying into a personal account",
            "我们一起看看，有没有对双方都行得通的办法。",  # phrases in both languages
            "Let's look together for an arrangement that works for both sides.",
            "Stay calm and polite",  # the checklist
            "Ask for the agent's name and staff number",
            "Ask for anything agreed to be confirmed in writing",
        ):
            assert expected in sheet, expected
        # 60 months at 0 % is ¥790.23: within the walk-away point, so no warning.
        assert "more than your walk-away point" not in sheet
        # The count and the last instalment as step 4 and the letter have them.
        flat = " ".join(sheet.split())
        assert ("60 instalments of ¥790.23, ¥47,413.52 in all, the first on 5 December 2026, "
                "the last one ¥789.95.") in flat  # fmt: skip
        assert "deducted at pay-out" not in flat  # nothing was withheld from this loan
        await pilot.press("right")  # the next lender: its share never repays it
        assert demo_app.screen.selected().lender == "快易借"
        sheet = " ".join(plain(demo_app, "#talk-sheet-body", width=200).split())
        assert "This offer never repays the debt; at least ¥194.95 a month would." in sheet
        # 砍头息 (Art. 670): the principal as received, interest recomputed, the difference.
        assert ("¥1,200.00 was deducted at pay-out (砍头息). The law counts the principal as "
                "the ¥18,800.00 actually received") in sheet  # fmt: skip
        assert "interest on it is ¥1,353.60 instead of ¥1,440.00, ¥86.40 less." in sheet
        await pilot.press("left", "y")
        assert demo_app.clipboard.startswith(f"Call sheet: {CARD}")


async def test_call_log_keeps_a_draft_as_you_type_and_saves_when_the_call_ends(demo_app):
    clock = Clock(STARTED)
    demo_app.now = clock
    workbook_bytes = demo_app.wb.path.read_bytes()
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "c")
        dialog = demo_app.screen
        assert isinstance(dialog, CallLog)
        assert dialog.focused is dialog.query_one("#agent_name", Field).input  # first field
        await pilot.press(*"李[/]", "tab")  # the notes: one key away
        assert isinstance(dialog.focused, TextArea)
        await pilot.press(*NASTY, "enter", "x")
        await pilot.pause(DRAFT_DELAY + 0.2)
        (draft,) = Drafts(demo_app.wb.path).all().values()  # kept beside the workbook
        assert draft["fields"]["call-notes"] == NASTY + "\nx"
        assert draft["fields"]["agent_name"] == "李[/]"
        assert demo_app.wb.path.read_bytes() == workbook_bytes  # keys never rewrite it
        assert card_calls(demo_app) == []
        for name in ("agent_id", "their_offer", "my_commitment", "outcome", "next_action"):
            dialog.query_one(f"#{name}", Field).input.value = NASTY
        clock.at = datetime(2026, 11, 28, 14, 41)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConversationScreen)
        (saved,) = [c for c in demo_app.wb.communications.list() if c.at == STARTED]
        assert saved.ended_at == clock.at and saved.direction == Direction.OUTGOING
        assert saved.number_used == "400-000-1001" and saved.agent_name == "李[/]"
        assert saved.summary == NASTY + "\nx"
        assert saved.outcome == NASTY and saved.next_action == NASTY
        assert "Call logged." in notes(demo_app)
        assert NASTY in plain(demo_app, "#talk-contacts", width=200)
    assert Drafts(demo_app.wb.path).all() == {}  # folded into the workbook, draft gone


async def test_a_call_log_left_empty_records_no_call(demo_app):
    before = demo_app.wb.communications.list()
    states = demo_app.step_bar_states()
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "c", "escape")  # opened and left: nothing happened
        assert isinstance(demo_app.screen, ConversationScreen)
        await pilot.press("c", "ctrl+s")  # ended at once: still nothing to record
        assert isinstance(demo_app.screen, ConversationScreen)
        assert "Nothing was typed: no call was logged." in notes(demo_app)
        await pilot.press("c")
        assert [b.label.plain for b in demo_app.screen.query(Button)] == [
            "End call and save", "Cancel"]  # a clear way out
        await pilot.press(*"note", "escape")  # typed: asks first
        assert isinstance(demo_app.screen, AskModal)
        await pilot.press("d")
        assert isinstance(demo_app.screen, ConversationScreen)
    assert demo_app.wb.communications.list() == before
    assert demo_app.step_bar_states()[5] == states[5]


async def test_read_only_workbook_opens_no_call_log_and_no_form(demo_path, open_app):
    app = open_app(demo_path, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "c")
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("4", "a")  # steps 3 and 4 refuse before a form opens, too
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("3", "c")
        assert isinstance(app.screen, ChannelScreen)
        assert sum("read-only" in n for n in notes(app)) == 3


async def test_call_log_of_a_killed_app_is_offered_on_restart(demo_path, open_app):
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("call_log_child.py")), str(demo_path), NASTY],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "SAVED"
    finally:
        child.send_signal(signal.SIGKILL)  # no clean-up, no end stamp
        child.wait(timeout=10)
    app = open_app(demo_path)  # the kernel freed the dead process's lock
    app.now = Clock(datetime(2026, 11, 28, 14, 30))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AskModal)  # continue the call log?
        assert CARD in app.screen.question
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CallLog) and dialog.comm.at == STARTED
        assert dialog.query_one("#call-notes", TextArea).text == NASTY
        await pilot.press("ctrl+s")
        await pilot.pause()
    (saved,) = [c for c in app.wb.communications.list() if c.at == STARTED]
    assert saved.ended_at == datetime(2026, 11, 28, 14, 30) and saved.summary == NASTY
    assert Drafts(demo_path).all() == {}


async def test_sheet_in_chinese_and_after_a_language_switch(demo_path, open_app):
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        sheet = plain(app, "#talk-sheet-body", width=200)
        assert "联系谁、怎么联系" in sheet and "余额 ¥48,650.32" in sheet
        # Chinese first, the English under it.
        assert sheet.index("谢谢您花时间听我把情况说清楚。") < sheet.index("Thank you for taking")
        await pilot.press("l", "right")  # English now; Left/Right still change the lender
        assert app.screen.selected().lender != CARD
        assert "Who and how" in plain(app, "#talk-sheet-body", width=200)


async def test_end_and_home_jump_through_the_sheet(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "end")
        await pilot.pause()
        sheet = demo_app.screen.query_one("#talk-sheet")
        assert sheet.max_scroll_y > 0 and sheet.scroll_y == sheet.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert sheet.scroll_y == 0


async def test_without_debts_the_sheet_says_where_to_start(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        assert "No open debts. Add them in step 1." in plain(empty_app, "#talk-sheet-body")
        assert not empty_app.screen.query_one("#talk-contacts-title").display
        await pilot.press("c")
        assert isinstance(empty_app.screen, ConversationScreen)
        assert "Add a debt first (step 1)." in notes(empty_app)

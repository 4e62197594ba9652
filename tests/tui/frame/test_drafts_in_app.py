"""Drafts in the app: kept while typing, flushed by a signal, offered back, dropped on save."""

from __future__ import annotations

import os
import signal
import stat

from tui_helpers import SIZE

import tui.frame.drafts as frame_drafts
from storage.drafts import Drafts, drafts_path
from tui.debts.debt_form import DebtForm
from tui.debts.screen import InventoryScreen
from tui.frame.ask import AskModal
from tui.home.profile_form import ProfileForm
from tui.widgets.field import Choice, Field


async def test_sigterm_flushes_a_draft_the_debounce_has_not_written_yet(
    demo_app, monkeypatch
):
    monkeypatch.setattr(frame_drafts, "DRAFT_DELAY", 600)  # only the signal can write it
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", *"Signal Bank", "tab", "right")
        await pilot.pause()
        assert not drafts_path(demo_app.wb.path).exists()
        # The handler is the app's (asyncio's); without it this would end the test run.
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None)
        os.kill(os.getpid(), signal.SIGTERM)
        await pilot.pause(0.2)
    (draft,) = Drafts(demo_app.wb.path).all().values()
    assert draft["form"] == "DebtForm" and draft["screen"] == "step-1"
    assert draft["fields"]["lender"] == "Signal Bank"
    assert draft["fields"]["lender_type"] == {"index": 0}  # Right from "other", the last
    assert stat.S_IMODE(drafts_path(demo_app.wb.path).stat().st_mode) == 0o600


async def test_an_edit_draft_reopens_that_debt_and_saving_drops_it(demo_path, open_app):
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "enter")  # edit the first debt
        form = app.screen
        assert isinstance(form, DebtForm) and form.debt is not None
        debt_id = form.debt.id
        form.query_one("#product", Field).input.value = "Renamed"
        await pilot.pause(frame_drafts.DRAFT_DELAY + 0.2)
        app.hang_up()
    app.wb.close()
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AskModal)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DebtForm) and form.debt.id == debt_id
        assert form.query_one("#product", Field).text == "Renamed"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InventoryScreen)
    assert app.wb.debts.get(debt_id).product == "Renamed"
    assert Drafts(demo_path).all() == {}


async def test_discarding_the_offer_drops_the_draft_and_later_keeps_it(demo_path, open_app):
    Drafts(demo_path).put("ProfileForm:new", {"title": "Your details", "form": "ProfileForm",
                                              "fields": {"name": "Li Lei"}})
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")  # later
        assert not isinstance(app.screen, AskModal)
    assert Drafts(demo_path).get("ProfileForm:new") is not None
    app.wb.close()
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ProfileForm)
        assert app.screen.query_one("#name", Field).text == "Li Lei"
        await pilot.press("escape", "d")  # changed: asks; discard
        assert not isinstance(app.screen, ProfileForm)
    assert Drafts(demo_path).all() == {}


async def test_ctrl_q_and_q_on_the_too_small_notice_ask_while_a_form_has_changes(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", *"Typed", "ctrl+q")
        assert isinstance(demo_app.screen, AskModal)
        await pilot.press("k")
        assert isinstance(demo_app.screen, DebtForm)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.press("q")  # on "please enlarge the terminal"
        await pilot.pause()
        assert isinstance(demo_app.screen, AskModal)
        await pilot.press("escape")  # keep editing
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        form = demo_app.screen
        assert isinstance(form, DebtForm)
        assert form.query_one("#lender", Field).text == "Typed"
        await pilot.press("ctrl+q", "s")  # save: the balance is missing, so it stays
        await pilot.pause()
        assert isinstance(demo_app.screen, DebtForm)
        assert demo_app.is_running
        form.query_one(Choice).focus()
        await pilot.press("ctrl+q", "d")  # discard and quit
        await pilot.pause()
    assert demo_app.return_code == 0
    assert Drafts(demo_app.wb.path).all() == {}

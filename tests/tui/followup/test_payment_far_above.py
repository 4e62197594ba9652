"""A payment far above what is due asks before it is saved (issue 13): 100万 on a demo
agreement asks, n goes back to the form with the amount kept, y saves it."""

from __future__ import annotations

from decimal import Decimal

from tui_helpers import SIZE, notes

from tui.followup.payment_form import PaymentForm
from tui.followup.screen import FollowupScreen
from tui.frame.confirm import ConfirmModal
from tui.widgets.field import Field


def question(app) -> str:
    return app.screen.question.plain


async def test_a_payment_of_one_million_asks_first(demo_app):
    before = len(demo_app.wb.payments.list())
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r")
        form = demo_app.screen
        assert isinstance(form, PaymentForm)
        amount = form.query_one("#amount", Field)
        amount.input.value = ""
        await pilot.press(*"100万", "enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmModal)
        assert "more than everything left under this agreement" in question(demo_app)
        await pilot.press("n")  # no: back to the form, the amount still typed
        assert demo_app.screen is form and amount.text == "100万"
        assert len(demo_app.wb.payments.list()) == before
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(demo_app.screen, FollowupScreen)
        assert "Payment saved." in notes(demo_app)
    amounts = [p.amount for p in demo_app.wb.payments.list()]
    assert len(amounts) == before + 1 and Decimal("1000000.00") in amounts


async def test_an_extra_zero_asks_in_chinese_and_the_instalment_itself_does_not(
    demo_path, open_app
):
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r")
        form = app.screen
        amount = form.query_one("#amount", Field)
        due = Decimal(amount.text.replace(",", ""))
        amount.input.value = str(due * 10)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "三倍以上" in question(app) and "仍然保存" in question(app)
        await pilot.press("escape")
        assert app.screen is form
        amount.input.value = str(due)  # what is due is saved without a question
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FollowupScreen)


async def test_esc_then_save_still_asks_about_the_amount(demo_app):
    before = len(demo_app.wb.payments.list())
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r")
        form = demo_app.screen
        form.query_one("#amount", Field).input.value = "1000000"
        await pilot.press("escape", "s")  # leave: save
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert demo_app.screen is form  # back to the form, nothing saved
        assert len(demo_app.wb.payments.list()) == before
        await pilot.press("escape", "s", "y")
        await pilot.pause()
        assert isinstance(demo_app.screen, FollowupScreen)
    assert len(demo_app.wb.payments.list()) == before + 1


def _record_exits(app) -> list[bool]:
    """A list that gets an entry each time the app is asked to end."""
    exits: list[bool] = []
    real_exit = app.exit
    app.exit = lambda *a, **k: (exits.append(True), real_exit(*a, **k))
    return exits


async def test_quit_then_save_asks_about_the_amount_then_quits(demo_app):
    from tui.frame.ask import AskModal

    before = len(demo_app.wb.payments.list())
    exits = _record_exits(demo_app)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r")
        form = demo_app.screen
        form.query_one("#amount", Field).input.value = "1000000"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(demo_app.screen, AskModal)  # quit with changes: save?
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmModal)  # the amount's own question
        assert exits == []
        await pilot.press("y")
        await pilot.pause()
        assert exits == [True]  # saved, then quit as asked
    assert len(demo_app.wb.payments.list()) == before + 1


async def test_quit_then_save_then_no_stays_in_the_form(demo_app):
    from tui.frame.ask import AskModal

    exits = _record_exits(demo_app)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r")
        form = demo_app.screen
        form.query_one("#amount", Field).input.value = "1000000"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(demo_app.screen, AskModal)
        await pilot.press("s", "n")
        await pilot.pause()
        assert demo_app.screen is form and exits == []  # nothing lost, not quit

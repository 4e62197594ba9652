"""Step 7, hard situations: a payment order's deadline reaches step 6, home and
`repay due`; the objection draft exports with the debt's figures; the palette finds the
cards by Chinese and English words."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from reports_pdf import missing
from tui_helpers import NASTY, SIZE, TODAY, plain

from storage import Workbook
from tui.cli.commands import due
from tui.export.dialog import ExportDialog
from tui.help.help_card import HelpCard
from tui.help.screen import HelpScreen
from tui.help.situation_form import SituationForm
from tui.palette import palette_actions
from tui.widgets.field import Choice, Field
from workbook.models import Debt, LenderType, Situation

RECEIVED = TODAY - timedelta(days=3)  # 2026-11-25
DEADLINE = RECEIVED + timedelta(days=15)  # 2026-12-10


def one_debt(path: Path) -> Path:
    with Workbook.open(path) as wb:
        wb.debts.add(Debt("快易借", Decimal("12146.65"), lender_type=LenderType.ONLINE_PLATFORM,
                          principal=Decimal("20000"), upfront_deduction=Decimal("1200"),
                          penalty_fees=Decimal("356.00")))
    return path


async def record_payment_order(app, pilot) -> None:
    await pilot.press("7", "s")
    form = app.screen
    assert isinstance(form, SituationForm)
    assert form.query_one("#situation", Choice).value == Situation.PAYMENT_ORDER
    form.query_one("#day", Field).input.value = RECEIVED.isoformat()
    form.query_one("#court_name", Field).input.value = "海淀区人民法院"
    form.query_one("#case_number", Field).input.value = NASTY
    await pilot.pause()
    assert DEADLINE.isoformat() in plain(app, "#situation-deadline")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)


async def test_a_payment_order_gives_a_deadline_in_step_6_home_and_repay_due(
        tmp_path, open_app, capsys):
    path = one_debt(tmp_path / "wb.json")
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await record_payment_order(app, pilot)
        (debt,) = app.wb.debts.list()
        assert debt.situation == Situation.PAYMENT_ORDER and debt.situation_on == RECEIVED
        assert debt.court_name == "海淀区人民法院" and debt.case_number == NASTY
        intro = " ".join(plain(app, "#help-intro").split())
        assert f"Open deadline {DEADLINE.isoformat()}" in intro
        await pilot.press("6")
        assert DEADLINE.isoformat() in plain(app, "#next-actions-list")
        await pilot.press("h")
        home = " ".join(plain(app, "#home-next-action").split())
        assert DEADLINE.isoformat() in home and "Object in writing" in home
    assert due(path, days=30, today=TODAY) == 0
    out = capsys.readouterr().out
    assert DEADLINE.isoformat() in out and "Object in writing" in out


async def test_the_objection_draft_exports_with_the_debts_figures(tmp_path, open_app):
    path = one_debt(tmp_path / "wb.json")
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await record_payment_order(app, pilot)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        keys = [o.key for o in dialog.offers]
        assert "objection" in keys
        index = keys.index("objection")
        await pilot.press(*["down"] * index)
        assert dialog.query_one("#export-lang", Choice).value == "zh"
        dialog.query_one("#export-folder", Field).input.value = str(tmp_path / "out")
        await pilot.press("enter")
        # The export runs in a worker thread: wait for the finished file (written to a
        # temporary name, then renamed), generously, since a loaded CI machine is slow.
        for _ in range(600):
            await pilot.pause(0.05)
            if list((tmp_path / "out").glob("objection-*.pdf")):
                break
    (pdf,) = (tmp_path / "out").glob("objection-*.pdf")
    assert not missing(pdf, "支付令异议书", "海淀区人民法院", "¥12,146.65", "¥20,000.00",
                       "¥1,200.00", "¥18,800.00", "¥356.00", "12348")


async def test_palette_finds_the_cards_by_chinese_and_english_words(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        actions = palette_actions(demo_app.screen)

        def found(word: str) -> list[str]:
            return [a.title for a in actions if word.lower() in (a.title + a.help).lower()]

        for word in ("lawsuit", "court", "bankrupt", "mediation", "起诉", "支付令", "失信",
                     "征信", "破产", "调解"):
            assert found(word), word
        (order,) = [a for a in actions if a.title.startswith("A payment order (支付令)")]
        order.callback()
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpCard)
        await pilot.press("escape")
        assert "payment_order" in demo_app.wb.settings().cards_read  # opened = read


async def test_typing_in_the_palette_opens_a_card_by_a_chinese_word(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "ctrl+p", *"支付令")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpCard)
        assert "支付令" in demo_app.screen.lines[0] or "payment order" in demo_app.screen.lines[0]


def test_the_step7_line_says_what_is_left_then_done():
    from dataclasses import replace
    from datetime import datetime

    from tui.help.view import step7_status
    from workbook.followup.progress import hard_cards_due
    from workbook.guide.situations import situation_entry
    from workbook.i18n import set_language
    from workbook.models import Communication, Direction
    from workbook.snapshot import WorkbookData

    set_language("en")
    assert step7_status(WorkbookData()) == ""
    debt = Debt("快易借", Decimal("100"), id=1, situation=Situation.SUMMONS,
                situation_on=RECEIVED)
    data = WorkbookData(debts=[debt],
                        communications=[situation_entry(debt, Situation.SUMMONS, RECEIVED)])
    due = hard_cards_due(data)
    line = step7_status(replace(data, cards_read=tuple(due[:2])))
    assert line.startswith(f"Step 7: 2 of {len(due)} cards") and DEADLINE.isoformat() in line
    filed = Communication(at=datetime(2026, 11, 27, 10), lender="快易借", debt_id=1,
                          direction=Direction.OUTGOING, summary="Defence filed")
    done = replace(data, cards_read=tuple(due), communications=[*data.communications, filed])
    assert step7_status(done).startswith("Step 7 done")

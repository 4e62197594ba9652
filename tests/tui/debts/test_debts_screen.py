"""Step 1: add, edit (invalid then valid), delete with confirmation, sort, detail pane."""

from __future__ import annotations

import re
from decimal import Decimal

from screen_text import screen_lines, screen_text
from textual.widgets import DataTable, Input, Static
from tui_helpers import NASTY, SIZE, home_figures, notes, plain

from storage import Workbook
from tui.debts.debt_form import DebtForm
from tui.debts.screen import InventoryScreen
from tui.frame.ask import AskModal
from tui.frame.confirm import ConfirmModal
from tui.widgets.field import Field

TEXT_FIELDS = ("product", "contract_number", "contact_phone", "contact_notes", "notes")


def field(app, field_id: str) -> Field:
    return app.screen.query_one(f"#{field_id}", Field)


def select_lender(app, lender: str) -> None:
    screen = app.screen
    key = next(k for k, debt in screen._debts.items() if debt.lender == lender)
    screen.table.move_cursor(row=screen.table.get_row_index(key))


async def test_typed_debt_with_markup_and_chinese_survives_a_restart(demo_app, demo_path):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a")
        assert isinstance(demo_app.screen, DebtForm)
        await pilot.press(*NASTY)  # the lender field has the focus
        for name in TEXT_FIELDS:  # the other free-text fields get the same text
            field(demo_app, name).input.value = f"{NASTY} {name}"
        field(demo_app, "balance").focus()
        await pilot.press(*"1.2万", "enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, InventoryScreen)
        assert NASTY in plain(demo_app, "#debt-check")  # the new row is selected
        assert "Debt saved." in notes(demo_app)
    demo_app.wb.close()
    with Workbook.open(demo_path) as wb:
        (debt,) = [d for d in wb.debts.list() if d.lender == NASTY]
        assert debt.balance == Decimal("12000.00")
        assert debt.notes == f"{NASTY} notes" and debt.product == f"{NASTY} product"


async def test_edit_shows_the_error_at_the_field_then_saves(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "m")
        form = demo_app.screen
        assert isinstance(form, DebtForm)
        debt_id = form.debt.id
        balance = field(demo_app, "balance")
        balance.focus()
        balance.input.value = ""
        await pilot.press(*"abc", "enter")
        assert isinstance(demo_app.screen, DebtForm)  # not saved
        assert balance.has_class("-invalid")
        error = balance.error_message
        assert "not an amount" in error
        assert demo_app.focused is balance.input
        balance.input.value = ""
        await pilot.press(*"5,000", "enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, InventoryScreen)
    assert demo_app.wb.debts.get(debt_id).balance == Decimal("5000.00")


async def test_escape_cancels_a_form_without_saving(demo_app):
    before = demo_app.wb.debts.list()
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", *"X", "escape")
        assert isinstance(demo_app.screen, AskModal)  # something was typed: ask first
        await pilot.press("k")  # keep editing
        assert isinstance(demo_app.screen, DebtForm)
        assert demo_app.screen.query_one("#lender", Field).text == "X"
        await pilot.press("escape", "d")  # discard
        assert isinstance(demo_app.screen, InventoryScreen)
        await pilot.press("a", "escape")  # nothing typed: no question
        assert isinstance(demo_app.screen, InventoryScreen)
    assert demo_app.wb.debts.list() == before


async def test_delete_asks_first(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        screen = demo_app.screen
        doomed = screen.selected()
        await pilot.press("d")
        assert isinstance(demo_app.screen, ConfirmModal)
        await pilot.press("enter")  # the focus starts on Cancel
        assert demo_app.wb.debts.get(doomed.id) is not None
        await pilot.press("d", "y")
        await pilot.pause()
        assert isinstance(demo_app.screen, InventoryScreen)
        assert str(doomed.id) not in [k.value for k in screen.table.rows]
    assert doomed.id not in [d.id for d in demo_app.wb.debts.list()]


async def test_s_sorts_by_the_next_column(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "s")  # lender -> balance, biggest first
        table = demo_app.screen.query_one("#debts", DataTable)
        balances = [demo_app.screen._debts[k.value].balance for k in table.rows]
        shown = [demo_app.screen._debts[table.coordinate_to_cell_key((i, 0)).row_key.value]
                 for i in range(table.row_count)]
        assert [d.balance for d in shown] == sorted(balances, reverse=True)
        assert "Sorted by Balance" in plain(demo_app, "#debt-totals")


async def test_detail_explains_the_rate_against_the_benchmark(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        select_lender(demo_app, "快易借")  # 37.9 % true rate in the demo
        await pilot.pause()
        text = plain(demo_app, "#debt-check")
        assert "True annual rate" in text and "24%" in text
        assert demo_app.screen.query_one("#debt-schedule", Static).render() is not None


async def test_a_daily_rate_shows_both_yearly_conventions(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        select_lender(demo_app, "北辰银行信用卡中心")  # 日息万五 in the demo
        await pilot.pause()
        text = " ".join(plain(demo_app, "#debt-check").split())
        assert "18.00% a year counted as 360 days" in text and "18.25% counted as 365" in text


async def test_every_text_field_of_the_form_takes_markup_text(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a")
        for name in ("lender", *TEXT_FIELDS):
            field(empty_app, name).input.value = NASTY
        field(empty_app, "balance").input.value = "100"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(empty_app.screen, InventoryScreen)
        (debt,) = empty_app.wb.debts.list()
        assert all(getattr(debt, name) == NASTY for name in ("lender", *TEXT_FIELDS))
        # the table cell and the detail pane show it as text
        table = empty_app.screen.query_one("#debts", DataTable)
        assert str(table.get_cell_at((0, 0))).strip().startswith("张[三]")


async def test_focus_starts_in_the_table_and_inputs_swallow_step_keys(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", "2")
        assert isinstance(demo_app.focused, Input)
        assert demo_app.focused.value == "2"
        assert isinstance(demo_app.screen, DebtForm)


async def test_all_eight_columns_fit_80_columns_in_both_languages(demo_path, open_app):
    for lang in ("zh", "en"):
        app = open_app(demo_path, lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("1")
            table = app.screen.query_one("#debts", DataTable)
            assert len(table.columns) == 8
            assert table.virtual_size.width <= table.scrollable_content_region.width, lang
        app.wb.close()


async def test_deleting_a_debt_takes_its_plan_and_agreement_and_keeps_the_log(demo_app):
    agreement = demo_app.wb.agreements.list()[0]
    debt_id = agreement.debt_id
    log_ids = [c.id for c in demo_app.wb.communications.list() if c.debt_id == debt_id]
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        select_lender(demo_app, demo_app.wb.debts.get(debt_id).lender)
        await pilot.press("d")
        question = plain(demo_app, ".dialog-text")
        assert "Also deleted:" in question and "its agreements (1)" in question
        await pilot.press("y")
        await pilot.pause()
        assert "Debt deleted." in notes(demo_app)
        await pilot.press("h")
        await home_figures(demo_app)
        assert " to :" not in plain(demo_app, "#home-next-action")  # no payment to nobody
    wb = demo_app.wb
    assert all(a.debt_id != debt_id for a in wb.agreements.list())
    assert all(p.agreement_id != agreement.id for p in wb.payments.list())
    assert all(p.debt_id != debt_id for p in wb.proposals.list())
    kept = [c for c in wb.communications.list() if c.id in log_ids]
    assert len(kept) == len(log_ids) and all(c.debt_id is None for c in kept)


async def test_language_switch_keeps_the_selected_debt(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "down", "down", "down")
        chosen = demo_app.screen.selected()
        await pilot.press("l")
        await pilot.pause()
        assert demo_app.screen.selected() == chosen
        assert chosen.lender in plain(demo_app, "#debt-check")


async def test_the_detail_pane_shows_the_whole_schedule_preview_at_80x24(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        select_lender(demo_app, "快易借")  # the longest explanation: both readings
        await pilot.pause()
        detail = demo_app.screen.query_one("#debt-detail")
        assert detail.focusable  # a longer text can be scrolled from the keyboard
        detail.scroll_end(animate=False)
        await pilot.pause()
        assert "more payments until" in screen_text(demo_app)  # the schedule's last line


async def test_chinese_explanation_never_breaks_inside_a_number(demo_path, open_app):
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        rows = [line.strip() for line in screen_lines(app)]
        start = next(i for i, line in enumerate(rows) if "真实年化利率" in line)
        explanation = rows[start + 1 : start + 4]
        assert any("LPR" in line for line in explanation)
        for line in explanation:  # no line starts or ends in the middle of "3.00%"
            assert not re.match(r"^[\d.%]", line) or re.match(r"^\d+\.\d\d%", line), line
            assert not re.search(r"\d\.\d?$", line), line


async def test_upfront_deduction_must_be_less_than_the_amount_borrowed(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", *"某平台")
        for name, value in (("balance", "900"), ("principal", "1000"),
                            ("upfront_deduction", "1000")):
            field(empty_app, name).input.value = value
        await pilot.press("ctrl+s")
        upfront = field(empty_app, "upfront_deduction")
        assert isinstance(empty_app.screen, DebtForm) and upfront.has_class("-invalid")
        assert "less than the amount borrowed" in upfront.error_message
        upfront.input.value = "200"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (debt,) = empty_app.wb.debts.list()
    assert debt.upfront_deduction == Decimal("200.00") and debt.principal == Decimal("1000.00")


async def test_an_app_lender_can_be_marked_licensed_or_not(demo_app, demo_path):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        select_lender(demo_app, "快易借")
        await pilot.press("m")
        form = demo_app.screen
        assert isinstance(form, DebtForm)
        choice = form.query_one("#platform_licensed")
        assert choice.value is None  # "don't know": both readings
        choice.focus()
        await pilot.press("right", "right")  # -> not licensed
        assert choice.value is False
        field(demo_app, "lender").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, InventoryScreen)
        # Now read as private lending: the courts' 4 × LPR limit, not "if it is licensed".
        assert "courts do not support" in " ".join(screen_text(demo_app).split())
    demo_app.wb.close()
    with Workbook.open(demo_path) as wb:
        (debt,) = [d for d in wb.debts.list() if d.lender == "快易借"]
        assert debt.platform_licensed is False

"""Step 2: income and spending tables, the monthly summary, the shortfall message."""

from __future__ import annotations

from decimal import Decimal

from screen_text import screen_text
from textual.widgets import DataTable
from tui_helpers import NASTY, SIZE, TODAY, plain

from tui.budget.expense_form import ExpenseForm
from tui.budget.income_form import IncomeForm
from tui.budget.screen import CapacityScreen
from tui.frame.confirm import ConfirmModal
from tui.widgets.field import Choice, Field
from workbook import fmt
from workbook.models import Debt, ExpenseGroup, ExpenseItem
from workbook.overview import build_overview


async def test_add_income_typed_with_markup_and_chinese(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "a")
        assert isinstance(empty_app.screen, IncomeForm)
        await pilot.press(*NASTY, "tab", *"8000", "tab", "right")  # weekly
        empty_app.screen.query_one("#notes", Field).input.value = NASTY
        await pilot.press("ctrl+s")  # Enter on the frequency would open its list
        await pilot.pause()
        assert isinstance(empty_app.screen, CapacityScreen)
        (item,) = empty_app.wb.incomes.list()
        assert item.name == NASTY and item.notes == NASTY
        assert item.amount == Decimal("8000.00") and item.frequency == "weekly"
        cell = empty_app.screen.query_one("#incomes", DataTable).get_cell_at((0, 0))
        assert str(cell).strip() == NASTY
        await pilot.press("enter")  # Enter on the row edits it
        assert isinstance(empty_app.screen, IncomeForm)
        empty_app.screen.query_one("#amount", Field).input.value = "9000"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert empty_app.wb.incomes.get(item.id).amount == Decimal("9000.00")
        assert len(empty_app.wb.incomes.list()) == 1


async def test_expense_group_suggests_essential_and_edit_validates(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab", "a")  # the focus is on the spending table
        assert isinstance(empty_app.screen, ExpenseForm)
        await pilot.press(*NASTY, "tab", *"300", "tab", "right", "right")  # food: flexible
        assert empty_app.screen.query_one("#essential", Choice).value is False
        empty_app.screen.query_one("#notes", Field).input.value = NASTY
        await pilot.press("ctrl+s")
        await pilot.pause()
        (item,) = empty_app.wb.expenses.list()
        assert (item.name, item.group, item.essential) == (NASTY, ExpenseGroup.FOOD, False)

        await pilot.press("m")
        amount = empty_app.screen.query_one("#amount", Field)
        amount.input.value = "-5"
        await pilot.press("ctrl+s")
        assert isinstance(empty_app.screen, ExpenseForm) and amount.has_class("-invalid")
        amount.input.value = "450"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(empty_app.screen, CapacityScreen)
        assert empty_app.wb.expenses.get(item.id).amount == Decimal("450.00")


async def test_delete_a_line_asks_first(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        before = len(demo_app.wb.incomes.list())
        await pilot.press("2", "d")
        assert isinstance(demo_app.screen, ConfirmModal)
        await pilot.press("escape")
        assert len(demo_app.wb.incomes.list()) == before
        await pilot.press("delete", "y")
        await pilot.pause()
        assert len(demo_app.wb.incomes.list()) == before - 1


async def test_summary_and_ratio_use_what_debts_ask_for_now_as_home_does(demo_app):
    view = build_overview(demo_app.wb.snapshot(), TODAY)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        summary = plain(demo_app, "#capacity-summary")
        assert "¥9,800.00" in summary and "Left for debts" in summary
        # 安家's agreed instalment, not its contract payment: the same figure as home's
        assert fmt.money(view.monthly_payments) in summary
        assert "102.1%" in plain(demo_app, "#capacity-ratio")  # 10,005.46 / 9,800


async def test_ratio_pane_is_shown_in_full_at_80x24(demo_app):
    demo_app.wb.debts.add(Debt("无月供", Decimal("1000")))  # no payment known
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        shown = screen_text(demo_app)
        assert "Payment not known: 1 debt" in shown and "of income goes to debts" in shown


async def test_an_empty_budget_says_how_to_start(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        note = plain(empty_app, "#capacity-shortfall")
        assert empty_app.screen.query_one("#capacity-shortfall").display
        assert "press a" in note and "Tab" in note
        await pilot.press("a", *"工资", "tab", *"5000", "enter")
        await pilot.pause()
        assert not empty_app.screen.query_one("#capacity-shortfall").display


async def test_no_surplus_points_to_token_offers_and_step_7(empty_app):
    empty_app.wb.expenses.add(ExpenseItem("房租", Decimal("3000")))
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        note = plain(empty_app, "#capacity-shortfall")
        assert empty_app.screen.query_one("#capacity-shortfall").display
        assert "token" in note and "step 4" in note and "step 7" in note


async def test_spending_is_listed_group_by_group(demo_app):
    demo_app.wb.expenses.add(ExpenseItem("房租押金分摊", Decimal("100"), ExpenseGroup.HOUSING))
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        screen = demo_app.screen
        table = screen.query_one("#expenses", DataTable)
        keys = [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]
        groups = [list(ExpenseGroup).index(screen._expenses[k].group) for k in keys]
        assert groups == sorted(groups)
        assert screen._expenses[keys[1]].name == "房租押金分摊"  # with the rent, not last

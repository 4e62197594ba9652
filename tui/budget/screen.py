"""Step 2, repayment capacity: income and spending, and what is left each month.

Spending is grouped as in `workbook.budget` (the UK Standard Financial Statement's
groups, each essential or flexible). When nothing is left, the screen says so and
points to the token-offer plan and to step 7.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from tui.budget.bars import bar_chart
from tui.frame.base import StepScreen
from tui.frame.confirm import ConfirmModal
from tui.palette import ScreenAction
from tui.widgets.cells import money_cell, text_cell
from tui.widgets.tables import FitTable, add_columns, selected_key, sync_rows
from tui.widgets.wrap import Wrapped
from workbook import fmt
from workbook.budget import BudgetSummary, monthly_amount, summarise
from workbook.i18n import N_, _
from workbook.models import ZERO, ExpenseGroup, ExpenseItem, IncomeItem
from workbook.overview import debts_as_agreed

if TYPE_CHECKING:
    from storage import Repository
    from tui.frame.form import FormDialog

Line = TypeVar("Line", IncomeItem, ExpenseItem)  # a budget line

INCOME_COLUMNS = (("name", N_("Income")), ("often", N_("How often")),
                  ("amount", N_("Amount")), ("monthly", N_("Per month")))
EXPENSE_COLUMNS = (("name", N_("Spending")), ("group", N_("Group")), ("kind", N_("Kind")),
                   ("often", N_("How often")), ("monthly", N_("Per month")))


GROUP_ORDER = {group: i for i, group in enumerate(ExpenseGroup)}


class CapacityScreen(StepScreen):
    STEP = 2
    AUTO_FOCUS = "#incomes"
    BINDINGS = [
        Binding("a", "add", N_("Add"), id="budget-add"),
        Binding("m", "edit", N_("Edit"), key_display="Enter/m", id="budget-edit"),
        Binding("d,delete", "delete", N_("Delete"), id="budget-delete"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._incomes: dict[str, IncomeItem] = {}
        self._expenses: dict[str, ExpenseItem] = {}

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="capacity-top"):
            yield Static(id="capacity-summary", markup=False)
            yield Static(id="capacity-ratio", markup=False)
        yield Static(id="capacity-shortfall", markup=False)
        with Vertical(id="capacity-tables"):
            incomes = FitTable(flex={"name": 8}, id="incomes", cursor_type="row",
                               cell_padding=0)
            add_columns(incomes, INCOME_COLUMNS, right=("amount", "monthly"))
            yield incomes
            expenses = FitTable(flex={"name": 8, "group": 8}, id="expenses", cursor_type="row",
                                zebra_stripes=True, cell_padding=0)
            add_columns(expenses, EXPENSE_COLUMNS, right=("monthly",))
            yield expenses

    def refresh_data(self) -> None:
        data = self.repay.data()
        self._incomes = {str(i.id): i for i in data.incomes}
        self._expenses = {str(e.id): e for e in data.expenses}
        sync_rows(self.query_one("#incomes", DataTable),
                  [(str(i.id), self._income_cells(i)) for i in data.incomes])
        expenses = self.query_one("#expenses", DataTable)
        sync_rows(expenses, [(str(e.id), self._expense_cells(e)) for e in data.expenses])
        if expenses.row_count:
            expenses.sort("group")  # spending listed group by group, in the SFS order
        # An agreed debt asks for its agreed instalment: the same figure home shows.
        summary = summarise(data.incomes, data.expenses, debts_as_agreed(data), self.today)
        self._show_summary(summary)

    def _income_cells(self, item: IncomeItem) -> list:
        return [
            text_cell(item.name),
            text_cell(fmt.enum_label(item.frequency)),
            money_cell(item.amount),
            money_cell(monthly_amount(item.amount, item.frequency)),
        ]

    def _expense_cells(self, item: ExpenseItem) -> list:
        kind = _("Essential") if item.essential else _("Flexible")
        return [
            text_cell(item.name),
            text_cell(fmt.enum_label(item.group), sort_key=GROUP_ORDER[item.group]),
            text_cell(kind),
            text_cell(fmt.enum_label(item.frequency)),
            money_cell(monthly_amount(item.amount, item.frequency)),
        ]

    def _show_summary(self, s: BudgetSummary) -> None:
        surplus_style = "red" if s.surplus <= 0 else "green"
        chart = bar_chart(
            [
                (_("Income"), s.income, "green"),
                (_("Essential spending"), s.essential, "yellow"),
                (_("Flexible spending"), s.flexible, "yellow"),
                (_("Left for debts"), s.surplus, surplus_style),
                (_("Debts ask for"), s.debt_service, "red"),
            ],
            width=16,
        )
        self.query_one("#capacity-summary", Static).update(chart)
        ratio = Text(_("Debt-service ratio") + "\n", style="bold")
        if s.debt_service_ratio is None:
            ratio.append(_("no income entered"), style="dim")
        else:
            high = s.debt_service_ratio > 1
            ratio.append(f"{fmt.number(s.debt_service_ratio * 100, 1)}%",
                         style="bold red" if high else "bold")
            ratio.append("\n" + _("of income goes to debts"), style="dim")
        if s.unknown_payments:
            unknown = (_("Payment not known: 1 debt") if s.unknown_payments == 1 else
                       _("Payment not known: {n} debts").format(n=s.unknown_payments))
            ratio.append("\n" + unknown, style="dim")
        self.query_one("#capacity-ratio", Static).update(Wrapped(ratio))
        self._show_note(s)

    def _show_note(self, s: BudgetSummary) -> None:
        """One line under the summary: how to start, the shortfall, or nothing."""
        note = self.query_one("#capacity-shortfall", Static)
        note.set_class(False, "-hint")
        if not self._incomes and not self._expenses:
            text = Text(_(
                "Start with your income: press a. Then press Tab to reach the spending "
                "table and press a there for each cost."
            ))
            note.set_class(True, "-hint")
        elif s.surplus <= ZERO:
            text = Text(_(
                "Nothing is left for your debts each month. Offer each lender a small token "
                "payment instead (in step 4, press s until the split says Token payments) "
                "and see step 7 for help."
            ), style="bold")
        elif s.after_debts < ZERO:
            text = Text(_(
                "What is left ({left}) is less than the debts ask for ({ask}): this is what "
                "you will negotiate."
            ).format(left=fmt.money(s.surplus), ask=fmt.money(s.debt_service)))
        else:
            note.display = False
            return
        note.update(Wrapped(text))
        note.display = True

    # -- which table ------------------------------------------------------------------

    def _focused_table(self) -> DataTable:
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id == "expenses":
            return focused
        return self.query_one("#incomes", DataTable)

    def _selected(self) -> IncomeItem | ExpenseItem | None:
        table = self._focused_table()
        key = selected_key(table)
        if key is None:
            return None
        return (self._expenses if table.id == "expenses" else self._incomes).get(key)

    # -- actions --------------------------------------------------------------------------

    def action_add(self) -> None:
        if self._focused_table().id == "expenses":
            self.action_add_expense()
        else:
            self.action_add_income()

    def resume_draft(self, draft: dict) -> bool:
        if draft.get("record_id") is not None:
            return False
        if draft.get("form") == "ExpenseForm":
            self.action_add_expense()
            return True
        if draft.get("form") == "IncomeForm":
            self.action_add_income()
            return True
        return False

    def action_add_income(self) -> None:
        if self.repay.writable():
            from tui.budget.income_form import IncomeForm  # imported when first used
            self._open_form(IncomeForm(None), self.wb.incomes, None, _("Income saved."))

    def action_add_expense(self) -> None:
        if self.repay.writable():
            from tui.budget.expense_form import ExpenseForm  # imported when first used
            self._open_form(ExpenseForm(None), self.wb.expenses, None, _("Spending saved."))

    def action_edit(self) -> None:
        item = self._selected_line()  # None when read-only
        if isinstance(item, ExpenseItem):
            from tui.budget.expense_form import ExpenseForm  # imported when first used
            self._open_form(ExpenseForm(item), self.wb.expenses, item, _("Spending saved."))
        elif item is not None:
            from tui.budget.income_form import IncomeForm  # imported when first used
            self._open_form(IncomeForm(item), self.wb.incomes, item, _("Income saved."))

    def _open_form(
        self, form: FormDialog[Line | None], repo: Repository[Line], item: Line | None, done: str
    ) -> None:
        """The income or spending form (empty to add); saves what it returns."""
        store = repo.add if item is None else repo.update

        def write(result: Line) -> tuple[bool, Line | None]:
            return self.repay.save_or_keep(lambda: store(result), done)

        self.app.push_screen(form.with_writer(write))

    def _selected_line(self) -> IncomeItem | ExpenseItem | None:
        """The line under the cursor of the focused table (a notice when there is none)."""
        if not self.repay.writable():
            return None
        item = self._selected()
        if item is None and self._focused_table().row_count == 0:
            # An empty table has nothing to select: say how to fill it.
            self.notify(_("Nothing in this table yet: press a to add a line."), severity="warning")
        elif item is None:
            self.notify(_("Select a line first."), severity="warning")
        return item

    def action_delete(self) -> None:
        item = self._selected_line()
        if item is None:
            return
        repo = self.wb.incomes if isinstance(item, IncomeItem) else self.wb.expenses
        question = Text(_("Delete this line? This cannot be undone.") + "\n\n")
        question.append(item.name, style="bold")
        question.append("  " + fmt.money(item.amount))

        def done(yes: bool | None) -> None:
            if yes:
                self.repay.save(lambda: repo.delete(item.id), _("Deleted."))

        self.app.push_screen(ConfirmModal(question), done)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_edit()

    def actions(self) -> list[ScreenAction]:
        return [
            ScreenAction(_("Add income"), _("Salary, benefits, help from family"),
                         self.action_add_income),
            ScreenAction(_("Add spending"), _("Rent, food, transport and other costs"),
                         self.action_add_expense),
            ScreenAction(_("Edit the selected line"), _("Key m or Enter"), self.action_edit),
            ScreenAction(_("Delete the selected line"), _("Key d; asks first"),
                         self.action_delete),
        ]

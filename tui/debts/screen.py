"""Step 1, the debt inventory: every debt with totals; add, edit, delete, sort.

The pane under the table explains the selected debt: its true annual rate against
the benchmarks (one sentence from `workbook.money.lpr`) and its next instalments.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from storage.repository import stored_id
from tui.frame.base import StepScreen
from tui.frame.confirm import ConfirmModal
from tui.palette import ScreenAction
from tui.widgets.cells import money_cell, number_cell, text_cell
from tui.widgets.figure_table import FigureTable
from tui.widgets.tables import FitTable, add_columns, selected_key, sync_rows
from tui.widgets.wrap import Wrapped
from workbook import fmt
from workbook.i18n import N_, _
from workbook.links import linked_records, removal_note
from workbook.models import ZERO, Debt, DebtStatus, LenderType
from workbook.money.lpr import benchmark_check
from workbook.money.schedule import debt_monthly_payment, debt_schedule
from workbook.money.truerate import daily_rate_note, debt_true_rate
from workbook.money.upfront import upfront_sentence, upfront_view

# Short type names: the full labels do not fit the table at 80 columns.
TYPE_SHORT = {
    LenderType.BANK: N_("Bank"),
    LenderType.CREDIT_CARD: N_("Card"),
    LenderType.CONSUMER_FINANCE: N_("ConsFin"),
    LenderType.ONLINE_PLATFORM: N_("Online"),
    LenderType.MICROLOAN: N_("Micro"),
    LenderType.PRIVATE: N_("Person"),
    LenderType.OTHER: N_("Other"),
}
STATUS_SHORT = {
    DebtStatus.CURRENT: N_("OK"),
    DebtStatus.OVERDUE: N_("Overdue"),
    DebtStatus.NEGOTIATING: N_("Talking"),
    DebtStatus.AGREED: N_("Agreed"),
    DebtStatus.SETTLED: N_("Settled"),
}
COLUMNS = (
    ("lender", N_("Lender")),
    ("type", N_("Type")),
    ("balance", N_("Balance")),
    ("apr", N_("APR")),
    ("monthly", N_("Instalment")),
    ("due", N_("Due")),
    ("status", N_("Status")),
    ("late", N_("Days late")),
)
RIGHT = ("balance", "apr", "monthly", "due", "late")  # right-aligned figures and headers
# What `s` steps through: (column, newest/biggest first?)
SORTS = (("lender", False), ("balance", True), ("apr", True), ("monthly", True),
         ("due", False), ("status", False), ("late", True))
SCHEDULE_ROWS = 4


class InventoryScreen(StepScreen):
    STEP = 1
    AUTO_FOCUS = "#debts"
    BINDINGS = [
        Binding("a", "add", N_("Add"), id="debt-add"),
        Binding("m", "edit", N_("Edit"), key_display="Enter/m", id="debt-edit"),
        Binding("d,delete", "delete", N_("Delete"), id="debt-delete"),
        Binding("s", "sort", N_("Sort"), id="debt-sort"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._debts: dict[str, Debt] = {}
        self._sort = 0
        self._cursor_key: str | None = None  # kept across a language switch (recompose)

    def compose_body(self) -> ComposeResult:
        table = FitTable(flex={"lender": 8}, id="debts", cursor_type="row",
                         zebra_stripes=True, cell_padding=0)
        add_columns(table, COLUMNS, RIGHT)
        yield table
        yield Static(id="debt-totals", markup=False)
        # Focusable (Tab) so a long explanation can be scrolled from the keyboard.
        with VerticalScroll(id="debt-detail"):
            yield Static(id="debt-check", markup=False)
            yield Static(id="debt-schedule", markup=False)

    @property
    def table(self) -> DataTable:
        return self.query_one("#debts", DataTable)

    def refresh_data(self) -> None:
        debts = self.repay.data().debts
        self._debts = {str(d.id): d for d in debts}
        sync_rows(self.table, [(str(d.id), self._cells(d)) for d in debts])
        self._apply_sort()
        if self._cursor_key in self._debts and selected_key(self.table) != self._cursor_key:
            self._move_to(self._cursor_key)
        self._show_totals(debts)
        self._show_detail()

    def _cells(self, debt: Debt) -> list:
        true = debt_true_rate(debt, self.today)
        apr = true.apr * 100 if true is not None else None
        monthly = debt_monthly_payment(debt, self.today)
        late = debt.overdue_days or 0
        return [
            text_cell(debt.lender),
            text_cell(_(TYPE_SHORT[debt.lender_type])),
            money_cell(debt.balance),
            number_cell(apr, f"{fmt.number(apr)}%" if apr is not None else None),
            money_cell(monthly),
            number_cell(debt.due_day),
            text_cell(_(STATUS_SHORT[debt.status]), sort_key=list(DebtStatus).index(debt.status)),
            number_cell(late, str(late) if late else fmt.EMPTY, "bold red" if late else ""),
        ]

    def _show_totals(self, debts: list[Debt]) -> None:
        open_debts = [d for d in debts if d.status != DebtStatus.SETTLED]
        balance = sum((d.balance for d in open_debts), ZERO)
        monthly = sum((debt_monthly_payment(d, self.today) or ZERO for d in open_debts), ZERO)
        column, descending = SORTS[self._sort]
        label = dict(COLUMNS)[column]
        line = Text(no_wrap=True)
        count = _("1 debt") if len(debts) == 1 else _("{n} debts").format(n=len(debts))
        line.append(count, style="bold")
        line.append("  " + _("Total {amount}").format(amount=fmt.money(balance)))
        line.append("  " + _("Contract monthly {amount}").format(amount=fmt.money(monthly)))
        line.append("  " + _("Sorted by {column}").format(column=_(label)), style="dim")
        self.query_one("#debt-totals", Static).update(line)

    def selected(self) -> Debt | None:
        key = selected_key(self.table)
        return self._debts.get(key) if key else None

    def _show_detail(self) -> None:
        debt = self.selected()
        check = self.query_one("#debt-check", Static)
        schedule = self.query_one("#debt-schedule", Static)
        if debt is None:
            check.update(Text(_("No debts yet. Press a to add the first one."), style="dim"))
            schedule.update("")
            return
        check.update(self._rate_sentence(debt))
        schedule.update(self._schedule_table(debt))

    def _rate_sentence(self, debt: Debt) -> Wrapped:
        text = Text()
        text.append(debt.lender, style="bold")
        true = debt_true_rate(debt, self.today)
        if true is not None:
            text.append("  " + _("True annual rate {apr} (effective {ear})").format(
                apr=f"{fmt.number(true.apr * 100)}%", ear=f"{fmt.number(true.ear * 100)}%"))
        result = benchmark_check(debt, self.today, self.repay.extra_lpr())
        style = "bold red" if result.above_24 else "yellow" if result.above_four_lpr else ""
        text.append("\n")
        text.append(result.explanation, style=style)
        daily = daily_rate_note(debt.rate)
        if daily:  # a daily rate: both yearly conventions, since lenders use either
            text.append("\n" + daily)
        upfront = upfront_view(debt, self.today)
        if upfront is not None:  # 砍头息: the principal is what was received (Art. 670)
            text.append("\n" + upfront_sentence(upfront))
        return Wrapped(text)  # Chinese breaks between characters, never inside "3.00%"

    def _schedule_table(self, debt: Debt) -> FigureTable | Text:
        rows = debt_schedule(debt, self.today)
        if not rows:
            return Text(_("No schedule: it needs a balance, a rate and a term or payment."),
                        style="dim")
        headers = (_("Due date"), _("Payment"), _("Principal"), _("Interest"), _("Fees"),
                   _("Balance after"))
        caption = None
        if len(rows) > SCHEDULE_ROWS:
            caption = _("{n} more payments until {date}").format(
                n=len(rows) - SCHEDULE_ROWS, date=fmt.date_(rows[-1].due))
        # Too wide for the screen (amounts in millions): Fees go first, then Principal,
        # then Interest; the date, the payment and the balance always stay, whole.
        return FigureTable(headers, [
            (fmt.date_(row.due), fmt.money(row.payment), fmt.money(row.principal),
             fmt.money(row.interest), fmt.money(row.fees), fmt.money(row.balance))
            for row in rows[:SCHEDULE_ROWS]
        ], drop=(4, 2, 3), caption=caption)

    @on(DataTable.RowHighlighted, "#debts")
    def _highlighted(self) -> None:
        self._cursor_key = selected_key(self.table)
        self._show_detail()

    @on(DataTable.RowSelected, "#debts")
    def _selected(self) -> None:
        self.action_edit()

    @on(DataTable.HeaderSelected, "#debts")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        keys = [c for c, _d in SORTS]
        column = event.column_key.value
        if column in keys:
            self._sort = keys.index(column)
            self._apply_sort()
            self._show_totals(list(self._debts.values()))

    # -- sort -----------------------------------------------------------------------------

    def _apply_sort(self) -> None:
        column, descending = SORTS[self._sort]
        if self.table.row_count:
            self.table.sort(column, reverse=descending)

    def action_sort(self) -> None:
        self._sort = (self._sort + 1) % len(SORTS)
        self._apply_sort()
        self._show_totals(list(self._debts.values()))

    # -- add, edit, delete ----------------------------------------------------------------

    def action_add(self) -> None:
        if not self.repay.writable():
            return
        def write(debt: Debt) -> tuple[bool, Debt | None]:
            return self.repay.save_or_keep(lambda: self.wb.debts.add(debt), _("Debt saved."))

        def done(saved: Debt | None) -> None:
            if saved is not None:
                self.call_after_refresh(self._move_to, str(saved.id))

        from tui.debts.debt_form import DebtForm  # imported when first used
        self.app.push_screen(DebtForm().with_writer(write), done)

    def _selected_to_change(self) -> Debt | None:
        """The selected debt when it may be changed; otherwise None and a notice."""
        if not self.repay.writable():
            return None
        debt = self.selected()
        if debt is None and not self.repay.data().debts:
            self.notify(_("No debts yet: press a to add one."), severity="warning")
        elif debt is None:
            self.notify(_("Select a debt first."), severity="warning")
        return debt

    def resume_draft(self, draft: dict) -> bool:
        if draft.get("form") == "DebtForm" and draft.get("record_id") is not None:
            debt = next((d for d in self.repay.data().debts if d.id == draft["record_id"]), None)
            if debt is None or not self.repay.writable():
                return False
            self._edit(debt)
            return True
        return super().resume_draft(draft)

    def action_edit(self) -> None:
        debt = self._selected_to_change()
        if debt is None:
            return
        self._edit(debt)

    def _edit(self, debt: Debt) -> None:

        def write(changed: Debt) -> tuple[bool, Debt | None]:
            return self.repay.save_or_keep(lambda: self.wb.debts.update(changed), _("Debt saved."))

        from tui.debts.debt_form import DebtForm  # imported when first used
        self.app.push_screen(DebtForm(debt).with_writer(write))

    def action_delete(self) -> None:
        debt = self._selected_to_change()
        if debt is None:
            return
        debt_id = stored_id(debt)
        linked = linked_records(self.repay.data(), debt_id)
        question = Text(_("Delete this debt? This cannot be undone.") + "\n\n")
        question.append(debt.lender, style="bold")
        question.append("  " + fmt.money(debt.balance))
        note = removal_note(linked)
        if note:
            question.append("\n\n" + note)

        def done(yes: bool | None) -> None:
            if yes:
                self.repay.save(lambda: self.wb.delete_debt(debt_id), _("Debt deleted."))

        self.app.push_screen(ConfirmModal(question), done)

    def _move_to(self, key: str) -> None:
        try:
            self.table.move_cursor(row=self.table.get_row_index(key))
        except RowDoesNotExist:  # gone again in a later refresh
            pass

    def actions(self) -> list[ScreenAction]:
        return [
            ScreenAction(_("Add a debt"), _("Key a"), self.action_add),
            ScreenAction(_("Edit the selected debt"), _("Key m or Enter"), self.action_edit),
            ScreenAction(_("Delete the selected debt"), _("Key d; asks first"), self.action_delete),
            ScreenAction(_("Sort the debts"), _("Key s: next column"), self.action_sort),
        ]


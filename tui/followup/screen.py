"""Step 6, after the agreement: the agreements, what is due and late, next actions.

The top table lists every agreement (and every accepted proposal still waiting for
its agreement); the one below, instalments due in the next 30 days and overdue ones
across all agreements; then the next actions from the communication log.

Saving an agreement or a payment also moves the debt's status along (in negotiation
-> agreed -> settled, `workbook.followup.agreements.debt_status_after`): both writes go into
one `Workbook.batch()`, so they reach the disk together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from tui.followup import writes
from tui.followup.schedule_view import ScheduleView
from tui.followup.view import (
    agreement_cells,
    awaiting_agreement,
    debt_choice_line,
    debts_to_agree,
    draft_agreement,
    due_cells,
    progress_line,
    waiting_cells,
)
from tui.frame.base import StepScreen
from tui.frame.confirm import ConfirmModal
from tui.frame.export_context import ExportContext
from tui.frame.needs import need_agreement_message, need_debt_message
from tui.palette import ScreenAction
from tui.widgets.cells import CroppedLines
from tui.widgets.tables import FitTable, add_columns, selected_key, sync_rows
from workbook import fmt
from workbook.followup.agreements import agreement_schedule
from workbook.followup.dues import dues_within
from workbook.followup.instalments import (
    InstalmentState,
    agreement_progress,
    next_actions,
)
from workbook.guide.wording import labelled
from workbook.i18n import N_, _
from workbook.models import Agreement, Debt, Payment

DAYS_AHEAD = 30
AGREEMENT_COLUMNS = (
    ("lender", N_("Lender")),
    ("total", N_("Total")),
    ("paid", N_("Paid")),
    ("count", N_("No.")),
    ("next", N_("Next due")),
    ("check", N_("Checks")),
    ("state", N_("State")),
)
DUE_COLUMNS = (
    ("due", N_("Due date")),
    ("lender", N_("Lender")),
    ("number", N_("No.")),
    ("left", N_("Left to pay")),
    ("status", N_("Status")),
)


class FollowupScreen(StepScreen):
    STEP = 6
    AUTO_FOCUS = "#agreements"
    # Short words: with "? Keys" and "Ctrl+P All actions" the footer must fit 80
    # columns in both languages (a test renders it). The palette says each in full.
    BINDINGS = [
        Binding("a", "add", N_("Add"), id="agreement-add"),
        Binding("m", "edit", N_("Edit"), id="agreement-edit"),
        Binding("x", "checklist", N_("Check"), id="agreement-checklist"),
        Binding("r", "record_payment", N_("Paid"), id="payment-add"),
        Binding("s", "schedule", N_("Schedule"), id="agreement-schedule"),
        Binding("c", "open_log", N_("Log"), id="open-log"),
        Binding("d,delete", "delete", N_("Delete"), show=False, id="agreement-delete"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._agreements: dict[str, Agreement] = {}
        self._waiting: dict[str, Debt] = {}
        self._due: dict[str, InstalmentState] = {}
        self._select_next: str | None = None  # row to put the cursor on after a save
        self._current: str | None = None  # the highlighted row, kept across a language switch

    def compose_body(self) -> ComposeResult:
        yield Static(id="agreements-title", classes="section-title", markup=False)
        agreements = FitTable(flex={"lender": 8}, id="agreements", cursor_type="row",
                              cell_padding=0)
        add_columns(agreements, AGREEMENT_COLUMNS, right=("total", "paid"))
        yield agreements
        yield Static(id="agreement-line", markup=False)
        yield Static(_("Due in the next {days} days, and overdue").format(days=DAYS_AHEAD),
                     classes="section-title", markup=False)
        due = FitTable(flex={"lender": 8}, id="due", cursor_type="row", cell_padding=0)
        add_columns(due, DUE_COLUMNS, right=("number", "left"))
        yield due
        yield Static(id="next-actions-title", classes="section-title", markup=False)
        # One line each, so several show at once; Tab reaches the list to scroll it.
        with VerticalScroll(id="next-actions"):
            yield Static(id="next-actions-list", markup=False)

    # -- filling ----------------------------------------------------------------------

    @property
    def agreements_table(self) -> DataTable:
        return self.query_one("#agreements", DataTable)

    @property
    def due_table(self) -> DataTable:
        return self.query_one("#due", DataTable)

    def lenders(self) -> dict[int | None, str]:
        return {d.id: d.lender for d in self.repay.data().debts}

    def refresh_data(self) -> None:
        data = self.repay.data()
        lenders = self.lenders()
        self._agreements = {f"a{a.id}": a for a in data.agreements}
        self._waiting = {f"p{d.id}": d for d in awaiting_agreement(data)}
        payments = data.payments
        rows = [(key, agreement_cells(a, agreement_progress(a, payments, self.today),
                                      lenders.get(a.debt_id, "?")))
                for key, a in self._agreements.items()]
        rows += [(key, waiting_cells(d)) for key, d in self._waiting.items()]
        sync_rows(self.agreements_table, rows)
        target = self._select_next or self._current
        if target in self._agreements or target in self._waiting:
            index = self.agreements_table.get_row_index(target)
            self.agreements_table.move_cursor(row=index, animate=False)
        self._select_next = None
        self.query_one("#agreements-title", Static).update(Text(
            _("Agreements ({n})").format(n=len(self._agreements))))

        # Every open debt: agreed instalments, contract payments and debts recorded late.
        due = dues_within(data.debts, data.agreements, data.payments, self.today, DAYS_AHEAD)
        self._due = {f"{s.source[0]}{s.agreement_id}-{s.debt_id}-{s.number}": s for s in due}
        sync_rows(self.due_table, [
            (key, due_cells(s, lenders.get(s.debt_id, "?"), s.count))
            for key, s in self._due.items()
        ])
        if self.due_table.row_count:
            self.due_table.sort("due", "number")
        self._show_actions()
        self._show_line()

    def _show_actions(self) -> None:
        actions = next_actions(self.repay.data().communications, self.today, DAYS_AHEAD)
        text = Text()
        for n, comm in enumerate(actions):
            due = comm.next_action_date  # never None: next_actions keeps dated ones
            late = due is not None and due < self.today
            text.append("\n" if n else "")
            text.append(fmt.date_(comm.next_action_date), style="bold red" if late else "bold")
            text.append(labelled(f"  {comm.lender.strip()}", ""))
            text.append(" ".join(comm.next_action.split()) or _("(no description)"))
        self.query_one("#next-actions-title", Static).update(Text(
            _("Next actions from the log: {n} (c opens it)").format(n=len(actions))))
        if not actions:
            text.append(_("No next actions due in the next {days} days.").format(days=DAYS_AHEAD),
                        style="dim")
        # one line each, a long one cut with "..." at the width there is
        self.query_one("#next-actions-list", Static).update(CroppedLines(text))

    def _show_line(self) -> None:
        line = self.query_one("#agreement-line", Static)
        key = selected_key(self.agreements_table)
        agreement = self._agreements.get(key or "")
        if agreement is not None:
            progress = agreement_progress(agreement, self.repay.data().payments, self.today)
            line.update(Text(progress_line(agreement, progress)))
        elif key in self._waiting:
            line.update(Text(_("The proposal was accepted: press Enter to record the agreement "
                               "from it."), style="yellow"))
        else:
            line.update(Text(_("No agreements yet. Press a to record one once a lender has "
                               "agreed."), style="dim"))

    @on(DataTable.RowHighlighted, "#agreements")
    def _highlighted(self) -> None:
        self._current = selected_key(self.agreements_table)
        self._show_line()

    @on(DataTable.RowSelected, "#agreements")
    def _selected(self) -> None:
        self.action_edit()

    @on(DataTable.RowSelected, "#due")
    def _due_selected(self) -> None:
        self.action_record_payment()

    # -- what is selected -------------------------------------------------------------

    def selected_agreement(self) -> Agreement | None:
        if self.due_table.has_focus:
            state = self._due.get(selected_key(self.due_table) or "")
            if state is not None:
                return next((a for a in self._agreements.values()
                             if a.id == state.agreement_id), None)
        return self._agreements.get(selected_key(self.agreements_table) or "")

    def _need_agreement(self) -> Agreement | None:
        agreement = self.selected_agreement()
        state = self._due.get(selected_key(self.due_table) or "")
        if agreement is None and self.due_table.has_focus and state is not None:
            self.notify(_("This debt has no agreement yet: payments are recorded against an "
                          "agreement (press a to record one)."), severity="warning")
        elif agreement is None and not self._agreements:
            # Nothing to pick: say how to make one (or that a debt comes first).
            self.notify(need_agreement_message(self.repay.data().debts), severity="warning")
        elif agreement is None:
            self.notify(_("Pick an agreement in the table first."), severity="warning")
        return agreement

    # -- saving -----------------------------------------------------------------------

    def _save_batch(self, write: Callable[[], object], done: str) -> tuple[bool, object]:
        def batched() -> object:
            with self.wb.batch():
                return write()

        return self.repay.save_or_keep(batched, done)

    def save_agreement(self, agreement: Agreement) -> tuple[bool, object]:
        write = writes.agreement_write(self.wb, self.repay.data(), agreement)
        ok, saved = self._save_batch(write, _("Agreement saved."))
        if isinstance(saved, Agreement):
            self._select_next = f"a{saved.id}"
        return ok, saved

    def save_payment(self, payment: Payment, agreement: Agreement) -> tuple[bool, object]:
        write = writes.payment_write(self.wb, self.repay.data(), payment, agreement)
        return self._save_batch(write, _("Payment saved."))

    def delete_payment(self, payment_id: int, agreement: Agreement) -> None:
        write = writes.payment_delete(self.wb, self.repay.data(), payment_id, agreement)
        self._save_batch(write, _("Payment deleted."))

    # -- actions ----------------------------------------------------------------------

    def action_add(self) -> None:
        if not self.repay.writable():
            return
        data = self.repay.data()
        choices = debts_to_agree(data)
        if not choices:
            self.notify(need_debt_message(data.debts), severity="warning")
            return

        def picked(debt_id: int | None) -> None:
            debt = next((c.debt for c in choices if c.debt.id == debt_id), None)
            if debt is not None:
                self._open_new(debt)

        widest = max(cell_len(fmt.money(c.debt.balance)) for c in choices)
        lines = [(c.debt.id or 0, debt_choice_line(c, widest)) for c in choices]
        from tui.frame.pick import PickRecord  # imported when first used
        self.app.push_screen(PickRecord(_("Which debt is the agreement for?"), lines), picked)

    def _open_new(self, debt: Debt) -> None:
        draft, note = draft_agreement(debt, self.repay.data().proposals, self.today)
        from tui.followup.agreement_form import AgreementForm  # imported when first used

        self.app.push_screen(
            AgreementForm(draft, debt.lender, new=True, note=note).with_writer(self.save_agreement)
        )

    def action_edit(self) -> None:
        if not self.repay.writable():  # before a form, not after typing into it
            return
        key = selected_key(self.agreements_table) or ""
        if key in self._waiting:
            self._open_new(self._waiting[key])
            return
        agreement = self._need_agreement()
        if agreement is not None:
            from tui.followup.agreement_form import AgreementForm  # imported when first used

            self.app.push_screen(
                AgreementForm(agreement, self.lenders().get(agreement.debt_id, ""), new=False)
                .with_writer(self.save_agreement)
            )

    def action_checklist(self) -> None:
        if not self.repay.writable():  # before a form, not after typing into it
            return
        agreement = self._need_agreement()
        if agreement is not None:
            from tui.followup.checklist import ChecklistDialog  # imported when first used

            self.app.push_screen(
                ChecklistDialog(agreement, self.lenders().get(agreement.debt_id, ""))
                .with_writer(self.save_agreement)
            )

    def action_record_payment(self) -> None:
        if not self.repay.writable():  # before a form, not after typing into it
            return
        agreement = self._need_agreement()
        if agreement is None:
            return
        state = None
        if self.due_table.has_focus:
            state = self._due.get(selected_key(self.due_table) or "")
        if state is None:
            state = agreement_progress(agreement, self.repay.data().payments, self.today).next_due
        if state is None:
            self.notify(_("Everything under this agreement is paid."))
            return
        count = len(agreement_schedule(agreement))
        hint = _("Instalment {n} of {count}, due {date}: {amount} left to pay.").format(
            n=state.number, count=count, date=fmt.date_(state.due),
            amount=fmt.money(state.remaining))
        from tui.followup.payment_form import PaymentForm  # imported when first used
        form = PaymentForm(agreement, self.lenders().get(agreement.debt_id, ""),
                           state.remaining, self.today, hint, self.repay.data().payments)
        self.app.push_screen(
            form.with_writer(lambda payment: self.save_payment(payment, agreement)))

    def action_schedule(self) -> None:
        agreement = self._need_agreement()
        if agreement is None:
            return
        view = ScheduleView(agreement, self.lenders().get(agreement.debt_id, ""),
                            self.repay.data().payments, self.today)

        def closed(payment_id: int | None) -> None:
            if payment_id is not None:
                self._confirm_payment_delete(payment_id, agreement)

        self.app.push_screen(view, closed)

    def _confirm_payment_delete(self, payment_id: int, agreement: Agreement) -> None:
        payment = next((p for p in self.repay.data().payments if p.id == payment_id), None)
        if payment is None:
            return
        question = _("Delete the payment of {amount} made on {date}?").format(
            amount=fmt.money(payment.amount), date=fmt.date_(payment.paid_on))

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete_payment(payment_id, agreement)

        self.app.push_screen(ConfirmModal(question), answered)

    def action_delete(self) -> None:
        agreement = self._agreements.get(selected_key(self.agreements_table) or "")
        if agreement is None or agreement.id is None:
            self._need_agreement()
            return
        data = self.repay.data()
        payments = [p for p in data.payments if p.agreement_id == agreement.id]
        question = _("Delete the agreement with {lender} and its {n} recorded payments?").format(
            lender=self.lenders().get(agreement.debt_id, ""), n=len(payments))
        write = writes.agreement_delete(self.wb, data, agreement, payments)

        def answered(yes: bool | None) -> None:
            if yes:
                self._save_batch(write, _("Agreement deleted."))

        self.app.push_screen(ConfirmModal(question), answered)

    def export_context(self) -> ExportContext:
        """`e` offers the selected agreement's checklist and schedule."""
        agreement = self.selected_agreement()
        if agreement is None:
            return ExportContext()
        return ExportContext(agreement_id=agreement.id)

    def action_open_log(self) -> None:
        self.repay.show_log()

    def actions(self) -> list[ScreenAction]:
        return [
            ScreenAction(_("Record an agreement"), _("Prefilled from the debt's proposal"),
                         self.action_add),
            ScreenAction(_("Edit the agreement"), _("Key m or Enter"), self.action_edit),
            ScreenAction(_("Tick the confirmation checklist"), _("Key x"), self.action_checklist),
            ScreenAction(_("Record a payment"), _("Part payments are fine (key r)"),
                         self.action_record_payment),
            ScreenAction(_("Show the instalment schedule"), _("And the payments made (key s)"),
                         self.action_schedule),
            ScreenAction(_("Delete the agreement"), _("Asks first (key d)"), self.action_delete),
        ]

"""An agreement's whole instalment schedule and the payments made against it.

The schedule is generated from the agreement (`workbook.followup.agreements`) and the payments
are allocated to it in due order (`workbook.followup.instalments`). A payment typed by mistake is
removed from here: `d` on the payments table answers with its id (the screen asks
for confirmation and deletes it).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static

from tui.followup.view import STATUS_STYLES, progress_line, status_label
from tui.widgets.cells import date_cell, money_cell, number_cell, styled_cell, text_cell
from tui.widgets.keybar import KeyBar
from tui.widgets.tables import FitTable, add_columns, selected_key
from workbook.followup.instalments import agreement_progress, instalment_states
from workbook.i18n import N_, _
from workbook.models import Agreement, Payment


class ScheduleView(ModalScreen[int | None]):
    BINDINGS = [
        Binding("escape", "close", N_("Close"), key_display="Esc", id="close"),
        Binding("d,delete", "delete_payment", N_("Delete payment"), id="payment-delete"),
    ]

    def __init__(
        self, agreement: Agreement, lender: str, payments: Sequence[Payment], today: date
    ) -> None:
        super().__init__(classes="dialog")
        self.agreement = agreement
        self.lender = lender
        self.payments = sorted(
            (p for p in payments if p.agreement_id == agreement.id),
            key=lambda p: (p.paid_on, p.id or 0),
        )
        self.today = today

    def compose(self) -> ComposeResult:
        a = self.agreement
        progress = agreement_progress(a, self.payments, self.today)
        with Vertical(classes="dialog-box schedule-box"):
            yield Static(Text(_("Schedule of the agreement with {lender}").format(
                lender=self.lender), style="bold"), classes="dialog-title")
            yield Static(Text(progress_line(a, progress)), classes="schedule-progress")
            instalments: DataTable = DataTable(id="schedule-table", cursor_type="row",
                                              cell_padding=0)
            add_columns(instalments, (("no", N_("No.")), ("due", N_("Due date")),
                                      ("amount", N_("Amount")), ("paid", N_("Paid")),
                                      ("left", N_("Left to pay")), ("status", N_("Status"))),
                        right=("no", "amount", "paid", "left"))
            for s in instalment_states(a, self.payments, self.today):
                instalments.add_row(
                    number_cell(s.number), date_cell(s.due), money_cell(s.amount),
                    money_cell(s.paid), money_cell(s.remaining),
                    styled_cell(status_label(s), STATUS_STYLES[s.status], s.days_overdue),
                )
            yield instalments
            yield Static(Text(_("Payments made (d deletes one typed by mistake)"),
                              style="bold"), classes="schedule-heading")
            paid = FitTable(flex={"how": 8, "reference": 8}, id="payments-table",
                            cursor_type="row", cell_padding=0)
            add_columns(paid, (("paid_on", N_("Date paid")), ("amount", N_("Amount")),
                               ("how", N_("How")), ("reference", N_("Reference"))),
                        right=("amount",))
            for p in self.payments:
                paid.add_row(date_cell(p.paid_on), money_cell(p.amount),
                             text_cell(p.method), text_cell(p.reference), key=str(p.id))
            yield paid
            if not self.payments:
                yield Static(Text(_("No payments recorded yet."), style="dim"))
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Close"), id="close")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#schedule-table", DataTable).focus()

    def action_delete_payment(self) -> None:
        table = self.query_one("#payments-table", DataTable)
        key = selected_key(table)
        if not table.has_focus or key is None:
            self.notify(_("Move to the payments table (Tab) and pick the payment first."),
                        severity="warning")
            return
        self.dismiss(int(key))

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)

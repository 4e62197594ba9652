"""Record a payment made under an agreement: the date, the amount, how and a reference.

A part payment is fine: `workbook.followup.instalments` allocates what was paid to the instalments
in due order, so whatever is left of an instalment stays owed. A payment far above what
is due (`workbook.followup.payment_check`) is asked about before it is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.followup.view import sentences
from tui.frame.form import FormDialog
from tui.widgets.field import Field, text_parser
from workbook import fmt
from workbook.followup.payment_check import far_above
from workbook.i18n import _
from workbook.models import Agreement, Payment
from workbook.parse import parse_date, parse_money


class PaymentForm(FormDialog[Payment | None]):
    def __init__(
        self,
        agreement: Agreement,
        lender: str,
        amount: Decimal,
        today: date,
        hint: str = "",
        payments: Sequence[Payment] = (),
    ) -> None:
        super().__init__(_("Record a payment to {lender}").format(lender=lender))
        self.agreement = agreement
        self.agreement_id = agreement.id or 0
        self.payments = list(payments)  # already recorded: what is left and due depends on them
        self.amount = amount
        self.today = today
        self.hint = hint

    def compose_fields(self) -> ComposeResult:
        if self.hint:
            yield Static(Text(self.hint), classes="form-hint")
        yield Field(_("Date paid *"), parse_date, fmt.date_(self.today), id="paid_on")
        yield Field(_("Amount paid *"), partial(parse_money, allow_zero=False),
                    fmt.number(self.amount), id="amount")
        yield Field(_("How you paid"), text_parser, "", id="method",
                    placeholder=_("e.g. in the lender's app, bank transfer"))
        yield Field(_("Reference"), text_parser, "", id="reference",
                    placeholder=_("transaction or receipt number"))
        yield Static(Text(_("A part payment is fine: the rest of the instalment stays owed."),
                          style="dim"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#amount", Field).focus()

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        if values["paid_on"] > self.today:
            return {"paid_on": _("The date paid cannot be after today.")}
        return {}

    def confirm_first(self, record: Payment | None) -> str | None:
        if record is None:
            return None
        found = far_above(self.agreement, self.payments, record.amount, self.today)
        if found is None:
            return None
        amount = fmt.money(record.amount)
        if found.kind == "beyond_left":
            question = _("{amount} is more than everything left under this agreement "
                         "({left}).").format(amount=amount, left=fmt.money(found.left))
        else:
            question = _("{amount} is more than three times what is due now "
                         "({due}).").format(amount=amount, due=fmt.money(found.due_now))
        return sentences([question, _("Check for an extra zero or 万. Save it anyway?")])

    def build(self, values: dict[str, Any]) -> Payment:
        return Payment(
            agreement_id=self.agreement_id,
            paid_on=values["paid_on"],
            amount=values["amount"],
            method=values["method"],
            reference=values["reference"],
        )

"""Add or edit a debt: every field of `workbook.models.Debt`, in four groups."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from functools import partial
from typing import Any

from textual.app import ComposeResult

from tui.frame.form import FormDialog, enum_options, shown
from tui.widgets.field import Choice, Field, Toggles, required_text, text_parser
from workbook.i18n import _
from workbook.models import ZERO, Channel, Debt, DebtStatus, LenderType, RepaymentMethod
from workbook.parse import (
    parse_date,
    parse_due_day,
    parse_int,
    parse_money,
    parse_percent,
    parse_rate,
)

optional_money = partial(parse_money, required=False)


class DebtForm(FormDialog[Debt | None]):
    AUTO_FOCUS = "#lender Input"

    def __init__(self, debt: Debt | None = None) -> None:
        super().__init__(_("Edit debt") if debt is not None else _("Add a debt"))
        self.debt = debt
        self.draft_record_id = debt.id if debt is not None else None

    def _v(self, name: str) -> Any:
        return getattr(self.debt, name) if self.debt is not None else None

    def compose_fields(self) -> ComposeResult:
        v = self._v
        yield self.group(_("Lender"))
        yield Field(_("Lender *"), required_text(_("Enter the lender's or platform's name.")),
                    v("lender") or "", id="lender", placeholder=_("e.g. bank, app or person"))
        yield Choice(_("Type of lender"), enum_options(LenderType),
                     v("lender_type") or LenderType.OTHER, id="lender_type")
        yield Field(_("Product"), text_parser, v("product") or "", id="product")
        yield Field(_("Contract number"), text_parser, v("contract_number") or "",
                    id="contract_number")
        yield Field(_("Lender's phone"), text_parser, v("contact_phone") or "", id="contact_phone")
        yield Field(_("Lender contacts"), text_parser, v("contact_notes") or "",
                    id="contact_notes")

        yield self.group(_("Amounts"))
        yield Field(_("Balance owed *"), parse_money, shown(v("balance")), id="balance",
                    placeholder="12,345.67")
        yield Field(_("Amount borrowed"), optional_money, shown(v("principal")), id="principal")
        yield Field(_("Overdue amount"), optional_money, shown(v("overdue_amount")),
                    id="overdue_amount")
        yield Field(_("Days overdue"), partial(parse_int, required=False),
                    shown(v("overdue_days")), id="overdue_days")
        yield Field(_("Penalty and fees"), optional_money, shown(v("penalty_fees")),
                    id="penalty_fees")

        yield self.group(_("Terms"))
        yield Field(_("Rate (with unit)"), partial(parse_rate, required=False), shown(v("rate")),
                    id="rate", placeholder=_("e.g. 18% a year, 日息万五"))
        yield Choice(_("Repayment method"), enum_options(RepaymentMethod),
                     v("method") or RepaymentMethod.EQUAL_INSTALMENT, id="method")
        yield Field(_("Term in months"), partial(parse_int, required=False, minimum=1, maximum=600),
                    shown(v("term_months")), id="term_months")
        yield Field(_("Start date"), partial(parse_date, required=False), shown(v("start_date")),
                    id="start_date", placeholder="2025-06-01")
        yield Field(_("Due day (1-31)"), partial(parse_due_day, required=False),
                    shown(v("due_day")), id="due_day")
        yield Field(_("Monthly payment"), optional_money, shown(v("monthly_payment")),
                    id="monthly_payment")
        yield Field(_("Deducted upfront"), optional_money, shown(v("upfront_deduction")),
                    id="upfront_deduction")
        yield Field(_("Monthly fee"), optional_money, shown(v("monthly_fee")), id="monthly_fee")
        yield Field(_("Card minimum %"), partial(parse_percent, required=False),
                    shown(v("card_min_percent") if self.debt else Decimal("10")),
                    id="card_min_percent")
        yield Field(_("Card minimum floor"), optional_money,
                    shown(v("card_min_floor") if self.debt else Decimal("100")),
                    id="card_min_floor")

        yield self.group(_("Status and notes"))
        yield Choice(_("Status"), enum_options(DebtStatus), v("status") or DebtStatus.CURRENT,
                     id="status")
        # Kept out of the first group so its tab order is unchanged. The lender behind an app may or may not be licensed: the rate verdict differs.
        yield Choice(_("If an app: lender licensed?"),
                     [(_("Don't know"), None), (_("Licensed institution"), True),
                      (_("Not licensed"), False)],
                     v("platform_licensed"), id="platform_licensed")
        yield Toggles(_("Channels"), enum_options(Channel), v("channels") or [], id="channels")
        yield Field(_("Notes"), text_parser, v("notes") or "", id="notes")

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        errors = {}
        principal, upfront = values.get("principal"), values.get("upfront_deduction")
        if principal is not None and upfront is not None and upfront >= principal > 0:
            errors["upfront_deduction"] = _(
                "What was deducted upfront must be less than the amount borrowed."
            )
        return errors

    def build(self, values: dict[str, Any]) -> Debt:
        def money_or_zero(name: str) -> Decimal:
            value = values.get(name)
            return ZERO if value is None else value

        fields = dict(
            lender=values["lender"],
            lender_type=values["lender_type"],
            platform_licensed=values["platform_licensed"],
            product=values["product"],
            contract_number=values["contract_number"],
            contact_phone=values["contact_phone"],
            contact_notes=values["contact_notes"],
            balance=values["balance"],
            principal=values["principal"],
            overdue_amount=money_or_zero("overdue_amount"),
            overdue_days=values["overdue_days"] or 0,
            penalty_fees=money_or_zero("penalty_fees"),
            rate=values["rate"],
            method=values["method"],
            term_months=values["term_months"],
            start_date=values["start_date"],
            due_day=values["due_day"],
            monthly_payment=values["monthly_payment"],
            upfront_deduction=money_or_zero("upfront_deduction"),
            monthly_fee=money_or_zero("monthly_fee"),
            card_min_percent=values["card_min_percent"] if values["card_min_percent"] is not None
            else Decimal("10"),
            card_min_floor=values["card_min_floor"] if values["card_min_floor"] is not None
            else Decimal("100"),
            status=values["status"],
            channels=values["channels"],
            notes=values["notes"],
        )
        if self.debt is None:
            return Debt(**fields)
        return dataclasses.replace(self.debt, **fields)

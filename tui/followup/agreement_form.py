"""Record or edit an agreement with a lender: what was agreed and who agreed it.

A new agreement arrives prefilled from the debt's proposal
(`workbook.followup.agreements.agreement_from_proposal`); every figure stays editable because
what the lender accepted is what counts. A line under the amounts shows the
instalment schedule those figures make, updated as the user types.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from functools import partial
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from tui.followup.view import sentences
from tui.frame.form import FormDialog, enum_options, shown
from tui.widgets.field import Choice, Field, text_parser
from workbook import fmt
from workbook.followup.agreements import agreement_schedule
from workbook.i18n import _
from workbook.models import ZERO, Agreement, Frequency
from workbook.parse import parse_date, parse_int, parse_money, parse_rate
from workbook.textnum import Parsed, fail

MAX_INSTALMENTS = 600  # fifty years of monthly payments

optional_money = partial(parse_money, required=False)


def schedule_summary(agreement: Agreement) -> str:
    """One line: how many instalments of how much, from when to when, in total."""
    items = agreement_schedule(agreement)
    if not items:
        return _("No instalments: the total must be more than zero.")
    first, last = items[0], items[-1]
    total = sum((i.amount for i in items), ZERO)
    if len(items) == 1:
        return _("One payment of {amount} on {date}.").format(
            amount=fmt.money(first.amount), date=fmt.date_(first.due))
    line = _("{n} instalments of {amount}, {first} to {last}, {total} in all.").format(
        n=len(items), amount=fmt.money(first.amount), first=fmt.date_(first.due),
        last=fmt.date_(last.due), total=fmt.money(total))
    if last.amount == first.amount:
        return line
    return sentences([line, _("The last is {amount}.").format(amount=fmt.money(last.amount))])


class AgreementForm(FormDialog[Agreement | None]):
    def __init__(self, agreement: Agreement, lender: str, *, new: bool, note: str = "") -> None:
        title = (_("Record the agreement with {lender}") if new
                 else _("Edit the agreement with {lender}")).format(lender=lender)
        super().__init__(title)
        self.agreement = agreement
        self.note = note

    def compose_fields(self) -> ComposeResult:
        a = self.agreement
        if self.note:
            yield Static(Text(self.note, style="dim"), classes="form-hint")
        yield self.group(_("What was agreed"))
        yield Field(_("Total to repay *"), partial(parse_money, allow_zero=False),
                    shown(a.total), id="total")
        yield Field(_("Instalment *"), self.parse_instalment, shown(a.instalment),
                    id="instalment")
        yield Field(_("Number of instalments *"),
                    partial(parse_int, minimum=1, maximum=MAX_INSTALMENTS), str(a.count),
                    id="count")
        yield Choice(_("How often"), enum_options(Frequency), a.frequency, id="frequency")
        yield Field(_("First due date *"), parse_date, shown(a.first_due), id="first_due",
                    placeholder="2026-12-15")
        yield Static("", id="schedule-preview", markup=False, classes="form-hint")
        yield Field(_("Rate (with unit)"), partial(parse_rate, required=False), shown(a.rate),
                    id="rate", placeholder=_("e.g. 0% a year"))
        yield Field(_("Waived amount"), optional_money, shown(a.waived_amount),
                    id="waived_amount")
        yield self.group(_("Terms"))
        yield Field(_("Conditions"), text_parser, a.conditions, id="conditions",
                    placeholder=_("e.g. two missed payments end the agreement"))
        yield Field(_("Credit report"), text_parser, a.credit_report, id="credit_report",
                    placeholder=_("what they promised about reporting"))
        yield self.group(_("Reference and confirmation"))
        yield Field(_("Agreement reference"), text_parser, a.reference, id="reference")
        yield Field(_("Agent"), text_parser, a.agent, id="agent",
                    placeholder=_("name and staff number"))
        yield Field(_("Payee account"), text_parser, a.payee_account, id="payee_account")
        yield Field(_("Confirmed via"), text_parser, a.confirmed_how,
                    id="confirmed_how", placeholder=_("e.g. letter, SMS, app message, email"))
        yield Field(_("Signed or confirmed on"), partial(parse_date, required=False),
                    shown(a.signed_on), id="signed_on")
        yield Field(_("Notes"), text_parser, a.notes, id="notes")

    def parse_instalment(self, text: str) -> Parsed[Decimal]:
        """An amount; 0 only for a one-off payment (the total is the payment). The
        schedule would otherwise split the total evenly, which is not what was typed."""
        result = parse_money(text)
        if result.value == ZERO and self._frequency() != Frequency.ONE_OFF:
            return fail(_("An instalment of 0 repays nothing: enter the amount of each "
                          "instalment."))
        return result

    def _frequency(self) -> Frequency:
        choices = self.query("#frequency")
        choice = choices.first() if choices else None
        return choice.value if isinstance(choice, Choice) else self.agreement.frequency

    def on_mount(self) -> None:
        self.query_one("#total", Field).focus()
        self.watch(self.query_one("#frequency", Choice), "index", self._frequency_changed,
                   init=False)
        self._update_preview()

    def _frequency_changed(self) -> None:
        # An instalment of 0 is right for a one-off payment only: say so as it changes.
        self.query_one("#instalment", Field).validate()
        self._update_preview()

    @on(Input.Changed)
    def _changed(self) -> None:
        self._update_preview()

    def _draft(self) -> Agreement | str:
        """The agreement as typed so far, or why it cannot be worked out yet."""
        parsed = {}
        for name in ("total", "instalment", "count", "first_due"):
            field = self.query_one(f"#{name}", Field)
            result = field.parser(field.text)
            if not result.ok or result.value is None:
                # A typed figure that is wrong says why here too (an instalment of 0
                # would otherwise show a schedule that saving then refuses).
                if field.text.strip() and result.error:
                    return result.error
                return _("The schedule shows here once the amounts and the date are right.")
            parsed[name] = result.value
        return dataclasses.replace(self.agreement, frequency=self._frequency(), **parsed)

    def _update_preview(self) -> None:
        draft = self._draft()
        if isinstance(draft, str):
            line = Text(draft, style="bold red")
        else:
            line = Text(schedule_summary(draft))
        self.query_one("#schedule-preview", Static).update(line)

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        errors = {}
        if values["instalment"] > values["total"]:
            errors["instalment"] = _("An instalment cannot be more than the total.")
        return errors

    def build(self, values: dict[str, Any]) -> Agreement:
        waived = values["waived_amount"]
        return dataclasses.replace(
            self.agreement,
            total=values["total"],
            instalment=values["instalment"],
            count=values["count"],
            frequency=values["frequency"],
            first_due=values["first_due"],
            rate=values["rate"],
            waived_amount=waived if waived is not None else Decimal("0"),
            conditions=values["conditions"],
            credit_report=values["credit_report"],
            reference=values["reference"],
            agent=values["agent"],
            payee_account=values["payee_account"],
            confirmed_how=values["confirmed_how"],
            signed_on=values["signed_on"],
            notes=values["notes"],
        )

"""Step 7: record a hard situation on a debt (a payment order, a summons, enforcement,
a collector contacting family), with the court's details, and save its deadline.

Saving stores the debt's situation, date, court, case number and judge's contact, and
adds a log entry whose next action is the deadline counted from the date entered
(`workbook.guide.situations.situation_entry`), in one write: the deadline then shows in
`repay due`, the calendar, step 6 and home like every next action.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from tui.frame.form import FormDialog, enum_options
from tui.widgets.field import Choice, Field, text_parser
from workbook import fmt
from workbook.guide.situations import GUIDES, checklist_lines
from workbook.guide.wording import labelled
from workbook.i18n import _
from workbook.models import Communication, Debt, Situation
from workbook.parse import parse_date


@dataclasses.dataclass(frozen=True)
class SituationRecord:
    debt: Debt  # with the situation and court fields set
    entry: Communication  # the log entry carrying the deadline


class SituationForm(FormDialog[SituationRecord | None]):
    def __init__(self, debts: list[Debt], debt: Debt, today: date) -> None:
        super().__init__(_("What happened, and when"))
        self.debts = {d.id: d for d in debts}
        self.debt = debt
        self.today = today

    def compose_fields(self) -> ComposeResult:
        debt = self.debt
        yield Choice(_("Debt"), [(d.lender, d.id) for d in self.debts.values()], debt.id,
                     id="debt")
        yield Choice(_("Situation"), enum_options(Situation),
                     debt.situation or Situation.PAYMENT_ORDER, id="situation")
        yield Field(_("Date *"), parse_date, fmt.date_(debt.situation_on or self.today),
                    id="day")
        yield Static(Text("", style="dim"), id="situation-deadline", classes="form-hint")
        yield self.group(_("Court (as on the papers)"))
        yield Field(_("Court"), text_parser, debt.court_name, id="court_name",
                    placeholder=_("e.g. the district people's court"))
        yield Field(_("Case number"), text_parser, debt.case_number, id="case_number")
        yield Field(_("Judge, phone"), text_parser, debt.judge_contact,
                    id="judge_contact")

    def on_mount(self) -> None:
        self.query_one("#day", Field).focus()
        self._show_deadline()

    @on(Choice.Changed)
    @on(Input.Changed)
    def _changed(self) -> None:
        self._show_deadline()

    def _show_deadline(self) -> None:
        situation = self.query_one("#situation", Choice).value
        day = self.query_one("#day", Field).validate()
        lines = checklist_lines(situation, day.value if day.ok else None)
        if day.ok:
            when = labelled(_(GUIDES[situation].date_label), fmt.date_(day.value))
            hint = f"{when}  ->  {lines[1]}"
        else:
            hint = lines[0]
        self.query_one("#situation-deadline", Static).update(Text(hint))

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        if values["day"] > self.today:
            return {"day": _("The date cannot be after today.")}
        return {}

    def build(self, values: dict[str, Any]) -> SituationRecord:
        from workbook.guide.situations import situation_entry

        debt = dataclasses.replace(
            self.debts[values["debt"]], situation=values["situation"],
            situation_on=values["day"], court_name=values["court_name"],
            case_number=values["case_number"], judge_contact=values["judge_contact"],
        )  # fmt: skip
        return SituationRecord(debt, situation_entry(debt, values["situation"], values["day"]))

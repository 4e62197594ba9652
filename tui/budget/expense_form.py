"""Add or edit a spending item; its group suggests whether it is essential.

The suggestion is only a default: once the user has chosen the kind (or when a stored
item is edited, or a draft brings a kind back) choosing another group keeps it, and a
line under the kind says when it differs from what the group usually is.
"""

from __future__ import annotations

import dataclasses
from functools import partial
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from tui.frame.form import FormDialog, enum_options, shown
from tui.widgets.field import Choice, Field, required_text, text_parser
from workbook.budget import ESSENTIAL_BY_DEFAULT
from workbook.i18n import _
from workbook.models import ExpenseGroup, ExpenseItem, Frequency
from workbook.parse import parse_money


def essential_options() -> list[tuple[str, bool]]:
    return [(_("Essential (fixed)"), True), (_("Flexible (can be cut)"), False)]


class ExpenseForm(FormDialog[ExpenseItem | None]):
    AUTO_FOCUS = "#name Input"

    def __init__(self, item: ExpenseItem | None = None) -> None:
        super().__init__(_("Edit spending") if item else _("Add spending"))
        self.item = item
        # A stored item's kind was chosen when it was added: never changed for the user.
        self.kind_chosen = item is not None

    def compose_fields(self) -> ComposeResult:
        item = self.item
        group = item.group if item else ExpenseGroup.HOUSING
        yield Field(_("What it is *"), required_text(_("Say what this cost is, e.g. rent.")),
                    item.name if item else "", id="name", placeholder=_("e.g. rent"))
        yield Field(_("Amount *"), partial(parse_money, allow_zero=False),
                    shown(item.amount) if item else "", id="amount")
        yield Choice(_("Group"), enum_options(ExpenseGroup), group, id="group")
        yield Choice(_("Kind"), essential_options(),
                     item.essential if item else ESSENTIAL_BY_DEFAULT[group], id="essential")
        text = self._usual_text(group, item.essential if item else None)
        usual = Static(text, id="kind-usual", classes="form-hint")
        usual.display = bool(text.plain)  # no empty line in the form when all is usual
        yield usual
        yield Choice(_("How often"), enum_options(Frequency),
                     item.frequency if item else Frequency.MONTHLY, id="frequency")
        yield Field(_("Notes"), text_parser, item.notes if item else "", id="notes")

    @staticmethod
    def _usual_text(group: ExpenseGroup, essential: bool | None) -> Text:
        usual = ESSENTIAL_BY_DEFAULT[group]
        if essential is None or essential == usual:
            return Text("")
        return Text(_("This group is usually essential; your choice is kept.") if usual
                    else _("This group is usually flexible; your choice is kept."), style="dim")

    def _show_usual(self) -> None:
        group = self.query_one("#group", Choice).value
        essential = self.query_one("#essential", Choice).value
        usual = self._usual_text(group, essential)
        hint = self.query_one("#kind-usual", Static)
        hint.update(usual)
        hint.display = bool(usual.plain)

    @on(Choice.Changed, "#group")
    def _group_changed(self, event: Choice.Changed) -> None:
        kind = self.query_one("#essential", Choice)
        if not (self.kind_chosen or kind.chosen_by_user):
            kind.select(ESSENTIAL_BY_DEFAULT[event.value])  # still the default: follow the group
        self._show_usual()

    @on(Choice.Changed, "#essential")
    def _kind_changed(self) -> None:
        self._show_usual()

    def resume_from(self, draft: dict[str, Any]) -> None:
        super().resume_from(draft)
        # A draft's kind that is not its group's default was chosen: keep it when the
        # group's change (filled in just now) arrives.
        group = self.query_one("#group", Choice).value
        if self.query_one("#essential", Choice).value != ESSENTIAL_BY_DEFAULT[group]:
            self.kind_chosen = True

    def build(self, values: dict[str, Any]) -> ExpenseItem:
        fields = {k: values[k] for k in ("name", "amount", "group", "essential", "frequency",
                                         "notes")}
        if self.item is None:
            return ExpenseItem(**fields)
        return dataclasses.replace(self.item, **fields)

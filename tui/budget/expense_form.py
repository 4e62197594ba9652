"""Add or edit a spending item; its group suggests whether it is essential."""

from __future__ import annotations

import dataclasses
from functools import partial
from typing import Any

from textual import on
from textual.app import ComposeResult

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
        yield Choice(_("How often"), enum_options(Frequency),
                     item.frequency if item else Frequency.MONTHLY, id="frequency")
        yield Field(_("Notes"), text_parser, item.notes if item else "", id="notes")

    @on(Choice.Changed, "#group")
    def _group_changed(self, event: Choice.Changed) -> None:
        # The group's usual kind; the user can still change it after.
        self.query_one("#essential", Choice).select(ESSENTIAL_BY_DEFAULT[event.value])

    def build(self, values: dict[str, Any]) -> ExpenseItem:
        fields = {k: values[k] for k in ("name", "amount", "group", "essential", "frequency",
                                         "notes")}
        if self.item is None:
            return ExpenseItem(**fields)
        return dataclasses.replace(self.item, **fields)

"""Add or edit an income item."""

from __future__ import annotations

import dataclasses
from functools import partial
from typing import Any

from textual.app import ComposeResult

from tui.frame.form import FormDialog, enum_options, shown
from tui.widgets.field import Choice, Field, required_text, text_parser
from workbook.i18n import _
from workbook.models import Frequency, IncomeItem
from workbook.parse import parse_money


class IncomeForm(FormDialog[IncomeItem | None]):
    AUTO_FOCUS = "#name Input"

    def __init__(self, item: IncomeItem | None = None) -> None:
        super().__init__(_("Edit income") if item else _("Add income"))
        self.item = item

    def compose_fields(self) -> ComposeResult:
        item = self.item
        yield Field(_("What it is *"), required_text(_("Say what this income is, e.g. salary.")),
                    item.name if item else "", id="name", placeholder=_("e.g. salary"))
        yield Field(_("Amount *"), partial(parse_money, allow_zero=False),
                    shown(item.amount) if item else "", id="amount")
        yield Choice(_("How often"), enum_options(Frequency),
                     item.frequency if item else Frequency.MONTHLY, id="frequency")
        yield Field(_("Notes"), text_parser, item.notes if item else "", id="notes")

    def build(self, values: dict[str, Any]) -> IncomeItem:
        fields = {k: values[k] for k in ("name", "amount", "frequency", "notes")}
        if self.item is None:
            return IncomeItem(**fields)
        return dataclasses.replace(self.item, **fields)

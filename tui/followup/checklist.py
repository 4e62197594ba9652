"""The confirmation checklist of an agreement: what to check before relying on it.

Each item is ticked with Space (or x); the items are those of
`workbook.followup.agreements.checklist_items_for` (the waived-fees item only when something
was waived). How the written confirmation came and the payee account are kept with it.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Click
from textual.widget import Widget
from textual.widgets import Static

from tui.frame.form import FormDialog
from tui.frame.shell import shell
from tui.widgets.field import Field, text_parser
from workbook import fmt
from workbook.followup.agreements import checklist_items_for
from workbook.i18n import N_, _
from workbook.models import Agreement


class CheckItem(Widget, can_focus=True):
    """One item: `[x] label` and its help underneath; Space or x ticks it."""

    DEFAULT_CSS = """
    CheckItem { height: auto; width: 1fr; margin-bottom: 1; }
    CheckItem:focus { background: $accent 30%; }
    """
    BINDINGS = [Binding("space,x", "tick", N_("Tick"), key_display="Space", id="tick")]

    def __init__(
        self, key: str, label: str, help_text: str, ticked: bool,
        on: date | None = None, today: date | None = None,
    ) -> None:  # fmt: skip
        super().__init__(id=f"check-{key}")
        self.key = key
        self.label = label
        self.help_text = help_text
        self.ticked = ticked
        self._was_ticked = ticked
        self._was_on = on
        self._today = today

    @property
    def ticked_on(self) -> date | None:
        """The day shown beside a tick, as `ticked_dates` will store it."""
        if not self.ticked:
            return None
        return self._was_on if self._was_ticked else self._today

    def render(self) -> Table:
        grid = Table.grid()
        grid.add_column(width=4, no_wrap=True)
        grid.add_column(ratio=1)
        mark = Text("[x] " if self.ticked else "[ ] ",
                    style="bold green" if self.ticked else "bold")
        label = Text(self.label, style="bold" if self.ticked else "")
        if self.ticked_on is not None:
            label.append("  " + _("ticked {date}").format(date=fmt.date_(self.ticked_on)),
                         style="dim")
        grid.add_row(mark, label)
        grid.add_row("", Text(self.help_text, style="dim"))
        return grid

    def action_tick(self) -> None:
        self.ticked = not self.ticked
        self.refresh(layout=True)

    def on_click(self, event: Click) -> None:
        self.focus()
        self.action_tick()


def ticked_dates(agreement: Agreement, ticks: dict[str, bool], today: date) -> dict[str, date]:
    """When each item was ticked: `today` (the app's date) for a new tick, the day it
    was first ticked for one that stays ticked, none for an untick. A tick saved before
    dates were kept stays without one: nobody knows when it was made."""
    dates = dict(agreement.checked_on)
    for key, ticked in ticks.items():
        if not ticked:
            dates.pop(key, None)
        elif not agreement.checklist.get(key):
            dates[key] = today
    return dates


class ChecklistDialog(FormDialog[Agreement | None]):
    def __init__(self, agreement: Agreement, lender: str) -> None:
        super().__init__(_("Check the agreement with {lender}").format(lender=lender))
        self.agreement = agreement

    def compose_fields(self) -> ComposeResult:
        yield Static(Text(_("Tick each item with Space once you have checked it."), style="dim"),
                     classes="form-hint")
        for key, label, help_msgid in checklist_items_for(self.agreement):
            yield CheckItem(key, _(label), _(help_msgid), bool(self.agreement.checklist.get(key)),
                            self.agreement.checked_on.get(key), shell(self).today)
        yield Field(_("Confirmed via"), text_parser, self.agreement.confirmed_how,
                    id="confirmed_how", placeholder=_("e.g. letter, SMS, app message, email"))
        yield Field(_("Payee account"), text_parser, self.agreement.payee_account,
                    id="payee_account", placeholder=_("account name and number, or the app"))

    def on_mount(self) -> None:
        self.query(CheckItem).first().focus()

    def build(self, values: dict[str, Any]) -> Agreement:
        checklist = dict(self.agreement.checklist)
        ticks = {item.key: item.ticked for item in self.query(CheckItem)}
        checklist.update(ticks)
        return dataclasses.replace(
            self.agreement,
            checklist=checklist,
            checked_on=ticked_dates(self.agreement, ticks, shell(self).today),
            confirmed_how=values["confirmed_how"],
            payee_account=values["payee_account"],
        )

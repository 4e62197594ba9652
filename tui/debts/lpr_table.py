"""The dated one-year LPR table behind the 4 x LPR benchmark, and the user's own rows.

The built-in table stops at the date it was last checked; the LPR is published on the
20th of each month, so the user adds newer values here (saved in the settings), with
where they read it. Their rows win over a built-in row of the same date, and every
verdict that uses one says it is theirs, with that source (`money.lpr.lpr_words`).
Built-in rows cannot be deleted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Static

from tui.frame.confirm import ConfirmModal
from tui.frame.shell import shell
from tui.widgets.field import Field
from tui.widgets.keybar import KeyBar
from workbook import fmt
from workbook.i18n import N_, _
from workbook.models import LprEntry
from workbook.money.lpr import LPR_LAST_CHECKED, LPR_REFORM, lpr_table
from workbook.parse import parse_date, parse_percent
from workbook.textnum import Parsed

MAX_LPR = Decimal("20")
MAX_SOURCE = 80  # a name or an address, shown inside verdict lines


def start_parser(today: date) -> Callable[[str], Parsed[date]]:
    """A date from the LPR reform (2019-08-20) to today."""

    def parse(text: str) -> Parsed[date]:
        result = parse_date(text)
        if not result.ok or result.value is None:
            return result
        if not LPR_REFORM <= result.value <= today:
            return Parsed(
                error=_("Use a date from {first} to today: the LPR in its current form "
                        "starts on {first}.").format(first=fmt.date_(LPR_REFORM))
            )
        return result

    return parse


def percent_parser(text: str) -> Parsed[Decimal]:
    result = parse_percent(text, maximum=MAX_LPR)
    if result.ok and result.value is not None and result.value <= 0:
        return Parsed(error=_("The one-year LPR is a percentage above 0, such as 3.0."))
    return result


def source_parser(text: str) -> Parsed[str]:
    """Where the user read the value: optional free text, kept as typed (one line)."""
    value = " ".join(text.split())
    if len(value) > MAX_SOURCE:
        return Parsed(error=_("Keep it to {n} characters: a name or an address is enough.")
                      .format(n=MAX_SOURCE))
    return Parsed(value)


def added_rows(extra: list[LprEntry], removed: date) -> list[LprEntry]:
    return [entry for entry in extra if entry.start != removed]


def with_row(extra: list[LprEntry], entry: LprEntry) -> list[LprEntry]:
    """The user's rows with `entry` added (replacing one of the same date), by date."""
    kept = [row for row in extra if row.start != entry.start]
    return sorted([*kept, entry], key=lambda row: row.start)


class LprTableDialog(ModalScreen[None]):
    """Shows the merged table; adds and deletes the user's rows, each one durable save."""

    BINDINGS = [
        Binding("ctrl+s", "add", N_("Add row"), key_display="Ctrl+S", id="lpr-add"),
        Binding("delete", "delete", N_("Delete my row"), key_display="Del", id="lpr-delete"),
        Binding("escape", "close", N_("Close"), key_display="Esc", id="lpr-close"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog form-dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box form-box"):
            yield Static(Text(_("One-year LPR table (for the 4 x LPR benchmark)"), style="bold"),
                         classes="dialog-title")
            yield Static(
                Text(_("Built-in values were last checked on {day}. The LPR is published on "
                       "the 20th of each month: add a newer value when it changes.").format(
                    day=fmt.date_(LPR_LAST_CHECKED))),
                classes="form-note",
            )
            yield DataTable(id="lpr-rows", cursor_type="row", zebra_stripes=True)
            yield Field(_("In force from"), start_parser(shell(self).today), "", id="lpr-start",
                        placeholder=_("e.g. 2026-06-22"))
            yield Field(_("One-year LPR %"), percent_parser, "", id="lpr-percent",
                        placeholder=_("e.g. 3.0"))
            yield Field(_("Where you read it"), source_parser, "", id="lpr-source",
                        placeholder=_("optional, e.g. the PBoC website"))
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Add row"), id="lpr-add", variant="primary")
                yield Button(_("Close"), id="lpr-close")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("From"), _("1-year LPR"), _("4 x LPR"), _("Where from"))
        self.fill()
        self.query_one("#lpr-start", Field).focus()

    def extra(self) -> list[LprEntry]:
        return list(shell(self).extra_lpr())

    def fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        mine = {entry.start for entry in self.extra()}
        for entry in reversed(lpr_table(self.extra())):
            where = _("built-in")
            if entry.start in mine:
                where = _("added by you") + (f": {entry.source}" if entry.source else "")
            table.add_row(
                fmt.date_(entry.start), fmt.percent(entry.percent),
                fmt.percent(entry.percent * 4), where, key=entry.start.isoformat(),
            )

    def save_extra(self, extra: list[LprEntry], done: str) -> bool:
        """One durable settings write; True once it is on disk."""
        repay = shell(self)
        if not repay.writable():
            return False
        updated = dataclasses.replace(repay.wb.settings(), extra_lpr=extra)
        before = repay.data_version
        repay.save(lambda: repay.wb.save_settings(updated), done)
        self.fill()
        return repay.data_version != before

    def action_add(self) -> None:
        start, percent = self.query_one("#lpr-start", Field), self.query_one("#lpr-percent", Field)
        source = self.query_one("#lpr-source", Field)
        results = [start.validate(), percent.validate(), source.validate()]
        wrong = [f for f, r in zip((start, percent, source), results, strict=True) if not r.ok]
        if wrong:
            wrong[0].focus()
            return
        day, percent_value = results[0].value, results[1].value
        if day is None or percent_value is None:  # both are required: valid means given
            return
        entry = LprEntry(day, percent_value, results[2].value or "")
        if self.save_extra(with_row(self.extra(), entry), _("LPR row saved.")):
            start.input.value = percent.input.value = source.input.value = ""
            start.focus()

    def action_delete(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is None:  # every row is added with its date as key
            return
        day = date.fromisoformat(key)
        if day not in {entry.start for entry in self.extra()}:
            self.notify(_("Built-in rows come from the published table and cannot be deleted."),
                        severity="warning")
            return
        question = _("Delete your LPR row from {day}?").format(day=fmt.date_(day))

        def answered(yes: bool | None) -> None:
            if yes:
                self.save_extra(added_rows(self.extra(), day), _("LPR row deleted."))

        self.app.push_screen(ConfirmModal(question), answered)

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_add()

    @on(Button.Pressed, "#lpr-add")
    def _add_pressed(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#lpr-close")
    def _close_pressed(self) -> None:
        self.action_close()


"""Step 3, choosing how to negotiate: the channels for each debt, what each is good
for, and the written application (协商还款申请书) built from the data.

The pane under the table explains the channels chosen for the selected debt; `w`
opens the letter, `y` copies it, `e` writes it as PDF. The letter is signed with the
profile's details: the pane says which are missing, and `p` is on the footer here.
"""

from __future__ import annotations

import dataclasses

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from tui.frame.base import StepScreen
from tui.frame.export_context import ExportContext
from tui.frame.needs import need_debt_message
from tui.method.channel_form import ChannelForm, channel_note_text
from tui.method.letter_preview import (
    LetterPreview,
    blank_details_warning,
    copy_letter,
    export_letter,
    letter_for,
)
from tui.palette import ScreenAction
from tui.widgets.cells import money_cell, text_cell
from tui.widgets.tables import FitTable, add_columns, selected_key, sync_rows
from tui.widgets.wrap import Wrapped
from workbook.i18n import N_, _, current_language
from workbook.models import Channel, Debt, DebtStatus
from workbook.negotiation.channels import LETTER_CONTENTS, channel_label

COLUMNS = (
    ("lender", N_("Lender")),
    ("balance", N_("Balance")),
    ("channels", N_("Channels chosen")),
)
DIRECT = (Channel.PHONE, Channel.ONLINE_CHAT, Channel.IN_PERSON)


def channels_text(channels: list[Channel]) -> str:
    sep = "、" if current_language() == "zh" else ", "
    return sep.join(channel_label(c) for c in channels) if channels else "-"


class ChannelScreen(StepScreen):
    STEP = 3
    AUTO_FOCUS = "#channel-debts"
    BINDINGS = [
        Binding("c", "choose", N_("Channels"), id="channel-choose"),
        Binding("w", "letter", N_("Letter"), id="channel-letter"),
        Binding("y", "copy_letter", N_("Copy letter"), id="channel-copy"),
        # Shown here (hidden elsewhere): the letter's "about me" comes from the profile.
        Binding("p", "app.edit_profile", N_("Profile"), id="channel-profile"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._debts: dict[str, Debt] = {}

    def compose_body(self) -> ComposeResult:
        table = FitTable(flex={"lender": 8, "channels": 12}, id="channel-debts",
                         cursor_type="row", zebra_stripes=True, cell_padding=0)
        add_columns(table, COLUMNS, right=("balance",))
        yield table
        yield Static(id="channel-summary", markup=False)
        with VerticalScroll(id="channel-notes", can_focus=False):
            yield Static(id="channel-note-text", markup=False)

    @property
    def table(self) -> DataTable:
        return self.query_one("#channel-debts", DataTable)

    def refresh_data(self) -> None:
        debts = [d for d in self.repay.data().debts if d.status != DebtStatus.SETTLED]
        self._debts = {str(d.id): d for d in debts}
        sync_rows(self.table, [(str(d.id), self._cells(d)) for d in debts])
        chosen = sum(1 for d in debts if d.channels)
        line = Text(no_wrap=True)
        line.append(
            _("{chosen} of {n} open debts have a channel").format(chosen=chosen, n=len(debts)),
            style="bold",
        )
        line.append("  " + _("Enter or c chooses; w writes the letter"), style="dim")
        self.query_one("#channel-summary", Static).update(line)
        self._show_notes()

    def _cells(self, debt: Debt) -> list:
        return [
            text_cell(debt.lender),
            money_cell(debt.balance),
            text_cell(channels_text(debt.channels)),
        ]

    def selected(self) -> Debt | None:
        key = selected_key(self.table)
        return self._debts.get(key) if key else None

    def _show_notes(self) -> None:
        self.query_one("#channel-note-text", Static).update(Wrapped(self._notes(self.selected())))

    def _notes(self, debt: Debt | None) -> Text:
        text = Text()
        if debt is None:
            text.append(_("No open debts. Add them in step 1."), style="dim")
            return text
        text.append(debt.lender, style="bold")
        blanks = blank_details_warning(self.repay.data().profile)
        if blanks is not None:
            text.append("\n")
            text.append_text(blanks)
        if not debt.channels:
            text.append("\n" + _("No channel chosen yet: press c."), style="yellow")
            text.append(
                "\n"
                + _(
                    "Direct contact (phone, online chat, in person) gets an answer at once and "
                    "lets you adjust as the other side responds. A written application explains "
                    "a complicated situation in full and leaves a record. Many people do both: "
                    "write first, then call to follow up."
                )
            )
            return text
        for channel in debt.channels:
            text.append("\n")
            text.append_text(channel_note_text(channel, "bold underline"))
        if Channel.LETTER in debt.channels:
            text.append("\n\n" + _("The letter (press w) sets out, in this order:"), style="bold")
            for n, msgid in enumerate(LETTER_CONTENTS, start=1):
                text.append(f"\n{n}. {_(msgid)}")
        elif not any(c in DIRECT for c in debt.channels):
            text.append(
                "\n\n"
                + _(
                    "Tip: a phone call after sending anything in writing "
                    "checks that it arrived and moves things on."
                ),
                style="dim",
            )
        return text

    @on(DataTable.RowHighlighted, "#channel-debts")
    def _highlighted(self) -> None:
        self._show_notes()

    @on(DataTable.RowSelected, "#channel-debts")
    def _selected(self) -> None:
        self.action_choose()

    def _need_debt(self) -> Debt | None:
        debt = self.selected()
        if debt is None:  # no open debt: say where to add one, not "select"
            self.notify(need_debt_message(self.repay.data().debts), severity="warning")
        return debt

    def action_choose(self) -> None:
        debt = self._need_debt()
        if debt is None or not self.repay.writable():
            return

        def write(channels: list[Channel]) -> tuple[bool, object]:
            if channels == debt.channels:
                return True, channels  # nothing changed: nothing to write
            changed = dataclasses.replace(debt, channels=channels)
            return self.repay.save_or_keep(lambda: self.wb.debts.update(changed),
                                           _("Channels saved."))

        self.app.push_screen(ChannelForm(debt).with_writer(write))

    def action_letter(self) -> None:
        debt = self._need_debt()
        if debt is not None:
            self.app.push_screen(LetterPreview(debt))

    def action_copy_letter(self) -> None:
        debt = self._need_debt()
        if debt is not None:
            copy_letter(self.repay, letter_for(self.repay, debt))

    def action_export_letter(self) -> None:
        debt = self._need_debt()
        if debt is not None:
            export_letter(self.repay, debt, letter_for(self.repay, debt))

    def export_context(self) -> ExportContext:
        """`e` offers the selected debt's letter first."""
        debt = self.selected()
        return ExportContext(debt_id=debt.id) if debt is not None else ExportContext()

    def actions(self) -> list[ScreenAction]:
        return [
            ScreenAction(
                _("Choose channels for the selected debt"), _("Key c or Enter"), self.action_choose
            ),
            ScreenAction(
                _("Preview and edit the application letter"), _("Key w"), self.action_letter
            ),
            ScreenAction(
                _("Copy the application letter"),
                _("Key y: the whole Chinese text, for an online chat"),
                self.action_copy_letter,
            ),
            ScreenAction(
                _("Export the application letter as PDF"),
                _("In Chinese, to the export folder; e offers every export"),
                self.action_export_letter,
            ),
        ]

"""Step 7, when it gets hard: where to get help, the law, other options, abuse.

A list of cards on the left (grouped), the highlighted card on the right, Enter opens
it in full. Every fact shown is one marked verified or verified-2nd, with its source
and the date it was checked; the disclaimer stays on screen.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.frame.base import StepScreen
from tui.frame.export_context import ExportContext
from tui.frame.needs import need_debt_message
from tui.help.help_card import HelpCard, card_text
from tui.help.view import GROUPS, HelpEntry, flagged_contacts, help_entries, step7_status
from tui.palette import ScreenAction
from workbook import fmt
from workbook.followup.conduct import snapshot_breaches
from workbook.followup.logfilter import LogFilter
from workbook.guide.help import disclaimer
from workbook.i18n import N_, _
from workbook.models import DebtStatus, Situation

if TYPE_CHECKING:
    from tui.help.situation_form import SituationRecord


def indented(title: str) -> Table:
    """A list line indented under its group, wrapped lines too."""
    grid = Table.grid()
    grid.add_column(width=2)
    grid.add_column(ratio=1, overflow="fold")  # unspaced Chinese is one long "word"
    grid.add_row("", Text(title))
    return grid


class HelpScreen(StepScreen):
    STEP = 7
    AUTO_FOCUS = "#help-list"
    BINDINGS = [
        Binding("o", "open_card", N_("Open"), id="help-open"),  # Enter works too
        Binding("f", "flagged", N_("Flagged contacts"), id="help-flagged"),
        Binding("s", "situation", N_("Situation"), id="help-situation"),
        Binding("c", "open_log", N_("Log"), id="help-log"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._entries: dict[str, HelpEntry] = {}
        self._current: str | None = None  # the highlighted card, kept across a language switch

    def compose_body(self) -> ComposeResult:
        yield Static(id="help-intro", markup=False)
        entries = help_entries([], [])
        options: list[Option] = []
        for group, title in GROUPS:
            options.append(Option(Text(_(title), style="bold"), disabled=True))
            options += [Option(indented(e.title), id=f"{e.group}:{e.key}")
                        for e in entries if e.group == group]
        with Horizontal(id="help-main"):
            yield OptionList(*options, id="help-list")
            with VerticalScroll(id="help-preview", can_focus=False):
                yield Static(id="help-preview-text", markup=False)
        yield Static(Text(disclaimer(), style="dim"), id="help-disclaimer", markup=False)

    @property
    def cards(self) -> OptionList:
        return self.query_one("#help-list", OptionList)

    def refresh_data(self) -> None:
        data = self.repay.data()
        comms = data.communications
        found = snapshot_breaches(data)  # once for the cards, the count and the status
        self._entries = {f"{e.group}:{e.key}": e for e in help_entries(comms, data.debts, found)}
        flagged = len(flagged_contacts(comms, data.debts, found))
        intro = Text()
        status = step7_status(data)
        if status:
            intro.append(status + " ", style="bold")
        if flagged:
            intro.append(_("{n} contacts in your log are flagged by the collection checks: "
                           "press f to see them, and read the last card.").format(n=flagged),
                         style="bold red")
        elif not status:
            intro.append(_("Who can help, what the law says, and the risks of other ways out. "
                           "Enter opens a card."))
        self.query_one("#help-intro", Static).update(intro)
        if self._current in self._entries:  # after a language switch too
            self.cards.highlighted = self.cards.get_option_index(self._current)
        elif self.cards.highlighted is None:
            self.cards.action_first()
        self._show_preview()

    def selected(self) -> HelpEntry | None:
        index = self.cards.highlighted
        if index is None:
            return None
        return self._entries.get(self.cards.get_option_at_index(index).id or "")

    def _show_preview(self) -> None:
        entry = self.selected()
        preview = self.query_one("#help-preview-text", Static)
        preview.update(card_text(entry.lines[:-1]) if entry else Text(""))
        self.query_one("#help-preview", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#help-list")
    def _highlighted(self) -> None:
        entry = self.selected()
        self._current = f"{entry.group}:{entry.key}" if entry else None
        self._show_preview()

    @on(OptionList.OptionSelected, "#help-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_card()

    def action_open_card(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.open_entry(entry)

    def open_entry(self, entry: HelpEntry) -> None:
        """Show the card in full; a court card opened counts as read for step 7."""
        self.app.push_screen(HelpCard(entry.lines))
        if entry.group == "court" and entry.key not in self.repay.data().cards_read:
            self.mark_read(entry.key)

    def mark_read(self, key: str) -> None:
        if self.repay.read_only:
            return  # reading is allowed; only the progress is not kept

        def write() -> None:
            settings = self.wb.settings()
            if key not in settings.cards_read:
                self.wb.save_settings(replace(settings, cards_read=[*settings.cards_read, key]))

        self.repay.save(write)

    def action_situation(self) -> None:
        if not self.repay.writable():
            return
        data = self.repay.data()
        debts = [d for d in data.debts if d.status != DebtStatus.SETTLED]
        if not debts:
            self.notify(need_debt_message(data.debts), severity="warning")
            return
        entry = self.selected()
        wanted = next((s for s in Situation if entry and entry.key == s.value), None)
        debt = next((d for d in debts if wanted and d.situation == wanted),
                    next((d for d in debts if d.situation is not None), debts[0]))
        if wanted is not None and debt.situation is None:
            debt = replace(debt, situation=wanted)
        from tui.help.situation_form import SituationForm  # imported when first used
        form = SituationForm(debts, debt, self.repay.today)
        self.app.push_screen(form.with_writer(self.save_situation))

    def save_situation(self, record: SituationRecord) -> tuple[bool, object]:
        def write() -> SituationRecord:
            with self.wb.batch():
                self.wb.debts.update(record.debt)
                entry = self.wb.communications.add(record.entry)
            return replace(record, entry=entry)

        return self.repay.save_or_keep(
            write, _("Saved. Next action {date} in the log.").format(
                date=fmt.date_(record.entry.next_action_date)))

    def export_context(self) -> ExportContext:
        court = (Situation.PAYMENT_ORDER, Situation.SUMMONS)
        debt = next((d for d in self.repay.data().debts if d.situation in court), None)
        return ExportContext(debt_id=debt.id if debt else None)

    def action_flagged(self) -> None:
        self.repay.show_log(LogFilter(flagged_only=True))

    def action_open_log(self) -> None:
        self.repay.show_log()

    def actions(self) -> list[ScreenAction]:
        found = [
            ScreenAction(_("Open the card"), _("In full, with its source (Enter)"),
                         self.action_open_card),
            ScreenAction(_("Show flagged contacts"),
                         _("Log entries flagged by the collection checks (key f)"),
                         self.action_flagged),
            ScreenAction(_("Record a situation"),
                         _("A payment order, a summons, enforcement or family contacted: "
                           "its date, court and deadline (key s)"),
                         self.action_situation),
        ]
        for entry in self._entries.values():
            # The search words of both languages go in the help: a card is found by
            # 起诉 in the English interface and by "lawsuit" in the Chinese one.
            found.append(ScreenAction(entry.title, f"{_('Step 7 card')}  {entry.words}".rstrip(),
                                      functools.partial(self.open_entry, entry)))
        return found

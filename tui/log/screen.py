"""The communication log: every contact with lenders and collectors, newest first.

Not a step of its own: reached from step 6 (key c), step 7 and the palette. Each
entry is checked against the collection conduct rules (`workbook.followup.conduct`); a flagged
entry shows "!" and, under the table, what rule it breaks and where the rule comes
from. The log may hold 10,000 entries: the table shows one page of `PAGE_SIZE` rows
of the filtered list, so a change refills at most one page, never the whole log.
"""

from __future__ import annotations

import dataclasses

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from tui.frame.base import BaseScreen
from tui.frame.confirm import ConfirmModal
from tui.frame.export_context import ExportContext
from tui.log.comm_form import CommForm, default_contact_time
from tui.log.log_filter import LogFilterForm, lender_names
from tui.log.view import (
    CHANNEL_SHORT,
    counts_by_lender,
    entry_details,
    filter_summary,
    lender_counts_line,
)
from tui.palette import ScreenAction
from tui.widgets.cells import CroppedLines, styled_cell, text_cell
from tui.widgets.tables import FitTable, add_columns, selected_key
from tui.widgets.wrap import Wrapped
from workbook import fmt
from workbook.followup.conduct import Breach, snapshot_breaches
from workbook.followup.logfilter import LogFilter, filter_log
from workbook.i18n import N_, _
from workbook.models import Communication, Direction

LOG_SCREEN = "commlog"
PAGE_SIZE = 100
COLUMNS = (
    ("at", N_("When")),
    ("lender", N_("Lender")),
    ("channel", N_("Channel")),
    ("who", N_("Who")),
    ("flags", "!"),
    ("summary", N_("Summary")),
)



class CommLogScreen(BaseScreen):
    STEP = 6  # the step bar shows the log under follow-up
    AUTO_FOCUS = "#log"
    BINDINGS = [
        Binding("a", "add", N_("Add"), id="log-add"),
        Binding("m", "edit", N_("Edit"), id="log-edit"),
        Binding("slash", "filter", N_("Filter"), key_display="/", id="log-filter"),
        # "Flags", not "Flagged": the footer has room for d Delete and the palette words.
        Binding("f", "flagged", N_("Flags"), id="log-flagged"),
        Binding("r", "clear_filter", N_("All"), id="log-clear"),
        Binding("n", "page(1)", N_("Older"), id="log-older"),
        Binding("b", "page(-1)", N_("Newer"), id="log-newer"),
        Binding("d,delete", "delete", N_("Delete"), key_display="d", id="log-delete"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = LogFilter()
        self.page = 0
        self._breaches: dict[int, list[Breach]] = {}
        self._filtered: list[Communication] = []
        self._shown: dict[str, Communication] = {}
        self._loaded = False  # refresh_data has run: the table can be filled
        self._select_next: str | None = None  # the entry to select after a save
        self._current: str | None = None  # the highlighted entry, kept across a language switch

    def place_title(self) -> str:
        return _("Communication log")

    def compose_body(self) -> ComposeResult:
        yield Static(id="log-status", markup=False)
        table = FitTable(flex={"lender": 8, "summary": 12}, id="log", cursor_type="row",
                         cell_padding=0)
        add_columns(table, COLUMNS)
        yield table
        with VerticalScroll(id="log-detail"):  # Tab reaches it, arrows scroll it
            yield Static(id="log-detail-text", markup=False)
        yield Static(id="log-counts", markup=False)

    @property
    def table(self) -> FitTable:
        return self.query_one("#log", FitTable)

    # -- data -------------------------------------------------------------------------

    def refresh_data(self) -> None:
        data = self.repay.data()
        comms = data.communications
        self._breaches = snapshot_breaches(data)  # shared with home and step 7: read-only
        counts = counts_by_lender(comms, self._breaches)
        self.query_one("#log-counts", Static).update(lender_counts_line(counts))
        self._loaded = True
        self._refilter()

    def set_filter(self, log_filter: LogFilter) -> None:
        self.filter = log_filter
        self.page = 0
        if self._loaded:
            self._refilter()

    def _refilter(self) -> None:
        comms = self.repay.data().communications
        self._filtered = filter_log(comms, self.filter, self._breaches)
        if self._select_next is not None:
            found = next((i for i, c in enumerate(self._filtered)
                          if str(c.id) == self._select_next), None)
            if found is None and self.filter != LogFilter():
                self.filter = LogFilter()  # show the entry just saved rather than hide it
                self._filtered = filter_log(comms, self.filter, self._breaches)
                found = next((i for i, c in enumerate(self._filtered)
                              if str(c.id) == self._select_next), None)
            if found is not None:
                self.page = found // PAGE_SIZE
        self.page = min(self.page, self.page_count() - 1)
        self._show_page()

    def page_count(self) -> int:
        return max(1, -(-len(self._filtered) // PAGE_SIZE))

    def _show_page(self) -> None:
        table = self.table
        keep = selected_key(table) or self._current
        start = self.page * PAGE_SIZE
        rows = self._filtered[start:start + PAGE_SIZE]
        self._shown = {str(c.id): c for c in rows}
        table.clear()  # one page at most: cheap, and keeps newest-first order exact
        for comm in rows:
            table.add_row(*self._cells(comm), key=str(comm.id))
        table.fit()
        wanted, self._select_next = self._select_next or keep, None
        if wanted in self._shown:
            table.move_cursor(row=table.get_row_index(wanted), animate=False)
        self._show_status(start, len(rows))
        self._show_detail()
        self.refresh_bindings()

    def _cells(self, comm: Communication) -> list:
        found = self._breaches.get(comm.id or 0, [])
        who = _("They") if comm.direction == Direction.INCOMING else _("Me")
        flags = styled_cell(f"!{len(found)}" if found else "", "bold red", len(found))
        return [
            styled_cell(fmt.datetime_(comm.at), "", comm.at),
            text_cell(comm.lender),
            text_cell(_(CHANNEL_SHORT[comm.channel])),
            text_cell(who),
            flags,
            text_cell(" ".join(comm.summary.split())),
        ]

    def _show_status(self, start: int, shown: int) -> None:
        total = len(self.repay.data().communications)
        text = Text(no_wrap=True)
        if shown:
            text.append(_("{first}-{last} of {n}").format(
                first=start + 1, last=start + shown, n=len(self._filtered)), style="bold")
        else:
            text.append(_("No entries match") if total else _("The log is empty"), style="bold")
        if self.page_count() > 1:
            text.append("  " + _("page {page}/{pages}").format(
                page=self.page + 1, pages=self.page_count()))
        summary = filter_summary(self.filter)
        if summary:
            text.append("  " + _("Filter: {what}").format(what=summary), style="dim")
        elif total:
            text.append("  " + _("All {n} entries").format(n=total), style="dim")
        self.query_one("#log-status", Static).update(CroppedLines(text))  # ASCII "..."

    def selected(self) -> Communication | None:
        return self._shown.get(selected_key(self.table) or "")

    def _show_detail(self) -> None:
        comm = self.selected()
        detail = self.query_one("#log-detail-text", Static)
        if comm is None:
            detail.update(Text(_("Press a to add a contact: a call, a message, a letter or a "
                                 "visit."), style="dim"))
            return
        # Wrapped: the Chinese line-breaking rules (a source's 《title》 kept whole).
        detail.update(Wrapped(entry_details(comm, self._breaches.get(comm.id or 0, []))))

    @on(DataTable.RowHighlighted, "#log")
    def _highlighted(self) -> None:
        self._current = selected_key(self.table)
        self._show_detail()

    @on(DataTable.RowSelected, "#log")
    def _selected(self) -> None:
        self.action_edit()

    def export_context(self) -> ExportContext:
        """`e` offers the log as filtered here (lender and dates; the PDF lists every
        channel and marks the flagged entries)."""
        f = self.filter
        return ExportContext(log=True, lender=f.lender, start=f.start, end=f.end)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "page":
            return self.page_count() > 1
        return True

    # -- actions ----------------------------------------------------------------------

    def _form(self, comm: Communication | None) -> CommForm:
        now = default_contact_time(self.today, self.repay.now().time())
        return CommForm(self.repay.data().debts, comm, now=now)

    def action_add(self) -> None:
        self.app.push_screen(self._form(None).with_writer(self._save_new))

    def _save_new(self, comm: Communication) -> tuple[bool, Communication | None]:
        ok, saved = self.repay.save_or_keep(lambda: self.wb.communications.add(comm),
                                            _("Log entry saved."))
        if ok and saved is not None:
            self._select_next = str(saved.id)
        return ok, saved

    def action_edit(self) -> None:
        comm = self.selected()
        if comm is None:
            self.notify(_("Pick an entry in the log first."), severity="warning")
            return

        def write(result: Communication) -> tuple[bool, Communication | None]:
            return self.repay.save_or_keep(lambda: self.wb.communications.update(result),
                                           _("Log entry saved."))

        self.app.push_screen(self._form(comm).with_writer(write))

    def action_delete(self) -> None:
        comm = self.selected()
        if comm is None or comm.id is None:
            self.notify(_("Pick an entry in the log first."), severity="warning")
            return
        comm_id = comm.id
        question = Text(_("Delete the log entry of {when} with {lender}?").format(
            when=fmt.datetime_(comm.at), lender=comm.lender))
        self.app.push_screen(
            ConfirmModal(question),
            lambda yes: yes and self.repay.save(
                lambda: self.wb.communications.delete(comm_id), _("Log entry deleted.")),
        )

    def action_filter(self) -> None:
        names = lender_names(self.repay.data().communications)

        def chosen(result: LogFilter | None) -> None:
            if result is not None:
                self.set_filter(result)

        self.app.push_screen(LogFilterForm(self.filter, names), chosen)

    def action_flagged(self) -> None:
        """Every flagged entry, or back to every entry when flags already filter."""
        on = not (self.filter.flagged_only or self.filter.rule is not None)
        self.set_filter(dataclasses.replace(self.filter, flagged_only=on, rule=None))

    def action_clear_filter(self) -> None:
        self.set_filter(LogFilter())

    def action_page(self, delta: int) -> None:
        page = min(max(self.page + delta, 0), self.page_count() - 1)
        if page != self.page:
            self.page = page
            self._show_page()
            self.table.move_cursor(row=0, animate=False)

    def actions(self) -> list[ScreenAction]:
        return [
            ScreenAction(_("Add a log entry"), _("A call, message, letter or visit (key a)"),
                         self.action_add),
            ScreenAction(_("Edit the log entry"), _("Key m or Enter"), self.action_edit),
            ScreenAction(_("Delete the log entry"), _("Asks first (key d)"), self.action_delete),
            ScreenAction(_("Filter the log"), _("By lender, channel, dates, flags, words (/)"),
                         self.action_filter),
            ScreenAction(_("Show only flagged entries"),
                         _("Log entries flagged by the collection checks (key f)"),
                         self.action_flagged),
            ScreenAction(_("Show every log entry"), _("Clear the filter (key r)"),
                         self.action_clear_filter),
            ScreenAction(_("Older log entries"), _("The next page (key n)"),
                         lambda: self.action_page(1)),
            ScreenAction(_("Newer log entries"), _("The page before (key b)"),
                         lambda: self.action_page(-1)),
        ]

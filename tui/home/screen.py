"""Home: where the user stands on each step, the key figures, what to do next, warnings."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

import storage
from tui.frame.base import BaseScreen
from tui.palette import ScreenAction
from tui.widgets.cells import CroppedLines
from tui.widgets.stepbar import MARKS, NOT_BUILT, PENDING, PENDING_MARK, STEP_TITLES
from tui.widgets.wrap import Wrapped
from workbook import fmt
from workbook.i18n import N_, _

if TYPE_CHECKING:
    from workbook.overview import Overview

STATE_WORDS = {
    "done": N_("done"),
    "in_progress": N_("in progress"),
    "not_started": N_("not started"),
}
STATE_STYLES = {"done": "green", "in_progress": "yellow", "not_started": ""}
MAX_WARNINGS = 100


class HomeScreen(BaseScreen):
    STEP = 0
    AUTO_FOCUS = "#home-warnings"
    # h still works here (it does nothing), but the footer has no room for a key that
    # leads where the user already is.
    BINDINGS = [Binding("h", "app.go_home", N_("Home"), show=False, id="home")]

    def compose_body(self) -> ComposeResult:
        yield Static(_("Where you stand"), classes="section-title first")
        yield Static(id="home-step-list", markup=False)
        yield Static(_("Key figures"), classes="section-title")
        with Horizontal(id="home-figures"):
            yield Static(id="home-figure-list", markup=False)
            yield Static(id="home-next-due", markup=False)
        yield Static(id="home-next-action", markup=False)
        yield Static(id="home-warnings-title", classes="section-title", markup=False)
        with VerticalScroll(id="home-warnings"):
            yield Static(id="home-warning-list", markup=False)

    # -- figures: painted first, filled from a worker -------------------------------------
    # The step states, next action and warnings walk the whole log (conduct rules over
    # every contact): on a 10,000-entry workbook that is a good part of a second. Home
    # is drawn at once with its titles; a worker thread reads the records and works the
    # figures out, and they are put on this same screen when they arrive. A save or a
    # language switch meanwhile starts a new round; a late answer of an old one is
    # dropped (`_round`).

    _round = 0
    _figures_shown = False

    def __init__(self) -> None:
        super().__init__()
        # Set when the figures of the latest round are on screen (tests wait on it).
        self.figures_shown = asyncio.Event()

    def step_states(self) -> dict[int, str | None]:
        cached = self.repay.cached_step_states()
        return cached if cached is not None else dict.fromkeys(range(1, 8), PENDING)

    def refresh_data(self) -> None:
        self._round += 1
        self.figures_shown.clear()
        if not self._figures_shown:
            self._show_pending()
        args = (self._round, self.repay.data_version, self.repay.extra_lpr())
        # After the next paint: the first frame is written before the work starts.
        self.call_after_refresh(self._start_figures, *args)

    def _start_figures(self, round_: int, version: int, lpr: list) -> None:
        if round_ != self._round:
            return
        if not self.repay.is_open():
            # Started on a claimed workbook: the app reads it once this frame is on the
            # terminal (RepayApp.post_display_hook); its data_version bump starts a new round.
            return
        work = functools.partial(
            self._work_out, self.app, round_, version, lpr, self.repay.cached_data()
        )
        self.run_worker(work, thread=True, exclusive=True, group="home-figures")

    def _work_out(self, app, round_: int, version: int, lpr: list, data) -> None:
        """In a worker thread: read and work out; hand the result to the UI thread."""
        # Imported here, off the first frame's path: the rules bring every record class.
        from workbook.followup.progress import step_states
        from workbook.overview import build_overview

        try:
            data = data if data is not None else self.wb.snapshot()
            states = step_states(data, self.today)
            view = build_overview(data, self.today, lpr)
        except Exception:  # noqa: BLE001 - shown the ordinary way, on the UI thread
            _deliver(app, self._figures_failed, round_)
            return
        _deliver(app, self._figures_ready, round_, version, data, states, view)

    def _figures_ready(self, round_: int, version: int, data, states, view: Overview) -> None:
        if round_ != self._round or not self.is_attached:
            return
        if not self.repay.adopt(version, data, states):
            return  # a save came meanwhile: its own round is on the way
        self._figures_shown = True
        self._show_figures(view)
        self.refresh_chrome()
        self.figures_shown.set()

    def _figures_failed(self, round_: int) -> None:
        if round_ == self._round:  # again here, so the error is reported as anywhere else
            from workbook.overview import build_overview

            self._show_figures(build_overview(self.repay.data(), self.today, self.repay.extra_lpr()))
            self._figures_shown = True
            self.figures_shown.set()

    def _show_pending(self) -> None:
        self.query_one("#home-step-list", Static).update(self._steps(self.step_states()))
        self.query_one("#home-figure-list", Static).update(
            Text(_("Reading the workbook..."), style="dim")
        )
        for name in ("#home-next-due", "#home-next-action", "#home-warnings-title",
                     "#home-warning-list"):  # fmt: skip
            self.query_one(name, Static).update("")

    def _show_figures(self, view: Overview) -> None:
        self.query_one("#home-step-list", Static).update(self._steps(self.step_states()))
        self.query_one("#home-figure-list", Static).update(self._figures(view))
        self.query_one("#home-next-due", Static).update(self._next_due(view))
        nxt = Text()
        label = _("Next:")
        # A full-width colon already carries its space.
        nxt.append(label + ("" if label.endswith("：") else " "), style="bold")
        nxt.append(view.next_action or _("Nothing planned: every step is done."))
        self.query_one("#home-next-action", Static).update(Wrapped(nxt))
        self.query_one("#home-warnings-title", Static).update(
            Text(_("Warnings ({n})").format(n=len(view.warnings)))
        )
        self.query_one("#home-warning-list", Static).update(self._warnings(view.warnings))

    @staticmethod
    def _warnings(lines: list[str]) -> Table | Text:
        if not lines:
            return Text(_("No warnings."), style="dim")
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column()
        # A workbook of 500 debts has a thousand warnings: laying them all out (each
        # wrapped, measured again at every refresh) held the screen for seconds, and no
        # one reads past the first screenfuls. The rest are counted.
        for line in lines[:MAX_WARNINGS]:  # a hanging indent: the marks stay in their column
            table.add_row(Text("!", style="bold yellow"), Wrapped(line))
        if len(lines) > MAX_WARNINGS:
            more = _("and {n} more, on the steps they belong to.").format(
                n=len(lines) - MAX_WARNINGS
            )
            table.add_row("", Text(more, style="dim"))
        return table

    def _steps(self, states: dict[int, str | None]) -> Table:
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True, overflow="crop")
        table.add_column(no_wrap=True)
        for n in range(1, 8):
            state = states[n]
            if state == PENDING:
                table.add_row(Text(f"{PENDING_MARK[0]}{n}", style="dim"), _(STEP_TITLES[n]), "")
                continue
            mark = MARKS[state][0] if state else NOT_BUILT[0]
            style = STATE_STYLES[state] if state else "dim"
            table.add_row(
                Text(f"{mark}{n}", style=style),
                Text(_(STEP_TITLES[n]), style="" if state else "dim"),
                Text(_(STATE_WORDS[state]) if state else _("not built yet"), style=style or "dim"),
            )
        return table

    def _figures(self, view: Overview) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        surplus = (
            Text(fmt.money(view.surplus), style="bold red" if view.surplus < 0 else "")
            if view.surplus is not None
            else Text(_("not entered"), style="dim")
        )
        table.add_row(_("Total debt"), fmt.money(view.total_debt))
        table.add_row(_("Monthly payments now"), fmt.money(view.monthly_payments))
        table.add_row(_("Left for debts"), surplus)
        return table

    def _next_due(self, view: Overview) -> CroppedLines:
        # One line each, a long lender name cut with an ellipsis at the pane's edge.
        text = Text(_("Next payment due") + "\n", no_wrap=True)
        if view.next_due is None:
            text.append(_("none"), style="dim")
            return CroppedLines(text)
        late = view.next_due.due < self.today
        text.append(fmt.date_(view.next_due.due), style="bold red" if late else "bold")
        text.append("  " + fmt.money(view.next_due.amount))
        if late:
            text.append("  " + _("late"), style="bold red")
        text.append("\n")
        text.append(view.next_due.lender)
        return CroppedLines(text)

    # -- palette ----------------------------------------------------------------------

    def actions(self) -> list[ScreenAction]:
        return [
            ScreenAction(_("Rename this workbook"), _("The name at the left of the header"),
                         self.action_rename),
        ]

    def action_rename(self) -> None:
        from tui.home.workbook_name import WorkbookNameForm

        if not self.repay.writable():
            return
        try:
            settings = self.wb.settings()
        except storage.WorkbookError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return

        def write(name: str) -> tuple[bool, object]:
            changed = dataclasses.replace(settings, workbook_name=name)
            return self.repay.save_or_keep(lambda: self.wb.save_settings(changed),
                                           _("Workbook renamed."))

        self.app.push_screen(WorkbookNameForm(self.repay.workbook_name()).with_writer(write))


def _deliver(app, method, *args) -> None:
    """Run `method(*args)` on the UI thread, unless the app has closed meanwhile."""
    try:
        app.call_from_thread(method, *args)
    except RuntimeError:  # the app is no longer running: nothing to show it on
        pass

"""Home: where the user stands on each step, the key figures, what to do next, warnings."""

from __future__ import annotations

import dataclasses

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

import storage
from tui.frame.base import BaseScreen
from tui.palette import ScreenAction
from tui.widgets.stepbar import MARKS, NOT_BUILT, STEP_TITLES
from tui.widgets.wrap import Wrapped
from workbook import fmt
from workbook.i18n import N_, _
from workbook.overview import Overview, build_overview

STATE_WORDS = {
    "done": N_("done"),
    "in_progress": N_("in progress"),
    "not_started": N_("not started"),
}
STATE_STYLES = {"done": "green", "in_progress": "yellow", "not_started": ""}


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

    def refresh_data(self) -> None:
        view = build_overview(self.repay.data(), self.today, self.repay.extra_lpr())
        self.query_one("#home-step-list", Static).update(self._steps())
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
        for line in lines:  # a hanging indent: the marks stay in their own column
            table.add_row(Text("!", style="bold yellow"), Wrapped(line))
        return table

    def _steps(self) -> Table:
        states = self.repay.step_bar_states()
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True, overflow="crop")
        table.add_column(no_wrap=True)
        for n in range(1, 8):
            state = states[n]
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

    def _next_due(self, view: Overview) -> Text:
        text = Text(_("Next payment due") + "\n", no_wrap=True)
        if view.next_due is None:
            text.append(_("none"), style="dim")
            return text
        late = view.next_due.due < self.today
        text.append(fmt.date_(view.next_due.due), style="bold red" if late else "bold")
        text.append("  " + fmt.money(view.next_due.amount))
        if late:
            text.append("  " + _("late"), style="bold red")
        text.append("\n")
        text.append(view.next_due.lender)
        return text

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

"""Home: where the user stands on each step, the key figures, what to do next, warnings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from tui.overview import build_overview
from tui.screens.base import BaseScreen
from tui.steps import STEP_TITLES
from tui.widgets.stepbar import MARKS, NOT_BUILT
from workbook import fmt
from workbook.i18n import N_, _

STATE_WORDS = {
    "done": N_("done"),
    "in_progress": N_("in progress"),
    "not_started": N_("not started"),
}
STATE_STYLES = {"done": "green", "in_progress": "yellow", "not_started": ""}


class HomeScreen(BaseScreen):
    STEP = 0
    AUTO_FOCUS = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="home-top"):
            with Vertical(id="home-steps"):
                yield Static(_("Where you stand"), classes="section-title")
                yield Static(id="home-step-list", markup=False)
            with Vertical(id="home-figures"):
                yield Static(_("Key figures"), classes="section-title")
                yield Static(id="home-figure-list", markup=False)
        with Vertical(id="home-next"):
            yield Static(_("Next"), classes="section-title")
            yield Static(id="home-next-action", markup=False)
        with VerticalScroll(id="home-warnings", can_focus=False):
            yield Static(id="home-warning-list", markup=False)

    def refresh_data(self) -> None:
        data = self.repay.data()
        states = self.repay.step_bar_states()
        view = build_overview(data, self.today, self.repay.extra_lpr())

        steps = Table.grid(padding=(0, 1), expand=True)
        steps.add_column(no_wrap=True)
        steps.add_column(ratio=1, no_wrap=True, overflow="crop")
        steps.add_column(no_wrap=True, justify="right")
        for n in range(1, 8):
            state = states[n]
            mark = MARKS[state][0] if state else NOT_BUILT[0]
            word = _(STATE_WORDS[state]) if state else _("not built yet")
            style = STATE_STYLES[state] if state else "dim"
            steps.add_row(
                Text(f"{mark}{n}", style=style),
                Text(_(STEP_TITLES[n]), style="" if state else "dim"),
                Text(word, style=style or "dim"),
            )
        self.query_one("#home-step-list", Static).update(steps)

        figures = Table.grid(padding=(0, 1), expand=True)
        figures.add_column()
        figures.add_column(justify="right", no_wrap=True)
        figures.add_row(_("Total debt"), fmt.money(view.total_debt))
        figures.add_row(_("Monthly payments now"), fmt.money(view.monthly_payments))
        surplus_style = "bold red" if view.surplus is not None and view.surplus < 0 else ""
        figures.add_row(
            _("Left each month"),
            Text(fmt.money(view.surplus) if view.surplus is not None else _("not entered"),
                 style=surplus_style),
        )
        if view.next_due is not None:
            figures.add_row(_("Next payment due"), fmt.date_(view.next_due.due))
            figures.add_row(Text(view.next_due.lender), fmt.money(view.next_due.amount))
        else:
            figures.add_row(_("Next payment due"), _("none"))
        self.query_one("#home-figure-list", Static).update(figures)

        self.query_one("#home-next-action", Static).update(
            Text(view.next_action or _("Nothing planned: every step is done."))
        )
        warnings = Text()
        for line in view.warnings:
            warnings.append("! ", style="bold yellow")
            warnings.append(line + "\n")
        if not view.warnings:
            warnings.append(_("No warnings."), style="dim")
        self.query_one("#home-warning-list", Static).update(warnings)

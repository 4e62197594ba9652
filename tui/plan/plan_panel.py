"""Step 4's lower half: the plan over every open debt, live.

One row per debt: what it asks for a month now against the request's instalment,
months, total cost and payoff date. The line under the table says whether the whole
plan fits what is left each month, and warns when it asks more or leaves money unused.
"""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui.widgets.cells import ELLIPSIS, GAP, Cell, date_cell, money_cell, text_cell
from tui.widgets.tables import FitTable, add_columns, selected_key, sync_rows
from tui.widgets.wrap import Wrapped, wrap_lines
from workbook import fmt
from workbook.i18n import N_, _, current_language
from workbook.models import Debt, Proposal, ProposalStatus, SplitMethod
from workbook.negotiation.asks import proposal_requests
from workbook.negotiation.plans import Effect, PlanSummary

LINE = 76  # the detail's width at 80 columns, until it is laid out

COLUMNS = (
    ("lender", N_("Lender")),
    ("status", N_("Status")),
    ("now", N_("Now")),
    ("new", N_("Plan")),
    ("months", N_("Months")),
    ("total", N_("Total cost")),
    ("payoff", N_("Paid off by")),
)
STATUS_SHORT = {
    ProposalStatus.DRAFT: N_("Draft"),
    ProposalStatus.SENT: N_("Sent"),
    ProposalStatus.DISCUSSING: N_("Talking"),
    ProposalStatus.ACCEPTED: N_("Accepted"),
    ProposalStatus.REJECTED: N_("Rejected"),
}


def months_cell(effect: Effect) -> Cell:
    if effect.one_off:
        return Cell(Text(GAP + _("once"), justify="right", no_wrap=True), 1)
    if effect.never_repays:
        return Cell(Text(GAP + _("never"), style="bold red", justify="right", no_wrap=True), 10**6)
    shown = str(effect.months) if effect.months is not None else fmt.EMPTY
    return Cell(Text(GAP + shown, justify="right", no_wrap=True), effect.months)


NO_TOTAL_SORT = Decimal("1e15")  # a debt never repaid costs more than any that is


def total_cell(effect: Effect) -> Cell:
    """The total cost: always an amount or a dash, never words. A payment that never
    repays has no total (the Months column says "never"); the line under the table
    says why and how much a month would repay it."""
    if effect.never_repays:
        return Cell(Text(GAP + fmt.EMPTY, style="bold red", justify="right", no_wrap=True),
                    NO_TOTAL_SORT)
    return money_cell(effect.total_cost)


def status_cell(proposal: Proposal | None) -> Cell:
    if proposal is None:
        return Cell(Text(GAP + _("none"), style="dim", no_wrap=True), -1)
    order = list(ProposalStatus).index(proposal.status)
    return Cell(Text(GAP + _(STATUS_SHORT[proposal.status]), no_wrap=True), order)


def totals_line(summary: PlanSummary) -> Text:
    """The whole plan against the budget, with the warning it calls for."""
    text = Text()
    text.append(
        _("Plan {new} a month, now {current}; left each month {surplus}.").format(
            new=fmt.money(summary.total_new),
            current=fmt.money(summary.total_current),
            surplus=fmt.money(summary.surplus),
        )
    )
    sep = "" if current_language() == "zh" else " "  # Chinese puts no space between sentences
    text.append(sep)
    if summary.over_budget:
        text.append(
            _("It asks {gap} a month more than you have: lower the amounts in red.").format(
                gap=fmt.money(summary.total_new - summary.surplus)
            ),
            style="bold red",
        )
    elif summary.surplus <= 0 and summary.rows:
        text.append(
            _(
                "Nothing is left each month to share: check your budget in step 2, or offer "
                "token payments (s)."
            ),
            style="yellow",
        )
    elif summary.unused > 0:
        text.append(
            _("{amount} a month is left unused: offer it or keep it as a buffer.").format(
                amount=fmt.money(summary.unused)
            ),
            style="yellow",
        )
    else:
        text.append(_("It fits the budget."), style="green")
    if summary.one_off_total > 0:
        text.append(
            sep
            + _("Settlements to pay at once: {amount}.").format(
                amount=fmt.money(summary.one_off_total)
            ),
            style="yellow",
        )
    return text


def detail_text(
    debt: Debt, proposal: Proposal | None, effect: Effect, width: int = LINE, lines: int = 4
) -> Text:
    """The selected row in words, in at most `lines` lines of `width`: the note (what is
    wrong and what would fit) is kept whole; what is asked for is cut if need be."""
    head = Text()
    head.append(debt.lender, style="bold")
    asks = [] if effect.agreed else proposal_requests(proposal, debt.balance)
    if asks:
        sep = "；" if current_language() == "zh" else "; "
        head.append("  " + _("Asks: ") + sep.join(asks))
    elif effect.agreed:
        pass
    elif proposal is None:
        head.append(
            "  " + _("No proposal yet: it is offered its share (Enter to set one)."), style="dim"
        )
    else:
        head.append("  " + _("Offers its share of what is left each month."), style="dim")
    note = Text(effect.note or "", style="green" if effect.agreed else "yellow")
    note_lines = fit_lines(note, width, lines - 1) if effect.note else []
    kept = fit_lines(head, width, lines - len(note_lines)) + note_lines
    return Text("\n").join(kept)


def fit_lines(text: Text, width: int, limit: int) -> list[Text]:
    """`text` wrapped to `width`, at most `limit` lines, the last ending in an ellipsis
    if cut."""
    lines = wrap_lines(text, width)
    if len(lines) <= limit:
        return lines
    kept = lines[: max(limit, 1)]
    last = kept[-1]
    last.rstrip()
    last.truncate(width - len(ELLIPSIS))
    last.rstrip()
    last.append(ELLIPSIS)
    return kept


class PlanPanel(Vertical):
    def __init__(self) -> None:
        super().__init__(id="plan-panel")
        self._rows: dict[str, tuple[Debt, Proposal | None, Effect]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="plan-title", markup=False, classes="panel-title")
        table = FitTable(flex={"lender": 8}, id="plan", cursor_type="row",
                         zebra_stripes=True, cell_padding=0)
        add_columns(table, COLUMNS, right=("now", "new", "months", "total"))
        yield table
        yield Static(id="plan-totals", markup=False)
        yield Static(id="plan-detail", markup=False)

    @property
    def table(self) -> DataTable:
        return self.query_one("#plan", DataTable)

    def show(
        self, summary: PlanSummary, proposals: dict[int, Proposal], split: SplitMethod
    ) -> None:
        title = Text(_("Plan"), style="bold")
        title.append("  " + _("Split: {method}").format(method=fmt.enum_label(split)))
        title.append("  " + _("s changes it, Enter sets a request"), style="dim")
        self.query_one("#plan-title", Static).update(title)
        self._rows = {
            str(debt.id): (debt, proposals.get(debt.id) if debt.id is not None else None, effect)
            for debt, effect in summary.rows
        }
        sync_rows(self.table, [(key, self._cells(*row)) for key, row in self._rows.items()])
        self.query_one("#plan-totals", Static).update(Wrapped(totals_line(summary)))
        self.show_detail()

    def _cells(self, debt: Debt, proposal: Proposal | None, effect: Effect) -> list:
        new_style = "" if effect.fits_budget or effect.one_off else "red"
        return [
            text_cell(debt.lender),
            status_cell(proposal),
            money_cell(effect.current_instalment),
            money_cell(effect.new_instalment, new_style),
            months_cell(effect),
            total_cell(effect),
            date_cell(effect.payoff_date),
        ]

    def selected(self) -> tuple[Debt, Proposal | None, Effect] | None:
        key = selected_key(self.table)
        return self._rows.get(key) if key else None

    def show_detail(self) -> None:
        row = self.selected()
        detail = self.query_one("#plan-detail", Static)
        if row is None:
            detail.update(Text(_("No open debts to plan for. Add them in step 1."), style="dim"))
        else:
            detail.update(detail_text(*row, width=detail.content_region.width or LINE))

    def on_resize(self) -> None:
        self.show_detail()

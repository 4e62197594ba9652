"""Step 4's upper half: the hardship reasons and the evidence behind them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui.widgets.cells import GAP, Cell, CroppedLines, text_cell
from tui.widgets.tables import FitTable, add_columns, selected_key, sync_rows
from workbook.i18n import N_, _, current_language
from workbook.models import Hardship
from workbook.negotiation.reasons import evidence_in_hand, evidence_missing, reason_label

COLUMNS = (
    ("reason", N_("Reason")),
    ("since", N_("Since")),
    ("evidence", N_("Evidence")),
    ("statement", N_("In your words")),
)


def evidence_count(hardship: Hardship) -> Cell:
    have = sum(1 for item in hardship.evidence if item.have)
    total = len(hardship.evidence)
    shown = _("{have} of {total}").format(have=have, total=total) if total else "-"
    style = "green" if total and have == total else ""
    return Cell(Text(GAP + shown, style=style, no_wrap=True), (have, total))


def evidence_line(hardships: list[Hardship]) -> Text | CroppedLines:
    """In hand, and still to gather (listed items not in hand, then suggestions)."""
    text = Text()
    if not hardships:
        text.append(
            _(
                "Add the reasons you cannot pay as agreed: job loss, income cut, illness, "
                "family emergency, business failure or other."
            ),
            style="dim",
        )
        return text
    sep = "、" if current_language() == "zh" else ", "
    have = evidence_in_hand(hardships)
    missing: dict[str, None] = {}
    for hardship in hardships:
        for item in evidence_missing(hardship):
            missing.setdefault(item.name.strip(), None)
    # One line each, cut to the width there is: the full lists are in each reason's form.
    text.append(_("In hand: "), style="green")
    text.append(sep.join(have) or _("nothing yet"))
    text.append("\n")
    text.append(_("To gather: "), style="yellow")
    text.append(sep.join(missing) or _("nothing more suggested"))
    return CroppedLines(text)


class ReasonsPanel(Vertical):
    def __init__(self) -> None:
        super().__init__(id="reasons-panel")
        self._hardships: dict[str, Hardship] = {}

    def compose(self) -> ComposeResult:
        title = Text(_("Reasons"), style="bold")
        title.append("  " + _("a adds, Enter edits, d deletes"), style="dim")
        yield Static(title, classes="panel-title", markup=False)
        table = FitTable(flex={"reason": 8, "statement": 12}, id="reasons", cursor_type="row",
                         zebra_stripes=True, cell_padding=0)
        add_columns(table, COLUMNS)
        yield table
        yield Static(id="reasons-evidence", markup=False)

    @property
    def table(self) -> DataTable:
        return self.query_one("#reasons", DataTable)

    def show(self, hardships: list[Hardship]) -> None:
        self._hardships = {str(h.id): h for h in hardships}
        sync_rows(self.table, [(str(h.id), self._cells(h)) for h in hardships])
        self.query_one("#reasons-evidence", Static).update(evidence_line(hardships))

    def _cells(self, hardship: Hardship) -> list:
        since = hardship.since.strftime("%Y-%m") if hardship.since else "-"
        statement = " ".join(hardship.statement.split()) or "-"
        return [
            text_cell(reason_label(hardship.kind)),
            text_cell(since, sort_key=hardship.since),
            evidence_count(hardship),
            text_cell(statement),
        ]

    def selected(self) -> Hardship | None:
        key = selected_key(self.table)
        return self._hardships.get(key) if key else None

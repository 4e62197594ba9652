"""Keep a DataTable in step with the data without rebuilding it, and fit it to its width.

Clearing and refilling a mounted table is slow for large tables (see the engineering
notes); `sync_rows` updates changed cells in place, removes rows that went away and
appends new ones, so a save touches only what changed.

`FitTable` gives its text columns (lender names, notes) the width there is: at full
width when the table fits, else narrowed (the cells end in an ellipsis, see
`cells.Cell`). Amount, date and number columns keep their full width always: when
even the narrowest text columns leave too little room, the table is wider than the
screen and scrolls sideways. Money is never cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from textual import events
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, ColumnKey, RowDoesNotExist

from tui.widgets import textual_fixes
from tui.widgets.cells import ELLIPSIS, Cell, header
from workbook.i18n import _

textual_fixes.speed_up_tables()  # our cells measured at once (see that module)


def share_width(room: int, columns: Mapping[str, tuple[int, int]]) -> dict[str, int]:
    """Widths for text columns {key: (natural, least)} sharing `room` cells.

    Each gets its natural width when all fit. Otherwise the narrow ones keep theirs and
    the wide ones share the rest equally ("water filling"), none below `least` (so the
    sum may exceed `room`: the table then scrolls).
    """
    if sum(natural for natural, _least in columns.values()) <= room:
        return {key: natural for key, (natural, _least) in columns.items()}
    widths: dict[str, int] = {}
    left = room
    order = sorted(columns, key=lambda key: columns[key][0])
    for n, key in enumerate(order):
        natural, least = columns[key]
        share = left // (len(order) - n)
        widths[key] = max(min(natural, least), min(natural, share))
        left -= widths[key]
    return widths


def _natural(console: Console, renderable: Any) -> int:
    # A fast path for our cells: rich's Measurement costs ten times more, and a table
    # of 10,000 debts measures 80,000 of them at each refit.
    if isinstance(renderable, Cell):
        return renderable.text.cell_len
    if isinstance(renderable, str):
        return cell_len(renderable)
    return Measurement.get(console, console.options, renderable).maximum


class FitTable(DataTable):
    """A DataTable whose `flex` columns ({key: least width}) share the width left over."""

    def __init__(self, *, flex: Mapping[str, int], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.flex = dict(flex)

    def fit(self) -> None:
        """Set the flex columns' widths for the table's present width and cells."""
        room = self.content_region.width
        if room <= 0 or not self.is_mounted:
            return  # not laid out yet: the first resize fits it
        if self.row_count + (1 if self.show_header else 0) > self.content_region.height:
            # more rows than lines: the vertical scrollbar takes its cells (it appears
            # after this runs, with no resize of the table to fit it again)
            room -= self.styles.scrollbar_size_vertical
        console = self.app.console
        natural: dict[str, int] = {}
        for column_key, column in self.columns.items():
            cells = [_natural(console, cell) for cell in self.get_column(column_key)]
            natural[str(column_key.value)] = max([_natural(console, column.label), *cells])
        fixed = sum(width for key, width in natural.items() if key not in self.flex)
        flex = {
            key: (natural[key], max(least, _natural(console, self.columns[ColumnKey(key)].label),
                                    len(ELLIPSIS) + 2))
            for key, least in self.flex.items() if key in natural
        }
        changed = False
        for name, width in share_width(room - fixed, flex).items():
            column = self.columns[ColumnKey(name)]
            auto = width >= natural[name]
            if column.auto_width != auto or (not auto and column.width != width):
                column.auto_width, column.width = auto, width
                changed = True
        if changed:
            # DataTable has no public way to change a column's width once added: its
            # size and render caches are rebuilt the way its own width changes do.
            self._require_update_dimensions = True
            self._clear_caches()

    def _on_resize(self, event: events.Resize) -> None:
        super()._on_resize(event)
        self.fit()


def sync_rows(table: DataTable, rows: Sequence[tuple[str, Sequence[Any]]]) -> None:
    """Make `table` hold exactly `rows` (key, cells), in the table's column order."""
    wanted = {key for key, _cells in rows}
    for row_key in list(table.rows):
        if row_key.value not in wanted:
            table.remove_row(row_key)
    columns = list(table.columns)
    for key, cells in rows:
        try:
            current = table.get_row(key)
        except RowDoesNotExist:
            table.add_row(*cells, key=key)
            continue
        for column, old, new in zip(columns, current, cells, strict=True):
            if str(old) != str(new) or old != new:
                # update_width: an amount grown wider widens its column (never cut)
                table.update_cell(key, column, new, update_width=True)
    if isinstance(table, FitTable):
        table.fit()


def selected_key(table: DataTable) -> str | None:
    """The key of the row under the cursor, or None for an empty table."""
    if not table.row_count:
        return None
    try:
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    except CellDoesNotExist:  # cursor outside the rows while the table changes
        return None


def add_columns(
    table: DataTable, columns: Sequence[tuple[str, str]], right: Sequence[str] = ()
) -> None:
    """Add (key, msgid) columns, headers translated; those in `right` (amounts, numbers)
    have right-aligned headers, in line with their figures."""
    for key, label in columns:
        table.add_column(header(_(label) if label else "", right=key in right), key=key)

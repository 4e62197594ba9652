"""A rich table of figures that drops its least important columns rather than cut one.

Rich shrinks every column of a table wider than the screen, and a right-aligned
amount then loses its last digits ("¥12,345,6…"). `FigureTable` is laid out at the
width it is drawn at: while it does not fit, the next column of `drop` goes (the
schedule under step 1 loses Fees, then Principal, then Interest at 80 columns when
the amounts run to millions); what stays is shown whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table


class FigureTable:
    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[RenderableType]],
        drop: Sequence[int] = (),
        caption: str | None = None,
    ) -> None:
        self.headers = list(headers)
        self.rows = [list(row) for row in rows]
        self.drop = list(drop)  # column indexes, least important first
        self.caption = caption

    def table(self, columns: Sequence[int]) -> Table:
        table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
        for index in columns:
            table.add_column(self.headers[index], justify="right", no_wrap=True)
        for row in self.rows:
            table.add_row(*(row[index] for index in columns))
        if self.caption:
            table.caption = self.caption
        return table

    def columns_for(self, console: Console, options: ConsoleOptions, width: int) -> list[int]:
        """The columns shown at `width`: all, less the `drop` ones it takes to fit."""
        columns = list(range(len(self.headers)))
        unbounded = options.update_width(10_000)  # a measure is clamped to max_width
        for index in [None, *self.drop]:
            if index is not None:
                columns.remove(index)
            if Measurement.get(console, unbounded, self.table(columns)).maximum <= width:
                break
        return columns

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table(self.columns_for(console, options, options.max_width))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        full = Measurement.get(console, options, self.table(range(len(self.headers))))
        least = [i for i in range(len(self.headers)) if i not in self.drop]
        return Measurement(Measurement.get(console, options, self.table(least)).minimum,
                           full.maximum)

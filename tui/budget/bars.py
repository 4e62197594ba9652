"""A few amounts as horizontal bars of `#`, scaled to the largest (ASCII on purpose)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from workbook import fmt
from workbook.models import ZERO

BAR = "#"


def bar_length(amount: Decimal, largest: Decimal, width: int) -> int:
    """Cells for `amount` when `largest` fills `width`; any non-zero amount shows one."""
    if largest <= 0 or amount <= 0:
        return 0
    return max(1, min(width, int(amount * width / largest)))


class BarChart:
    """(label, amount, style) rows: label, amount, bar. Negative amounts show in words only.

    The bars take what is left of the width once labels and amounts are laid out (at
    most `width` cells): a large amount shortens the bars, it is never cut.
    """

    def __init__(self, rows: Sequence[tuple[str, Decimal, str]], width: int = 24) -> None:
        self.rows = list(rows)
        self.width = width

    def _fixed(self) -> int:
        label = max((cell_len(label) for label, _a, _s in self.rows), default=0)
        money = max((cell_len(fmt.money(amount)) for _l, amount, _s in self.rows), default=0)
        return label + 1 + money + 1

    def table(self, width: int) -> Table:
        largest = max((abs(amount) for _l, amount, _s in self.rows), default=ZERO)
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        for label, amount, style in self.rows:
            table.add_row(
                Text(label),
                Text(fmt.money(amount), style="bold red" if amount < 0 else ""),
                Text(BAR * bar_length(amount, largest, width), style=style),
            )
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table(max(0, min(self.width, options.max_width - self._fixed())))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self._fixed(), self._fixed() + self.width)


def bar_chart(rows: Sequence[tuple[str, Decimal, str]], width: int = 24) -> BarChart:
    return BarChart(rows, width)

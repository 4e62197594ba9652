"""A few amounts as horizontal bars of `#`, scaled to the largest (ASCII on purpose)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

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


def bar_chart(rows: Sequence[tuple[str, Decimal, str]], width: int = 24) -> Table:
    """(label, amount, style) rows: label, amount, bar. Negative amounts show in words only."""
    largest = max((abs(amount) for _l, amount, _s in rows), default=ZERO)
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    for label, amount, style in rows:
        table.add_row(
            Text(label),
            Text(fmt.money(amount), style="bold red" if amount < 0 else ""),
            Text(BAR * bar_length(amount, largest, width), style=style),
        )
    return table

"""Table cells that render as plain Text (never markup) and sort by their value.

A DataTable sorts rows by comparing cell objects; `Cell` compares by `key` (the
number or date behind the text), so sorting "¥9,000.00" after "¥12,000.00" is right.
Tables use `cell_padding=0` and every cell and header starts with one space: one
column of gap instead of two is what lets eight columns fit 80 terminal cells.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import total_ordering
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from workbook import fmt


def _comparable(value: Any) -> tuple[int, Any]:
    # None sorts last; mixed types never meet in one column.
    return (1, 0) if value is None else (0, value)


@total_ordering
class Cell:
    __slots__ = ("text", "key")

    def __init__(self, text: Text, key: Any) -> None:
        self.text = text
        self.key = key

    def __rich__(self) -> Text:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cell) and _comparable(self.key) == _comparable(other.key)

    def __lt__(self, other: Cell) -> bool:
        return _comparable(self.key) < _comparable(other.key)

    def __hash__(self) -> int:
        return hash(_comparable(self.key))

    def __str__(self) -> str:
        return self.text.plain


def crop(text: str, width: int) -> str:
    """`text` cut to `width` terminal cells (CJK counts two), marked with "~" when cut."""
    if cell_len(text) <= width:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    return out + "~"


GAP = " "


def styled_cell(text: str, style: str, key: object) -> Cell:
    """A table cell in a colour (tables have no padding: the gap is in the text)."""
    return Cell(Text(GAP + text, style=style, no_wrap=True), key)


def header(label: str) -> Text:
    """A column header (already translated), with the gap in front."""
    return Text(GAP + label, no_wrap=True)


def text_cell(value: str, width: int | None = None, sort_key: Any = None) -> Cell:
    shown = crop(value, width) if width else value
    key = value.casefold() if sort_key is None else sort_key
    return Cell(Text(GAP + shown, no_wrap=True), key)


def money_cell(amount: Decimal | None, style: str = "") -> Cell:
    text = Text(GAP + fmt.money(amount), justify="right", style=style, no_wrap=True)
    return Cell(text, amount)


def number_cell(value: int | Decimal | None, shown: str | None = None, style: str = "") -> Cell:
    text = shown if shown is not None else ("" if value is None else str(value))
    return Cell(Text(GAP + (text or fmt.EMPTY), justify="right", style=style, no_wrap=True), value)


def date_cell(day: date | None) -> Cell:
    return Cell(Text(GAP + fmt.date_(day), no_wrap=True), day)

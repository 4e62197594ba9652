"""Table cells that render as plain Text (never markup) and sort by their value.

A DataTable sorts rows by comparing cell objects; `Cell` compares by `key` (the
number or date behind the text), so sorting "¥9,000.00" after "¥12,000.00" is right.
Tables use `cell_padding=0` and every cell and header starts with one space: one
column of gap instead of two is what lets eight columns fit 80 terminal cells.

A cell is measured at its full width and cut only when it is drawn in a narrower
column (`tables.FitTable` narrows its text columns to the width there is): the cut
text ends with `ELLIPSIS`. Amounts are never cut: their columns are never narrowed.
Headers of right-aligned columns are right-aligned too (`header(..., right=True)`),
so a header stands over its figures.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import total_ordering
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from workbook import fmt
from workbook.linebreak import CANNOT_END


def _comparable(value: Any) -> tuple[int, Any]:
    # None sorts last; mixed types never meet in one column.
    return (1, 0) if value is None else (0, value)


@total_ordering
class Cell:
    """One table cell: its text and the value it sorts by.

    A plain one-style text (nearly every cell) is kept as its string, style and
    justification, its `Text` made when the cell is drawn: tables of 500 debts on
    three step screens held ~12,000 `Text` objects (~2.5 MB) for the 20 rows on
    screen. A text with spans or other settings is kept as it is.
    """

    __slots__ = ("_plain", "_style", "_justify", "_text", "key")

    def __init__(self, text: Text, key: Any) -> None:
        if _is_plain_cell(text):
            self._plain, self._style, self._justify = text.plain, text.style, text.justify
            self._text: Text | None = None
        else:
            self._plain, self._style, self._justify = text.plain, "", None
            self._text = text
        self.key = key

    @property
    def text(self) -> Text:
        if self._text is not None:
            return self._text
        return Text(self._plain, style=self._style, justify=self._justify, no_wrap=True)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # A DataTable renders each cell at its column's width: a narrowed column gets
        # the text cut with an ellipsis rather than silently at the edge.
        yield crop_text(self.text, options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = self._text.cell_len if self._text is not None else cell_len(self._plain)
        return Measurement(width, width)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cell) and _comparable(self.key) == _comparable(other.key)

    def __lt__(self, other: Cell) -> bool:
        return _comparable(self.key) < _comparable(other.key)

    def __hash__(self) -> int:
        return hash(_comparable(self.key))

    def __str__(self) -> str:
        return self._plain


def _is_plain_cell(text: Text) -> bool:
    # What the cell makers below build: Text(string, style=..., justify=..., no_wrap=True).
    return (
        not text.spans and text.no_wrap is True and text.overflow is None
        and text.end == "\n" and text.tab_size is None and "\n" not in text.plain
    )


# Three ASCII dots, not "…": U+2026 is East Asian *ambiguous* width and takes two
# cells on terminals set to "ambiguous = wide" (common in Chinese SSH clients), which
# would push every column after it out of line (engineering notes, CJK width).
ELLIPSIS = "..."
# Not left before the ellipsis: spaces, and an opening bracket with nothing in it ("王建国（...").
_DANGLING = " " + CANNOT_END


def _fit_index(text: str, width: int) -> int:
    """How many characters of `text` fit in `width` cells (a wide one never half)."""
    used = 0
    for index, ch in enumerate(text):
        used += cell_len(ch)
        if used > width:
            return index
    return len(text)


def crop(text: str, width: int) -> str:
    """`text` cut to `width` terminal cells (CJK counts two), ending in `ELLIPSIS` when cut."""
    if cell_len(text) <= width:
        return text
    if width <= len(ELLIPSIS):
        return ELLIPSIS[:max(0, width)]
    return text[:_fit_index(text, width - len(ELLIPSIS))].rstrip(_DANGLING) + ELLIPSIS


def crop_text(text: Text, width: int) -> Text:
    """Like `crop`, keeping `text`'s styles (the ellipsis takes the style of the text)."""
    if text.cell_len <= width:
        return text
    if width <= len(ELLIPSIS):
        return Text(ELLIPSIS[:max(0, width)], style=text.style, no_wrap=True)
    kept = text[:_fit_index(text.plain, width - len(ELLIPSIS))]
    dangling = len(kept.plain) - len(kept.plain.rstrip(_DANGLING))
    if dangling:  # right_crop(0) would empty the text
        kept.right_crop(dangling)
    kept.append(ELLIPSIS)
    kept.no_wrap = True
    return kept


GAP = " "


def styled_cell(text: str, style: str, key: object) -> Cell:
    """A table cell in a colour (tables have no padding: the gap is in the text)."""
    return Cell(Text(GAP + text, style=style, no_wrap=True), key)


def header(label: str, right: bool = False) -> Text:
    """A column header (already translated), with the gap in front; `right` for a
    column of amounts or numbers, which are right-aligned."""
    return Text(GAP + label, no_wrap=True, justify="right" if right else "left")


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


class CroppedLines:
    """A rich renderable: each line of `text` cut to the width it is drawn at, ending in
    `ELLIPSIS` (a one-line summary that uses a wide terminal and stays one line)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    @property
    def plain(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.text.split("\n", allow_blank=True):
            line = crop_text(line, options.max_width)
            line.end = "\n"
            line.no_wrap = True
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((line.cell_len for line in self.text.split("\n")), default=0)
        return Measurement(min(longest, 8), longest)

"""The header line: the workbook's name, where you are, and a read-only marker."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class TitleBar(Static):
    DEFAULT_CSS = """
    TitleBar { dock: top; height: 1; background: $primary; color: $text; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__(markup=False, id="title-bar")

    def set_title(self, workbook_name: str, place: str, note: str = "") -> None:
        # The workbook's name is user text: a Text, never markup.
        line = Text(no_wrap=True, overflow="crop")
        if note:  # first, so a long place name can never push it off the line
            line.append(f" {note} ", style="bold reverse")
            line.append("  ")
        line.append(workbook_name, style="bold")
        line.append(f"  >  {place}")
        self.update(line)

"""A list of lines to tick with Space: `[x]` when ticked, `>` at the cursor.

Up/Down move; subclasses bind Space to `tick` (Textual's own `toggle` action takes an
attribute name) with words that say what ticking means there (a chosen channel, a
document in hand). ASCII marks only: box glyphs are ambiguous width on many Chinese
terminals.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from workbook.i18n import N_


class TickList(Widget, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", N_("Previous"), show=False),
        Binding("down", "move(1)", N_("Next choice"), show=False),
    ]

    cursor: reactive[int] = reactive(0)

    def rows(self) -> list[tuple[bool, str]]:
        """(ticked, label) per line. Override."""
        raise NotImplementedError

    def empty_text(self) -> Text:
        return Text()

    def tick(self, index: int) -> None:
        """Turn line `index` on or off. Override."""
        raise NotImplementedError

    def render(self) -> Text:
        rows = self.rows()
        if not rows:
            return self.empty_text()
        text = Text()
        for i, (ticked, label) in enumerate(rows):
            here = self.has_focus and i == self.cursor
            if i:
                text.append("\n")
            text.append(">" if here else " ")
            text.append(("[x] " if ticked else "[ ] ") + label, style="reverse" if here else "")
        return text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self.rows()), 1)

    def action_move(self, delta: int) -> None:
        count = len(self.rows())
        if count:
            self.cursor = (self.cursor + delta) % count

    def action_tick(self) -> None:
        if self.rows():
            self.tick(self.cursor)
            self.refresh()

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

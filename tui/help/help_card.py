"""One step-7 card in full: a help line, a law card, an option or the abuse steps.

The lines come ready to show (translated, with source and as-of date); the first is
the title. Up/Down and PageUp/PageDown scroll; Esc or Close closes.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.widgets.keybar import KeyBar
from workbook.i18n import N_, _


def card_text(lines: Sequence[str]) -> Text:
    """The title in bold, then each line as a paragraph."""
    text = Text()
    if not lines:
        return text
    text.append(lines[0], style="bold")
    for line in lines[1:]:
        text.append("\n\n")
        text.append(line)
    return text


class HelpCard(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", N_("Close"), key_display="Esc", id="close")]

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__(classes="dialog")
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box help-card-box"):
            with VerticalScroll(id="help-card-body"):
                yield Static(card_text(self.lines), markup=False, id="help-card-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Close"), id="close")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help-card-body", VerticalScroll).focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)

"""Choose one record from a list (the debt an agreement is for, the debt or agreement a
document is about). Enter picks; Esc or Cancel goes back."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from tui.widgets.keybar import KeyBar
from workbook.i18n import N_, _


class PickRecord(ModalScreen[int | None]):
    """`choices` are (record id, line to show); the result is the chosen id."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), key_display="Esc", id="cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[int, RenderableType]]) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box pick-box"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield OptionList(
                *[Option(line, id=str(record_id)) for record_id, line in self.choices],
                id="pick-list",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Cancel"), id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#pick-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#pick-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

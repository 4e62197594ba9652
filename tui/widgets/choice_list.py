"""The list a `Choice` opens on Enter: every option at once, the current one
highlighted. Enter (or a click) takes the highlighted option; Esc keeps the old one.

A newcomer presses Enter on a select expecting it to open, not to save the form
behind it (issue 13); Left/Right still step through the options in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.widgets.keybar import KeyBar
from workbook.i18n import N_


class ChoiceList(ModalScreen[int | None]):
    """`labels` in order; the result is the index picked, None when cancelled."""

    DEFAULT_CSS = """
    ChoiceList { align: center middle; background: $background 60%; }
    ChoiceList .choice-list-box {
        background: $panel; width: auto; min-width: 30; max-width: 76;
        height: auto; max-height: 100%; padding: 0 1;
    }
    ChoiceList #choice-list { height: auto; max-height: 18; border: none; width: auto; }
    """
    BINDINGS = [
        # Before the list's own (hidden) Enter, so that the footer shows it.
        Binding("enter", "pick", N_("Choose"), key_display="Enter", priority=True,
                id="choice-pick"),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc", id="choice-cancel"),
    ]

    def __init__(self, title: str, labels: Sequence[str], current: int) -> None:
        super().__init__()
        self.title_text = title
        self.labels = list(labels)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="choice-list-box"):
            yield Static(Text(self.title_text, style="bold"), classes="choice-list-title")
            # Labels may be user text (lender names): Text, never markup.
            yield OptionList(
                *[Option(Text(label), id=str(i)) for i, label in enumerate(self.labels)],
                id="choice-list",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        options = self.query_one("#choice-list", OptionList)
        options.highlighted = self.current if 0 <= self.current < len(self.labels) else 0
        options.focus()

    @on(OptionList.OptionSelected, "#choice-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_pick(self) -> None:
        self.dismiss(self.query_one("#choice-list", OptionList).highlighted)

    def action_cancel(self) -> None:
        self.dismiss(None)

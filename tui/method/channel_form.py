"""Choose the channels for one debt, reading what each is good for while choosing.

Up/Down move through the channels, Space ticks one, Enter or Ctrl+S saves, Esc
cancels. The note under the list follows the highlighted channel.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.frame.form import SavesBeforeClosing
from tui.widgets.keybar import KeyBar
from tui.widgets.ticklist import TickList
from tui.widgets.wrap import Wrapped
from workbook.i18n import N_, _, current_language
from workbook.models import Channel, Debt
from workbook.negotiation.channels import channel_best_for, channel_label, channel_watch_out


class ChannelPicker(TickList):
    """Every channel on its own line, `[x]` when chosen."""

    BINDINGS = [Binding("space", "tick", N_("Tick"), key_display="Space", id="channel-tick")]

    def __init__(self, chosen: list[Channel], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = list(Channel)
        self.chosen = [c for c in self.options if c in chosen]

    def rows(self) -> list[tuple[bool, str]]:
        return [(c in self.chosen, channel_label(c)) for c in self.options]

    def tick(self, index: int) -> None:
        channel = self.options[index]
        if channel in self.chosen:
            self.chosen.remove(channel)
        else:
            self.chosen.append(channel)

    @property
    def value(self) -> list[Channel]:
        return [c for c in self.options if c in self.chosen]

    @property
    def highlighted(self) -> Channel:
        return self.options[self.cursor]


def channel_note_text(channel: Channel, title_style: str = "bold") -> Text:
    """The channel's name, when it works best and what to watch out for."""
    colon = "：" if current_language() == "zh" else ": "
    text = Text()
    text.append(channel_label(channel), style=title_style)
    text.append("\n" + _("Works best") + colon, style="green")
    text.append(channel_best_for(channel))
    text.append("\n" + _("Watch out") + colon, style="yellow")
    text.append(channel_watch_out(channel))
    return text


class ChannelForm(SavesBeforeClosing, ModalScreen[list[Channel] | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), key_display="Ctrl+S", id="save"),
        Binding("enter", "save", N_("Save"), show=False, id="save-enter"),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc", id="cancel"),
    ]

    def __init__(self, debt: Debt) -> None:
        super().__init__(classes="dialog")
        self.debt = debt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box channel-box"):
            title = Text(_("How to contact {lender}").format(lender=self.debt.lender), style="bold")
            yield Static(title, classes="dialog-title")
            with Horizontal(classes="channel-columns"):
                yield ChannelPicker(self.debt.channels, id="channel-picker")
                yield Static(id="channel-note", markup=False)
            yield Static(
                Text(_("Space ticks a channel; you can choose several."), style="dim"),
                classes="channel-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), id="save", variant="primary")
                yield Button(_("Cancel"), id="cancel")
        yield KeyBar()  # over the step's footer: this dialog's keys, Ctrl+S saves

    @property
    def picker(self) -> ChannelPicker:
        return self.query_one(ChannelPicker)

    def on_mount(self) -> None:
        self.picker.focus()
        self.watch(self.picker, "cursor", self._show_note)

    def _show_note(self) -> None:
        note = channel_note_text(self.picker.highlighted)
        self.query_one("#channel-note", Static).update(Wrapped(note))

    def action_save(self) -> None:
        self.save_then_close(self.picker.value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

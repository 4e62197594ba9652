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
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Static

from workbook.channels import channel_best_for, channel_label, channel_watch_out
from workbook.i18n import N_, _
from workbook.models import Channel, Debt


class ChannelPicker(Widget, can_focus=True):
    """Every channel on its own line, `[x]` when chosen."""

    BINDINGS = [
        Binding("up", "move(-1)", N_("Previous"), show=False),
        Binding("down", "move(1)", N_("Next choice"), show=False),
        Binding("space", "toggle", N_("Tick"), id="channel-tick"),
    ]

    cursor: reactive[int] = reactive(0)

    def __init__(self, chosen: list[Channel], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = list(Channel)
        self.chosen = [c for c in self.options if c in chosen]

    def render(self) -> Text:
        text = Text()
        for i, channel in enumerate(self.options):
            mark = "[x]" if channel in self.chosen else "[ ]"
            here = self.has_focus and i == self.cursor
            text.append(">" if here else " ")
            text.append(f"{mark} {channel_label(channel)} ", style="reverse" if here else "")
            if i < len(self.options) - 1:
                text.append("\n")
        return text

    @property
    def value(self) -> list[Channel]:
        return [c for c in self.options if c in self.chosen]

    @property
    def highlighted(self) -> Channel:
        return self.options[self.cursor]

    def action_move(self, delta: int) -> None:
        self.cursor = (self.cursor + delta) % len(self.options)

    def action_toggle(self) -> None:
        channel = self.highlighted
        if channel in self.chosen:
            self.chosen.remove(channel)
        else:
            self.chosen.append(channel)
        self.refresh()

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def channel_note_text(channel: Channel) -> Text:
    text = Text()
    text.append(channel_label(channel), style="bold")
    text.append("\n" + _("Works best") + ": ", style="green")
    text.append(channel_best_for(channel))
    text.append("\n" + _("Watch out") + ": ", style="yellow")
    text.append(channel_watch_out(channel))
    return text


class ChannelForm(ModalScreen[list[Channel] | None]):
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="cancel"),
        Binding("ctrl+s,enter", "save", N_("Save"), id="save"),
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

    @property
    def picker(self) -> ChannelPicker:
        return self.query_one(ChannelPicker)

    def on_mount(self) -> None:
        self.picker.focus()
        self.watch(self.picker, "cursor", self._show_note)

    def _show_note(self) -> None:
        self.query_one("#channel-note", Static).update(channel_note_text(self.picker.highlighted))

    def action_save(self) -> None:
        self.dismiss(self.picker.value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

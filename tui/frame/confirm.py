"""Yes/no before anything destructive. Esc, n or the Cancel button say no."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.palette import DialogActionsProvider, ScreenAction
from tui.widgets.keybar import KeyBar
from tui.widgets.wrap import Wrapped
from workbook.i18n import N_, _


class ConfirmModal(ModalScreen[bool]):
    COMMANDS = {DialogActionsProvider}
    AUTO_FOCUS = "#no"  # the safe choice is the default
    BINDINGS = [
        Binding("y", "confirm", N_("Yes"), id="confirm"),
        Binding("escape,n", "cancel", N_("Cancel"), key_display="Esc/n", id="cancel"),
    ]

    def __init__(self, question: str | Text, *, yes_label: str | None = None) -> None:
        super().__init__(classes="dialog")
        self.question = question if isinstance(question, Text) else Text(question)
        self.yes_label = yes_label or _("Delete")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box confirm-box"):
            # Wrapped: a Chinese question breaks between characters, not inside numbers.
            yield Static(Wrapped(self.question), markup=False, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes_label, id="yes", variant="error")
                yield Button(_("Cancel"), id="no")
        yield KeyBar()

    @on(Button.Pressed, "#yes")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)

    def actions(self) -> list[ScreenAction]:
        return [
            ScreenAction(self.yes_label, _("Key y"), self.action_confirm),
            ScreenAction(_("Cancel"), _("Esc or n; nothing changes"), self.action_cancel),
        ]

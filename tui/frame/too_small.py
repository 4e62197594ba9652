"""Shown instead of a broken layout while the terminal is smaller than 80x24."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

from workbook.i18n import N_, _

MIN_WIDTH = 80
MIN_HEIGHT = 24


class TooSmallScreen(ModalScreen[None]):
    BINDINGS = [Binding("q", "app.quit", N_("Quit"), id="quit")]

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-message", markup=False)

    def on_mount(self) -> None:
        self._show(self.app.size)

    def on_resize(self, event: events.Resize) -> None:
        self._show(event.size)

    def on_screen_resume(self) -> None:
        # Back on top after a dialog that opened over it (a draft offered at start):
        # the terminal may have been enlarged meanwhile, with this notice underneath.
        if self.app.size.width >= MIN_WIDTH and self.app.size.height >= MIN_HEIGHT:
            self.dismiss()

    def _show(self, size: Size) -> None:
        self.query_one("#too-small-message", Static).update(
            Text(
                _("Please enlarge the terminal to at least {w} x {h}.").format(
                    w=MIN_WIDTH, h=MIN_HEIGHT
                )
                + "\n"
                + _("It is now {w} x {h}. Press q to quit.").format(w=size.width, h=size.height),
                justify="center",
            )
        )

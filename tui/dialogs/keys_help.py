"""`?`: every key of the screen it was opened from, translated."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from tui.widgets.keybar import key_label
from workbook.i18n import N_, _


def key_rows(screen: Screen) -> list[tuple[str, str]]:
    """(keys, what they do) for every binding active on `screen`, steps folded into 1-7."""
    by_action: dict[str, tuple[list[str], str]] = {}
    app = screen.app
    for _key, (_node, binding, _enabled, _tip) in screen.active_bindings.items():
        if binding.system or binding.action.startswith("app.goto_step"):
            continue
        keys, _desc = by_action.setdefault(binding.action, ([], binding.description))
        label = key_label(app, binding)
        if label not in keys:
            keys.append(label)
    rows = [(" / ".join(keys), _(desc) if desc else action) for action, (keys, desc) in by_action.items()]
    if any(b.action.startswith("app.goto_step") for _n, b, _e, _t in screen.active_bindings.values()):
        rows.insert(0, ("1-7", _("Go to step 1 to 7 (outside text fields)")))
    rows.append(("Tab / Shift+Tab", _("Move between fields and buttons")))
    return rows


class KeysHelp(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark", "close", N_("Close"), id="close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__(classes="dialog")
        self.rows = key_rows(screen)

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, what in self.rows:
            table.add_row(Text(keys), Text(what))
        with Vertical(classes="dialog-box keys-box"):
            yield Static(Text(_("Keys on this screen"), style="bold"), classes="dialog-title")
            with VerticalScroll(classes="keys-list"):
                yield Static(table)
            yield Button(_("Close"), id="close")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)

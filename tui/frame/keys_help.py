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

from tui.palette import DialogActionsProvider, ScreenAction
from tui.widgets.keybar import PALETTE, SHARED, key_label
from workbook.i18n import N_, _


def key_rows(screen: Screen) -> list[tuple[str, str]]:
    """(keys, what they do) for the screen's and the app's keys, steps folded into 1-7.

    Only our own bindings (they all have an id) and the palette: the focused widget's
    cursor keys and Textual's defaults are the usual ones, and listing them would bury
    the screen's own. The screen's keys come first, the shared ones after.
    """
    app = screen.app
    by_action: dict[str, tuple[list[str], str]] = {}
    steps = False
    found = list(screen.active_bindings.values())
    found.sort(key=lambda item: item[1].id in SHARED or item[0] is app)
    for _node, binding, _enabled, _tip in found:
        palette = binding.action == "command_palette"
        if _node not in (screen, app) or binding.system or not (binding.id or palette):
            continue
        if binding.action.startswith("app.goto_step"):
            steps = True
            continue
        desc = PALETTE if binding.action == "command_palette" else binding.description
        keys, _desc = by_action.setdefault(binding.action, ([], desc))
        label = key_label(app, binding)
        if label not in keys:
            keys.append(label)
    rows = [(" / ".join(keys), _(desc) if desc else action) for action, (keys, desc) in by_action.items()]
    if steps:
        rows.insert(0, ("1-7", _("Go to step 1 to 7 (outside text fields)")))
    rows.append(("Tab / Shift+Tab", _("Move between fields and buttons")))
    return rows


class KeysHelp(ModalScreen[None]):
    COMMANDS = {DialogActionsProvider}
    AUTO_FOCUS = "#close"
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

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)

    def actions(self) -> list[ScreenAction]:
        return [ScreenAction(_("Close"), _("Esc or ?"), self.action_close)]

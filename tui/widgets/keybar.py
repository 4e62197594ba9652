"""The footer: the keys of the current screen, translated when shown.

Textual's Footer shows `Binding.description` as given; ours are English message ids
(marked with `N_`) so the footer follows a language switch without rebuilding bindings.
The screen's own keys come first; when the line is too long for the terminal, the
shared keys give way (Home, then Quit, then the palette's words) - `?` and Ctrl+P
always stay, since they lead to everything else.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget

from workbook.i18n import N_, _

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import Binding
    from textual.screen import Screen

PALETTE = N_("All actions")
SHARED = {"home", "keys", "quit", "language", "theme", "profile"}
GIVE_WAY = ("home", "quit")  # dropped in this order when the line is too long


def key_label(app: App[object], binding: Binding) -> str:
    """How a binding's key is written for people: `?`, `Enter`, `Ctrl+P`."""
    display = binding.key_display or app.get_key_display(binding)
    return display.replace("^", "Ctrl+") if display.startswith("^") else display


class KeyBar(Widget, can_focus=False):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.refresh()

    def parts(self) -> list[tuple[str, str, str, bool]]:
        """(binding id, key, description, enabled) in the order shown."""
        found = list(self.screen.active_bindings.values())
        found.sort(key=lambda item: item[1].id in SHARED or item[1].action == "command_palette")
        seen: set[str] = set()
        parts = []
        for _node, binding, enabled, _tip in found:
            palette = binding.action == "command_palette"
            if not (binding.show or palette) or binding.action in seen:
                continue
            seen.add(binding.action)
            desc = _(PALETTE) if palette else _(binding.description)
            parts.append((binding.id or "", key_label(self.app, binding), desc, enabled))
        return parts

    def render(self) -> Text:
        key_style = str(self.app.theme_variables.get("footer-key-foreground", ""))
        parts = self.parts()
        width = self.size.width or 80
        for drop in (None, *GIVE_WAY, PALETTE):
            if drop == PALETTE:  # last resort: the palette key without its words
                parts = [(i, k, "" if d == _(PALETTE) else d, e) for i, k, d, e in parts]
            elif drop is not None:
                parts = [p for p in parts if p[0] != drop]
            line = self._line(parts, key_style)
            if line.cell_len <= width:
                break
        return line  # still too long: cropped at the edge

    @staticmethod
    def _line(parts: Iterable[tuple[str, str, str, bool]], key_style: str) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        for _id, key, desc, enabled in parts:
            text.append(f" {key}", style=f"bold {key_style}".strip())
            text.append(f" {desc} " if desc else " ", style="" if enabled else "dim")
        return text

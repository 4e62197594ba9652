"""The footer: the keys of the current screen, translated when shown.

Textual's Footer shows `Binding.description` as given; ours are English message ids
(marked with `N_`) so the footer follows a language switch without rebuilding bindings.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from workbook.i18n import N_, _

PALETTE = N_("All actions")
SHARED = {"home", "keys", "quit", "language", "theme", "profile"}


def key_label(app, binding) -> str:
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

    def _bindings_changed(self, _screen) -> None:
        self.refresh()

    def render(self) -> Text:
        key_style = "bold " + str(self.app.theme_variables.get("footer-key-foreground", ""))
        text = Text(no_wrap=True, overflow="crop")
        seen: set[str] = set()
        # The screen's own keys first, the shared ones (home, keys, quit, palette) after.
        found = list(self.screen.active_bindings.values())
        found.sort(key=lambda item: item[1].id in SHARED or item[1].action == "command_palette")
        for _node, binding, enabled, _tip in found:
            palette = binding.action == "command_palette"
            if not (binding.show or palette) or binding.action in seen:
                continue
            seen.add(binding.action)
            part = Text.assemble(
                (f" {key_label(self.app, binding)} ", key_style.strip()),
                (_(PALETTE) if palette else _(binding.description), "" if enabled else "dim"),
            )
            text.append_text(part)
            text.append(" ")
        return text

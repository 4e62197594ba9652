"""The command palette (Ctrl+P): the current screen's actions, then the global ones.

A full screen lists its own in `actions()`; the globals (steps, home, log, export,
profile, LPR table, language, theme, keys, quit) are here and reach the app only
through `PaletteHost`, so the palette knows no concrete screen. A dialog offers only
its own actions. Titles are translated when the palette opens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import NamedTuple, Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.screen import ModalScreen, Screen

from tui.widgets.stepbar import STEP_NUMBERS, STEP_TITLES
from workbook.i18n import _


class ScreenAction(NamedTuple):
    """One palette entry: translated title and help, and what it does."""

    title: str
    help: str
    callback: Callable[[], object]


class PaletteHost(Protocol):
    """What the global actions need of the app."""

    def action_go_home(self) -> None: ...
    def action_goto_step(self, step: int) -> None: ...
    def show_log(self) -> None: ...
    def show_lpr_table(self) -> None: ...
    def action_edit_profile(self) -> None: ...
    def action_switch_language(self) -> None: ...
    def action_toggle_theme(self) -> None: ...
    def exit(self) -> None: ...


class PaletteScreen(Protocol):
    """What the global actions need of a full screen."""

    def action_export(self) -> None: ...
    def action_show_keys(self) -> None: ...


def global_actions(screen: Screen) -> list[ScreenAction]:
    app = cast(PaletteHost, screen.app)
    full = cast(PaletteScreen, screen)
    found = [ScreenAction(_("Go home"), _("Where you stand on each step"), app.action_go_home)]
    for n in STEP_NUMBERS:
        found.append(
            ScreenAction(
                _("Go to step {n}: {title}").format(n=n, title=_(STEP_TITLES[n])),
                _("Key {n}").format(n=n),
                partial(app.action_goto_step, n),
            )
        )
    found.append(ScreenAction(_("Communication log"),
                              _("Every contact with lenders and collectors, and the conduct checks"),
                              app.show_log))
    found += [
        ScreenAction(_("Export"), _("Key e: a PDF, CSV, calendar or JSON file of where you are"),
                     full.action_export),
        ScreenAction(_("Edit profile"), _("Your name, ID number, phone and address for letters"),
                     app.action_edit_profile),
        ScreenAction(_("LPR table"), _("The dated one-year LPR behind the 4 x LPR benchmark; "
                                        "add newer values"), app.show_lpr_table),
        ScreenAction(_("Switch language"), _("Chinese or English; the choice is saved"),
                     app.action_switch_language),
        ScreenAction(_("Switch light or dark theme"), _("The choice is saved"),
                     app.action_toggle_theme),
        ScreenAction(_("Show keys"), _("Every key of this screen"),
                     full.action_show_keys),
        ScreenAction(_("Quit"), _("Everything is already saved"), app.exit),
    ]
    return found


def own_actions(screen: Screen) -> list[ScreenAction]:
    actions = getattr(screen, "actions", None)
    return list(actions()) if callable(actions) else []


def palette_actions(screen: Screen) -> list[ScreenAction]:
    """What the palette offers on `screen`: its own actions first."""
    if isinstance(screen, ModalScreen):
        # A dialog offers only its own actions (save, cancel, ...): going to a step
        # from inside a half-filled form would leave it behind.
        return own_actions(screen)
    return [*own_actions(screen), *global_actions(screen)]


class ActionsProvider(Provider):
    def _actions(self) -> Iterator[ScreenAction]:
        yield from palette_actions(self.screen)

    async def discover(self) -> Hits:
        for action in self._actions():
            # The palette reads plain strings as markup: titles go in as Content, help escaped.
            yield DiscoveryHit(
                Content(action.title), action.callback, text=action.title, help=escape(action.help)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for action in self._actions():
            score = max(matcher.match(action.title), matcher.match(action.help) * 0.5)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(action.title),
                    action.callback,
                    text=action.title,
                    help=escape(action.help),
                )


class DialogActionsProvider(ActionsProvider):
    """For a dialog's own `COMMANDS`: its actions (Save, Cancel, ...) instead of none."""

    def _actions(self) -> Iterator[ScreenAction]:
        yield from own_actions(self.screen)

"""The command palette (Ctrl+P): the current screen's actions, then the global ones.

Each screen lists its own in `actions()`; the globals (steps, home, language, theme,
profile, keys, quit) are here. Titles are translated when the palette opens.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from tui.screens.base import BaseScreen, ScreenAction
from tui.steps import STEP_TITLES, is_built
from workbook.i18n import _


def global_actions(screen: BaseScreen) -> list[ScreenAction]:
    app = screen.app
    found = [ScreenAction(_("Go home"), _("Where you stand on each step"), app.action_go_home)]
    for n in range(1, 8):
        if is_built(n):
            found.append(
                ScreenAction(
                    _("Go to step {n}: {title}").format(n=n, title=_(STEP_TITLES[n])),
                    _("Key {n}").format(n=n),
                    partial(app.action_goto_step, n),
                )
            )
    found.append(ScreenAction(_("Communication log"),
                              _("Every contact with lenders and collectors, and the conduct checks"),
                              partial(_show_log, app)))
    found += [
        ScreenAction(_("Export"), _("Key e: a PDF, CSV, calendar or JSON file of where you are"),
                     screen.action_export),
        ScreenAction(_("Edit profile"), _("Your name, ID number, phone and address for letters"),
                     app.action_edit_profile),
        ScreenAction(_("LPR table"), _("The dated one-year LPR behind the 4 x LPR benchmark; "
                                        "add newer values"), partial(_show_lpr_table, app)),
        ScreenAction(_("Switch language"), _("Chinese or English; the choice is saved"),
                     app.action_switch_language),
        ScreenAction(_("Switch light or dark theme"), _("The choice is saved"),
                     app.action_toggle_theme),
        ScreenAction(_("Show keys"), _("Every key of this screen"), screen.action_show_keys),
        ScreenAction(_("Quit"), _("Everything is already saved"), app.exit),
    ]
    return found


def _show_log(app) -> None:
    from tui.screens.commlog import show_log  # lazy: screens load after this module

    show_log(app)


def _show_lpr_table(app) -> None:
    from tui.dialogs.lpr_table import LprTableDialog

    app.push_screen(LprTableDialog())


def palette_actions(screen) -> list[ScreenAction]:
    """What the palette offers on `screen`: its own actions first."""
    if not isinstance(screen, BaseScreen):
        # A dialog offers only its own actions (save, cancel, ...): going to a step
        # from inside a half-filled form would leave it behind.
        own = getattr(screen, "actions", None)
        return list(own()) if callable(own) else []
    return [*screen.actions(), *global_actions(screen)]


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

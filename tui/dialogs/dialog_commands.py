"""The command palette on a dialog: the dialog's own actions (Save, Cancel, ...).

The app's provider offers screen and global actions on full screens only; a dialog
that sets `COMMANDS = {DialogActionsProvider}` and has an `actions()` method gets
its own list instead of an empty palette.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.commands import ActionsProvider
from tui.screens.base import ScreenAction


class DialogActionsProvider(ActionsProvider):
    def _actions(self) -> Iterator[ScreenAction]:
        actions = getattr(self.screen, "actions", None)
        yield from (actions() if callable(actions) else [])

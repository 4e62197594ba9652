"""Work-arounds for crashes inside Textual itself, applied once when the app loads.

OptionList._move_page (textual 8.2.8, used by the command palette's list): PageUp or
PageDown while the list has no size yet (a fast Ctrl+P, PageDown, a letter, PageDown:
the palette's results arrive in a list that is not laid out) reads
`_index_to_line[highlighted]` from line caches `_update_lines()` leaves empty until
the widget has a region, and raises KeyError (or IndexError on `_lines[-1]`), ending
the app. Reported against Textual by others, e.g. kagan-sh/kagan-legacy#31 ("KeyError
crash in action_page OptionsList", the same traceback from
textual/widgets/_option_list.py action_page_down). Until a fixed Textual is pinned,
a page move on a list without lines does nothing: the next key, once it is laid out,
works as usual. tests/tui/test_key_storm.py replays the sequence.

CommandPalette._watch__list_visible (same version): the palette's search worker can
finish after the palette was closed (Ctrl+P then Esc in quick succession); it then
queries its own children, which are gone, and NoMatches ends the app. A palette that
is no longer mounted has nothing to show or hide, so that update is skipped.
"""

from __future__ import annotations

from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.widgets import OptionList

_original_move_page = OptionList._move_page
_original_list_visible = CommandPalette._watch__list_visible


def _move_page(self: OptionList, direction) -> None:
    if not self.scrollable_content_region or not self._lines:
        return  # not laid out yet: nothing to page through
    try:
        _original_move_page(self, direction)
    except (KeyError, IndexError):
        return  # caches a render behind the options: ignore this one key


def _watch__list_visible(self: CommandPalette) -> None:
    if not self.is_mounted:
        return
    try:
        _original_list_visible(self)
    except NoMatches:
        return  # closing: its list is already gone


def apply() -> None:
    if OptionList._move_page is not _move_page:
        OptionList._move_page = _move_page  # type: ignore[method-assign]
    if CommandPalette._watch__list_visible is not _watch__list_visible:
        CommandPalette._watch__list_visible = _watch__list_visible  # type: ignore[method-assign]

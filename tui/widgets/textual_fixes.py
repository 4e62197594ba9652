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

And one for speed. DataTable sizes its columns by measuring every new cell with
`textual.render.measure`, which builds the console's options for each (the terminal's
size looked up every time): 500 debts took 70-90 ms of the app's thread after each
fill (a key pressed then waited; the log's 10,000 rows far more). Our cells
(`widgets.cells.Cell`) know their width: `_measure` answers for them at once, exactly
what their `__rich_measure__` gives Textual, and hands everything else to Textual.
`speed_up_tables()` puts it in place; `widgets.tables` calls it when it is imported
(with the first screen that has a table: DataTable's module is not needed before).
"""

from __future__ import annotations

from typing import Any

from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.widgets import OptionList

from tui.widgets.cells import Cell

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


def _measure(console: Any, renderable: Any, default: int, *,
             container_width: int | None = None) -> int:
    if type(renderable) is Cell:  # its width whatever the options (Cell.__rich_measure__)
        return renderable.text.cell_len
    return _textual_measure(console, renderable, default, container_width=container_width)


def _textual_measure(*args: Any, **kwargs: Any) -> int:
    from textual.render import measure  # what DataTable calls (textual.widgets._data_table)

    return measure(*args, **kwargs)


def apply() -> None:
    if OptionList._move_page is not _move_page:
        OptionList._move_page = _move_page  # type: ignore[method-assign]
    if CommandPalette._watch__list_visible is not _watch__list_visible:
        CommandPalette._watch__list_visible = _watch__list_visible  # type: ignore[method-assign]


def speed_up_tables() -> None:
    """DataTable measures our cells through `_measure` (see the module doc)."""
    from textual.widgets import _data_table as data_table

    if data_table.measure is not _measure:
        data_table.measure = _measure

"""Keep a DataTable in step with the data without rebuilding it.

Clearing and refilling a mounted table is slow for large tables (see the engineering
notes); `sync_rows` updates changed cells in place, removes rows that went away and
appends new ones, so a save touches only what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist


def sync_rows(table: DataTable, rows: Sequence[tuple[str, Sequence[Any]]]) -> None:
    """Make `table` hold exactly `rows` (key, cells), in the table's column order."""
    wanted = {key for key, _cells in rows}
    for row_key in list(table.rows):
        if row_key.value not in wanted:
            table.remove_row(row_key)
    columns = list(table.columns)
    for key, cells in rows:
        try:
            current = table.get_row(key)
        except RowDoesNotExist:
            table.add_row(*cells, key=key)
            continue
        for column, old, new in zip(columns, current, cells, strict=True):
            if str(old) != str(new) or old != new:
                table.update_cell(key, column, new)


def selected_key(table: DataTable) -> str | None:
    """The key of the row under the cursor, or None for an empty table."""
    if not table.row_count:
        return None
    try:
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    except CellDoesNotExist:  # cursor outside the rows while the table changes
        return None

"""The full-screen workbook (Textual): app, screens, dialogs, widgets, styles.

`tui.cli` is the `repay` command; it imports Textual only when the TUI opens.
"""

from pathlib import Path

from workbook.i18n import add_catalog_dir

add_catalog_dir(Path(__file__).parent / "locale")

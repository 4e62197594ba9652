"""The full-screen workbook (Textual): app, screens, dialogs, widgets, styles.

`tui.cli` is the `repay` command; it imports Textual only when the TUI opens.
"""

from pathlib import Path

from workbook.i18n import add_catalog_dir

add_catalog_dir(Path(__file__).parent / "locale")

# The TUI shows messages from every layer (storage errors, report names): make sure
# their catalogs are registered even before those packages are otherwise used.
import reports  # noqa: E402, F401
import storage  # noqa: E402, F401

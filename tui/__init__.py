"""The full-screen workbook (Textual): app, screens, dialogs, widgets, styles.

`tui.cli.main` is the `repay` command; it imports Textual only when the TUI opens.
"""

from pathlib import Path

from workbook.i18n import add_catalog_dir

# Each screen folder keeps its own catalog beside its code.
for _folder in sorted(Path(__file__).parent.glob("**/locale")):
    add_catalog_dir(_folder)

# The TUI shows messages from every layer (storage errors, report names): make sure
# their catalogs are registered even before those packages are otherwise used.
import reports  # noqa: E402, F401
import storage  # noqa: E402, F401

"""Documents the user prints, signs, sends and keeps: PDFs (reportlab), CSV, .ics.

Each document is a function of domain objects that writes one file (0600, written
to a temporary file beside it and moved into place). Import the document modules
directly (`reports.letter`, `reports.checklist`, ...): this package only registers
its message catalog, so importing it stays cheap.
"""

from pathlib import Path

from workbook.i18n import add_catalog_dir

add_catalog_dir(Path(__file__).parent / "locale")

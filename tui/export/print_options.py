"""Print: which printer (the default first) and how many copies, before `lp` runs.

Opened by the export dialog once CUPS has listed its printers; dismissed with a
`PrintChoice`, or None. The paper is always A4 (the documents are laid out for it).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Button

from reports.delivery import DeliveryError
from reports.delivery.printing import MAX_COPIES, Printers, check_copies
from tui.frame.form import FormDialog
from tui.widgets.field import Choice, Field
from workbook.i18n import _
from workbook.textnum import Parsed


@dataclass(frozen=True)
class PrintChoice:
    """What the dialog returns: the printer and how many copies."""

    printer: str
    copies: int


def parse_copies(text: str) -> Parsed[int]:
    try:
        return Parsed(check_copies(text))
    except DeliveryError as exc:
        return Parsed(error=exc.message)


class PrintOptions(FormDialog[PrintChoice | None]):
    AUTO_FOCUS = "#print-printer"

    def __init__(self, printers: Printers, document: str) -> None:
        super().__init__(_("Print: {document}").format(document=document))
        default = printers.default if printers.default in printers.names else None
        # The default first, so Enter at once prints one copy there.
        self.names = [default] if default else []
        self.names += [n for n in printers.names if n != default]
        self.disabled_printers = printers.disabled  # not `disabled`: that is Textual's own

    def compose_fields(self) -> ComposeResult:
        options = [(self._label(name), name) for name in self.names]
        yield Choice(_("Printer"), options, self.names[0], id="print-printer")
        yield Field(_("Copies (1-{most})").format(most=MAX_COPIES), parse_copies, "1",
                    id="print-copies", max_length=2)  # fmt: skip

    def _label(self, name: str) -> str:
        if name in self.disabled_printers:
            return _("{printer} (disabled)").format(printer=name)
        return name

    def on_mount(self) -> None:
        self.query_one("#save", Button).label = _("Print")

    def build(self, values: dict) -> PrintChoice:
        return PrintChoice(values["print-printer"], values["print-copies"])


__all__ = ["PrintChoice", "PrintOptions", "parse_copies"]

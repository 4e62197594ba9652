"""Rename the workbook: the name shown at the left of the header."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult

from tui.frame.form import FormDialog
from tui.widgets.field import Field, required_text
from workbook.i18n import _


class WorkbookNameForm(FormDialog[str | None]):
    AUTO_FOCUS = "#name Input"

    def __init__(self, name: str) -> None:
        super().__init__(_("Rename this workbook"))
        self.current = name

    def compose_fields(self) -> ComposeResult:
        yield Field(_("Workbook name *"), required_text(_("Give the workbook a name.")),
                    self.current, id="name", max_length=60)

    def build(self, values: dict[str, Any]) -> str:
        return values["name"]

"""The borrower's details used in letters. The ID number is never shown in full."""

from __future__ import annotations

import dataclasses
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.frame.form import FormDialog
from tui.widgets.field import Field, text_parser
from workbook import fmt
from workbook.i18n import _
from workbook.models import Profile
from workbook.textnum import Parsed

CLEAR = "-"


def id_parser(text: str) -> Parsed[str | None]:
    """Empty keeps the stored number (None), "-" clears it, else the new number."""
    value = text.strip().replace(" ", "")
    if not value:
        return Parsed(None)
    if value == CLEAR:
        return Parsed("")
    if not (6 <= len(value) <= 30) or not value.replace("-", "").isalnum():
        return Parsed(error=_("Type the ID number as printed: letters and digits only."))
    return Parsed(value.upper())


class ProfileForm(FormDialog[Profile | None]):
    AUTO_FOCUS = "#name Input"

    def __init__(self, profile: Profile) -> None:
        super().__init__(_("Your details for letters"))
        self.profile = profile

    def compose_fields(self) -> ComposeResult:
        p = self.profile
        yield Field(_("Name"), text_parser, p.name, id="name")
        stored = fmt.mask_id(p.id_number) if p.id_number else _("none")
        yield Static(
            Text(_("ID number on file: {masked}").format(masked=stored), style="dim"),
            classes="form-note",
        )
        yield Field(_("New ID number"), id_parser, "", id="id_number",
                    placeholder=_("empty keeps it, - clears it"))
        yield Field(_("Phone"), text_parser, p.phone, id="phone")
        yield Field(_("Address"), text_parser, p.address, id="address")
        yield Field(_("Email"), text_parser, p.email, id="email")

    def build(self, values: dict[str, Any]) -> Profile:
        new_id = values["id_number"]
        return dataclasses.replace(
            self.profile,
            name=values["name"],
            id_number=self.profile.id_number if new_id is None else new_id,
            phone=values["phone"],
            address=values["address"],
            email=values["email"],
        )

"""The borrower's details used in letters. The ID number is never shown in full.

What can be checked is checked where it is typed (`workbook.identity`, through
`workbook.parse`): the ID number's check character and date of birth, a mainland
mobile number, the shape of an e-mail address. Each is stored in half-width form.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import partial
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.frame.form import FormDialog
from tui.widgets.field import Field, text_parser
from workbook import fmt
from workbook.i18n import _
from workbook.models import Profile
from workbook.parse import parse_email, parse_id_number, parse_mobile
from workbook.textnum import Parsed, clean

CLEAR = "-"


def id_parser(text: str, *, today: date) -> Parsed[str | None]:
    """Empty keeps the stored number (None), "-" clears it, else the new number."""
    if not text.strip():
        return Parsed(None)
    if clean(text) == CLEAR:  # also a full-width or Chinese-IME dash
        return Parsed("")
    return parse_id_number(text, today=today, required=True)


class ProfileForm(FormDialog[Profile | None]):
    AUTO_FOCUS = "#name Input"

    def __init__(self, profile: Profile, *, today: date) -> None:
        super().__init__(_("Your details for letters"))
        self.profile = profile
        self.today = today

    def compose_fields(self) -> ComposeResult:
        p = self.profile
        yield Field(_("Name"), text_parser, p.name, id="name")
        stored = fmt.mask_id(p.id_number) if p.id_number else _("none")
        yield Static(
            Text(_("ID number on file: {masked}").format(masked=stored), style="dim"),
            classes="form-note",
        )
        yield Field(_("New ID number"), partial(id_parser, today=self.today), "",
                    id="id_number", placeholder=_("empty keeps it, - clears it"))
        yield Field(_("Mobile"), parse_mobile, p.phone, id="phone",
                    placeholder=_("11 digits, e.g. 138 0013 8000"))
        yield Field(_("Address"), text_parser, p.address, id="address")
        yield Field(_("Email"), parse_email, p.email, id="email",
                    placeholder="name@example.com")

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

"""The borrower's details a letter to a lender cannot do without: name, ID number and
phone (the lender finds the account by them and answers on the phone). The letter
prints a blank line for each one missing; the screens say which before it is sent."""

from __future__ import annotations

from workbook.i18n import N_
from workbook.models import Profile

# (Profile attribute, msgid as said in a sentence) in the order the letter prints them.
BORROWER_DETAILS: tuple[tuple[str, str], ...] = (
    ("name", N_("name")),
    ("id_number", N_("ID number")),
    ("phone", N_("phone number")),
)


def blank_details(profile: Profile) -> list[str]:
    """The msgids of the details the letter would print blank, in letter order
    (spaces alone count as blank: they print as nothing)."""
    return [label for attr, label in BORROWER_DETAILS if not str(getattr(profile, attr)).strip()]

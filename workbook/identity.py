"""Parsers for the borrower's details in letters: the ID number, a mobile number, an
e-mail address. Re-exported by `workbook.parse`; like every parser there, none raises
and a wrong entry gets one sentence saying what is wrong and what is accepted.

Values come back in half-width normal form, the form they are stored in: a Chinese
input method types full-width digits (１３８), a full-width ＠ or 。 for the dot.

- ID number: the 18-character citizen identity number of GB 11643-1999 (also used by
  the residence permits of Hong Kong, Macao and Taiwan residents and by the 2023
  foreigners' permanent residence card): 17 digits, then a check character, a digit
  or X, worked out by ISO 7064 MOD 11-2. Characters 7 to 14 are the date of birth,
  which must be a real date and not after today. The old 15-digit numbers are no
  longer valid documents, so they are refused with a word on why. The region code
  (the first six digits) is not checked: the list of codes changes and a correct
  number from a since-renamed county must still be accepted.
- Mobile: a mainland mobile number, 11 digits starting 13 to 19; spaces, dashes and
  a +86 / 0086 prefix are accepted and dropped.
- E-mail: name@domain.tld with nothing odd in it; only its shape is checked.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date

from workbook.i18n import N_, _
from workbook.textnum import Parsed, fail, too_long

ID_LENGTH = 18
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2**(17-i) mod 11
_ID_CHECK = "10X98765432"  # the check character for each remainder mod 11
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_OLD_ID = re.compile(r"[0-9]{15}")
_FIRST_BIRTH_YEAR = 1900

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_MOBILE_PREFIX = re.compile(r"^(?:\+86|0086|86(?=1[3-9][0-9]{9}$))")
_SEPARATORS = re.compile(r"[\s\-()]+")



@functools.cache
def _email_pattern() -> re.Pattern[str]:
    # Compiled when first used: its wide Unicode ranges take ~14 ms to compile, which
    # every start of the app would otherwise pay before the first screen.
    return re.compile(
        r"(?P<local>[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
        r"@(?P<domain>(?:[A-Za-z0-9\u00a0-\uffff](?:[A-Za-z0-9\u00a0-\uffff-]*"
        r"[A-Za-z0-9\u00a0-\uffff])?\.)+[A-Za-z\u00a0-\uffff]{2,})"
    )


MAX_EMAIL = 254  # RFC 5321's longest path


def _half_width(text: str) -> str:
    """Full-width letters, digits and ＠ to ASCII; the Chinese full stop to a dot."""
    return unicodedata.normalize("NFKC", text or "").replace("。", ".").strip()


def id_check_character(first17: str) -> str:
    """The 18th character of an ID number whose first 17 digits are `first17`."""
    if len(first17) != ID_LENGTH - 1 or not first17.isascii() or not first17.isdigit():
        raise ValueError("17 ASCII digits expected")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def parse_id_number(text: str, *, today: date, required: bool = False) -> Parsed[str]:
    """An 18-character ID number, upper-case X, without spaces; "" when empty."""
    if too_long(text):
        return fail(_("An ID number has 18 characters: 17 digits, then a digit or X."))
    s = _SEPARATORS.sub("", _half_width(text)).upper()
    if not s:
        if required:
            return fail(_("Enter the 18-character ID number as printed on the card."))
        return Parsed("")
    if _OLD_ID.fullmatch(s):
        return fail(_("Old 15-digit ID numbers are no longer valid: type the 18-character "
                      "number on your current card."))
    if len(s) != ID_LENGTH:
        return fail(_("An ID number has 18 characters (17 digits, then a digit or X); "
                      "{count} were typed.").format(count=len(s)))
    if not _ID_SHAPE.fullmatch(s):
        return fail(_("An ID number is 17 digits followed by a digit or X, with no other "
                      "letters or signs."))
    year, month, day = int(s[6:10]), int(s[10:12]), int(s[12:14])
    try:
        born = date(year, month, day)
    except ValueError:
        born = None
    if born is None or year < _FIRST_BIRTH_YEAR:
        return fail(_("Characters 7 to 14 of an ID number are the date of birth, and "
                      "{digits} is not a date: check them against the card.")
                    .format(digits=s[6:14]))
    if born > today:
        return fail(_("The date of birth in this ID number ({born}) is after today: check "
                      "characters 7 to 14.").format(born=born.isoformat()))
    if id_check_character(s[:17]) != s[17]:
        return fail(_("The last character does not match the other 17 (it is a check "
                      "digit): one of the characters is mistyped; compare them with the card."))
    return Parsed(s)


def parse_mobile(text: str, *, required: bool = False) -> Parsed[str]:
    """A mainland mobile number as 11 digits; "" when empty."""
    message = _("A mainland mobile number has 11 digits starting with 13 to 19, for "
                "example 138 0013 8000; spaces, dashes and +86 are fine.")
    if too_long(text):
        return fail(message)
    s = _SEPARATORS.sub("", _half_width(text))
    if not s:
        return fail(message) if required else Parsed("")
    s = _MOBILE_PREFIX.sub("", s)
    if _MOBILE.fullmatch(s):
        return Parsed(s)
    digits = sum(ch.isdigit() for ch in s)
    if s.isdigit() and digits != 11:
        return fail(_("That has {count} digits; a mainland mobile number has 11, starting "
                      "with 13 to 19.").format(count=digits))
    return fail(message)


def parse_email(text: str, *, required: bool = False) -> Parsed[str]:
    """An e-mail address of a plain shape, its domain in lower case; "" when empty."""
    message = _("Type the e-mail address as name@example.com, without spaces.")
    if len(text or "") > MAX_EMAIL:
        return fail(message)
    s = _half_width(text)
    if not s:
        return fail(message) if required else Parsed("")
    if s.count("@") != 1:
        return fail(_("An e-mail address has exactly one @, as in name@example.com."))
    m = _email_pattern().fullmatch(s)
    if m is None or len(s) > MAX_EMAIL:
        return fail(message)
    return Parsed(f"{m['local']}@{m['domain'].lower()}")


__all__ = ["id_check_character", "parse_email", "parse_id_number", "parse_mobile"]


def profile_problems(
    id_number: str, phone: str, email: str, *, today: date
) -> list[tuple[str, str]]:
    """(field label msgid, what is wrong) for each profile detail its form would refuse:
    a workbook imported or written elsewhere never passed the form's checks."""
    checks = (
        (N_("ID number"), parse_id_number(id_number, today=today)),
        (N_("Mobile"), parse_mobile(phone)),
        (N_("Email"), parse_email(email)),
    )
    return [(label, parsed.error) for label, parsed in checks if parsed.error is not None]

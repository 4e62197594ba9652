"""Shared pieces of the input parsers: the result type and text clean-up.

People type amounts with full-width digits from a Chinese input method, thousands
commas, currency marks and spaces; everything here turns that into one plain ASCII
form the parsers in `workbook.parse` can match with simple patterns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any, Generic, TypeVar

T = TypeVar("T", covariant=True)  # a Parsed[time] is a Parsed[datetime | time]

# Longer than any sensible amount, rate or date; keeps the work per keystroke bounded.
MAX_INPUT_CHARS = 100

# Characters NFKC leaves alone but people use in numbers.
_EXTRA = str.maketrans(
    {
        "。": ".",  # the Chinese full stop typed as a decimal point
        "−": "-",  # minus sign
        "–": "-",  # en dash
        "—": "-",  # em dash
        "﹣": "-",
        "、": ",",
    }
)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """A parser's answer: a value, or one sentence saying what is wrong and what works."""

    value: T | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def fail(message: str) -> Parsed[Any]:
    return Parsed(error=message)


def clean(text: str | None) -> str:
    """Full-width to ASCII, lower case, without any whitespace; "" for None."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_EXTRA)
    return _SPACE.sub("", text).lower()


def too_long(text: str | None) -> bool:
    return text is not None and len(text) > MAX_INPUT_CHARS


def decimal_places(value: Decimal) -> int:
    """Digits after the point that matter: 12.50 has 1, 12 has 0 (no rounding involved)."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    places = -exponent
    while places and digits and digits[-1] == 0:
        places, digits = places - 1, digits[:-1]
    return places


def plain(value: Decimal) -> Decimal:
    """`value` without trailing zeros and never in exponent form: 18.00 -> 18, -0 -> 0."""
    return exact(value, -decimal_places(value)) if value else Decimal(0)


def exact(value: Decimal, exponent: int) -> Decimal:
    """`value` with exactly `exponent` (e.g. -2 for cents); it must already fit."""
    with localcontext() as ctx:
        ctx.prec = 4 * MAX_INPUT_CHARS
        return value.quantize(Decimal(1).scaleb(exponent))


def scaled(number: str, power_of_ten: int) -> Decimal:
    """`number` (plain digits, maybe a point) times 10**power_of_ten, exactly."""
    with localcontext() as ctx:
        ctx.prec = 4 * MAX_INPUT_CHARS
        return Decimal(number).scaleb(power_of_ten)


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def small_number(text: str) -> Decimal | None:
    """A number as written after 万/千 in rates: "5", "2.5", "五", "二点五", "十五"."""
    if _ARABIC.fullmatch(text):
        return Decimal(text)
    whole, point, frac = text.partition("点")
    if point and (not frac or any(c not in _CN_DIGITS for c in frac)):
        return None
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        if len(tens) > 1 or len(ones) > 1 or any(c not in _CN_DIGITS for c in tens + ones):
            return None
        value = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    elif len(whole) == 1 and whole in _CN_DIGITS:
        value = _CN_DIGITS[whole]
    else:
        return None
    digits = "".join(str(_CN_DIGITS[c]) for c in frac)
    return Decimal(f"{value}.{digits}") if digits else Decimal(value)

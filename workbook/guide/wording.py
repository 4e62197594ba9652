"""Small text helpers shared by the guide texts: translate to a chosen language, and
format money, rates, dates and lists the way each language writes them.

The guide texts (letter, call sheet) must come out in a language that may differ from
the UI's, so everything here takes `lang` explicitly (None = the UI language).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from workbook import fmt
from workbook.i18n import current_language, translate
from workbook.models import Rate

CENT = Decimal("0.01")

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def language(lang: str | None) -> str:
    """The language to write in: `lang`, or the UI language when None."""
    return lang or current_language()


def tr(msgid: str, lang: str | None = None) -> str:
    """`msgid` in `lang` (None = the UI language)."""
    return translate(msgid, language(lang))


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def money_text(amount: Decimal, lang: str | None = None) -> str:
    """¥12,345.67, as everywhere else in the app."""
    return fmt.money(amount, lang=language(lang))


def percent_text(percent: Decimal) -> str:
    """18.00 -> "18", 0.050 -> "0.05": no trailing zeros, never exponent notation."""
    return format(percent.normalize(), "f")


def rate_text(rate: Rate, lang: str | None = None) -> str:
    """A rate with its unit, as everywhere else in the app: "18.00%/年"."""
    return fmt.rate(rate, lang=language(lang))


def enum_text(value: StrEnum, lang: str | None = None) -> str:
    """The app's label for an enum value, in `lang`."""
    return fmt.enum_label(value, language(lang))


def date_text(day: date, lang: str | None = None) -> str:
    """ "2026年3月5日" / "5 March 2026"."""
    if language(lang) == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def month_text(day: date, lang: str | None = None) -> str:
    """ "2026年3月" / "March 2026"."""
    if language(lang) == "zh":
        return f"{day.year}年{day.month}月"
    return f"{_MONTHS_EN[day.month - 1]} {day.year}"


def joined(items: Iterable[str], lang: str | None = None) -> str:
    """ "a, b and c" / "a、b及c" (及, not 和: an item may contain 和 itself)."""
    parts = [p for p in items if p]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    if language(lang) == "zh":
        return "、".join(parts[:-1]) + "及" + parts[-1]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def labelled(label: str, value: str, lang: str | None = None) -> str:
    """ "Name: value" / "姓名：value" (full-width colon in Chinese)."""
    sep = "：" if language(lang) == "zh" else ": "
    return f"{label}{sep}{value}"


def masked_id(id_number: str) -> str:
    return fmt.mask_id(id_number)

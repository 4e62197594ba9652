"""Parsers for what people type: each returns `Parsed` with a value or a reason.

No parser raises on any text: a bad entry gets one sentence in the current language
saying what is wrong and what is accepted. Money accepts `12,345.67`, `¥8000`,
`8000元`, `1.2万`, `3千`, `RMB 500` and full-width digits; rates keep their unit
(`年化18%`, `月息1.5%`, `0.05%/day`, `日息万五`); dates are year-month-day. The borrower's ID number, mobile number and e-mail address
are parsed in `workbook.identity` and exported from here.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import Decimal

from workbook.fmt import money
from workbook.i18n import _
from workbook.identity import id_check_character, parse_email, parse_id_number, parse_mobile
from workbook.models import Rate, RateUnit
from workbook.textnum import (
    Parsed,
    clean,
    decimal_places,
    exact,
    fail,
    plain,
    scaled,
    small_number,
    too_long,
)

__all__ = [
    "Parsed",
    "due_date",
    "id_check_character",
    "next_due_date",
    "parse_date",
    "parse_due_day",
    "parse_email",
    "parse_id_number",
    "parse_int",
    "parse_mobile",
    "parse_money",
    "parse_percent",
    "parse_rate",
]

MAX_MONEY = Decimal("1000000000000")
# A rate whose yearly equivalent (simple, ×12 or ×365) passes this is a typo or a wrong unit.
MAX_YEARLY_PERCENT = Decimal("1000")
RATE_PLACES = 6
PERCENT_PLACES = 4

_MULTIPLIER = {"万": 4, "w": 4, "千": 3, "k": 3, "百": 2, "亿": 8}
_MONEY = re.compile(
    r"(?P<s1>[+-])?(?:¥|rmb|cny|人民币)?(?P<s2>[+-])?"
    r"(?P<int>[0-9][0-9,]*)?(?:\.(?P<frac>[0-9]*))?"
    r"(?P<mult>万|千|百|亿|w|k)?(?:元整|元|块钱|块|整|rmb|cny|yuan)?"
)
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")


def _money_number(text: str) -> tuple[Decimal, bool] | str | None:
    """(value, negative) for a money-shaped text, "commas" for bad grouping, else None."""
    m = _MONEY.fullmatch(text)
    if not m or (m["s1"] and m["s2"]):
        return None
    whole, frac = m["int"] or "", m["frac"] or ""
    if not whole and not frac:
        return None
    if "," in whole:
        if not _GROUPED.fullmatch(whole):
            return "commas"
        whole = whole.replace(",", "")
    number = f"{whole or '0'}.{frac or '0'}"
    value = scaled(number, _MULTIPLIER.get(m["mult"] or "", 0))
    return value, (m["s1"] or m["s2"]) == "-"


def parse_money(
    text: str,
    *,
    required: bool = True,
    allow_negative: bool = False,
    allow_zero: bool = True,
    maximum: Decimal = MAX_MONEY,
) -> Parsed[Decimal]:
    """An amount of money in cents; None when empty and not required.

    More than two decimal places (after 万/千 are applied) is refused rather than
    rounded: a typo should not silently change what the user owes.
    """
    if too_long(text):
        return fail(_("That is too long for an amount; type digits such as 12,345.67."))
    s = clean(text)
    if not s:
        if required:
            return fail(_("Enter an amount, for example 12,345.67, ¥8000 or 1.2万."))
        return Parsed()
    parsed = _money_number(s)
    if parsed == "commas":
        return fail(_("Commas may only separate thousands, as in 12,345.67."))
    if not isinstance(parsed, tuple):
        return fail(
            _("That is not an amount: type digits, for example 12,345.67, ¥8000, 8000元 or 1.2万.")
        )
    value, negative = parsed
    if decimal_places(value) > 2:
        return fail(_("Amounts have at most two decimal places (fen), for example 123.45."))
    if negative and value:
        if not allow_negative:
            return fail(_("The amount cannot be negative; type it without the minus sign."))
        value = -value
    if not value and not allow_zero:
        return fail(_("The amount must be more than zero."))
    if abs(value) > maximum:
        return fail(
            _("That amount is too large; the most accepted is {maximum}.").format(
                maximum=money(maximum)
            )
        )
    return Parsed(exact(value, -2) if value else Decimal("0.00"))


# Words that give a rate its unit (or none: 利率 just says "rate"). Longest first so
# that "/month" wins over "/m" and "年化利率" over "年".
_UNIT_WORDS: dict[str, RateUnit | None] = {
    **dict.fromkeys(
        "年化利率 年化率 年化 年利率 年息 年率 年费率 每年 /年 年 peryear perannum p.a. pa ayear"
        " /year /yr /y annual annually yearly apr".split(),
        RateUnit.YEAR,
    ),
    **dict.fromkeys(
        "月利率 月息 月费率 月费 月率 每月 /月 月 permonth amonth /month /mo /m monthly".split(),
        RateUnit.MONTH,
    ),
    **dict.fromkeys(
        "日利率 日息 日费率 日率 每日 每天 /日 /天 日 天 perday aday /day /d daily".split(),
        RateUnit.DAY,
    ),
    **dict.fromkeys("利率 利息 费率 interestrate interest rate".split(), None),
}
_UNIT_RE = re.compile("|".join(re.escape(w) for w in sorted(_UNIT_WORDS, key=len, reverse=True)))
_PLAIN_RATE = re.compile(r"(?P<sign>[+-])?(?P<num>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?P<mark>%|‰)?")
# 万五 = five in ten thousand; 千一 = one in a thousand. These are per day by custom.
_PARTS_RATE = re.compile(r"(?P<sign>[+-])?(?P<base>万|千)(?:分之)?(?P<num>.+)")
_PER_YEAR = {RateUnit.YEAR: 1, RateUnit.MONTH: 12, RateUnit.DAY: 365}
# 分/厘 as people write rates: 月息1分 is 1 % a month, 月息8厘 0.8 %, 月息1分5厘 1.5 %;
# 年息一分 is 10 % a year, 年息8厘 8 %. Without 月 or 年 the size is ambiguous (and per
# day it is not said one way only): the user is asked.
_FEN_LI = re.compile(r"(?:(?P<fen>[^分厘]+)分)?(?:(?P<li>[^分厘]+)厘?)?")
_FEN_PERCENT = {RateUnit.MONTH: Decimal(1), RateUnit.YEAR: Decimal(10)}


def _fen_li(s: str, unit: RateUnit | None) -> Decimal | str | None:
    """The percent of a 分/厘 rate; a message when its unit leaves it ambiguous; None
    when `s` is not written in 分/厘."""
    if "分" not in s and "厘" not in s:
        return None
    m = _FEN_LI.fullmatch(s)
    if m is None or not (m["fen"] or m["li"]):
        return None
    fen = small_number(m["fen"]) if m["fen"] else Decimal(0)
    li = small_number(m["li"]) if m["li"] else Decimal(0)
    if fen is None or li is None or (m["li"] and li >= 10 and m["fen"]):
        return None
    if unit not in _FEN_PERCENT:
        return _(
            "分 and 厘 mean different sizes a month and a year: write 月息1分 (1% a month) "
            "or 年息1分 (10% a year)."
        )
    return (fen + li / 10) * _FEN_PERCENT[unit]


def _rate_number(s: str) -> tuple[Decimal, bool, bool] | None:
    """(percent, negative, written as 万X/千X) for the number part of a rate."""
    m = _PLAIN_RATE.fullmatch(s)
    if m:
        value = scaled(m["num"], -1 if m["mark"] == "‰" else 0)
        return value, m["sign"] == "-", False
    m = _PARTS_RATE.fullmatch(s)
    if m:
        n = small_number(m["num"])
        if n is None:
            return None
        return scaled(str(n), -2 if m["base"] == "万" else -1), m["sign"] == "-", True
    return None


def parse_rate(
    text: str, *, required: bool = True, default_unit: RateUnit = RateUnit.YEAR
) -> Parsed[Rate]:
    """A rate with its unit. No unit given: `default_unit`, except 万X/千X (per day)."""
    if too_long(text):
        return fail(_("That is too long for a rate; type for example 18% a year or 日息万五."))
    s = clean(text)
    if not s:
        if required:
            return fail(
                _("Enter the rate with its unit, for example 18% a year, 月息1.5% or 日息万五.")
            )
        return Parsed()
    units = {u for w in _UNIT_RE.findall(s) if (u := _UNIT_WORDS[w]) is not None}
    pieces = [p for p in _UNIT_RE.split(s) if p]
    if len(units) > 1:
        return fail(_("The rate names two different units; give one: a year, a month or a day."))
    fen_li = _fen_li(pieces[0], next(iter(units), None)) if len(pieces) == 1 else None
    if isinstance(fen_li, str):
        return fail(fen_li)
    number = (fen_li, False, False) if fen_li is not None else (
        _rate_number(pieces[0]) if len(pieces) == 1 else None)
    if number is None:
        return fail(
            _("That is not a rate: type for example 18%, 年化18%, 1.5%/月, 0.05%/day or 日息万五.")
        )
    percent, negative, per_parts = number
    if negative and percent:
        return fail(_("A rate cannot be negative."))
    if decimal_places(percent) > RATE_PLACES:
        return fail(_("A rate has at most six decimal places."))
    unit = units.pop() if units else (RateUnit.DAY if per_parts else default_unit)
    if percent * _PER_YEAR[unit] > MAX_YEARLY_PERCENT:
        return fail(
            _("That rate is over 1000% a year, which cannot be right: check the number and unit.")
        )
    return Parsed(Rate(plain(percent), unit))


_PERCENT = re.compile(r"(?P<sign>[+-])?(?P<num>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)%?")


def parse_percent(
    text: str, *, required: bool = True, maximum: Decimal = Decimal("100")
) -> Parsed[Decimal]:
    """A percentage such as a settlement discount or a card's minimum payment: "10%", "12.5"."""
    if too_long(text):
        return fail(_("That is too long for a percentage; type for example 10%."))
    s = clean(text)
    if not s:
        return fail(_("Enter a percentage, for example 10%.")) if required else Parsed()
    m = _PERCENT.fullmatch(s)
    if not m:
        return fail(_("That is not a percentage: type a number such as 10 or 12.5%."))
    value = scaled(m["num"], 0)
    if m["sign"] == "-" and value:
        return fail(_("A percentage cannot be negative."))
    if decimal_places(value) > PERCENT_PLACES:
        return fail(_("A percentage has at most four decimal places."))
    if value > maximum:
        return fail(_("The percentage can be at most {maximum}%.").format(maximum=maximum))
    return Parsed(plain(value))


_INT = re.compile(
    r"(?P<sign>[+-])?(?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.0*)?"
    r"(?:个月|月|期|天|日|次|个|笔|months?|days?|times?)?"
)


def parse_int(
    text: str, *, required: bool = True, minimum: int = 0, maximum: int = 10**6
) -> Parsed[int]:
    """A whole number (months, days, counts); "12", "12期", "12个月", "1,000" all work."""
    if too_long(text):
        return fail(_("That is too long for a number; type digits such as 12."))
    s = clean(text)
    if not s:
        return fail(_("Enter a whole number, for example 12.")) if required else Parsed()
    m = _INT.fullmatch(s)
    if not m:
        return fail(_("That is not a whole number: type digits such as 12."))
    value = int(m["num"].replace(",", ""))
    if m["sign"] == "-":
        value = -value
    if not minimum <= value <= maximum:
        return fail(
            _("Enter a whole number from {minimum} to {maximum}.").format(
                minimum=minimum, maximum=maximum
            )
        )
    return Parsed(value)


_DUE_DAY = re.compile(r"(?:每月)?(?P<num>[0-9]{1,2})(?:日|号|st|nd|rd|th)?")
_MONTH_END = {
    *"月末 月底 每月月末 每月月底 每月底 最后一天 每月最后一天 月最后一天".split(),
    *"end last monthend endofmonth endofthemonth lastday lastdayofthemonth eom".split(),
}


def parse_due_day(text: str, *, required: bool = True) -> Parsed[int]:
    """Day of the month a payment falls due, 1 to 31; "月末" or "end" is 31.

    29 to 31 fall back to the last day in shorter months (see `due_date`).
    """
    message = _("Enter the day of the month the payment is due, from 1 to 31 (for example 15).")
    if too_long(text):
        return fail(message)
    s = clean(text)
    if not s:
        return fail(message) if required else Parsed()
    if s in _MONTH_END:
        return Parsed(31)
    m = _DUE_DAY.fullmatch(s)
    if not m or not 1 <= int(m["num"]) <= 31:
        return fail(message)
    return Parsed(int(m["num"]))


_DATES = [
    re.compile(r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"),
    re.compile(r"(?P<y>[0-9]{4})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})[日号]?"),
    re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"),
]
MIN_YEAR, MAX_YEAR = 1900, 2199


def parse_date(text: str, *, required: bool = True) -> Parsed[date]:
    """A calendar date: 2026-12-01, 2026/12/1, 2026.12.1, 2026年12月1日 or 20261201."""
    message = _("Type the date as year-month-day, for example 2026-12-01 or 2026年12月1日.")
    if too_long(text):
        return fail(message)
    s = clean(text)
    if not s:
        return fail(message) if required else Parsed()
    for pattern in _DATES:
        m = pattern.fullmatch(s)
        if m:
            break
    else:
        return fail(message)
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return fail(
            _("The year must be between {first} and {last}.").format(first=MIN_YEAR, last=MAX_YEAR)
        )
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return fail(_("That day is not in the calendar: check the month and the day."))
    return Parsed(date(year, month, day))


def due_date(year: int, month: int, due_day: int) -> date:
    """The due date in that month: a due day past the month's end is its last day."""
    if not 1 <= due_day <= 31:
        raise ValueError(f"due day must be 1..31, not {due_day}")
    return date(year, month, min(due_day, calendar.monthrange(year, month)[1]))


def next_due_date(due_day: int, after: date) -> date:
    """The first due date on or after `after`."""
    this_month = due_date(after.year, after.month, due_day)
    if this_month >= after:
        return this_month
    year, month = (after.year + 1, 1) if after.month == 12 else (after.year, after.month + 1)
    return due_date(year, month, due_day)

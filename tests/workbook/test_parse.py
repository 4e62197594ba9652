"""The input parsers: what people type becomes a value or a reason, never an exception."""

from __future__ import annotations

import ast
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook import fmt, i18n
from workbook.models import Rate, RateUnit
from workbook.parse import (
    Parsed,
    parse_date,
    parse_due_day,
    parse_int,
    parse_money,
    parse_percent,
    parse_rate,
)

D = Decimal
PARSERS = [parse_money, parse_rate, parse_date, parse_due_day, parse_int, parse_percent]
NASTY = [
    "",
    " ",
    "NaN",
    "nan",
    "-NaN",
    "sNaN",
    "Infinity",
    "-inf",
    "1e999",
    "1E+5",
    "--1",
    "+-1",
    "１２３",
    "１２，３４５．６７",
    "\x00",
    "1\x002",
    "\u202e12",
    "9" * 99,
    "9" * 101,
    "1." + "9" * 98,
    "万",
    "万分之",
    "点五",
    "0x10",
    "1_000",
    "١٢٣",  # Arabic-Indic digits: not ours to guess
    "²",
    "ﷺ" * 100,
    "%",
    "¥",
    "元",
    "2026-02-29",
    "0000-00-00",
    "9999-99-99",
    "1,,000",
    ",",
    ".",
    "-",
    "31st",
    "月末",
]
ANY_TEXT = st.one_of(st.text(), st.sampled_from(NASTY), st.text(alphabet="0123456789,.-+%万千元¥e"))


def _is_answer(result: object) -> bool:
    if not isinstance(result, Parsed):
        return False
    if result.ok:
        return result.error is None
    return isinstance(result.error, str) and result.error.strip() != "" and result.value is None


@pytest.mark.parametrize("parser", PARSERS)
@given(text=ANY_TEXT, required=st.booleans())
def test_no_text_makes_a_parser_raise(parser, text, required):
    assert _is_answer(parser(text, required=required))


@given(
    text=ANY_TEXT,
    allow_negative=st.booleans(),
    allow_zero=st.booleans(),
    maximum=st.decimals(min_value=0, max_value=D("1e30"), places=2),
)
def test_parse_money_never_raises_whatever_the_options(text, allow_negative, allow_zero, maximum):
    result = parse_money(
        text, allow_negative=allow_negative, allow_zero=allow_zero, maximum=maximum
    )
    assert _is_answer(result)
    if result.value is not None:
        assert result.value.as_tuple().exponent == -2
        assert abs(result.value) <= maximum
        assert allow_negative or result.value >= 0
        assert allow_zero or result.value != 0


@given(text=ANY_TEXT, unit=st.sampled_from(RateUnit), minimum=st.integers(-5, 5))
def test_other_parsers_never_raise_whatever_the_options(text, unit, minimum):
    assert _is_answer(parse_rate(text, default_unit=unit))
    assert _is_answer(parse_int(text, minimum=minimum, maximum=minimum + 100))
    assert _is_answer(parse_percent(text, maximum=D("50")))


CENTS = st.decimals(min_value=0, max_value=D("1000000000000"), places=2)
FULL_WIDTH = str.maketrans("0123456789,.%", "０１２３４５６７８９，．％")


@given(d=CENTS)
def test_money_round_trips_through_str_and_common_spellings(d):
    grouped = f"{d:,}"
    for text in (
        str(d),
        grouped,
        f"¥{grouped}",
        f"{d}元",
        f"RMB {d}",
        grouped.translate(FULL_WIDTH),
    ):
        assert parse_money(text).value == d, text


@pytest.mark.parametrize("lang", ["zh", "en"])
@given(d=st.decimals(min_value=D("-1e12"), max_value=D("1e12"), places=2))
def test_formatted_money_parses_back(lang, d):
    i18n.set_language(lang)
    assert parse_money(fmt.money(d), allow_negative=True).value == d
    assert parse_money(fmt.money(d, symbol=False), allow_negative=True).value == d


@pytest.mark.parametrize("lang", ["zh", "en"])
@given(
    percent=st.decimals(min_value=0, max_value=D("2.7"), places=6),
    unit=st.sampled_from(RateUnit),
)
def test_formatted_rate_parses_back(lang, percent, unit):
    r = Rate(percent, unit)
    assert parse_rate(fmt.rate(r, lang)).value == r


@given(d=st.decimals(min_value=0, max_value=100, places=4))
def test_formatted_percent_parses_back(d):
    assert parse_percent(fmt.percent(d)).value == d


@given(d=st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_dates_round_trip_in_every_spelling(d):
    for text in (
        fmt.date_(d),
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}.{d.month}.{d.day}",
        f"{d.year}年{d.month}月{d.day}日",
        d.strftime("%Y%m%d"),
    ):
        assert parse_date(text).value == d, text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,345.67", D("12345.67")),
        ("¥8000", D("8000")),
        ("￥8,000.00", D("8000")),
        ("8000元", D("8000")),
        ("8000 块", D("8000")),
        ("人民币5000元整", D("5000")),
        ("CNY 1,000", D("1000")),
        ("1.2万", D("12000")),
        ("1.2w", D("12000")),
        ("3千", D("3000")),
        ("5k", D("5000")),
        ("1.5万元", D("15000")),
        ("1.23456万", D("12345.60")),
        ("１２，３４５．６７", D("12345.67")),
        ("１２３", D("123")),
        ("  99.9 ", D("99.90")),
        ("12.50", D("12.50")),
        ("12.500", D("12.50")),  # trailing zeros are not extra precision
        ("0", D("0")),
        (".5", D("0.50")),
        ("1 000 000", D("1000000")),
    ],
)
def test_money_accepts_what_people_type(text, value):
    result = parse_money(text)
    assert result.ok and result.value == value
    assert result.value.as_tuple().exponent == -2  # always to the cent


@pytest.mark.parametrize(
    "text",
    "NaN|Infinity|inf|1e999|1e5|--1|12.345|1.2345678万|1,2|1,2345|12,34.5|abc|¥|万|1.2.3|0x10"
    "|1 2 3 . 4 5 6".split("|"),
)
def test_money_rejects_what_is_not_an_amount(text):
    result = parse_money(text)
    assert not result.ok and result.value is None


def test_money_options():
    assert parse_money("", required=False) == Parsed()
    assert not parse_money("").ok
    assert not parse_money("-5").ok
    assert parse_money("-5", allow_negative=True).value == D("-5")
    assert parse_money("¥-5", allow_negative=True).value == D("-5")
    assert parse_money("-0").value == D("0")  # minus zero is zero, not a refusal
    assert not parse_money("0", allow_zero=False).ok
    assert parse_money("1,000,000,000,000").ok
    assert not parse_money("1,000,000,000,000.01").ok
    assert not parse_money("101", maximum=D("100")).ok


@pytest.mark.parametrize(
    ("text", "percent", "unit"),
    [
        ("18%", "18", RateUnit.YEAR),
        ("18", "18", RateUnit.YEAR),
        ("年化18%", "18", RateUnit.YEAR),
        ("年利率 18%", "18", RateUnit.YEAR),
        ("年化利率23.9%", "23.9", RateUnit.YEAR),
        ("18% a year", "18", RateUnit.YEAR),
        ("18% p.a.", "18", RateUnit.YEAR),
        ("APR 18%", "18", RateUnit.YEAR),
        ("1.5%/月", "1.5", RateUnit.MONTH),
        ("月息1.5%", "1.5", RateUnit.MONTH),
        ("1.5% per month", "1.5", RateUnit.MONTH),
        ("0.05%/day", "0.05", RateUnit.DAY),
        ("日息0.05%", "0.05", RateUnit.DAY),
        ("0.05% per day", "0.05", RateUnit.DAY),
        ("日息万五", "0.05", RateUnit.DAY),
        ("万五", "0.05", RateUnit.DAY),
        ("万分之五", "0.05", RateUnit.DAY),
        ("日息万分之二点五", "0.025", RateUnit.DAY),
        ("万3", "0.03", RateUnit.DAY),
        ("千分之一", "0.1", RateUnit.DAY),
        ("日息0.5‰", "0.05", RateUnit.DAY),
        ("１８％", "18", RateUnit.YEAR),
        ("0%", "0", RateUnit.YEAR),
        ("18.00%/年", "18", RateUnit.YEAR),
        ("0.05% / day", "0.05", RateUnit.DAY),
    ],
)
def test_rate_keeps_its_unit(text, percent, unit):
    assert parse_rate(text).value == Rate(D(percent), unit)


def test_rate_default_unit_applies_only_without_a_unit():
    assert parse_rate("1.5", default_unit=RateUnit.MONTH).value == Rate(D("1.5"), RateUnit.MONTH)
    assert parse_rate("年化18%", default_unit=RateUnit.DAY).value.unit is RateUnit.YEAR


def test_rate_stays_in_plain_notation():
    assert str(parse_rate("900.00%").value.percent) == "900"
    assert str(parse_rate("18.50%").value.percent) == "18.5"


@pytest.mark.parametrize(
    "text",
    "-18%|18%/月/年|月息18%/年|1年8%|1001%|100%/月|3%/day|abc|万|万分之|18%%|0.0000001%|NaN%|1e3%"
    "|18 % a month a year".split("|"),
)
def test_rate_rejections(text):
    assert not parse_rate(text).ok


def test_rate_empty():
    assert parse_rate("", required=False) == Parsed()
    assert not parse_rate("").ok


@pytest.mark.parametrize(
    ("text", "value"),
    [("10%", D("10")), ("12.5", D("12.5")), ("０％", D("0")), ("100", D("100"))],
)
def test_percent(text, value):
    assert parse_percent(text).value == value


@pytest.mark.parametrize("text", ["-1%", "101", "1.00001", "x", "10%%", "NaN"])
def test_percent_rejections(text):
    assert not parse_percent(text).ok


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("12期", 12), ("12 个月", 12), ("36 months", 36), ("1,000", 1000), ("3.0", 3)],
)
def test_int(text, value):
    assert parse_int(text).value == value


@pytest.mark.parametrize("text", ["12.5", "-1", "1e3", "x", "1,00", "1000001"])
def test_int_rejections(text):
    assert not parse_int(text).ok


def test_int_range():
    assert parse_int("-3", minimum=-5).value == -3
    assert not parse_int("13", maximum=12).ok
    assert parse_int("", required=False) == Parsed()


ERRORS = [
    lambda: parse_rate("1分"),  # 分/厘 without 月 or 年 (issue 10)
    lambda: parse_money(""),
    lambda: parse_money("abc"),
    lambda: parse_money("1,2"),
    lambda: parse_money("1.234"),
    lambda: parse_money("-1"),
    lambda: parse_money("0", allow_zero=False),
    lambda: parse_money("2000000000000"),
    lambda: parse_money("9" * 101),
    lambda: parse_rate(""),
    lambda: parse_rate("x"),
    lambda: parse_rate("-1%"),
    lambda: parse_rate("月息1%/年"),
    lambda: parse_rate("0.0000001"),
    lambda: parse_rate("5000%"),
    lambda: parse_rate("1" * 101),
    lambda: parse_percent(""),
    lambda: parse_percent("x"),
    lambda: parse_percent("-1"),
    lambda: parse_percent("1.00001"),
    lambda: parse_percent("200"),
    lambda: parse_percent("1" * 101),
    lambda: parse_int(""),
    lambda: parse_int("x"),
    lambda: parse_int("-1"),
    lambda: parse_int("1" * 101),
    lambda: parse_due_day("40"),
    lambda: parse_date("x"),
    lambda: parse_date("1800-01-01"),
    lambda: parse_date("2026-02-30"),
]


@pytest.mark.parametrize("make", ERRORS)
def test_every_message_exists_in_both_languages(make):
    i18n.set_language("en")
    english = make().error
    i18n.set_language("zh")
    chinese = make().error
    assert english and chinese and english != chinese
    assert any("\u4e00" <= c <= "\u9fff" for c in chinese)
    assert "{" not in english + chinese  # every placeholder was filled


def test_every_message_in_this_module_is_exercised():
    # Guards the list above: a message added later without a case here fails this.
    tree = ast.parse(Path(__file__).resolve().parents[2].joinpath("workbook/parse.py").read_text())
    msgids = {
        n.args[0].value
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "_"
    }
    i18n.set_language("en")
    seen = {make().error for make in ERRORS}
    missing = {m for m in msgids if not any(s.startswith(m.split("{")[0]) for s in seen)}
    assert not missing

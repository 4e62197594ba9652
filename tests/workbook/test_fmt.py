"""Display formatting: money, rates, percentages, dates, enum labels, masking."""

from __future__ import annotations

import inspect
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook import fmt, i18n, models
from workbook.models import Rate, RateUnit, RepaymentMethod

D = Decimal
MODEL_ENUMS = [
    obj
    for _, obj in inspect.getmembers(models, inspect.isclass)
    if issubclass(obj, StrEnum) and obj is not StrEnum
]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("12345.67"), "¥12,345.67"),
        (D("0"), "¥0.00"),
        (D("-80"), "-¥80.00"),
        (D("0.005"), "¥0.01"),  # half up, not half even
        (D("0.015"), "¥0.02"),
        (D("-0.004"), "¥0.00"),  # no "-0.00"
        (D("1E+6"), "¥1,000,000.00"),
        (None, "-"),
    ],
)
def test_money(value, text):
    assert fmt.money(value) == text


def test_money_options():
    assert fmt.money(D("1234.5"), symbol=False) == "1,234.50"
    assert fmt.money(D("-1234.5"), symbol=False) == "-1,234.50"
    assert fmt.money(D("5"), currency="USD") == "$5.00"
    assert fmt.money(D("5"), currency="JPY") == "JPY 5.00"
    assert fmt.money(D("5"), lang="en") == fmt.money(D("5"), lang="zh") == "¥5.00"


def test_nothing_uses_the_ambiguous_width_dash():
    samples = [fmt.money(None), fmt.rate(None), fmt.percent(None), fmt.date_(None)]
    samples += [fmt.datetime_(None), fmt.number(None)]
    assert all(s == "-" for s in samples)
    assert "—" not in "".join(samples)


@given(d=st.decimals(min_value=D("-1e15"), max_value=D("1e15"), allow_nan=False))
def test_money_always_shows_cents_and_groups(d):
    text = fmt.money(d, symbol=False)
    whole, _, cents = text.lstrip("-").partition(".")
    assert len(cents) == 2
    assert all(len(g) == 3 for g in whole.split(",")[1:])
    assert "E" not in text


@pytest.mark.parametrize(
    ("r", "en", "zh"),
    [
        (Rate(D("18")), "18.00% / year", "18.00%/年"),
        (Rate(D("1.5"), RateUnit.MONTH), "1.50% / month", "1.50%/月"),
        (Rate(D("0.05"), RateUnit.DAY), "0.05% / day", "0.05%/日"),
        (Rate(D("0.035"), RateUnit.DAY), "0.035% / day", "0.035%/日"),
        (Rate(D("0"), RateUnit.YEAR), "0.00% / year", "0.00%/年"),
        (Rate(D("1.8E+2")), "180.00% / year", "180.00%/年"),
    ],
)
def test_rate_in_both_languages(r, en, zh):
    assert fmt.rate(r, "en") == en
    assert fmt.rate(r, "zh") == zh
    i18n.set_language("zh")
    assert fmt.rate(r) == zh
    i18n.set_language("en")
    assert fmt.rate(r) == en


def test_percent_and_dates():
    assert fmt.percent(D("10")) == "10%"
    assert fmt.percent(D("12.50")) == "12.5%"
    assert fmt.percent(D("0.0025")) == "0.0025%"
    assert fmt.date_(date(2026, 3, 1)) == "2026-03-01"
    assert fmt.date_(datetime(2026, 3, 1, 23, 30)) == "2026-03-01"
    assert fmt.datetime_(datetime(2026, 3, 1, 23, 30, 59)) == "2026-03-01 23:30"
    assert fmt.number(D("1234.5678"), 3) == "1,234.568"


@pytest.mark.parametrize("enum", MODEL_ENUMS, ids=lambda e: e.__name__)
def test_every_enum_value_has_a_label_in_both_languages(enum):
    for value in enum:
        assert value in fmt.ENUM_LABELS, f"{enum.__name__}.{value.name} has no label"
        en = fmt.enum_label(value, "en")
        zh = fmt.enum_label(value, "zh")
        assert en and en != value.value
        assert any("\u4e00" <= c <= "\u9fff" for c in zh), zh
        assert en != zh


@pytest.mark.parametrize("enum", MODEL_ENUMS, ids=lambda e: e.__name__)
def test_labels_within_an_enum_are_distinct(enum):
    for lang in ("en", "zh"):
        labels = [fmt.enum_label(v, lang) for v in enum]
        assert len(set(labels)) == len(labels)


def test_enum_label_follows_the_current_language():
    i18n.set_language("zh")
    assert fmt.enum_label(RepaymentMethod.EQUAL_INSTALMENT) == "等额本息"
    i18n.set_language("en")
    assert fmt.enum_label(RepaymentMethod.EQUAL_INSTALMENT) == "Equal instalment (等额本息)"
    assert fmt.enum_label(models.ExpenseGroup.FOOD) == "Food and housekeeping"


def test_the_enum_list_is_complete():
    names = {e.__name__ for e in MODEL_ENUMS}
    assert {"LenderType", "RateUnit", "RepaymentMethod", "HardshipKind", "Channel"} <= names


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("110101199001011234", "110***********1234"),
        ("11010119900101123X", "110***********123X"),
        (" 110101 19900101 1234 ", "110***********1234"),
        ("", ""),
        ("1234", "****"),
        ("123456", "****56"),
    ],
)
def test_mask_id(raw, masked):
    assert fmt.mask_id(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("+86 138 1234 5678", "+86 138****5678"),
        ("008613812345678", "0086 138****5678"),
        ("", ""),
        ("95555", "***55"),
    ],
)
def test_mask_phone(raw, masked):
    assert fmt.mask_phone(raw) == masked


@given(st.text(alphabet="0123456789X", min_size=0, max_size=30))
def test_masks_hide_most_of_the_value(raw):
    for masked in (fmt.mask_id(raw), fmt.mask_phone(raw)):
        shown = sum(c != "*" for c in masked.replace("+86 ", "").replace("0086 ", ""))
        assert shown <= 7
        if len(raw) < 11:  # only a full-length number shows its usual 3 + 4
            assert shown <= len(raw) // 2 + 1


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**40), max_value=10**40))
def test_money_formats_any_finite_amount(d):
    # A maximum of 1e26 passed to parse_money once crashed its own error message.
    shown = fmt.money(d)
    assert shown.lstrip("-").startswith("¥")

"""Rates as people write them: 分/厘 with 月 or 年, 日息万五, full-width forms (issue 10)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook import i18n
from workbook.models import Rate, RateUnit
from workbook.parse import parse_rate


@pytest.mark.parametrize(
    ("text", "percent", "unit"),
    [
        ("月息1分", "1", RateUnit.MONTH),
        ("月息8厘", "0.8", RateUnit.MONTH),
        ("月息1分5厘", "1.5", RateUnit.MONTH),
        ("月息一分五", "1.5", RateUnit.MONTH),
        ("年息一分", "10", RateUnit.YEAR),
        ("年息8厘", "8", RateUnit.YEAR),
        ("年息10%", "10", RateUnit.YEAR),
        ("日息万五", "0.05", RateUnit.DAY),
        ("日利率0.05%", "0.05", RateUnit.DAY),
        ("月息１分", "1", RateUnit.MONTH),  # full-width digits
        ("年息１０％", "10", RateUnit.YEAR),
        ("日利率０.０５％", "0.05", RateUnit.DAY),
    ],
)
def test_the_ways_people_write_rates(text, percent, unit):
    assert parse_rate(text).value == Rate(D(percent), unit)


@pytest.mark.parametrize("text", ["1分", "8厘", "一分五", "日息1分"])
def test_fen_and_li_without_month_or_year_ask(text):
    i18n.set_language("en")
    result = parse_rate(text)
    assert result.value is None and "月息1分" in result.error and "年息1分" in result.error


@given(fen=st.integers(0, 9), li=st.integers(0, 9))
def test_month_fen_li_is_fen_plus_a_tenth_of_li(fen, li):
    if fen == 0 and li == 0:
        return
    result = parse_rate(f"月息{fen}分{li}厘")
    assert result.value == Rate(D(fen) + D(li) / 10, RateUnit.MONTH)
    assert parse_rate(f"年息{fen}分{li}厘").value == Rate(D(fen) * 10 + D(li), RateUnit.YEAR)

"""The date parsers: due days (the month end included) and calendar dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.parse import Parsed, due_date, next_due_date, parse_date, parse_due_day


@pytest.mark.parametrize(
    ("text", "day"),
    [(t, 15) for t in ("15", "15日", "15号", "每月15日", "15th", " １５ ")]
    + [("1", 1), ("31", 31), ("月末", 31), ("end", 31), ("05", 5)]
    + [(t, 31) for t in ("每月最后一天", "每月底", "End of month", "last day")],
)
def test_due_day(text, day):
    assert parse_due_day(text).value == day


@pytest.mark.parametrize("text", ["0", "32", "-1", "1.5", "十五", "x", "100"])
def test_due_day_rejections(text):
    assert not parse_due_day(text).ok


@pytest.mark.parametrize(
    "text",
    "2026-02-29 2026-13-01 2026-00-10 2026-12 12/01/2026 1899-12-31 2200-01-01 2026-12/1"
    " 2026年2月30日 tomorrow".split(),
)
def test_date_rejections(text):
    assert not parse_date(text).ok


def test_date_empty_and_leap_day():
    assert parse_date("", required=False) == Parsed()
    assert parse_date("2028-02-29").value == date(2028, 2, 29)


def test_due_date_falls_back_to_the_month_end():
    assert due_date(2026, 2, 31) == date(2026, 2, 28)
    assert due_date(2028, 2, 30) == date(2028, 2, 29)
    assert due_date(2026, 4, 31) == date(2026, 4, 30)
    assert due_date(2026, 1, 31) == date(2026, 1, 31)
    with pytest.raises(ValueError):
        due_date(2026, 1, 0)


@given(due_day=st.integers(1, 31), after=st.dates(date(1990, 1, 1), date(2190, 12, 1)))
def test_next_due_date_is_the_first_due_date_on_or_after(due_day, after):
    nxt = next_due_date(due_day, after)
    assert nxt >= after
    assert nxt == due_date(nxt.year, nxt.month, due_day)
    # Nothing between `after` and the answer is a due date.
    assert (nxt - after) < timedelta(days=32)
    day = after
    while day < nxt:
        assert day != due_date(day.year, day.month, due_day)
        day += timedelta(days=1)


def test_next_due_date_examples():
    assert next_due_date(15, date(2026, 12, 15)) == date(2026, 12, 15)
    assert next_due_date(15, date(2026, 12, 16)) == date(2027, 1, 15)
    assert next_due_date(31, date(2026, 2, 1)) == date(2026, 2, 28)
    assert next_due_date(31, date(2026, 3, 1)) == date(2026, 3, 31)

"""Schedules: published worked examples to the cent, and invariants for any input."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.models import Debt, DebtStatus, Rate, RateUnit, RepaymentMethod
from workbook.money.schedule import (
    add_months,
    build_schedule,
    cumulative_round,
    debt_monthly_payment,
    debt_schedule,
    due_date,
    monthly_rate,
    schedule_totals,
)

D = Decimal
M = RepaymentMethod
MORTGAGE = (D("1000000"), Rate(D("4.9")), 360)


def test_equal_instalment_published_example():
    # libraries.io/npm/loan-calculate-utils: 5307.27 a month, 910616.19 interest.
    rows = build_schedule(*MORTGAGE, M.EQUAL_INSTALMENT, date(2024, 1, 15))
    assert len(rows) == 360
    assert {row.payment for row in rows[:-1]} == {D("5307.27")}
    paid, principal, interest, fees = schedule_totals(rows)
    assert interest == D("910616.19")
    assert principal == D("1000000.00")
    assert paid == D("1910616.19")
    assert fees == 0
    assert rows[-1].payment == D("5306.26")  # the last one absorbs the rounding
    assert rows[0].interest == D("4083.33") and rows[0].principal == D("1223.94")
    assert rows[-1].balance == 0


def test_equal_principal_published_example():
    rows = build_schedule(*MORTGAGE, M.EQUAL_PRINCIPAL, date(2024, 1, 15))
    assert rows[0].payment == D("6861.11")
    _, principal, interest, _ = schedule_totals(rows)
    assert interest == D("737041.67")
    assert principal == D("1000000.00")
    # Payments fall by P/n × r each month (2777.78 × 0.0040833 ≈ 11.34).
    assert rows[0].payment - rows[1].payment in {D("11.34"), D("11.35")}


def test_interest_first_pays_principal_at_the_end():
    rows = build_schedule(D("100000"), Rate(D("12")), 12, M.INTEREST_FIRST, date(2024, 1, 10))
    assert [row.interest for row in rows] == [D("1000.00")] * 12
    assert [row.principal for row in rows[:-1]] == [0] * 11
    assert rows[-1].payment == D("101000.00") and rows[-1].balance == 0


def test_bullet_by_days_and_by_months():
    by_days = build_schedule(
        D("10000"), Rate(D("0.05"), RateUnit.DAY), 3, M.BULLET, date(2024, 2, 1),
        start=date(2024, 1, 1),
    )
    assert len(by_days) == 1
    assert by_days[0].due == date(2024, 4, 1)
    assert by_days[0].interest == D("455.00")  # 10000 × 0.05 % × 91 days
    by_months = build_schedule(D("10000"), Rate(D("12")), 3, M.BULLET, date(2024, 2, 1))
    assert by_months[0].interest == D("300.00")


def test_flat_fee_is_charged_on_the_original_principal():
    rows = build_schedule(D("12000"), Rate(D("0.6"), RateUnit.MONTH), 12, M.FLAT_FEE, date(2024, 1, 5))
    assert {row.payment for row in rows} == {D("1072.00")}
    assert {row.interest for row in rows} == {D("72.00")}
    # As a remaining balance, the fee stays on what was originally borrowed.
    rest = build_schedule(
        D("6000"), Rate(D("0.6"), RateUnit.MONTH), 6, M.FLAT_FEE, date(2024, 7, 5),
        original_principal=D("12000"),
    )
    assert rest[0].interest == D("72.00") and rest[0].principal == D("1000.00")


def test_card_minimum_with_floor_and_percentage():
    rows = build_schedule(
        D("10000"), Rate(D("0.05"), RateUnit.DAY), 600, M.CARD_MINIMUM, date(2024, 2, 1)
    )
    assert rows[0].interest == D("150.00")  # 1.5 % a month under ×360
    assert rows[0].payment == D("1015.00")  # 10 % of 10150
    assert rows[-1].balance == 0
    assert all(row.payment >= D("100") for row in rows[:-1])
    assert sum(row.principal for row in rows) == D("10000")


def test_card_minimum_that_never_repays_stops_at_the_cap():
    # 1 % minimum, no floor, 3 % interest a month: the balance grows.
    rows = build_schedule(
        D("1000"), Rate(D("3"), RateUnit.MONTH), 24, M.CARD_MINIMUM, date(2024, 2, 1),
        card_min_percent=D("1"), card_min_floor=D("0"),
    )
    assert len(rows) == 24
    assert rows[-1].balance > D("1000")
    assert all(row.principal == 0 and row.payment >= 0 for row in rows)


def test_monthly_fee_goes_into_every_row():
    rows = build_schedule(
        D("1200"), Rate(D("0")), 12, M.EQUAL_INSTALMENT, date(2024, 1, 5), monthly_fee=D("9.9")
    )
    assert {row.fees for row in rows} == {D("9.90")}
    assert {row.payment for row in rows} == {D("109.90")}


def test_other_with_a_stated_payment():
    rows = build_schedule(
        D("1000"), Rate(D("12")), 60, M.OTHER, date(2024, 1, 5), payment=D("300")
    )
    assert len(rows) == 4 and rows[-1].balance == 0
    assert rows[0].interest == D("10.00") and rows[0].principal == D("290.00")


def test_due_dates_keep_month_ends():
    rows = build_schedule(D("1000"), Rate(D("5")), 4, M.EQUAL_INSTALMENT, date(2024, 1, 31))
    assert [row.due for row in rows] == [
        date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30)
    ]
    assert due_date(2023, 14, 31) == date(2024, 2, 29)
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)


def test_monthly_rate_units_and_bases():
    assert monthly_rate(Rate(D("12"))) == D("0.01")
    assert monthly_rate(Rate(D("1.5"), RateUnit.MONTH)) == D("0.015")
    assert monthly_rate(Rate(D("0.05"), RateUnit.DAY)) == D("0.015")
    assert monthly_rate(Rate(D("0.05"), RateUnit.DAY), 365).quantize(D("1e-8")) == D("0.01520833")


def test_bad_input_is_refused_and_zero_has_no_rows():
    with pytest.raises(ValueError):
        build_schedule(D("100"), Rate(D("5")), 0, M.EQUAL_INSTALMENT, date(2024, 1, 1))
    with pytest.raises(ValueError):
        build_schedule(D("-1"), Rate(D("5")), 3, M.EQUAL_INSTALMENT, date(2024, 1, 1))
    assert build_schedule(D("0"), Rate(D("5")), 3, M.EQUAL_INSTALMENT, date(2024, 1, 1)) == []


def test_cumulative_round_keeps_running_totals():
    parts = cumulative_round([D(1) / 3] * 3)
    assert parts == [D("0.33"), D("0.34"), D("0.33")]
    assert sum(parts) == D("1.00")


def _debt(**kw):
    base = {
        "lender": "L", "balance": D("12000"), "rate": Rate(D("12")), "term_months": 12,
        "start_date": date(2024, 1, 10), "due_day": 10,
    }
    base.update(kw)
    return Debt(**base)


def test_debt_schedule_takes_elapsed_months_off_the_term():
    rows = debt_schedule(_debt(balance=D("6000")), date(2024, 7, 20))
    # Six of twelve due dates (Feb..Jul 10) have passed: six remain, Aug 10 to Jan 10.
    assert len(rows) == 6 and rows[-1].due == date(2025, 1, 10)
    assert rows[0].due == date(2024, 8, 10)
    assert sum(row.principal for row in rows) == D("6000")


def test_debt_schedule_is_empty_without_enough_to_compute():
    today = date(2024, 3, 1)
    assert debt_schedule(_debt(rate=None), today) == []
    assert debt_schedule(_debt(term_months=None), today) == []
    assert debt_schedule(_debt(status=DebtStatus.SETTLED), today) == []
    assert debt_schedule(_debt(balance=D("0")), today) == []


def test_debt_schedule_card_and_bullet_and_stated_payment():
    today = date(2024, 3, 1)
    card = _debt(method=M.CARD_MINIMUM, term_months=None, rate=Rate(D("0.05"), RateUnit.DAY))
    assert debt_schedule(card, today)[-1].balance == 0
    bullet = _debt(method=M.BULLET, principal=D("12000"), term_months=6)
    rows = debt_schedule(bullet, today)
    assert len(rows) == 1 and rows[0].due == date(2024, 7, 10)
    stated = _debt(term_months=None, monthly_payment=D("2000"))
    assert debt_schedule(stated, today)[0].payment == D("2000.00")
    assert debt_monthly_payment(bullet, today) == 0
    assert debt_monthly_payment(stated, today) == D("2000")
    assert debt_monthly_payment(_debt(rate=None), today) is None


amounts = st.decimals(min_value=D("0.01"), max_value=D("5000000"), places=2)
rates = st.decimals(min_value=D("0"), max_value=D("60"), places=2)
methods = st.sampled_from(list(RepaymentMethod))


@settings(max_examples=150, deadline=None)
@given(amounts, rates, st.integers(1, 360), methods, st.sampled_from([1, 15, 28, 29, 30, 31]))
def test_no_negative_balance_or_payment_and_principal_adds_up(principal, pct, n, method, day):
    rows = build_schedule(principal, Rate(pct), n, method, date(2024, 1, 1), due_day=day)
    assert rows
    for row in rows:
        assert row.payment >= 0 and row.principal >= 0 and row.interest >= 0
        assert row.balance >= 0
        assert row.payment == row.principal + row.interest + row.fees
        assert row.payment == row.payment.quantize(D("0.01"))
    if method != M.CARD_MINIMUM:
        assert sum(row.principal for row in rows) == principal
        assert rows[-1].balance == 0
    dues = [row.due for row in rows]
    assert dues == sorted(dues) and len(set(dues)) == len(dues)

"""Due days kept across month ends and leap years; true rates by actual days when the
first period is not a whole month (issue 10)."""

import calendar
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from workbook.followup.agreements import (
    add_months as agreement_add_months,
)
from workbook.followup.agreements import (
    agreement_from_proposal,
    agreement_schedule,
)
from workbook.models import Debt, Proposal, Rate, RepaymentMethod
from workbook.money.periods import add_months
from workbook.money.schedule import build_schedule, debt_schedule
from workbook.money.truerate import debt_true_rate, true_rate_of_schedule, xirr

D = Decimal


def month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@given(
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    day=st.integers(1, 31),
    steps=st.lists(st.integers(-30, 30), max_size=12),
)
def test_a_due_day_is_kept_across_any_sequence_of_months(start, day, steps):
    """Wherever a chain of moves lands, the day is `day` or that month's last day."""
    offset = 0
    for step in [0, *steps]:
        offset += step
        for moved in (add_months(start, offset, day),
                      agreement_add_months(start.replace(day=1), offset, day)):
            assert moved.day == min(day, month_end(moved.year, moved.month))


def paid_out_on_31st(**kw) -> Debt:
    return Debt("Quick", D("12000"), rate=Rate(D("12")), term_months=12,
                start_date=date(2024, 1, 31), method=RepaymentMethod.EQUAL_PRINCIPAL, id=1, **kw)


def test_a_loan_paid_out_on_the_31st_keeps_its_day_in_its_schedule():
    # Seen in February of a leap year: the 29th, then back to the 31st, 30th, 31st ...
    rows = debt_schedule(paid_out_on_31st(), date(2024, 2, 10))
    assert [r.due for r in rows[:4]] == [date(2024, 2, 29), date(2024, 3, 31),
                                         date(2024, 4, 30), date(2024, 5, 31)]
    # Seen from a 28th February (not a leap year): not the 28th for ever.
    debt = paid_out_on_31st()
    debt.start_date = date(2025, 1, 31)
    assert [r.due for r in debt_schedule(debt, date(2025, 2, 20))[:2]] == [
        date(2025, 2, 28), date(2025, 3, 31)]


def test_an_agreement_drafted_in_february_keeps_the_31st():
    agreement = agreement_from_proposal(
        paid_out_on_31st(), Proposal(debt_id=1, new_term_months=4), date(2024, 2, 10))
    assert agreement.first_due == date(2024, 2, 29) and agreement.due_day == 31
    assert [i.due for i in agreement_schedule(agreement)] == [
        date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30), date(2024, 5, 31)]


def test_an_edited_first_due_date_wins_over_a_stale_due_day():
    agreement = agreement_from_proposal(
        paid_out_on_31st(), Proposal(debt_id=1, new_term_months=3), date(2024, 2, 10))
    agreement.first_due = date(2024, 3, 15)  # the user moved it in the form
    assert [i.due for i in agreement_schedule(agreement)] == [
        date(2024, 3, 15), date(2024, 4, 15), date(2024, 5, 15)]


@given(
    rate=st.decimals(min_value=D("0.001"), max_value=D("3"), places=3),
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2080, 1, 1)),
    gaps=st.lists(st.integers(1, 120), min_size=1, max_size=24),
)
def test_an_xirr_of_dated_flows_reproduces_its_rate(rate, start, gaps):
    """Flows that each pay back 100 at annual rate R, on any dates, have an XIRR of R."""
    flows = [(start, D(-100) * len(gaps))]
    day = start
    for gap in gaps:
        day += timedelta(days=gap)
        years = D((day - start).days) / 365
        flows.append((day, D(100) * (1 + rate) ** years))
    found = xirr(flows)
    assert found is not None and abs(found - rate) < D("1e-9")


def test_a_first_payment_two_days_after_pay_out_is_not_a_whole_month():
    regular = Debt("A", D("10000"), rate=Rate(D("12")), term_months=12,
                   start_date=date(2024, 1, 1), due_day=1)
    early = Debt("B", D("10000"), rate=Rate(D("12")), term_months=12,
                 start_date=date(2024, 1, 30), due_day=1)  # first payment 2024-02-01
    late = Debt("C", D("10000"), rate=Rate(D("12")), term_months=12,
                start_date=date(2024, 1, 2), due_day=1)  # first payment 2024-02-01: 30 days
    base = debt_true_rate(regular, date(2024, 1, 1))
    assert base is not None and not base.by_days and abs(base.apr - D("0.12")) < D("1e-5")
    for debt in (early, late):
        true = debt_true_rate(debt, date(2024, 1, 1))
        assert true is not None and true.by_days
    # Charged a month's interest for 2 days: dearer; for 59 days: cheaper.
    slow = build_schedule(D("10000"), Rate(D("12")), 12, RepaymentMethod.EQUAL_INSTALMENT,
                          date(2024, 3, 1), due_day=1)
    slow_rate = true_rate_of_schedule(D("10000"), slow, start=date(2024, 1, 2))
    assert slow_rate is not None and slow_rate.by_days and slow_rate.apr < D("0.12")
    short = Debt("D", D("10000"), rate=Rate(D("12")), term_months=12,
                 start_date=date(2024, 1, 30), due_day=1)
    rows = debt_schedule(short, date(2024, 1, 30))
    assert rows[0].due == date(2024, 2, 1)
    assert debt_true_rate(short, date(2024, 1, 30)).apr > D("0.12")


def test_interest_first_rows_hold_cents_like_every_other_row():
    rows = build_schedule(D("1000"), Rate(D("12")), 3, RepaymentMethod.INTEREST_FIRST,
                          date(2024, 1, 31))
    assert [str(r.principal) for r in rows] == ["0.00", "0.00", "1000.00"]


def test_a_proposal_effect_keeps_the_31st_through_a_pause_and_its_payoff():
    from workbook.negotiation.effects import proposal_effect

    debt = paid_out_on_31st()
    effect = proposal_effect(debt, Proposal(debt_id=1, new_term_months=2), date(2024, 2, 10))
    assert effect.first_due == date(2024, 2, 29) and effect.payoff_date == date(2024, 3, 31)
    paused = proposal_effect(debt, Proposal(debt_id=1, new_term_months=3, pause_months=1),
                             date(2024, 2, 10))
    # a month's pause from 29 February lands on 31 March, not the 29th
    assert paused.first_due == date(2024, 3, 31) and paused.payoff_date == date(2024, 5, 31)


def test_every_money_figure_of_every_method_holds_cents():
    """Decimal('0') and Decimal('0.00') compare equal: look at the exponent itself."""
    import dataclasses

    for method in RepaymentMethod:
        for pct in ("0", "12"):
            rows = build_schedule(D("1000"), Rate(D(pct)), 3, method, date(2024, 1, 31))
            assert rows, method
            for row in rows:
                for f in dataclasses.fields(row):
                    value = getattr(row, f.name)
                    if isinstance(value, Decimal):
                        assert value.as_tuple().exponent == -2, (method, pct, f.name, value)

"""Schedules from agreements, the confirmation checklist, drafts from proposals."""

import calendar
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.followup.agreements import (
    CHECKLIST_ITEMS,
    CHECKLIST_KEYS,
    add_months,
    agreement_from_proposal,
    agreement_schedule,
    checklist_complete,
    checklist_missing,
    debt_status_after,
    next_due_day,
)
from workbook.models import (
    Agreement,
    Debt,
    DebtStatus,
    Frequency,
    Payment,
    Proposal,
    Rate,
    RateUnit,
)
from workbook.money.solve import fold_limit

D = Decimal


def agreement(**kw) -> Agreement:
    values = {
        "debt_id": 1,
        "total": D("3000"),
        "instalment": D("1000"),
        "count": 3,
        "first_due": date(2025, 1, 15),
        "id": 10,
    }
    values.update(kw)
    return Agreement(**values)


def test_monthly_schedule_of_equal_instalments():
    items = agreement_schedule(agreement())
    assert [(i.number, i.due, i.amount) for i in items] == [
        (1, date(2025, 1, 15), D("1000")),
        (2, date(2025, 2, 15), D("1000")),
        (3, date(2025, 3, 15), D("1000")),
    ]


def test_month_end_first_due_keeps_the_month_end():
    items = agreement_schedule(agreement(first_due=date(2024, 1, 31), count=5, total=D("5000")))
    assert [i.due for i in items] == [
        date(2024, 1, 31),
        date(2024, 2, 29),  # leap year
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
    ]
    non_leap = agreement_schedule(agreement(first_due=date(2025, 1, 31), count=2, total=D("2000")))
    assert non_leap[1].due == date(2025, 2, 28)


def test_the_last_instalment_absorbs_the_difference():
    short = agreement_schedule(agreement(total=D("1000"), instalment=D("333.33"), count=3))
    assert [i.amount for i in short] == [D("333.33"), D("333.33"), D("333.34")]
    long = agreement_schedule(agreement(total=D("3100.50"), instalment=D("1000"), count=3))
    assert [i.amount for i in long] == [D("1000"), D("1000"), D("1100.50")]


def test_too_large_instalments_end_the_schedule_early_without_negative_amounts():
    items = agreement_schedule(agreement(total=D("2500"), instalment=D("1000"), count=5))
    assert [i.amount for i in items] == [D("1000"), D("1000"), D("500")]


def test_zero_instalment_means_an_even_split():
    items = agreement_schedule(agreement(total=D("100"), instalment=D("0"), count=3))
    assert [i.amount for i in items] == [D("33.33"), D("33.33"), D("33.34")]


def test_weekly_yearly_and_one_off():
    weekly = agreement_schedule(agreement(frequency=Frequency.WEEKLY, first_due=date(2025, 12, 29)))
    assert [i.due for i in weekly] == [date(2025, 12, 29), date(2026, 1, 5), date(2026, 1, 12)]
    yearly = agreement_schedule(agreement(frequency=Frequency.YEARLY, first_due=date(2024, 2, 29)))
    assert [i.due for i in yearly] == [date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28)]
    one = agreement_schedule(agreement(frequency=Frequency.ONE_OFF, count=3))
    assert [(i.due, i.amount) for i in one] == [(date(2025, 1, 15), D("3000"))]


def test_nothing_owed_gives_an_empty_schedule():
    assert agreement_schedule(agreement(total=D("0"))) == []
    assert agreement_schedule(agreement(count=0)) == []


money = st.decimals(min_value=D("0.01"), max_value=D("1000000"), places=2)


@given(total=money, instalment=st.decimals(min_value=D("0"), max_value=D("100000"), places=2),
       count=st.integers(1, 120),
       frequency=st.sampled_from(list(Frequency)),
       first_due=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_schedule_sums_to_total_in_due_order(total, instalment, count, frequency, first_due):
    a = agreement(total=total, instalment=instalment, count=count, frequency=frequency,
                  first_due=first_due)
    items = agreement_schedule(a)
    assert sum(i.amount for i in items) == total
    assert all(i.amount > 0 for i in items)
    assert len(items) <= count
    assert [i.number for i in items] == list(range(1, len(items) + 1))
    dues = [i.due for i in items]
    assert dues == sorted(dues) and len(set(dues)) == len(dues)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 200))
def test_add_months_keeps_the_day_or_the_month_end(start, months):
    moved = add_months(start, months)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    assert moved.day == min(start.day, calendar.monthrange(moved.year, moved.month)[1])


def test_checklist_complete_needs_every_applicable_item():
    a = agreement()
    assert not checklist_complete(a)
    a.checklist = {key: True for key in CHECKLIST_KEYS if key != "fees_waived_in_writing"}
    assert checklist_complete(a)  # nothing waived: that item does not apply
    a.waived_amount = D("120")
    assert checklist_missing(a) == ["fees_waived_in_writing"]
    a.checklist["fees_waived_in_writing"] = True
    assert checklist_complete(a)
    a.checklist["payee_official"] = False
    assert not checklist_complete(a)


def test_checklist_items_have_labels_and_help():
    assert len(CHECKLIST_ITEMS) == 5
    assert len(set(CHECKLIST_KEYS)) == 5
    for _key, label, help_text in CHECKLIST_ITEMS:
        assert label and help_text


@pytest.mark.parametrize(
    ("today", "due_day", "expected"),
    [
        (date(2025, 3, 10), 15, date(2025, 3, 15)),
        (date(2025, 3, 15), 15, date(2025, 4, 15)),  # due today: the next one
        (date(2025, 1, 31), 31, date(2025, 2, 28)),
        (date(2025, 2, 10), 30, date(2025, 2, 28)),
        (date(2025, 12, 20), 5, date(2026, 1, 5)),
        (date(2025, 1, 31), None, date(2025, 2, 28)),
    ],
)
def test_next_due_day(today, due_day, expected):
    assert next_due_day(today, due_day) == expected


def debt(**kw) -> Debt:
    values = {"lender": "Quick Loan", "balance": D("12000"), "id": 1, "due_day": 20}
    values.update(kw)
    return Debt(**values)


TODAY = date(2025, 3, 10)


def test_draft_from_a_term_proposal_without_interest():
    d = debt(penalty_fees=D("600"))
    p = Proposal(debt_id=1, new_term_months=24, new_rate=Rate(D("0")), waive_penalty=True, id=5)
    a = agreement_from_proposal(d, p, TODAY)
    assert a.debt_id == 1 and a.proposal_id == 5
    assert a.waived_amount == D("600")
    assert a.total == D("11400")
    assert a.count == 24 and a.frequency == Frequency.MONTHLY
    assert a.instalment == D("475.00")
    assert a.first_due == date(2025, 3, 20)
    assert sum(i.amount for i in agreement_schedule(a)) == D("11400")


def test_draft_with_interest_totals_the_instalments():
    p = Proposal(debt_id=1, new_term_months=12, new_rate=Rate(D("12"), RateUnit.YEAR))
    a = agreement_from_proposal(debt(), p, TODAY)
    assert a.rate == Rate(D("12"), RateUnit.YEAR)
    assert a.instalment == D("1066.19")  # 12,000 over 12 months at 1 % a month
    assert a.count == 12
    assert a.total == D("12794.22")  # 11 x 1,066.19 and a last payment 6 cents smaller
    items = agreement_schedule(a)
    assert items[-1].amount == D("1066.13") and sum(i.amount for i in items) == a.total
    assert a.waived_amount == 0


def test_draft_keeps_the_contract_rate_and_applies_the_pause():
    d = debt(rate=Rate(D("0.05"), RateUnit.DAY))
    p = Proposal(debt_id=1, new_term_months=6, pause_months=2)
    a = agreement_from_proposal(d, p, TODAY)
    assert a.rate == d.rate
    assert a.first_due == date(2025, 5, 20)


def test_draft_from_an_offered_payment_finds_the_term():
    p = Proposal(debt_id=1, offered_payment=D("1000"))
    a = agreement_from_proposal(debt(), p, TODAY)
    assert a.count == 12 and a.instalment == D("1000") and a.total == D("12000")
    with_rate = agreement_from_proposal(
        debt(rate=Rate(D("12"))), Proposal(debt_id=1, offered_payment=D("1000")), TODAY
    )
    assert with_rate.count == 13  # 12 months would need 1,066.19
    assert D("12000") < with_rate.total < D("13000")


def test_a_payment_below_the_interest_is_raised_to_one_that_repays():
    d = debt(rate=Rate(D("24")))  # 2 % a month: 240 of interest
    a = agreement_from_proposal(d, Proposal(debt_id=1, offered_payment=D("100")), TODAY)
    assert a.instalment > D("240")
    assert a.count <= 600


def test_settlement_discount_is_a_one_off_payment():
    d = debt(penalty_fees=D("500"))
    p = Proposal(debt_id=1, settlement_discount_percent=D("30"))
    a = agreement_from_proposal(d, p, TODAY)
    assert a.frequency == Frequency.ONE_OFF and a.count == 1
    assert a.total == a.instalment == D("8400.00")
    assert a.waived_amount == D("3600.00")
    waived_too = agreement_from_proposal(
        d, Proposal(debt_id=1, settlement_discount_percent=D("30"), waive_penalty=True), TODAY
    )
    assert waived_too.total == D("8050.00")  # (12,000 - 500) x 70 %
    assert waived_too.waived_amount == D("3950.00")


def test_a_debt_must_be_saved_first():
    with pytest.raises(ValueError):
        agreement_from_proposal(debt(id=None), Proposal(debt_id=1), TODAY)


def test_debt_status_moves_from_negotiating_to_agreed_to_settled():
    d = debt(status=DebtStatus.NEGOTIATING)
    a = agreement(id=10, debt_id=1)
    assert debt_status_after(d, [], []) == DebtStatus.NEGOTIATING
    assert debt_status_after(d, [a], []) == DebtStatus.AGREED
    partly = [Payment(agreement_id=10, paid_on=date(2025, 1, 15), amount=D("2000"))]
    assert debt_status_after(d, [a], partly) == DebtStatus.AGREED
    paid = [*partly, Payment(agreement_id=10, paid_on=date(2025, 2, 15), amount=D("1000"))]
    assert debt_status_after(d, [a], paid) == DebtStatus.SETTLED


def test_debt_status_ignores_other_debts_and_follows_the_latest_agreement():
    d = debt()
    old = agreement(id=10, first_due=date(2024, 1, 1))
    new = agreement(id=11, first_due=date(2025, 1, 1))
    other = agreement(id=12, debt_id=2)
    paid_old = [Payment(agreement_id=10, paid_on=date(2024, 5, 1), amount=D("3000"))]
    assert debt_status_after(d, [other], paid_old) == DebtStatus.CURRENT
    assert debt_status_after(d, [old, new], paid_old) == DebtStatus.AGREED
    assert debt_status_after(debt(status=DebtStatus.SETTLED), [new], []) == DebtStatus.SETTLED


@given(
    balance=st.decimals(min_value=D("1"), max_value=D("500000"), places=2),
    percent=st.decimals(min_value=D("0"), max_value=D("36"), places=2),
    months=st.integers(1, 60),
    offered=st.one_of(st.none(), st.decimals(min_value=D("1"), max_value=D("20000"), places=2)),
)
def test_drafts_give_a_schedule_of_count_instalments_summing_to_total(
    balance, percent, months, offered
):
    p = Proposal(debt_id=1, new_term_months=None if offered else months, offered_payment=offered,
                 new_rate=Rate(percent))
    a = agreement_from_proposal(debt(balance=balance), p, TODAY)
    items = agreement_schedule(a)
    assert len(items) == a.count
    assert sum(i.amount for i in items) == a.total >= balance
    assert all(0 < i.amount <= a.instalment for i in items[:-1])
    # The last may take in a remainder too small to be a payment of its own.
    assert 0 < items[-1].amount <= a.instalment + fold_limit(a.instalment)

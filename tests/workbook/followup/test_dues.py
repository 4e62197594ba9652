"""The one source of due dates (workbook/followup/dues.py), read directly: a debt's own
schedule, its agreement once there is one, and what the user recorded as late; home,
`repay due` and the calendar give the same dates and amounts (month ends, leap years)."""

from datetime import date
from decimal import Decimal as D

from icalendar import Calendar

from reports.calendar import calendar_bytes
from workbook import i18n
from workbook.followup.dues import (
    all_dues,
    contract_instalments,
    due_report,
    dues_within,
    has_overdue_anything,
    late_debt,
    next_dues,
    overdue_items,
)
from workbook.models import (
    Agreement,
    Debt,
    DebtStatus,
    Payment,
    Rate,
    RepaymentMethod,
)
from workbook.overview import next_payment_due
from workbook.snapshot import WorkbookData


def bank(**kw) -> Debt:
    """Paid out on 31 January of a leap year, no due day, no monthly payment entered."""
    values = dict(rate=Rate(D("12")), term_months=12, start_date=date(2024, 1, 31),
                  method=RepaymentMethod.EQUAL_PRINCIPAL, id=1)
    return Debt("Bank", D("12000"), **(values | kw))


def test_a_debt_without_a_monthly_payment_has_its_contract_dates():
    rows = contract_instalments(bank(), date(2024, 2, 1), date(2024, 6, 30))
    assert [r.due for r in rows] == [date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30),
                                     date(2024, 5, 31), date(2024, 6, 30)]
    assert rows[0].amount == D("1120.00") and rows[0].source == "contract"
    assert [r.number for r in rows] == [1, 2, 3, 4, 5] and {r.count for r in rows} == {12}
    assert all(r.status == "upcoming" for r in rows)
    assert contract_instalments(bank(), date(2024, 2, 29), date(2024, 2, 29))[0].status == "due"


def test_a_stated_payment_and_due_day_without_a_term_or_rate_still_has_dates():
    card = Debt("Card", D("5000"), monthly_payment=D("300"), due_day=30, id=2)
    rows = contract_instalments(card, date(2025, 1, 31), date(2025, 4, 30))
    assert [(r.due, r.amount) for r in rows] == [
        (date(2025, 2, 28), D("300")), (date(2025, 3, 30), D("300")), (date(2025, 4, 30), D("300"))]


def test_an_agreement_replaces_the_contract_schedule():
    agreement = Agreement(debt_id=1, total=D("6000"), instalment=D("500"), count=12,
                          first_due=date(2024, 2, 29), due_day=31, id=7)
    dues = all_dues([bank()], [agreement], [], date(2024, 2, 1))
    assert dues and {s.source for s in dues} == {"agreement"}
    assert [s.due for s in dues[:3]] == [date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30)]
    # paid the first: the next is the agreement's second, never the contract's row
    paid = Payment(agreement_id=7, paid_on=date(2024, 2, 29), amount=D("500"))
    (nxt,) = next_dues([bank()], [agreement], [paid], date(2024, 3, 1))
    assert (nxt.due, nxt.amount, nxt.source) == (date(2024, 3, 31), D("500"), "agreement")


def test_a_debt_recorded_late_is_listed_with_its_amount_and_days():
    late = bank(overdue_days=40, overdue_amount=D("2240"))
    today = date(2024, 3, 10)
    item = late_debt(late, today)
    assert item is not None and item.status == "overdue" and item.days_overdue == 40
    assert item.remaining == D("2240") and item.due == date(2024, 1, 30)
    assert overdue_items([late], [], [], today) == [item]
    assert has_overdue_anything([late], [], [], today)
    assert not has_overdue_anything([bank()], [], [], today)
    assert late_debt(bank(status=DebtStatus.OVERDUE), today) is not None  # status alone
    assert late_debt(bank(overdue_days=5, status=DebtStatus.SETTLED), today) is None
    # still its next instalment beside the late amount
    assert [s.source for s in dues_within([late], [], [], today, 30)] == ["late", "contract"]


def test_an_overdue_agreed_instalment_counts_without_any_late_debt():
    agreement = Agreement(debt_id=1, total=D("1000"), instalment=D("500"), count=2,
                          first_due=date(2024, 2, 29), id=3)
    assert has_overdue_anything([bank()], [agreement], [], date(2024, 3, 1))
    assert not has_overdue_anything([bank()], [agreement], [], date(2024, 2, 29))


def test_home_repay_due_and_the_calendar_give_the_same_dates():
    i18n.set_language("en")
    today = date(2024, 2, 1)
    other = Debt("Shop", D("3000"), rate=Rate(D("0")), term_months=3, start_date=date(2023, 12, 30),
                 method=RepaymentMethod.EQUAL_INSTALMENT, id=2)
    data = WorkbookData(debts=[bank(), other])
    soon = dues_within(data.debts, [], [], today, 30)
    assert [(s.debt_id, s.due) for s in soon] == [(1, date(2024, 2, 29)), (2, date(2024, 2, 29))]
    home = next_payment_due(data, today)
    assert home is not None and (home.due, home.amount) == (soon[0].due, soon[0].remaining)
    report = due_report(data.debts, [], [], [], today, 30)
    for state in soon:
        assert f"Due {state.due.isoformat()}" in report
    assert "Due 2024-02-29 Bank payment 1/12: ¥1,120.00" in report
    ics = Calendar.from_ical(calendar_bytes([], data.debts, [], [], lang="en", today=today))
    events = {(e.decoded("DTSTART"), str(e["SUMMARY"])) for e in ics.walk("VEVENT")}
    for state in all_dues(data.debts, [], [], today):
        assert any(day == state.due for day, _ in events), state
    assert (date(2024, 3, 31), "Pay ¥1,110.00 to Bank (contract payment 2/12)") in events

"""Due and overdue instalments across month ends and partial payments; next actions."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook import i18n
from workbook.followup.dues import due_report
from workbook.followup.instalments import (
    agreement_progress,
    due_within,
    has_overdue,
    instalment_states,
    next_actions,
    overdue,
)
from workbook.models import Agreement, Communication, Debt, Direction, Payment

D = Decimal


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def month_end_agreement(**kw) -> Agreement:
    values = {
        "debt_id": 1,
        "total": D("3000"),
        "instalment": D("1000"),
        "count": 3,
        "first_due": date(2025, 1, 31),  # then Feb 28, Mar 31
        "id": 10,
    }
    values.update(kw)
    return Agreement(**values)


def pay(on: date, amount: str, agreement_id: int = 10) -> Payment:
    return Payment(agreement_id=agreement_id, paid_on=on, amount=D(amount))


def summary(states):
    return [(s.due, s.paid, s.remaining, s.status, s.days_overdue) for s in states]


def test_month_end_dues_and_statuses_without_payments():
    states = instalment_states(month_end_agreement(), [], date(2025, 2, 28))
    assert summary(states) == [
        (date(2025, 1, 31), 0, D("1000"), "overdue", 28),
        (date(2025, 2, 28), 0, D("1000"), "due", 0),
        (date(2025, 3, 31), 0, D("1000"), "upcoming", 0),
    ]


def test_partial_payments_fill_instalments_in_due_order():
    payments = [pay(date(2025, 1, 31), "600"), pay(date(2025, 2, 20), "700")]
    states = instalment_states(month_end_agreement(), payments, date(2025, 3, 1))
    assert summary(states) == [
        (date(2025, 1, 31), D("1000"), 0, "paid", 0),
        (date(2025, 2, 28), D("300"), D("700"), "overdue", 1),  # partly paid but late
        (date(2025, 3, 31), 0, D("1000"), "upcoming", 0),
    ]


def test_overpayment_carries_forward_and_beyond_the_schedule():
    payments = [pay(date(2025, 1, 30), "1500")]
    states = instalment_states(month_end_agreement(), payments, date(2025, 2, 1))
    assert [s.status for s in states] == ["paid", "partial", "upcoming"]
    assert states[1].paid == D("500")
    progress = agreement_progress(
        month_end_agreement(), [*payments, pay(date(2025, 2, 1), "2000")], date(2025, 2, 1)
    )
    assert progress.paid == progress.total == D("3000")
    assert progress.overpaid == D("500")
    assert progress.instalments_paid == 3 and progress.next_due is None


def test_future_dated_and_other_agreements_payments_do_not_count():
    payments = [pay(date(2025, 3, 1), "1000"), pay(date(2025, 1, 1), "1000", agreement_id=99)]
    states = instalment_states(month_end_agreement(), payments, date(2025, 2, 1))
    assert states[0].status == "overdue" and states[0].paid == 0


def test_progress_reports_next_due_and_overdue_amount():
    payments = [pay(date(2025, 2, 3), "400")]
    progress = agreement_progress(month_end_agreement(), payments, date(2025, 3, 5))
    assert progress.paid == D("400")
    assert progress.count == 3 and progress.instalments_paid == 0
    assert progress.overdue_amount == D("1600")
    assert progress.next_due.number == 1 and progress.next_due.remaining == D("600")


def test_due_within_includes_overdue_and_the_window_sorted():
    a = month_end_agreement()
    b = month_end_agreement(id=11, debt_id=2, first_due=date(2025, 2, 15), count=3)
    states = due_within([a, b], [pay(date(2025, 1, 31), "1000")], date(2025, 2, 20), days=30)
    assert [(s.agreement_id, s.due) for s in states] == [
        (11, date(2025, 2, 15)),
        (10, date(2025, 2, 28)),
        (11, date(2025, 3, 15)),
    ]
    assert states[0].status == "overdue"
    assert [s.agreement_id for s in overdue([a, b], [], date(2025, 2, 20))] == [10, 11]
    assert has_overdue([a, b], [], date(2025, 2, 20))
    assert not has_overdue([a], [], date(2025, 1, 31))


def log(at: str, lender: str, direction=Direction.OUTGOING, action="", on=None, cid=None):
    return Communication(
        at=datetime.fromisoformat(at),
        lender=lender,
        direction=direction,
        next_action=action,
        next_action_date=on,
        id=cid,
    )


def test_next_actions_are_pending_until_i_contact_that_lender_again():
    entries = [
        log("2025-03-01T10:00", "A", action="send letter", on=date(2025, 3, 10), cid=1),
        log("2025-03-02T10:00", "A", Direction.INCOMING, cid=2),  # a collector call
        log("2025-03-01T11:00", "B", action="call back", on=date(2025, 3, 5), cid=3),
        log("2025-03-05T09:00", "b", cid=4),  # I called B back
        log("2025-03-03T10:00", "C", action="far", on=date(2025, 6, 1), cid=5),
        log("2025-02-01T10:00", "D", action="late", on=date(2025, 2, 10), cid=6),
    ]
    found = next_actions(entries, date(2025, 3, 8), days=30)
    assert [c.id for c in found] == [6, 1]


def test_due_report_lists_overdue_due_and_actions():
    a = month_end_agreement()
    entries = [log("2025-03-01T10:00", "Quick Loan", action="ask  for\nwritten terms",
                   on=date(2025, 3, 4))]
    quick = Debt("Quick Loan", D("2600"), id=1)
    text = due_report([quick], [a], [pay(date(2025, 1, 31), "400")], entries, date(2025, 3, 3),
                      days=30)
    lines = text.splitlines()
    assert lines[0].startswith("Repay Workbook")
    assert lines[1] == "OVERDUE 2025-01-31 Quick Loan instalment 1/3: ¥600.00 (31 days late)"
    assert lines[2] == "OVERDUE 2025-02-28 Quick Loan instalment 2/3: ¥1,000.00 (3 days late)"
    assert lines[3] == "Due 2025-03-31 Quick Loan instalment 3/3: ¥1,000.00"
    assert lines[4] == "Action 2025-03-04 Quick Loan: ask for written terms"


def test_due_report_when_nothing_is_due_and_in_chinese():
    assert "Nothing is due in the next 7 days." in due_report([], [], [], [], date(2025, 3, 3), 7)
    i18n.set_language("zh")
    text = due_report([], [month_end_agreement()], [], [], date(2025, 1, 31), 7)
    assert "今天到期" in text and "1,000.00" in text


@given(
    amounts=st.lists(st.decimals(min_value=D("0.01"), max_value=D("5000"), places=2),
                     min_size=1, max_size=12),
    payments=st.lists(
        st.tuples(st.integers(0, 400), st.decimals(min_value=D("0.01"), max_value=D("4000"),
                                                   places=2)),
        max_size=10,
    ),
    today_offset=st.integers(-30, 500),
)
def test_allocation_never_exceeds_amounts_and_accounts_for_every_payment(
    amounts, payments, today_offset
):
    total = sum(amounts)
    a = month_end_agreement(total=total, instalment=amounts[0], count=len(amounts))
    start = date(2025, 1, 31)
    today = date.fromordinal(start.toordinal() + today_offset)
    recorded = [pay(date.fromordinal(start.toordinal() + d), str(x)) for d, x in payments]
    states = instalment_states(a, recorded, today)
    for s in states:
        assert 0 <= s.paid <= s.amount
        assert s.paid + s.remaining == s.amount
        assert (s.status == "paid") == (s.remaining == 0)
        assert (s.status == "overdue") == (s.remaining > 0 and s.due < today)
    counted = sum((p.amount for p in recorded if p.paid_on <= today), D(0))
    progress = agreement_progress(a, recorded, today)
    assert progress.paid == min(counted, total)
    assert progress.paid + progress.overpaid == counted
    # allocation is in due order: no instalment is paid while an earlier one is short
    seen_short = False
    for s in states:
        if seen_short:
            assert s.paid == 0
        if s.remaining > 0:
            seen_short = True


def test_due_report_without_lender_names_leaves_no_gap():
    text = due_report([], [month_end_agreement()], [], [], date(2025, 1, 31), 7)
    assert "TODAY 2025-01-31 instalment 1/3: ¥1,000.00" in text.splitlines()

"""A payment far above what is due is asked about: more than what is left under the
agreement, or more than three times what is due now."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from workbook.followup.payment_check import MANY_TIMES, due_now, far_above, left_to_pay
from workbook.models import Agreement, Frequency, Payment

D = Decimal
TODAY = date(2026, 11, 28)


def agreement(**kw) -> Agreement:
    values = {"debt_id": 1, "total": D("25880"), "instalment": D("2156.67"), "count": 12,
              "first_due": date(2026, 11, 15), "id": 7}
    values.update(kw)
    return Agreement(**values)


def pay(amount: str, on: date = date(2026, 11, 15)) -> Payment:
    return Payment(agreement_id=7, paid_on=on, amount=D(amount))


def test_one_million_on_an_agreement_of_25880_is_beyond_what_is_left():
    found = far_above(agreement(), [], D("1000000"), TODAY)
    assert found is not None and found.kind == "beyond_left" and found.left == D("25880")


def test_an_extra_zero_on_an_instalment_is_many_times_what_is_due():
    # the 11-15 instalment is late and 12-15 is next: 4,313.34 due now
    assert due_now(agreement(), [], TODAY) == D("4313.34")
    found = far_above(agreement(), [], D("21566.70"), TODAY)
    assert found is not None and found.kind == "many_times_due"


def test_ordinary_payments_are_not_asked_about():
    a = agreement()
    for amount in ("2156.67", "500", "4313.34", "12940.02"):  # up to three times what is due
        assert far_above(a, [], D(amount), TODAY) is None
    assert far_above(a, [], D("25880"), TODAY) is None  # paying it all off, to the cent
    assert far_above(a, [], D("25879.99"), TODAY).kind == "many_times_due"


def test_what_is_left_counts_every_payment_recorded():
    a = agreement()
    payments = [pay("2156.67"), pay("20000", TODAY + timedelta(days=3)), pay("9", on=TODAY)]
    payments.append(Payment(agreement_id=8, paid_on=TODAY, amount=D("999")))  # another agreement
    assert left_to_pay(a, payments) == D("25880") - D("2165.67") - D("20000")
    assert far_above(a, payments, D("3715"), TODAY) is not None


def test_a_one_off_agreement_asks_only_beyond_its_total():
    a = agreement(frequency=Frequency.ONE_OFF, total=D("8000"), instalment=D("8000"), count=1,
                  first_due=date(2026, 12, 20))
    assert far_above(a, [], D("8000"), TODAY) is None
    assert far_above(a, [], D("8000.01"), TODAY).kind == "beyond_left"


def test_a_fully_paid_agreement_asks_about_any_payment():
    found = far_above(agreement(), [pay("25880")], D("1"), TODAY)
    assert found is not None and found.kind == "beyond_left" and found.left == 0


@given(
    total=st.decimals(min_value=1, max_value=10**7, places=2),
    count=st.integers(min_value=1, max_value=60),
    paid=st.decimals(min_value=0, max_value=10**7, places=2),
    amount=st.decimals(min_value=D("0.01"), max_value=10**8, places=2),
    days=st.integers(min_value=-400, max_value=400),
)
def test_asked_exactly_when_beyond_what_is_left_or_many_times_what_is_due(
    total, count, paid, amount, days
):
    a = agreement(total=total, instalment=D(0), count=count,
                  first_due=TODAY + timedelta(days=days))
    payments = [pay(str(paid), TODAY)] if paid else []
    left, now = left_to_pay(a, payments), due_now(a, payments, TODAY)
    assert 0 <= now <= left <= total
    found = far_above(a, payments, amount, TODAY)
    expected = amount > left or (now > 0 and amount > MANY_TIMES * now and amount != left)
    assert (found is not None) == expected
    if amount <= now:  # paying what is due is never questioned
        assert found is None

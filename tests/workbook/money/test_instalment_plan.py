"""One source for the number of instalments and the last one (`instalment_plan`): the
instalments cover the balance exactly to the cent, and a last instalment of a few
cents is folded into the one before it."""

from decimal import Decimal as D
from decimal import localcontext

from hypothesis import given
from hypothesis import strategies as st

from workbook.models import Rate, RateUnit
from workbook.money.schedule import PRECISION, cents
from workbook.money.solve import (
    fold_limit,
    instalment_plan,
    rate_per_month,
    solve_instalment,
    solve_months,
)

BALANCES = st.decimals(min_value=D("0.01"), max_value=D("2000000"), places=2)
PAYMENTS = st.decimals(min_value=D("1"), max_value=D("60000"), places=2)
RATES = st.decimals(min_value=D("0"), max_value=D("36"), places=2)


@given(balance=BALANCES, payment=PAYMENTS)
def test_without_interest_the_instalments_add_up_to_the_balance_exactly(balance, payment):
    plan = instalment_plan(balance, None, payment)
    if plan is None:  # more than 50 years even without interest
        assert payment * 600 + fold_limit(payment) < balance
        return
    assert plan.total == balance == (plan.count - 1) * plan.instalment + plan.last
    assert plan.last > 0
    if plan.count > 1:
        # Never a silent surprise: smaller when it does not divide, larger only by a
        # remainder too small to be a payment of its own.
        assert plan.last <= plan.instalment + fold_limit(plan.instalment)
        assert plan.folded == (plan.last > plan.instalment)
        if not plan.folded:
            # What is left for the last month is more than a tiny remainder.
            assert plan.last > fold_limit(plan.instalment) or plan.last == plan.instalment


@given(balance=BALANCES, payment=PAYMENTS, percent=RATES)
def test_with_interest_the_last_instalment_clears_what_is_left(balance, payment, percent):
    rate = Rate(percent, RateUnit.YEAR)
    plan = instalment_plan(balance, rate, payment)
    if plan is None:
        assert solve_months(balance, rate, payment).never_repays  # folding only ever helps
        return
    assert plan.total == (plan.count - 1) * plan.instalment + plan.last
    r = rate_per_month(rate)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        owed = balance
        for _ in range(plan.count - 1):
            owed = owed * (1 + r) - plan.instalment
            assert owed > 0  # no instalment before the last one overpays
        owed *= 1 + r
    assert cents(owed) == plan.last  # covered exactly, to the cent


def test_a_few_cents_left_over_are_folded_into_the_last_instalment():
    plan = instalment_plan(D("9000.05"), None, D("900"))
    assert (plan.count, plan.instalment, plan.last, plan.total) == (
        10, D("900.00"), D("900.05"), D("9000.05"),
    )  # fmt: skip
    assert plan.folded and plan.last_differs
    # A real remainder stays an instalment of its own, and is said.
    plain = instalment_plan(D("34089.06"), None, D("900"))
    assert (plain.count, plain.last, plain.folded) == (38, D("789.06"), False)


def test_a_term_solved_to_an_instalment_gives_that_term_back():
    for balance, months in ((D("47413.52"), 60), (D("1000"), 3), (D("100000"), 36)):
        instalment = solve_instalment(balance, Rate(D("0")), months)
        plan = instalment_plan(balance, Rate(D("0")), instalment)
        assert plan.count == months and plan.total == balance


def test_one_payment_is_what_is_owed_not_the_offer():
    plan = instalment_plan(D("120.50"), None, D("900"))
    assert (plan.count, plan.instalment, plan.last, plan.total) == (
        1, D("120.50"), D("120.50"), D("120.50"),
    )  # fmt: skip

"""Budget: frequencies to a month, essential/flexible totals, surplus, debt-service ratio."""

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.budget import ESSENTIAL_BY_DEFAULT, monthly_amount, summarise
from workbook.models import (
    Debt,
    DebtStatus,
    ExpenseGroup,
    ExpenseItem,
    Frequency,
    IncomeItem,
    Rate,
)

D = Decimal
TODAY = date(2024, 3, 1)


def test_frequencies_normalise_to_a_month():
    assert monthly_amount(D("1200"), Frequency.MONTHLY) == D("1200.00")
    assert monthly_amount(D("300"), Frequency.WEEKLY) == D("1300.00")  # 300 × 52 / 12
    assert monthly_amount(D("100"), Frequency.WEEKLY) == D("433.33")
    assert monthly_amount(D("12000"), Frequency.YEARLY) == D("1000.00")
    assert monthly_amount(D("1000"), Frequency.ONE_OFF) == D("83.33")  # spread over a year


def test_every_group_has_a_default():
    assert set(ESSENTIAL_BY_DEFAULT) == set(ExpenseGroup)
    assert ESSENTIAL_BY_DEFAULT[ExpenseGroup.HOUSING]
    assert not ESSENTIAL_BY_DEFAULT[ExpenseGroup.PERSONAL]


def test_summary():
    incomes = [IncomeItem("salary", D("9000")), IncomeItem("bonus", D("12000"), Frequency.YEARLY)]
    expenses = [
        ExpenseItem("rent", D("3000"), ExpenseGroup.HOUSING),
        ExpenseItem("power", D("1200"), ExpenseGroup.UTILITIES, Frequency.YEARLY),
        ExpenseItem("food", D("300"), ExpenseGroup.FOOD, Frequency.WEEKLY, essential=False),
        ExpenseItem("snacks", D("100"), ExpenseGroup.FOOD, essential=False),
    ]
    debts = [
        Debt("A", D("5000"), monthly_payment=D("800")),
        Debt("B", D("12000"), rate=Rate(D("0")), term_months=12),  # 1000 a month
        Debt("C", D("3000")),  # nothing to work its payment out from
        Debt("D", D("0"), monthly_payment=D("999"), status=DebtStatus.SETTLED),
    ]
    s = summarise(incomes, expenses, debts, TODAY)
    assert s.income == D("10000.00")
    assert s.essential == D("3100.00")
    assert s.flexible == D("1400.00")
    assert s.surplus == D("5500.00")
    assert s.by_group == {
        ExpenseGroup.HOUSING: D("3000.00"),
        ExpenseGroup.UTILITIES: D("100.00"),
        ExpenseGroup.FOOD: D("1400.00"),
    }
    assert s.debt_service == D("1800.00")
    assert s.debt_service_ratio == D("0.1800")
    assert s.after_debts == D("3700.00")
    assert s.unknown_payments == 1


def test_no_income_has_no_ratio():
    s = summarise([], [ExpenseItem("rent", D("100"))], [], TODAY)
    assert s.debt_service_ratio is None
    assert s.surplus == D("-100.00")


money = st.decimals(min_value=D("0"), max_value=D("1e7"), places=2)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(money, st.sampled_from(list(Frequency)), st.booleans()), max_size=12))
def test_totals_add_up_to_the_cent(items):
    expenses = [ExpenseItem("x", a, frequency=f, essential=e) for a, f, e in items]
    s = summarise([], expenses, [], TODAY)
    shown = [monthly_amount(a, f) for a, f, _ in items]
    assert s.essential + s.flexible == sum(shown, D(0))
    assert sum(s.by_group.values(), D(0)) == s.essential + s.flexible
    assert all(x == x.quantize(D("0.01")) for x in shown)


def test_debts_as_agreed_take_the_agreed_instalment_as_a_monthly_payment():
    from datetime import date as _date

    from workbook.budget import debts_as_agreed
    from workbook.models import Agreement, Debt, DebtStatus, Frequency

    open_debt = Debt("甲", Decimal("1000"), monthly_payment=Decimal("300"), id=1)
    weekly = Debt("乙", Decimal("1000"), monthly_payment=Decimal("300"), id=2)
    settled = Debt("丙", Decimal("0"), monthly_payment=Decimal("300"), id=3,
                   status=DebtStatus.SETTLED)
    agreements = [
        Agreement(1, Decimal("1000"), Decimal("100"), 10, _date(2026, 1, 1)),
        Agreement(2, Decimal("1000"), Decimal("12"), 80, _date(2026, 1, 1),
                  frequency=Frequency.WEEKLY),
        Agreement(3, Decimal("1000"), Decimal("100"), 10, _date(2026, 1, 1)),
    ]
    got = {d.id: d.monthly_payment for d in debts_as_agreed([open_debt, weekly, settled],
                                                             agreements)}
    assert got == {1: Decimal("100"), 2: Decimal("52.00"), 3: Decimal("300")}

"""True annual rate: IRR/XIRR in Decimal, the flat-fee example, and round trips."""

from datetime import date, timedelta
from decimal import Decimal, localcontext

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbook.i18n import set_language
from workbook.models import Debt, Rate, RateUnit, RepaymentMethod
from workbook.money.schedule import build_schedule, equal_instalment, monthly_rate
from workbook.money.truerate import (
    AnnualEquivalents,
    daily_rate_note,
    daily_to_annual,
    debt_true_rate,
    irr,
    true_rate_of_schedule,
    xirr,
)

D = Decimal
M = RepaymentMethod
PCT = D("0.0001")  # two decimals of a percentage


def _npv(flows, r):
    with localcontext() as ctx:
        ctx.prec = 40
        return sum(c / (1 + r) ** k for k, c in enumerate(flows))


def test_flat_monthly_fee_published_example():
    # china-facts §1.5: a 0.6 % monthly fee over 12 months is 13.03 % APR, 13.84 % EAR.
    rows = build_schedule(D("12000"), Rate(D("0.6"), RateUnit.MONTH), 12, M.FLAT_FEE, date(2024, 2, 1))
    true = true_rate_of_schedule(D("12000"), rows)
    assert true is not None and not true.by_days
    assert true.monthly.quantize(D("0.000001")) == D("0.010862")
    assert true.apr.quantize(PCT) == D("0.1303")
    assert true.ear.quantize(PCT) == D("0.1384")


def test_mortgage_true_rate_is_its_contract_rate():
    rows = build_schedule(D("1000000"), Rate(D("4.9")), 360, M.EQUAL_INSTALMENT, date(2024, 2, 1))
    true = true_rate_of_schedule(D("1000000"), rows)
    assert abs(true.monthly - D("0.049") / 12) < D("1e-8")
    assert true.apr.quantize(PCT) == D("0.0490")
    assert true.ear.quantize(PCT) == D("0.0501")


def test_upfront_deduction_raises_the_true_rate():
    debt = Debt(
        "L", D("10000"), principal=D("10000"), rate=Rate(D("12")), term_months=12,
        start_date=date(2024, 1, 5), upfront_deduction=D("1000"),
    )
    true = debt_true_rate(debt, date(2024, 6, 1))
    plain = debt_true_rate(Debt("L", D("10000"), rate=Rate(D("12")), term_months=12), date(2024, 1, 5))
    assert plain.apr.quantize(PCT) == D("0.1200")
    assert true.apr > D("0.30")
    payment = build_schedule(D("10000"), Rate(D("12")), 12, M.EQUAL_INSTALMENT, date(2024, 2, 5))
    flows = [D("-9000")] + [row.payment for row in payment]
    assert abs(_npv(flows, true.monthly)) < D("1e-6")


def test_monthly_fee_counts():
    base = {"lender": "L", "balance": D("10000"), "rate": Rate(D("12")), "term_months": 12}
    plain = debt_true_rate(Debt(**base), date(2024, 1, 5))
    with_fee = debt_true_rate(Debt(**base, monthly_fee=D("50")), date(2024, 1, 5))
    assert with_fee.apr - plain.apr > D("0.10")


def test_true_rate_from_a_stated_payment_without_a_rate():
    debt = Debt("L", D("12000"), term_months=12, monthly_payment=D("1072"))
    assert debt_true_rate(debt, date(2024, 1, 5)).apr.quantize(PCT) == D("0.1303")


def test_bullet_is_valued_by_days():
    debt = Debt(
        "L", D("10000"), principal=D("10000"), rate=Rate(D("0.05"), RateUnit.DAY),
        method=M.BULLET, term_months=12, start_date=date(2023, 1, 1),
    )
    true = debt_true_rate(debt, date(2023, 6, 1))
    assert true.by_days and true.monthly is None
    # 365 days at 0.05 %: 18.25 % simple, which is also the effective rate over one year.
    assert true.apr.quantize(PCT) == D("0.1825")
    assert true.ear.quantize(PCT) == D("0.1825")


def test_nothing_to_compute_gives_none():
    today = date(2024, 1, 1)
    assert debt_true_rate(Debt("L", D("1000")), today) is None
    assert debt_true_rate(Debt("L", D("1000"), rate=Rate(D("5"))), today) is None
    gone = Debt("L", D("1000"), rate=Rate(D("5")), term_months=3, upfront_deduction=D("1000"))
    assert debt_true_rate(gone, today) is None
    assert true_rate_of_schedule(D("100"), []) is None


def test_irr_never_raises_on_odd_cash_flows():
    assert irr([]) is None
    assert irr([D("-100")]) is None
    assert irr([D("100"), D("50")]) is None  # no sign change
    assert irr([D("0"), D("0"), D("0")]) is None
    assert irr([D("-1"), D("1e30")]) is None  # beyond any rate searched: an answer, no error
    assert irr([D("-1"), D("1000")]) == 999
    assert irr([D("-100"), D("0"), D("0")]) is None
    assert irr([D("-100"), D("100")]) == 0
    # Two sign changes: some root is found and it really is one.
    flows = [D("-100"), D("230"), D("-132")]
    r = irr(flows)
    assert r is not None and abs(_npv(flows, r)) < D("1e-12")


def test_irr_finds_negative_rates():
    r = irr([D("-100"), D("50"), D("40")])
    assert r is not None and r < 0
    assert abs(_npv([D("-100"), D("50"), D("40")], r)) < D("1e-12")


def test_xirr_one_year():
    assert xirr([(date(2023, 1, 1), D("-100")), (date(2024, 1, 1), D("110"))]).quantize(
        D("1e-10")
    ) == D("0.1000000000")
    assert xirr([(date(2023, 1, 1), D("-100")), (date(2023, 1, 1), D("110"))]) is None
    assert xirr([(date(2023, 1, 1), D("100"))]) is None


def test_irregular_dates_use_days():
    rows = build_schedule(D("1000"), Rate(D("12")), 3, M.EQUAL_INSTALMENT, date(2024, 3, 1))
    true = true_rate_of_schedule(D("1000"), rows, start=date(2024, 1, 1))  # first due in 2 months
    assert true.by_days
    assert D("0.05") < true.ear < D("0.10")


def test_daily_rates_both_conventions():
    assert daily_to_annual(Rate(D("0.05"), RateUnit.DAY)) == AnnualEquivalents(D("0.18"), D("0.1825"))
    assert daily_to_annual(Rate(D("1.5"), RateUnit.MONTH)) == AnnualEquivalents(D("0.18"), D("0.18"))
    assert daily_to_annual(Rate(D("18"))) == AnnualEquivalents(D("0.18"), D("0.18"))


def test_a_daily_rate_is_shown_under_both_conventions():
    set_language("en")
    assert daily_rate_note(Rate(D("0.05"), RateUnit.DAY)) == (
        "0.05% a day is 18.00% a year counted as 360 days, or 18.25% counted as 365 days."
    )
    set_language("zh")
    assert daily_rate_note(Rate(D("0.05"), RateUnit.DAY)) == (
        "日利率 0.05% 按一年 360 天折算为年化 18.00%，按 365 天折算为年化 18.25%。"
    )
    assert daily_rate_note(Rate(D("1.5"), RateUnit.MONTH)) is None
    assert daily_rate_note(Rate(D("18"))) is None
    assert daily_rate_note(None) is None


big_amounts = st.decimals(min_value=D("10000"), max_value=D("5000000"), places=2)
annual = st.decimals(min_value=D("0.01"), max_value=D("36"), places=2)
amortising = st.sampled_from(
    [M.EQUAL_INSTALMENT, M.EQUAL_PRINCIPAL, M.INTEREST_FIRST, M.CARD_MINIMUM, M.OTHER]
)


@settings(max_examples=60, deadline=None)
@given(big_amounts, annual, st.integers(1, 360), amortising)
def test_irr_of_any_schedule_returns_its_rate(principal, pct, n, method):
    # Cent rounding moves the IRR by about 0.01 / (principal × √n): below 1e-6 from 10,000 up.
    rate = Rate(pct)
    payment = equal_instalment(principal, monthly_rate(rate), n) * D("1.1") if method == M.OTHER else None
    rows = build_schedule(principal, rate, n, method, date(2024, 2, 1), payment=payment)
    true = true_rate_of_schedule(principal, rows)
    assert true is not None
    assert abs(true.monthly - monthly_rate(rate)) <= D("1e-6")


@settings(max_examples=40, deadline=None)
@given(
    st.decimals(min_value=D("1"), max_value=D("1e7"), places=2),
    st.decimals(min_value=D("-0.5"), max_value=D("0.5"), places=4),
    st.integers(1, 120),
)
def test_irr_of_exact_annuity_flows(principal, r, n):
    if r <= D("-0.5"):
        return
    with localcontext() as ctx:
        ctx.prec = 40
        if r == 0:
            pay = principal / n
        else:
            growth = (1 + r) ** n
            pay = principal * r * growth / (growth - 1)
    found = irr([-principal] + [pay] * n)
    assert found is not None and abs(found - r) < D("1e-12")


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 400), st.decimals(D("1"), D("1e5"), places=2)), min_size=1, max_size=12),
    st.decimals(min_value=D("-0.5"), max_value=D("3"), places=4),
)
def test_xirr_returns_the_rate_flows_were_built_with(gaps, rate):
    start = date(2024, 1, 1)
    day = start
    flows = []
    with localcontext() as ctx:
        ctx.prec = 40
        pv = D(0)
        for gap, amount in gaps:
            day = day + timedelta(days=gap)
            flows.append((day, amount))
            t = D((day - start).days) / 365
            pv += amount / (1 + rate) ** t
    found = xirr([(start, -pv), *flows])
    assert found is not None and abs(found - rate) < D("1e-9")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.decimals(min_value=D("-1e6"), max_value=D("1e6"), places=2), max_size=40))
@example([D("0.00")] * 17 + [D("57292.59"), D("3842.45"), D("0.00"), D("-9447.61")])
@example([D("0.00")] * 20 + [D("-999999.90"), D("0.00"), D("310343.64")])
def test_irr_answers_any_cash_flows(flows):
    found = irr(flows)
    if found is not None:
        assert found > -1
        # Relative to the flows as discounted: near -50 % a flow 17 periods out is
        # weighted 2^17, so the undiscounted sum is no measure of what "zero" means.
        scale = _npv([abs(c) for c in flows], found)
        if found > D("-0.5"):  # away from -100 %, where discount factors explode
            assert abs(_npv(flows, found)) <= scale * D("1e-15")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.dates(date(2020, 1, 1), date(2030, 1, 1)), st.decimals(D("-1e6"), D("1e6"), places=2)),
        max_size=15,
    )
)
def test_xirr_answers_any_dated_flows(flows):
    found = xirr(flows)
    assert found is None or found > -1

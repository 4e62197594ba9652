"""Plans: exact shares, orders, tokens, solving both ways, the effect of each request."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from workbook import i18n
from workbook.models import (
    Agreement,
    Debt,
    DebtStatus,
    LenderType,
    Payment,
    Proposal,
    Rate,
    RateUnit,
    RepaymentMethod,
    SplitMethod,
)
from workbook.negotiation.plans import (
    MAX_MONTHS,
    agreed_effects,
    plan_shares,
    plan_summary,
    proposal_effect,
    solve_instalment,
    solve_months,
    split,
    split_in_order,
    split_pro_rata,
    suggested_split,
    token_offers,
)

D = Decimal
TODAY = date(2024, 3, 1)


def _debt(id, balance, pct="12", **kw):
    if "rate" not in kw:
        kw["rate"] = Rate(D(pct))
    return Debt(f"L{id}", D(balance), id=id, **kw)


def test_pro_rata_example_and_largest_remainder():
    debts = [_debt(1, "100"), _debt(2, "100"), _debt(3, "100")]
    shares = split_pro_rata(D("100"), debts)
    assert sorted(shares.values()) == [D("33.33"), D("33.33"), D("33.34")]
    # Never more than a debt needs to be repaid: 1.00 each, the rest is not shared.
    tiny = split_pro_rata(D("100"), [_debt(1, "1"), _debt(2, "1"), _debt(3, "1")])
    assert list(tiny.values()) == [D("1.00")] * 3
    assert split_pro_rata(D("1000"), [_debt(1, "3000"), _debt(2, "1000")]) == {
        1: D("750.00"), 2: D("250.00")
    }


def test_pro_rata_edge_cases():
    assert split_pro_rata(D("10"), []) == {}
    assert split_pro_rata(D("10"), [_debt(1, "0"), _debt(2, "0")]) == {1: D("0.00"), 2: D("0.00")}
    assert split_pro_rata(D("-5"), [_debt(1, "10")]) == {1: D("0.00")}
    no_ids = [Debt("a", D("1")), Debt("b", D("3"))]
    assert split_pro_rata(D("4"), no_ids) == {-1: D("1.00"), -2: D("3.00")}


def test_an_unsaved_debt_never_takes_a_saved_debts_key():
    # An unsaved debt at position 1 and a saved one with id 1 used to share key 1.
    mixed = [_debt(1, "100"), Debt("new", D("300"))]
    shares = split_pro_rata(D("40"), mixed)
    assert shares == {1: D("10.00"), -2: D("30.00")}


balances = st.decimals(min_value=D("0"), max_value=D("1e7"), places=2)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=D("0"), max_value=D("1e6"), places=2), st.lists(balances, min_size=1, max_size=15))
def test_pro_rata_always_adds_up_exactly(amount, bals):
    debts = [_debt(i, b) for i, b in enumerate(bals)]
    shares = split_pro_rata(amount, debts)
    total = sum(bals)
    # All of the amount is shared, unless it is more than every debt needs.
    assert sum(shares.values()) == min(amount, total)
    for i, b in enumerate(bals):
        assert D(0) <= shares[i] <= b  # never more than a debt needs to be repaid
        if total >= amount and total > 0:  # within a cent of the exact proportion
            assert abs(shares[i] - amount * b / total) < D("0.01")


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=D("0"), max_value=D("1e5"), places=2),
       st.lists(balances, min_size=1, max_size=8),
       st.sampled_from([SplitMethod.HIGHEST_RATE, SplitMethod.SMALLEST_BALANCE]))
def test_ordered_splits_never_exceed_a_debt_and_share_all_they_can(amount, bals, order):
    debts = [_debt(i + 1, b, monthly_payment=D("50")) for i, b in enumerate(bals)]
    shares = split_in_order(amount, debts, order)
    assert sum(shares.values()) == min(amount, sum(bals))
    for debt in debts:
        assert D(0) <= shares[debt.id] <= debt.balance


def test_highest_rate_and_smallest_balance_first():
    debts = [
        _debt(1, "5000", "10", monthly_payment=D("500")),
        _debt(2, "800", "36", monthly_payment=D("300")),
        _debt(3, "2000", None, rate=None, monthly_payment=D("200")),
    ]
    by_rate = split_in_order(D("1000"), debts, SplitMethod.HIGHEST_RATE)
    assert by_rate == {2: D("300.00"), 1: D("500.00"), 3: D("200.00")}
    short = split_in_order(D("600"), debts, SplitMethod.HIGHEST_RATE)
    assert short == {2: D("300.00"), 1: D("300.00"), 3: D("0.00")}
    by_size = split_in_order(D("600"), debts, SplitMethod.SMALLEST_BALANCE)
    assert by_size == {2: D("300.00"), 3: D("200.00"), 1: D("100.00")}
    # More than the instalments: the rest pays the first in order down.
    extra = split_in_order(D("1500"), debts, SplitMethod.HIGHEST_RATE)
    assert extra[2] == D("800.00") and sum(extra.values()) == D("1500.00")
    everything = split_in_order(D("1e6"), debts, SplitMethod.SMALLEST_BALANCE)
    assert sum(everything.values()) == D("7800.00")


def test_true_rate_orders_flat_fee_loans_correctly():
    from workbook.models import RepaymentMethod

    flat = _debt(1, "12000", None, rate=Rate(D("0.6"), RateUnit.MONTH), term_months=12,
                 method=RepaymentMethod.FLAT_FEE, principal=D("12000"))
    plain = _debt(2, "12000", "10", term_months=12)
    # Stated: 7.2 % vs 10 %; true: 13.03 % vs 10 %.
    assert list(split_in_order(D("100"), [flat, plain], SplitMethod.HIGHEST_RATE).values()) == [
        D("0.00"), D("100.00")
    ]
    ranked = split_in_order(D("100"), [flat, plain], SplitMethod.HIGHEST_RATE, TODAY)
    assert ranked == {1: D("100.00"), 2: D("0.00")}


def test_token_offers():
    debts = [_debt(1, "100"), _debt(2, "100"), _debt(3, "100")]
    assert token_offers(D("500"), debts) == {1: D("50.00"), 2: D("50.00"), 3: D("50.00")}
    assert token_offers(D("100"), debts) == {1: D("33.34"), 2: D("33.33"), 3: D("33.33")}
    assert token_offers(D("0"), debts, per_debt=D("10")) == {1: D("10.00"), 2: D("10.00"), 3: D("10.00")}
    assert suggested_split(D("100"), debts) == SplitMethod.TOKEN
    assert suggested_split(D("1000"), debts) == SplitMethod.PRO_RATA
    assert split(D("100"), debts, SplitMethod.TOKEN) == token_offers(D("100"), debts)


def test_solve_instalment():
    assert solve_instalment(D("1000000"), Rate(D("4.9")), 360) == D("5307.27")
    assert solve_instalment(D("1000"), None, 3) == D("333.34")
    assert solve_instalment(D("0"), Rate(D("5")), 3) == D("0.00")
    with pytest.raises(ValueError):
        solve_instalment(D("1000"), None, 0)


def test_solve_months():
    result = solve_months(D("1000"), None, D("300"))
    assert (result.months, result.never_repays, result.total_paid, result.last_payment) == (
        4, False, D("1000.00"), D("100.00")
    )
    assert solve_months(D("0"), None, D("1")).months == 0


def test_a_payment_that_never_repays_gives_the_smallest_that_would():
    # 12 % a year on 10,000 is 100 a month of interest.
    result = solve_months(D("10000"), Rate(D("12")), D("100"))
    assert result.never_repays and result.months is None
    smallest = result.smallest_payment
    assert smallest is not None and smallest > D("100")
    assert solve_months(D("10000"), Rate(D("12")), smallest).months <= MAX_MONTHS
    assert solve_months(D("10000"), Rate(D("12")), smallest - D("0.01")).never_repays
    assert solve_months(D("10000"), Rate(D("12")), D("0")).never_repays


@settings(max_examples=80, deadline=None)
@given(
    st.decimals(min_value=D("100"), max_value=D("1e7"), places=2),
    st.decimals(min_value=D("0"), max_value=D("36"), places=2),
    st.integers(1, 360),
)
@example(D("46824.83"), D("29.75"), 355)  # found by hypothesis: two months fewer
def test_solving_both_ways_agrees(balance, pct, n):
    assume(balance >= 100 * n)  # an instalment of at least a yuan
    rate = Rate(pct)
    payment = solve_instalment(balance, rate, n)
    result = solve_months(balance, rate, payment)
    # The instalment is rounded up to the cent: less than 0.01 a month more, worth less
    # than 0.01 * s(n) at the end (s: the annuity's accumulation factor). At a high rate
    # over decades that can be a payment or two (46,824.83 at 29.75 % over 355 months:
    # 353), so at most that many months fewer, and never more.
    i = float(pct) / 1200
    growth = n if i == 0 else ((1 + i) ** n - 1) / i
    fewer = 1 + int(0.01 * growth / float(payment))
    assert n - fewer <= result.months <= n
    less = solve_months(balance, rate, payment - D("0.01"))  # a cent less is not enough
    assert less.never_repays or less.months > n
    assert D("0") < result.last_payment <= payment
    assert result.total_paid >= balance


def _loan(**kw):
    base = {
        "id": 1, "lender": "L", "balance": D("12000"), "principal": D("12000"),
        "rate": Rate(D("12")), "term_months": 12, "start_date": date(2024, 2, 10), "due_day": 10,
    }
    base.update(kw)
    return Debt(**base)


def test_longer_term_lowers_the_instalment_and_costs_more():
    debt = _loan()
    effect = proposal_effect(debt, Proposal(1, new_term_months=36), TODAY, D("500"))
    assert effect.new_instalment < effect.current_instalment
    assert effect.months == 36
    assert effect.first_due == date(2024, 3, 10)
    assert effect.payoff_date == date(2027, 2, 10)
    assert effect.interest_saved < 0  # a longer term costs more interest
    assert effect.fits_budget


def test_lower_rate_saves_interest():
    debt = _loan()
    effect = proposal_effect(debt, Proposal(1, new_rate=Rate(D("0")), new_term_months=11), TODAY)
    assert effect.total_cost == D("12000.00") + D("0.00") or effect.total_cost >= D("12000")
    assert effect.interest_saved > 0
    assert not effect.fits_budget  # no budget given


def test_offered_payment_gives_months():
    effect = proposal_effect(_loan(), Proposal(1, offered_payment=D("1000")), TODAY, D("1000"))
    assert effect.months == 13
    assert effect.new_instalment == D("1000") and effect.fits_budget


def test_waive_penalty_and_pause():
    debt = _loan(balance=D("13000"), penalty_fees=D("1000"))
    waived = proposal_effect(debt, Proposal(1, waive_penalty=True, new_term_months=12), TODAY)
    assert waived.balance == D("12000")
    i18n.set_language("en")
    paused = proposal_effect(debt, Proposal(1, pause_months=3, new_term_months=12), TODAY)
    assert paused.first_due == date(2024, 6, 10)
    assert paused.balance == D("13393.91")  # 13000 × 1.01³
    assert "pause" in paused.note


def test_settlement_is_one_off():
    i18n.set_language("en")
    effect = proposal_effect(_loan(), Proposal(1, settlement_discount_percent=D("40")), TODAY, D("500"))
    assert effect.one_off and effect.new_instalment == D("7200.00") and effect.months == 1
    assert effect.interest_saved > D("4800")
    assert not effect.fits_budget
    assert "written confirmation" in effect.note


def test_never_repays_names_the_smallest_payment():
    i18n.set_language("en")
    effect = proposal_effect(_loan(), Proposal(1, offered_payment=D("100")), TODAY, D("100"))
    assert effect.never_repays and effect.months is None
    assert effect.smallest_payment > D("120")
    assert "never repays" in effect.note and "¥" in effect.note


def test_monthly_fee_is_part_of_the_new_instalment():
    debt = _loan(monthly_fee=D("20"))
    effect = proposal_effect(debt, Proposal(1, new_term_months=12), TODAY)
    plain = proposal_effect(_loan(), Proposal(1, new_term_months=12), TODAY)
    assert effect.new_instalment == plain.new_instalment + D("20")
    assert effect.total_cost == plain.total_cost + D("240")


def test_nothing_to_compute_says_what_is_missing():
    i18n.set_language("en")
    debt = Debt("L", D("1000"), id=1)
    effect = proposal_effect(debt, Proposal(1), TODAY)
    assert effect.months is None and effect.new_instalment is None and not effect.fits_budget
    assert "Enter a new term" in effect.note and "No rate" in effect.note


def test_plan_summary():
    debts = [
        _loan(id=1, balance=D("9000")),
        _loan(id=2, balance=D("3000"), rate=Rate(D("0.05"), RateUnit.DAY)),
        _loan(id=3, balance=D("500"), status=DebtStatus.SETTLED),
    ]
    plan = plan_summary(debts, [], D("1200"), TODAY)
    assert [debt.id for debt, _ in plan.rows] == [1, 2]
    assert [e.new_instalment for _, e in plan.rows] == [D("900.00"), D("300.00")]
    assert plan.total_new == D("1200.00") and not plan.over_budget and plan.unused == 0
    assert plan.total_current == D("1074.68")  # what the two open loans ask now
    asked = plan_summary(debts, [Proposal(1, new_term_months=6)], D("1200"), TODAY)
    assert asked.over_budget
    assert not asked.rows[0][1].fits_budget
    settle = plan_summary(debts, [Proposal(2, settlement_discount_percent=D("50"))], D("1200"), TODAY)
    assert settle.one_off_total == D("1500.00") and settle.total_new == D("900.00")
    assert settle.unused == D("300.00")
    by_size = plan_summary(debts, [], D("1200"), TODAY, SplitMethod.SMALLEST_BALANCE)
    assert by_size.rows[1][1].new_instalment > D("300")  # the smaller balance is served first


odd_money = st.decimals(min_value=D("-100"), max_value=D("1e8"), places=2)
odd_debts = st.builds(
    Debt,
    lender=st.just("L"),
    balance=odd_money,
    principal=st.one_of(st.none(), odd_money),
    rate=st.one_of(
        st.none(),
        st.builds(Rate, st.decimals(D("-1"), D("1000"), places=3), st.sampled_from(list(RateUnit))),
    ),
    method=st.sampled_from(list(RepaymentMethod)),
    term_months=st.one_of(st.none(), st.integers(-1, 400)),
    start_date=st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2030, 12, 31))),
    due_day=st.one_of(st.none(), st.integers(1, 31)),
    monthly_payment=st.one_of(st.none(), odd_money),
    upfront_deduction=odd_money,
    monthly_fee=st.decimals(D("-5"), D("500"), places=2),
    penalty_fees=odd_money,
    lender_type=st.sampled_from(list(LenderType)),
    status=st.sampled_from(list(DebtStatus)),
    id=st.just(1),
)
odd_proposals = st.builds(
    Proposal,
    debt_id=st.just(1),
    offered_payment=st.one_of(st.none(), odd_money),
    new_term_months=st.one_of(st.none(), st.integers(-1, 400)),
    new_rate=st.one_of(st.none(), st.builds(Rate, st.decimals(D("0"), D("50"), places=2))),
    waive_penalty=st.booleans(),
    pause_months=st.integers(-1, 24),
    settlement_discount_percent=st.one_of(st.none(), st.decimals(D("-10"), D("110"), places=1)),
)


@settings(max_examples=60, deadline=None)
@given(odd_debts, odd_proposals, st.dates(date(2015, 1, 1), date(2030, 12, 31)))
def test_odd_inputs_never_raise(debt, proposal, today):
    # Whatever a user has typed so far, the maths answers (possibly "unknown"), never crashes.
    from workbook.money.lpr import benchmark_check
    from workbook.money.schedule import debt_schedule
    from workbook.money.truerate import debt_true_rate

    rows = debt_schedule(debt, today)
    assert all(row.payment >= 0 and row.balance >= 0 for row in rows)
    debt_true_rate(debt, today)
    assert benchmark_check(debt, today).explanation
    effect = proposal_effect(debt, proposal, today, D("1000"))
    if effect.never_repays:
        assert effect.smallest_payment is not None and effect.note
    plan_summary([debt], [proposal], D("500"), today)


def _agreement(debt_id, instalment, count, first_due, **kw):
    total = kw.pop("total", instalment * count)
    return Agreement(debt_id, total, instalment, count, first_due, id=kw.pop("id", 7), **kw)


def test_an_agreed_instalment_comes_off_the_top_and_the_rest_is_shared():
    i18n.set_language("en")
    debts = [_loan(id=1, balance=D("9000")), _loan(id=2, balance=D("3000")),
             _loan(id=3, balance=D("6000"))]  # fmt: skip
    agreed = _agreement(3, D("400"), 20, date(2024, 1, 15))
    paid = [Payment(7, date(2024, 1, 14), D("400")), Payment(7, date(2024, 2, 14), D("400"))]
    plan = plan_summary(debts, [], D("1200"), TODAY, agreements=[agreed], payments=paid)
    effects = {debt.id: e for debt, e in plan.rows}
    assert effects[3].agreed and effects[3].new_instalment == D("400.00")
    assert effects[3].months == 18 and effects[3].total_cost == D("7200")  # two paid
    assert effects[3].payoff_date == date(2025, 8, 15) and effects[3].fits_budget
    # 800 left, shared 3:1 between the others
    assert (effects[1].new_instalment, effects[2].new_instalment) == (D("600.00"), D("200.00"))
    assert plan.total_new == D("1200.00") and not plan.over_budget
    # "now" counts the agreed instalment, not the old contract payment
    assert plan.total_current == sum(
        (e.current_instalment for d, e in plan.rows if d.id != 3), D("0")
    ) + D("400")
    shares = plan_shares(debts, D("1200"), SplitMethod.PRO_RATA, TODAY, {3: effects[3]})
    assert shares == {1: D("600.00"), 2: D("200.00"), 3: D("400.00")}


def test_the_latest_agreement_counts_and_a_settled_debt_has_none():
    debts = [_loan(id=1, balance=D("5000")), _loan(id=2, balance=D("0"))]
    old = _agreement(1, D("300"), 10, date(2023, 1, 1), id=1)
    new = _agreement(1, D("250"), 20, date(2023, 6, 1), id=2)
    other = _agreement(2, D("100"), 5, date(2023, 6, 1), id=3)
    effects = agreed_effects(debts, [new, old, other], [])
    assert list(effects) == [1] and effects[1].new_instalment == D("250.00")


def test_a_term_that_contradicts_the_offer_is_pointed_out():
    i18n.set_language("en")
    debt = _loan(id=1, balance=D("12000"), rate=Rate(D("0")))
    effect = proposal_effect(debt, Proposal(1, new_term_months=12, offered_payment=D("600")), TODAY)
    assert effect.new_instalment == D("1000.00")  # the term decides
    assert "A 12-month term means ¥1,000.00 a month, not the ¥600.00 offered." in effect.note
    same = proposal_effect(debt, Proposal(1, new_term_months=12, offered_payment=D("1000")), TODAY)
    assert same.note is None


def test_over_its_share_says_what_the_share_would_do():
    i18n.set_language("en")
    debt = _loan(id=1, balance=D("12000"), rate=Rate(D("0")))
    effect = proposal_effect(debt, Proposal(1, new_term_months=12), TODAY, D("500"))
    assert not effect.fits_budget
    assert "¥500.00 a month over its share of ¥500.00, which would repay it in 24 months" in (
        effect.note
    )
    costly = _loan(id=1, balance=D("12000"), rate=Rate(D("60")))  # 5% a month: 600 interest
    effect = proposal_effect(costly, Proposal(1, new_term_months=12), TODAY, D("500"))
    assert "which never repays it; at least ¥6" in effect.note
    zh = i18n.translate("{gap} a month over its share of {share}, which never repays it; "
                        "at least {smallest} a month would.", "zh")  # fmt: skip
    assert "永远还不清" in zh

"""The demo workbook: valid records, a budget that just balances, dates that follow today."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook import fmt
from workbook.codec import from_dict, to_dict
from workbook.demo.case import DemoData, demo_records
from workbook.followup import conduct
from workbook.models import (
    Debt,
    DebtStatus,
    Direction,
    Frequency,
    HardshipKind,
    LenderType,
    ProposalStatus,
    Rate,
    RateUnit,
    RepaymentMethod,
)
from workbook.parse import parse_due_day, parse_money, parse_rate

TODAY = date(2026, 11, 28)
AWKWARD_DAYS = [date(2026, 1, 31), date(2028, 2, 29), date(2026, 12, 31), date(2027, 3, 1)]
PER_MONTH = {
    Frequency.MONTHLY: Decimal(1),
    Frequency.WEEKLY: Decimal(52) / 12,
    Frequency.YEARLY: Decimal(1) / 12,
    Frequency.ONE_OFF: Decimal(0),
}


@pytest.fixture(scope="module")
def demo() -> DemoData:
    return demo_records(TODAY)


def _money_ok(value: Decimal | None) -> bool:
    return value is None or (value >= 0 and value.as_tuple().exponent >= -2)


def test_profile_and_settings(demo):
    assert demo.profile.name == "张伟"
    assert fmt.mask_id(demo.profile.id_number) == "110***********1237"
    assert demo.profile.address.startswith("北京市")
    assert demo.settings.workbook_name == "示例工作簿"
    assert demo.settings.language == ""  # the demo follows the locale or --lang


def test_every_debt_field_is_valid(demo):
    assert 5 <= len(demo.debts) <= 6
    for debt in demo.debts:
        assert isinstance(debt, Debt) and debt.id is None
        assert debt.lender and debt.product
        assert debt.balance > 0
        for amount in (
            debt.balance,
            debt.principal,
            debt.overdue_amount,
            debt.penalty_fees,
            debt.monthly_payment,
            debt.upfront_deduction,
            debt.monthly_fee,
        ):
            assert _money_ok(amount), (debt.lender, amount)
            if amount is not None:
                assert parse_money(fmt.money(amount)).value == amount
        assert debt.principal is None or debt.principal >= debt.balance
        assert isinstance(debt.rate, Rate)
        for lang in ("zh", "en"):
            assert parse_rate(fmt.rate(debt.rate, lang)).value == debt.rate
        assert parse_due_day(str(debt.due_day)).value == debt.due_day
        assert debt.term_months is None or 1 <= debt.term_months <= 120
        assert debt.start_date is not None and debt.start_date < TODAY
        assert (debt.overdue_amount > 0) == (debt.overdue_days > 0)
        if debt.overdue_amount:
            assert debt.status in (DebtStatus.OVERDUE, DebtStatus.NEGOTIATING)
            assert debt.overdue_amount <= debt.balance


def test_debts_cover_the_kinds_people_have(demo):
    types = {d.lender_type for d in demo.debts}
    assert {
        LenderType.CREDIT_CARD,
        LenderType.CONSUMER_FINANCE,
        LenderType.ONLINE_PLATFORM,
        LenderType.MICROLOAN,
        LenderType.PRIVATE,
        LenderType.BANK,
    } <= types
    methods = {d.method for d in demo.debts}
    assert set(RepaymentMethod) - {RepaymentMethod.OTHER} <= methods
    assert {d.rate.unit for d in demo.debts} == set(RateUnit)
    assert Rate(Decimal("0.05"), RateUnit.DAY) in {d.rate for d in demo.debts}  # 日息万五
    assert 31 in {d.due_day for d in demo.debts}
    flat = next(d for d in demo.debts if d.method == RepaymentMethod.FLAT_FEE)
    assert flat.upfront_deduction > 0 and flat.monthly_fee > 0
    card = next(d for d in demo.debts if d.method == RepaymentMethod.CARD_MINIMUM)
    assert card.overdue_amount > 0


def test_flat_fee_payment_is_what_the_contract_says(demo):
    flat = next(d for d in demo.debts if d.method == RepaymentMethod.FLAT_FEE)
    per_month = (flat.principal / flat.term_months).quantize(Decimal("0.01"))
    fee = flat.principal * flat.rate.percent / 100 + flat.monthly_fee
    assert flat.monthly_payment == per_month + fee


def _monthly(items) -> Decimal:
    return sum((i.amount * PER_MONTH[i.frequency] for i in items), Decimal(0))


def test_budget_leaves_a_small_positive_surplus(demo):
    surplus = _monthly(demo.incomes) - _monthly(demo.expenses)
    contractual = sum(d.monthly_payment or 0 for d in demo.debts)
    assert 0 < surplus < contractual / 3  # positive, but far short of the old payments
    assert {e.essential for e in demo.expenses} == {True, False}
    assert len({e.group for e in demo.expenses}) >= 8
    assert len({i.frequency for i in demo.incomes + demo.expenses}) >= 2
    assert all(_money_ok(i.amount) and i.amount > 0 for i in demo.incomes + demo.expenses)


def test_offers_fit_the_surplus(demo):
    surplus = _monthly(demo.incomes) - _monthly(demo.expenses)
    assert sum(p.offered_payment for p in demo.proposals) <= surplus


def test_hardships(demo):
    assert {h.kind for h in demo.hardships} == {HardshipKind.INCOME_CUT, HardshipKind.ILLNESS}
    for h in demo.hardships:
        assert h.statement and h.since <= TODAY
        assert (
            h.evidence and any(e.have for e in h.evidence) and not all(e.have for e in h.evidence)
        )


def test_proposals_and_agreement_hang_together(demo):
    assert len(demo.proposals) == 2
    assert len({p.debt_id for p in demo.proposals}) == 2
    assert all(0 <= p.debt_id < len(demo.debts) for p in demo.proposals)
    accepted = [i for i, p in enumerate(demo.proposals) if p.status == ProposalStatus.ACCEPTED]
    assert len(accepted) == 1
    (agreement,) = demo.agreements
    assert agreement.proposal_id == accepted[0]
    assert agreement.debt_id == demo.proposals[accepted[0]].debt_id
    assert demo.debts[agreement.debt_id].status == DebtStatus.AGREED
    assert agreement.instalment * (agreement.count - 1) < agreement.total
    assert agreement.total <= agreement.instalment * agreement.count
    assert agreement.signed_on < agreement.first_due <= TODAY
    assert len(demo.payments) == 2
    for p in demo.payments:
        assert p.agreement_id == 0 and p.amount == agreement.instalment
        assert agreement.signed_on < p.paid_on <= TODAY
    paid = sum(p.amount for p in demo.payments)
    assert demo.debts[agreement.debt_id].balance == agreement.total - paid


def test_communications(demo):
    log = demo.communications
    assert len(log) >= 8
    assert all(c.at <= datetime.combine(TODAY, time()) for c in log)
    assert {c.channel for c in log} >= {"phone", "letter", "app", "sms", "online_chat", "in_person"}
    night = [c for c in log if c.at.time() == time(23, 30)]
    assert len(night) == 1 and night[0].direction == Direction.INCOMING and night[0].by_collector
    assert sum(c.third_party for c in log) == 1
    lenders = [d.lender for d in demo.debts]
    for c in log:
        if c.debt_id is not None:
            assert lenders[c.debt_id] == c.lender


def test_conduct_check_flags_the_night_call_and_the_third_party(demo):
    found = conduct.breaches(demo.linked_communications(range(1, 7)))
    rules = {b.rule for found_for_one in found.values() for b in found_for_one}
    assert {conduct.Rule.NIGHT, conduct.Rule.THIRD_PARTY} <= rules


def test_linking_replaces_positions_with_ids(demo):
    debt_ids = [101, 102, 103, 104, 105, 106]
    proposals = demo.linked_proposals(debt_ids)
    assert [p.debt_id for p in proposals] == [debt_ids[p.debt_id] for p in demo.proposals]
    comms = demo.linked_communications(debt_ids)
    assert [c.debt_id for c in comms] == [
        None if c.debt_id is None else debt_ids[c.debt_id] for c in demo.communications
    ]
    (agreement,) = demo.linked_agreements(debt_ids, [201, 202])
    assert agreement.debt_id == debt_ids[demo.agreements[0].debt_id]
    assert agreement.proposal_id == [201, 202][demo.agreements[0].proposal_id]
    assert {p.agreement_id for p in demo.linked_payments([301])} == {301}
    assert demo == demo_records(TODAY)  # linking copies; the data itself is unchanged


def test_every_record_survives_the_codec(demo):
    records = [demo.profile, demo.settings]
    for f in dataclasses.fields(demo):
        value = getattr(demo, f.name)
        records += value if isinstance(value, list) else []
    for record in records:
        data = json.loads(json.dumps(to_dict(record), ensure_ascii=False))
        assert from_dict(type(record), data) == record


def _dates(data: DemoData) -> list[date]:
    out = []
    for record in [r for f in dataclasses.fields(data) for r in _as_list(getattr(data, f.name))]:
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            if isinstance(value, datetime):
                out.append(value.date())
            elif isinstance(value, date):
                out.append(value)
    return out


def _as_list(value):
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("today", AWKWARD_DAYS)
def test_awkward_todays_work(today):
    data = demo_records(today)
    assert all(
        today - timedelta(days=5 * 366) <= d <= today + timedelta(days=31) for d in _dates(data)
    )


@settings(max_examples=30, deadline=None)
@given(today=st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_dates_follow_today(today):
    data = demo_records(today)
    later = demo_records(today + timedelta(days=365))
    for a, b in zip(_dates(data), _dates(later), strict=True):
        assert timedelta(days=330) <= b - a <= timedelta(days=400)
    for c in data.communications:
        assert c.at.date() < today
        assert c.next_action_date is None or c.next_action_date <= today + timedelta(days=31)
    assert [d.start_date < today for d in data.debts] == [True] * len(data.debts)


def test_the_demo_profile_passes_the_profile_forms_checks(demo):
    # Its ID number once had a wrong check character: saving the demo's profile unchanged
    # was refused by the profile form.
    from workbook.parse import parse_email, parse_id_number, parse_mobile

    profile = demo.profile
    assert parse_id_number(profile.id_number, today=TODAY).value == profile.id_number
    assert parse_mobile(profile.phone).value == profile.phone
    assert not parse_email(profile.email).error

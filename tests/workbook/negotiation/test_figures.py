"""What steps 3-5 show, computed from a workbook snapshot (no terminal needed)."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from decimal import Decimal

from tui_helpers import TODAY

from workbook.demo.case import demo_records
from workbook.models import Channel, Communication, Direction, ProposalStatus, SplitMethod
from workbook.negotiation import figures as negotiation
from workbook.snapshot import WorkbookData

NOW = datetime(2026, 11, 28, 14, 20)


def demo_data() -> WorkbookData:
    demo = demo_records(TODAY)
    debts = [dataclasses.replace(d, id=i + 1) for i, d in enumerate(demo.debts)]
    ids = [d.id for d in debts]
    return WorkbookData(
        debts=debts,
        incomes=demo.incomes,
        expenses=demo.expenses,
        hardships=demo.hardships,
        proposals=[
            dataclasses.replace(p, id=i + 1) for i, p in enumerate(demo.linked_proposals(ids))
        ],
        communications=demo.linked_communications(ids),
        profile=demo.profile,
    )


def test_shares_add_up_to_what_is_left_each_month():
    data = demo_data()
    surplus = negotiation.budget(data, TODAY).surplus
    assert surplus == Decimal("1800.00")
    for method in SplitMethod:
        if method == SplitMethod.TOKEN:
            continue  # a fixed amount per lender, not a share
        shares = [negotiation.share_for(data, d, TODAY, method) for d in data.debts]
        assert sum(shares) == surplus, method


def test_the_split_chosen_applies_to_the_whole_plan():
    data = demo_data()
    assert negotiation.plan_split(data) == SplitMethod.PRO_RATA  # the proposals'
    token = negotiation.plan(data, TODAY, SplitMethod.TOKEN)
    platform = next(d for d in data.debts if d.lender == "快易借")
    assert negotiation.effect_for(token, platform.id).new_instalment == Decimal("50.00")


def test_letter_input_takes_the_offer_and_the_users_own_words():
    data = demo_data()
    card = dataclasses.replace(data.debts[0], letter_statement="[另附] <说明> & 更多")
    inp = negotiation.letter_input(data, card, TODAY)
    assert inp.offered_payment == Decimal("790.23")  # the proposal's amount
    assert inp.budget_income - inp.budget_spending == inp.surplus == Decimal("1800.00")
    assert inp.custom_statement == "[另附] <说明> & 更多"
    bank = data.debts[-1]  # no proposal: the plan's instalment for it
    effect = negotiation.effect_for(negotiation.plan(data, TODAY), bank.id)
    assert negotiation.letter_input(data, bank, TODAY).offered_payment == effect.new_instalment


def test_debts_being_negotiated_come_first():
    data = demo_data()
    order = negotiation.talk_order(data)
    first = negotiation.proposal_for(data, order[0].id)
    assert first is not None and first.status == ProposalStatus.DISCUSSING
    assert len(order) == len(negotiation.open_debts(data))


def test_only_a_recent_unended_outgoing_call_is_offered_for_continuing():
    data = demo_data()
    card = data.debts[0]
    call = negotiation.new_call(card, NOW - timedelta(hours=1))
    assert (call.channel, call.direction, call.debt_id) == (Channel.PHONE, Direction.OUTGOING, 1)
    older = dataclasses.replace(call, at=NOW - timedelta(hours=7))
    ended = dataclasses.replace(call, ended_at=NOW)
    incoming = dataclasses.replace(call, direction=Direction.INCOMING)
    for comms, expected in (
        ([call], call),
        ([older], None),
        ([ended], None),
        ([incoming], None),
    ):
        with_calls = dataclasses.replace(data, communications=list(comms))
        assert negotiation.unfinished_call(with_calls, card, NOW) == expected


def test_recent_contacts_newest_first():
    data = demo_data()
    consumer = data.debts[1]
    contacts = negotiation.debt_contacts(data, consumer, limit=2)
    assert len(contacts) == 2 and contacts[0].at > contacts[1].at
    assert all(isinstance(c, Communication) and c.debt_id == consumer.id for c in contacts)


def test_step_4_the_letter_and_the_call_sheet_count_the_same_instalments():
    # The demo card: 48,650.32 less 1,236.80 penalty waived, over 60 months at 0 %.
    # The letter once counted 62 (it forgot the waiver) where step 4 said 60.
    from workbook.negotiation.letter import build_letter, letter_text
    from workbook.negotiation.letter_request import repayment_request

    data = demo_data()
    card = data.debts[0]
    effect = negotiation.effect_for(negotiation.plan(data, TODAY), card.id)
    inp = negotiation.letter_input(data, card, TODAY)
    req = repayment_request(card, inp.proposal, inp.offered_payment, TODAY)
    sheet = negotiation.call_sheet(data, card, TODAY, "en")
    assert effect.months == req.count == sheet.request.count == 60
    assert effect.last_instalment == req.last == sheet.request.last == Decimal("789.95")
    assert effect.total_cost == req.total == sheet.request.total == Decimal("47413.52")
    assert effect.first_due == req.first_due == sheet.request.first_due
    text = letter_text(build_letter(inp, "zh"))
    assert "分60期按月偿还，每期790.23元" in text and "最后一期为789.95元" in text
    assert "1,236.80元为罚息、违约金及其他费用" in text


def test_the_call_sheet_works_the_plan_out_once(monkeypatch):
    # Step 5 on a workbook of 500 debts: each plan is ~80 ms; the sheet once asked for
    # it twice (the offer and the effect).
    data = demo_data()
    bank = data.debts[-1]  # no proposal: the offer is the plan's instalment
    expected = negotiation.effect_for(negotiation.plan(data, TODAY), bank.id)
    real, plans = negotiation.plan_summary, []
    monkeypatch.setattr(negotiation, "plan_summary", lambda *a, **k: plans.append(1) or real(*a, **k))
    sheet = negotiation.call_sheet(data, bank, TODAY, "en")
    assert len(plans) == 1
    assert sheet.request.instalment == expected.new_instalment
    assert sheet.request.count == expected.months

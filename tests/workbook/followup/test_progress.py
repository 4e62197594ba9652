"""The guide's step states computed from the workbook's data."""

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest

from workbook import i18n
from workbook.followup.agreements import CHECKLIST_KEYS
from workbook.followup.progress import (
    STEPS,
    StepState,
    WorkbookData,
    monthly_surplus,
    next_planned_action,
    step_states,
)
from workbook.models import (
    Agreement,
    Channel,
    Communication,
    Debt,
    DebtStatus,
    Direction,
    ExpenseItem,
    Frequency,
    Hardship,
    HardshipKind,
    IncomeItem,
    Payment,
    Proposal,
    ProposalStatus,
    Rate,
)

D = Decimal
TODAY = date(2025, 3, 10)
NS, IP, DONE = StepState.NOT_STARTED, StepState.IN_PROGRESS, StepState.DONE


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def debt(i: int, **kw) -> Debt:
    values = {"lender": f"Lender {i}", "balance": D("1000"), "id": i, "rate": Rate(D("18")),
              "due_day": 5, "channels": [Channel.PHONE]}
    values.update(kw)
    return Debt(**values)


def full_agreement(debt_id: int, **kw) -> Agreement:
    values = {"debt_id": debt_id, "total": D("1000"), "instalment": D("100"), "count": 10,
              "first_due": date(2025, 4, 5), "id": 100 + debt_id,
              "checklist": dict.fromkeys(CHECKLIST_KEYS, True)}
    values.update(kw)
    return Agreement(**values)


def complete() -> WorkbookData:
    return WorkbookData(
        debts=[debt(1), debt(2)],
        incomes=[IncomeItem("Salary", D("6000"))],
        expenses=[ExpenseItem("Rent", D("2000"))],
        proposals=[Proposal(debt_id=1, status=ProposalStatus.ACCEPTED),
                   Proposal(debt_id=2, status=ProposalStatus.ACCEPTED)],
        hardships=[Hardship(HardshipKind.JOB_LOSS, statement="Lost my job in January.")],
        communications=[
            Communication(at=datetime(2025, 3, 1, 10), lender="Lender 1", debt_id=1),
            Communication(at=datetime(2025, 3, 1, 11), lender="lender 2"),  # by name
        ],
        agreements=[full_agreement(1), full_agreement(2)],
    )


def states(data):
    return [step_states(data, TODAY)[n] for n in range(1, 8)]


def test_an_empty_workbook_has_not_started():
    assert states(WorkbookData()) == [NS] * 7
    assert next_planned_action(WorkbookData(), TODAY) == "Add each debt with its rate and due day."


def test_a_complete_workbook_is_done_but_step_seven():
    assert states(complete()) == [DONE] * 6 + [NS]
    assert next_planned_action(complete(), TODAY) is None


def test_step1_needs_rate_and_due_day_on_every_debt():
    data = complete()
    assert states(replace(data, debts=[debt(1), debt(2, rate=None)]))[0] == IP
    assert states(replace(data, debts=[debt(1), debt(2, due_day=None)]))[0] == IP


def test_step2_needs_income_and_spending():
    assert states(replace(complete(), expenses=[]))[1] == IP
    assert states(replace(complete(), incomes=[], expenses=[]))[1] == NS


def test_step3_ignores_settled_debts():
    data = replace(complete(), debts=[debt(1), debt(2, channels=[], status=DebtStatus.SETTLED)])
    assert states(data)[2] == DONE
    assert states(replace(complete(), debts=[debt(1), debt(2, channels=[])]))[2] == IP
    assert states(replace(complete(), debts=[debt(1, channels=[])]))[2] == NS


def test_step4_needs_a_statement_and_a_proposal_per_open_debt():
    data = complete()
    assert states(replace(data, hardships=[Hardship(HardshipKind.ILLNESS, statement="  ")]))[3] == IP
    assert states(replace(data, proposals=data.proposals[:1]))[3] == IP
    assert states(replace(data, hardships=[], proposals=[]))[3] == NS


def test_step5_needs_an_outgoing_contact_per_proposed_debt():
    data = complete()
    incoming_only = [replace(c, direction=Direction.INCOMING) for c in data.communications]
    assert states(replace(data, communications=incoming_only))[4] == NS
    assert states(replace(data, communications=data.communications[:1]))[4] == IP


def test_step6_needs_complete_checklists_and_nothing_overdue():
    data = complete()
    unchecked = [full_agreement(1), full_agreement(2, checklist={})]
    assert states(replace(data, agreements=unchecked))[5] == IP
    assert states(replace(data, agreements=data.agreements[:1]))[5] == IP  # debt 2 accepted
    late = date(2025, 4, 20)
    assert step_states(data, late)[6] == IP
    paid = [Payment(agreement_id=101, paid_on=date(2025, 4, 5), amount=D("100")),
            Payment(agreement_id=102, paid_on=date(2025, 4, 5), amount=D("100"))]
    assert step_states(replace(data, payments=paid), late)[6] == DONE
    none_accepted = replace(data, agreements=[], proposals=[Proposal(debt_id=1)])
    assert states(none_accepted)[5] == NS


def test_step7_starts_with_a_breach_or_no_money_left():
    data = complete()
    night = Communication(at=datetime(2025, 3, 2, 23, 30), lender="Lender 1",
                          direction=Direction.INCOMING)
    assert states(replace(data, communications=[*data.communications, night]))[6] == IP
    broke = replace(data, expenses=[ExpenseItem("Rent", D("1500"), frequency=Frequency.WEEKLY)])
    assert states(broke)[6] == IP
    assert monthly_surplus(broke.incomes, broke.expenses) == D("-500.00")


def test_next_action_prefers_overdue_money_then_the_log():
    data = complete()
    planned = Communication(at=datetime(2025, 3, 2), lender="Lender 2 ",
                            direction=Direction.INCOMING,
                            next_action="Send the letter", next_action_date=date(2025, 3, 12))
    with_plan = replace(data, communications=[*data.communications, planned])
    assert next_planned_action(with_plan, TODAY) == "2025-03-12 Lender 2: Send the letter"
    assert next_planned_action(with_plan, date(2025, 4, 6)) == (
        "Pay ¥100.00 to Lender 1: overdue since 2025-04-05."
    )


def test_next_action_names_the_first_unfinished_step_in_the_ui_language():
    data = replace(complete(), hardships=[])
    assert next_planned_action(data, TODAY) == (
        "Say why you cannot pay as before, and prepare a proposal for each lender."
    )
    i18n.set_language("zh")
    assert "还款方案" in next_planned_action(data, TODAY)


def test_steps_are_numbered_one_to_seven():
    assert [s.number for s in STEPS] == list(range(1, 8))
    assert len({s.key for s in STEPS}) == 7


def test_step7_is_done_when_the_cards_that_apply_are_read_and_no_deadline_is_open():
    from workbook.followup.progress import hard_cards_due, open_deadlines
    from workbook.guide.situations import situation_entry
    from workbook.models import Situation

    data = complete()
    sued = replace(data.debts[0], situation=Situation.PAYMENT_ORDER,
                   situation_on=date(2025, 3, 3))
    entry = situation_entry(sued, Situation.PAYMENT_ORDER, date(2025, 3, 3))
    hard = replace(data, debts=[sued, *data.debts[1:]],
                   communications=[*data.communications, entry])
    due = hard_cards_due(hard)
    assert due[0] == "payment_order"
    assert states(hard)[6] == IP
    read = replace(hard, cards_read=tuple(due))
    assert open_deadlines(read) == [entry]
    assert states(read)[6] == IP  # the objection is still to be made
    done_entry = Communication(at=datetime(2025, 3, 9, 10), lender=sued.lender,
                               direction=Direction.OUTGOING, debt_id=sued.id,
                               summary="Objection filed")
    finished = replace(read, communications=[*read.communications, done_entry])
    assert open_deadlines(finished) == []
    assert states(finished)[6] == DONE
    assert states(replace(finished, cards_read=tuple(due[:-1])))[6] == IP

"""Sample records for the guide-text tests (letter, call sheet)."""

from datetime import date
from decimal import Decimal as D

from workbook.models import (
    Channel,
    Debt,
    EvidenceItem,
    ExpenseItem,
    Frequency,
    Hardship,
    HardshipKind,
    IncomeItem,
    LenderType,
    Profile,
    Proposal,
    Rate,
    RateUnit,
)
from workbook.negotiation.letter_input import LetterInput

NASTY = "住院两周 <b>手术</b> [/] & [b]x{name}"  # markup-looking text must survive verbatim


def sample_debt() -> Debt:
    return Debt(
        lender="招联消费金融",
        balance=D("23456.78"),
        lender_type=LenderType.CONSUMER_FINANCE,
        product="好期贷",
        contract_number="ZL-2023-0001",
        principal=D("30000"),
        overdue_amount=D("2345.60"),
        overdue_days=45,
        penalty_fees=D("312.50"),
        rate=Rate(D("0.05"), RateUnit.DAY),
        term_months=24,
        start_date=date(2023, 4, 1),
        monthly_payment=D("1600"),
        contact_phone="95786",
        contact_notes="工作日 9-18 点",
        channels=[Channel.PHONE, Channel.LETTER],
    )


def sample_hardships() -> list[Hardship]:
    return [
        Hardship(
            HardshipKind.ILLNESS,
            since=date(2025, 9, 1),
            statement=NASTY,
            evidence=[EvidenceItem("诊断证明", True), EvidenceItem("医疗费用发票", False)],
        ),
        Hardship(HardshipKind.JOB_LOSS, since=date(2025, 6, 1)),
    ]


def sample_proposal() -> Proposal:
    return Proposal(
        debt_id=1,
        offered_payment=D("800"),
        new_term_months=36,
        new_rate=Rate(D("7.2")),
        waive_penalty=True,
        pause_months=2,
        settlement_discount_percent=D("30"),
        lowest_acceptable=D("950"),
        must_not_agree="不接受三天内一次性还清\n\n  Never a lump sum of <all> [/]  \n",
    )


def sample_input(**changes) -> LetterInput:
    values = dict(
        profile=Profile(
            name="张三", id_number="110101199001011234", phone="13812345678", address="北京市"
        ),
        debt=sample_debt(),
        incomes=[IncomeItem("工资", D("5000")), IncomeItem("年终奖", D("6000"), Frequency.YEARLY)],
        expenses=[ExpenseItem("房租", D("1800")), ExpenseItem("伙食", D("1200"))],
        hardships=sample_hardships(),
        proposal=sample_proposal(),
        budget_income=D("5500"),
        budget_spending=D("3000"),
        surplus=D("2500"),
        offered_payment=None,
        today=date(2026, 3, 5),
    )
    values.update(changes)
    return LetterInput(**values)

"""The demo workbook behind `repay demo`: one borrower's realistic case, in Chinese.

Everything is made up: the names, the lenders (no real company is meant), the ID
number and the phone numbers. Dates are relative to `today`, so the demo always
looks current.

Records carry no ids; storage assigns them. Records that point at other records
hold a *list position* in the id field until they are linked:

- `Proposal.debt_id`, `Communication.debt_id`, `Agreement.debt_id`: position in `debts`
- `Agreement.proposal_id`: position in `proposals`
- `Payment.agreement_id`: position in `agreements`

Store them in this order, linking each step with the ids the previous step got::

    data = demo_records(today)
    debts = wb.debts.add_many(data.debts)
    debt_ids = [d.id for d in debts]
    proposals = wb.proposals.add_many(data.linked_proposals(debt_ids))
    wb.communications.add_many(data.linked_communications(debt_ids))
    agreements = wb.agreements.add_many(
        data.linked_agreements(debt_ids, [p.id for p in proposals]))
    wb.payments.add_many(data.linked_payments([a.id for a in agreements]))

Profile, settings, incomes, expenses and hardships have no links.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from workbook.demo import talks
from workbook.demo.talks import (
    BANK_LENDER,
    CARD_LENDER,
    CONSUMER_LENDER,
    MICRO_LENDER,
    PLATFORM_LENDER,
    PRIVATE_LENDER,
    months_from,
)
from workbook.models import (
    Agreement,
    Channel,
    Communication,
    Debt,
    DebtStatus,
    EvidenceItem,
    ExpenseGroup,
    ExpenseItem,
    Frequency,
    Hardship,
    HardshipKind,
    IncomeItem,
    LenderType,
    Payment,
    Profile,
    Proposal,
    Rate,
    RateUnit,
    RepaymentMethod,
    Settings,
)

D = Decimal


@dataclass
class DemoData:
    profile: Profile
    settings: Settings
    debts: list[Debt] = field(default_factory=list)
    incomes: list[IncomeItem] = field(default_factory=list)
    expenses: list[ExpenseItem] = field(default_factory=list)
    hardships: list[Hardship] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)  # debt_id = position in debts
    communications: list[Communication] = field(default_factory=list)  # likewise
    agreements: list[Agreement] = field(default_factory=list)  # + proposal_id position
    payments: list[Payment] = field(default_factory=list)  # agreement_id = position

    def linked_proposals(self, debt_ids: Sequence[int]) -> list[Proposal]:
        """Copies of `proposals` pointing at the stored debts."""
        return [dataclasses.replace(p, debt_id=debt_ids[p.debt_id]) for p in self.proposals]

    def linked_communications(self, debt_ids: Sequence[int]) -> list[Communication]:
        """Copies of `communications` pointing at the stored debts (or at none)."""
        return [
            dataclasses.replace(c, debt_id=None if c.debt_id is None else debt_ids[c.debt_id])
            for c in self.communications
        ]

    def linked_agreements(
        self, debt_ids: Sequence[int], proposal_ids: Sequence[int]
    ) -> list[Agreement]:
        """Copies of `agreements` pointing at the stored debts and proposals."""
        return [
            dataclasses.replace(
                a,
                debt_id=debt_ids[a.debt_id],
                proposal_id=None if a.proposal_id is None else proposal_ids[a.proposal_id],
            )
            for a in self.agreements
        ]

    def linked_payments(self, agreement_ids: Sequence[int]) -> list[Payment]:
        """Copies of `payments` pointing at the stored agreements."""
        return [
            dataclasses.replace(p, agreement_id=agreement_ids[p.agreement_id])
            for p in self.payments
        ]


def demo_records(today: date) -> DemoData:
    """The demo case as of `today`: 张伟, six debts, a budget, and the talks so far."""
    return DemoData(
        profile=Profile(
            name="张伟",
            id_number="110101199001011237",
            phone="13800001234",
            address="北京市朝阳区示例路 8 号院 3 号楼 2 单元 501 室",
            email="zhangwei@example.com",
        ),
        settings=Settings(workbook_name="示例工作簿"),  # the language follows the locale
        debts=_debts(today),
        incomes=_incomes(),
        expenses=_expenses(),
        hardships=_hardships(today),
        proposals=talks.proposals(today),
        communications=talks.communications(today),
        agreements=[talks.agreement(today)],
        payments=talks.payments(today),
    )


def _debts(today: date) -> list[Debt]:
    private_start = months_from(today, -8, min(today.day, 28))
    return [
        Debt(
            lender=CARD_LENDER,
            lender_type=LenderType.CREDIT_CARD,
            product="北辰白金信用卡（尾号 6688）",
            balance=D("48650.32"),
            overdue_amount=D("4865.03"),
            overdue_days=47,
            penalty_fees=D("1236.80"),
            rate=Rate(D("0.05"), RateUnit.DAY),  # 日息万五
            method=RepaymentMethod.CARD_MINIMUM,
            start_date=months_from(today, -50, 12),
            due_day=5,
            monthly_payment=D("4865.03"),
            status=DebtStatus.NEGOTIATING,
            contact_phone="400-000-1001",
            channels=[Channel.PHONE, Channel.LETTER],
            notes="已申请个性化分期，等待审核。",
        ),
        Debt(
            lender=CONSUMER_LENDER,
            lender_type=LenderType.CONSUMER_FINANCE,
            product="安家随心贷",
            contract_number="AJXF-2025-0815-3321",
            principal=D("50000.00"),
            balance=D("34089.06"),
            rate=Rate(D("23.9"), RateUnit.YEAR),  # 年化23.9%
            method=RepaymentMethod.EQUAL_INSTALMENT,
            term_months=24,
            start_date=months_from(today, -13, 15),
            due_day=15,
            monthly_payment=D("2641.06"),
            status=DebtStatus.AGREED,
            contact_phone="400-000-1002",
            channels=[Channel.LETTER, Channel.PHONE, Channel.APP],
            notes="原合同已还 8 期；协商后罚息 1,120.00 元减免，分 40 期还款。",
        ),
        Debt(
            lender=PLATFORM_LENDER,
            lender_type=LenderType.ONLINE_PLATFORM,
            product="快易借·极速贷",
            contract_number="KYJ20250301778",
            principal=D("20000.00"),
            balance=D("12146.65"),
            overdue_amount=D("3813.34"),
            overdue_days=38,
            penalty_fees=D("356.00"),
            rate=Rate(D("0.6"), RateUnit.MONTH),  # charged on the original 20,000 every month
            method=RepaymentMethod.FLAT_FEE,
            term_months=12,
            start_date=months_from(today, -7, 31),
            due_day=31,
            monthly_payment=D("1906.67"),
            upfront_deduction=D("1200.00"),  # 砍头息: "服务费" kept back, 18,800 paid out
            monthly_fee=D("120.00"),  # 会员费
            status=DebtStatus.OVERDUE,
            contact_phone="400-000-1003",
            channels=[Channel.ONLINE_CHAT, Channel.APP],
            notes="放款时扣了 1,200 元服务费，实际到手 18,800 元；每月另收 120 元会员费。",
        ),
        Debt(
            lender=MICRO_LENDER,
            lender_type=LenderType.MICROLOAN,
            product="鑫源周转贷",
            contract_number="XYXD-2025-1120",
            principal=D("30000.00"),
            balance=D("30000.00"),
            rate=Rate(D("1.5"), RateUnit.MONTH),  # 月息1.5%
            method=RepaymentMethod.INTEREST_FIRST,
            term_months=12,
            start_date=months_from(today, -5, 20),
            due_day=20,
            monthly_payment=D("450.00"),
            status=DebtStatus.CURRENT,
            contact_phone="010-0000-1004",
            notes="每月只付利息 450 元，到期一次还本金 30,000 元。",
        ),
        Debt(
            lender=PRIVATE_LENDER,
            lender_type=LenderType.PRIVATE,
            product="借条",
            principal=D("20000.00"),
            balance=D("20000.00"),
            rate=Rate(D("6"), RateUnit.YEAR),
            method=RepaymentMethod.BULLET,
            term_months=12,
            start_date=private_start,
            due_day=private_start.day,
            status=DebtStatus.CURRENT,
            contact_phone="13900001234",
            notes="借条约定一年后连本带息一次还清（年利率 6%）。表哥同意可以晚半年。",
        ),
        Debt(
            lender=BANK_LENDER,
            lender_type=LenderType.BANK,
            product="个人消费贷款",
            contract_number="JH-XF-2025-000417",
            principal=D("60000.00"),
            balance=D("36666.62"),
            rate=Rate(D("7.2"), RateUnit.YEAR),
            method=RepaymentMethod.EQUAL_PRINCIPAL,
            term_months=36,
            start_date=months_from(today, -14, 10),
            due_day=10,
            monthly_payment=D("1886.67"),  # 1,666.67 principal + interest on what is left
            status=DebtStatus.CURRENT,
            contact_phone="400-000-1006",
            channels=[Channel.IN_PERSON],
        ),
    ]


def _incomes() -> list[IncomeItem]:
    return [
        IncomeItem("工资（税后）", D("8500.00"), notes="降薪前为 13,000 元"),
        IncomeItem("周末送外卖", D("300.00"), Frequency.WEEKLY, notes="每周约 300 元"),
    ]


def _expenses() -> list[ExpenseItem]:
    m, y = Frequency.MONTHLY, Frequency.YEARLY
    return [
        ExpenseItem("房租", D("3200.00"), ExpenseGroup.HOUSING, m),
        ExpenseItem("水电燃气", D("350.00"), ExpenseGroup.UTILITIES, m),
        ExpenseItem("伙食和日用品", D("2000.00"), ExpenseGroup.FOOD, m),
        ExpenseItem("公交地铁", D("300.00"), ExpenseGroup.TRANSPORT, m),
        ExpenseItem("手机和宽带", D("150.00"), ExpenseGroup.COMMUNICATIONS, m),
        ExpenseItem("复查和药费", D("500.00"), ExpenseGroup.CARE_HEALTH, m),
        ExpenseItem("孩子学杂费和午餐", D("700.00"), ExpenseGroup.CHILDREN, m),
        ExpenseItem("孩子兴趣班", D("300.00"), ExpenseGroup.CHILDREN, m, essential=False),
        ExpenseItem("家庭意外险和医疗险", D("3600.00"), ExpenseGroup.INSURANCE, y),
        ExpenseItem("理发和衣物", D("200.00"), ExpenseGroup.PERSONAL, m, essential=False),
    ]


def _hardships(today: date) -> list[Hardship]:
    cut = months_from(today, -8, 1)
    ill = months_from(today, -4, 3)
    return [
        Hardship(
            HardshipKind.INCOME_CUT,
            since=cut,
            statement=(
                f"公司业务收缩，从 {cut.year} 年 {cut.month} 月起我被调岗，税后月工资从"
                "13,000 元降到 8,500 元。我周末送外卖，每月多挣约 1,300 元，"
                "但仍然不够按原合同还款。"
            ),
            evidence=[
                EvidenceItem("近六个月银行工资流水", have=True),
                EvidenceItem("公司调岗降薪通知", have=True),
                EvidenceItem("劳动合同"),
            ],
        ),
        Hardship(
            HardshipKind.ILLNESS,
            since=ill,
            statement=(
                f"{ill.year} 年 {ill.month} 月我因腰椎间盘突出住院两周，出院后有一个月不能上班，"
                "现在每月复查和药费约 500 元。"
            ),
            evidence=[
                EvidenceItem("住院病历和出院小结", have=True),
                EvidenceItem("医疗费用发票", have=True),
                EvidenceItem("医生开具的诊断证明"),
            ],
        ),
    ]

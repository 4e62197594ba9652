"""Sample workbook data for the report tests: ordinary values and hostile text."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from workbook.models import (
    Agreement,
    Channel,
    Communication,
    Debt,
    DebtStatus,
    Direction,
    EvidenceItem,
    ExpenseGroup,
    ExpenseItem,
    Hardship,
    HardshipKind,
    IncomeItem,
    LenderType,
    Payment,
    Profile,
    Proposal,
    ProposalStatus,
    Rate,
    RateUnit,
)
from workbook.snapshot import WorkbookData

TODAY = date(2026, 3, 15)
# Text that breaks naive markup handling, reportlab's parser, CDATA, Rich/Textual, fonts.
HOSTILE = "<b>bold?</b> &amp; ]]> [/] [b]x[/b] 😀 ☐☑ \"q\" 'a' \\ \t tab"
LONG_NOTE = ("很长的备注，包含中文与English words mixed together; " * 120)[:5000]


def profile() -> Profile:
    return Profile(
        name="张三",
        id_number="110101199001011234",
        phone="13812345678",
        address="北京市朝阳区某某路1号",
        email="zhangsan@example.com",
    )


def debts() -> list[Debt]:
    return [
        Debt(
            id=1,
            lender="招商银行信用卡",
            balance=Decimal("32000.50"),
            lender_type=LenderType.CREDIT_CARD,
            product="经典白金卡",
            contract_number="CMB-2023-0001",
            principal=Decimal("30000"),
            overdue_amount=Decimal("3200"),
            overdue_days=45,
            penalty_fees=Decimal("860.20"),
            rate=Rate(Decimal("0.05"), RateUnit.DAY),
            term_months=24,
            start_date=date(2024, 1, 10),
            due_day=10,
            monthly_payment=Decimal("1500"),
            status=DebtStatus.OVERDUE,
        ),
        Debt(
            id=2,
            lender="借呗 Jiebei",
            balance=Decimal("15000"),
            lender_type=LenderType.ONLINE_PLATFORM,
            principal=Decimal("20000"),
            rate=Rate(Decimal("18"), RateUnit.YEAR),
            term_months=12,
            start_date=date(2025, 6, 1),
            due_day=1,
            monthly_payment=Decimal("1833.33"),
            upfront_deduction=Decimal("500"),
        ),
    ]


def incomes() -> list[IncomeItem]:
    return [IncomeItem(id=1, name="工资", amount=Decimal("6500"))]


def expenses() -> list[ExpenseItem]:
    return [
        ExpenseItem(id=1, name="房租", amount=Decimal("2000"), group=ExpenseGroup.HOUSING),
        ExpenseItem(id=2, name="伙食", amount=Decimal("1500"), group=ExpenseGroup.FOOD),
    ]


def hardships() -> list[Hardship]:
    return [
        Hardship(
            id=1,
            kind=HardshipKind.JOB_LOSS,
            since=date(2025, 11, 1),
            statement="公司裁员，我于2025年11月失业，目前在找工作。",
            evidence=[EvidenceItem("解除劳动合同证明", have=True)],
        )
    ]


def proposals() -> list[Proposal]:
    return [
        Proposal(
            id=1,
            debt_id=1,
            status=ProposalStatus.ACCEPTED,
            offered_payment=Decimal("800"),
            new_term_months=40,
            waive_penalty=True,
        )
    ]


def agreement() -> Agreement:
    return Agreement(
        id=1,
        debt_id=1,
        total=Decimal("31140.30"),
        instalment=Decimal("800"),
        count=39,
        first_due=date(2026, 1, 10),
        rate=Rate(Decimal("0"), RateUnit.YEAR),
        proposal_id=1,
        waived_amount=Decimal("860.20"),
        conditions="按时还款；逾期一次协议作废",
        credit_report="结清后更新征信记录",
        reference="XY-2026-0042",
        agent="李经理 工号8899",
        payee_account="招商银行 6225 **** 1234（本行还款账户）",
        confirmed_how="短信 + App 站内信",
        signed_on=date(2025, 12, 20),
        checklist={"written_confirmation": True, "amounts_match": True},
    )


def payments() -> list[Payment]:
    return [
        Payment(
            id=1,
            agreement_id=1,
            paid_on=date(2026, 1, 9),
            amount=Decimal("800"),
            method="App",
            reference="P-001",
        ),
        Payment(
            id=2,
            agreement_id=1,
            paid_on=date(2026, 2, 10),
            amount=Decimal("500"),
            method="银行转账",
            reference="P-002",
        ),
    ]


def communications() -> list[Communication]:
    base = datetime(2026, 2, 3, 9, 30)
    return [
        Communication(
            id=1,
            at=base,
            lender="招商银行信用卡",
            debt_id=1,
            agent_name="王女士",
            agent_id="A1024",
            number_used="95555",
            summary="说明了失业情况，申请分期还款。",
            their_offer="可以分36期，需要提供证明",
            my_commitment="三天内发送证明材料",
            outcome="待对方审核",
            next_action="发送失业证明",
            next_action_date=date(2026, 2, 6),
            evidence_ref="录音 20260203.m4a",
        ),
        Communication(
            id=2,
            at=base.replace(hour=23, minute=10),
            lender="招商银行信用卡",
            debt_id=1,
            direction=Direction.INCOMING,
            by_collector=True,
            agent_name="催收员",
            summary="深夜来电催收",
            threat_or_abuse=True,
        ),
        Communication(
            id=3,
            at=base + timedelta(days=2),
            lender="借呗 Jiebei",
            debt_id=2,
            channel=Channel.ONLINE_CHAT,
            summary="在线客服：咨询延期还款",
            outcome="客服称无法处理",
        ),
    ]


def data() -> WorkbookData:
    return WorkbookData(
        debts=debts(),
        incomes=incomes(),
        expenses=expenses(),
        proposals=proposals(),
        hardships=hardships(),
        communications=communications(),
        agreements=[agreement()],
        payments=payments(),
        profile=profile(),
    )


def many_communications(n: int, lender: str = "某某网贷") -> list[Communication]:
    """`n` log entries a few hours apart, some at night (flagged)."""
    start = datetime(2025, 1, 1, 8, 0)
    out = []
    for i in range(n):
        at = start + timedelta(hours=5 * i)
        out.append(
            Communication(
                id=i + 1,
                at=at,
                lender=lender if i % 3 else "另一家机构",
                direction=Direction.INCOMING if i % 2 else Direction.OUTGOING,
                agent_name=f"坐席{i % 17}",
                summary=f"第{i + 1}次沟通：对方要求尽快还款，我说明了收入情况。",
                their_offer="减免部分罚息" if i % 5 == 0 else "",
                outcome="待跟进",
            )
        )
    return out

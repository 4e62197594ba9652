"""The demo case's story so far: proposals, the talks with lenders, one agreement and
its payments. See `workbook.demo.case` for how list positions become ids.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from workbook.models import (
    Agreement,
    Channel,
    Communication,
    Direction,
    Payment,
    Proposal,
    ProposalStatus,
    Rate,
    RateUnit,
    SplitMethod,
)
from workbook.parse import due_date

D = Decimal
CARD, CONSUMER, PLATFORM, MICRO, PRIVATE, BANK = range(6)  # positions in DemoData.debts
CARD_LENDER = "北辰银行信用卡中心"
CONSUMER_LENDER = "安家消费金融有限公司"
PLATFORM_LENDER = "快易借"
MICRO_LENDER = "鑫源小额贷款有限公司"
PRIVATE_LENDER = "王建国（表哥）"
BANK_LENDER = "京华银行"


def months_from(today: date, months: int, day: int | None = None) -> date:
    """`today` moved by whole months, on `day` (default today's), month end if shorter."""
    index = today.year * 12 + today.month - 1 + months
    return due_date(index // 12, index % 12 + 1, day or today.day)


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _signed_on(today: date) -> date:
    return months_from(today, -3, 20)


def proposals(today: date) -> list[Proposal]:
    signed = _signed_on(today)
    return [
        Proposal(
            debt_id=CONSUMER,
            status=ProposalStatus.ACCEPTED,
            split=SplitMethod.PRO_RATA,
            offered_payment=D("900.00"),
            new_term_months=40,
            new_rate=Rate(D("0"), RateUnit.YEAR),
            waive_penalty=True,
            lowest_acceptable=D("1000.00"),
            must_not_agree="不接受先还清逾期再谈；不向任何个人账户转账。",
            created=signed - timedelta(days=16),
            notes="停止计息，剩余本金分 40 期，罚息减免。",
        ),
        Proposal(
            debt_id=CARD,
            status=ProposalStatus.DISCUSSING,
            split=SplitMethod.PRO_RATA,
            offered_payment=D("790.23"),  # 60 months at 0 %, penalty waived
            new_term_months=60,
            new_rate=Rate(D("0"), RateUnit.YEAR),  # 停息: personalised instalments at no interest
            waive_penalty=True,
            lowest_acceptable=D("800.00"),
            must_not_agree="不接受首期还清全部逾期金额。",
            created=today - timedelta(days=42),
            notes="申请个性化分期：停息、分 60 期、减免违约金。",
        ),
    ]


def agreement(today: date) -> Agreement:
    signed = _signed_on(today)
    return Agreement(
        debt_id=CONSUMER,
        proposal_id=0,
        total=D("35883.24"),
        instalment=D("897.09"),
        count=40,
        first_due=months_from(today, -2, 15),
        rate=Rate(D("0"), RateUnit.YEAR),
        waived_amount=D("1120.00"),
        conditions="每月 15 日前还款；连续两期未还，协议失效，恢复原合同。",
        credit_report="客服称协商期间不再新增逾期记录，已在短信中写明。",
        reference=f"AJXF-XS-{signed:%Y%m%d}-017",
        agent="客服陈先生（工号 2218）",
        payee_account="安家消费金融有限公司 App 内还款（对公）",
        confirmed_how="App 站内信和短信",
        signed_on=signed,
        checklist={
            "written_confirmation": True,
            "amounts_match": True,
            "payee_official": True,
            "fees_waived_in_writing": True,
            "late_payment_terms": False,
        },
        # Ticked in the app while the agreement came in: the day each was checked.
        checked_on={
            "written_confirmation": signed,
            "amounts_match": signed,
            "payee_official": signed + timedelta(days=1),
            "fees_waived_in_writing": signed + timedelta(days=1),
        },
    )


def payments(today: date) -> list[Payment]:
    return [
        Payment(
            agreement_id=0,
            paid_on=months_from(today, months, 15) - timedelta(days=1),
            amount=D("897.09"),
            method="App 内还款",
            reference=f"流水号 {months_from(today, months, 15):%Y%m%d}0091",
        )
        for months in (-2, -1)
    ]


def communications(today: date) -> list[Communication]:
    signed = _signed_on(today)
    night = today - timedelta(days=21)
    return [
        Communication(
            at=_at(signed - timedelta(days=14), 10, 0),
            lender=CONSUMER_LENDER,
            channel=Channel.LETTER,
            debt_id=CONSUMER,
            summary="用 EMS 寄出协商还款申请书，附收入证明和病历复印件。",
            evidence_ref=f"EMS 单号 1100000{signed:%m%d}",
            next_action="一周后电话确认是否收到",
            next_action_date=signed - timedelta(days=7),
        ),
        Communication(
            at=_at(signed - timedelta(days=3), 14, 20),
            ended_at=_at(signed - timedelta(days=3), 14, 45),
            lender=CONSUMER_LENDER,
            debt_id=CONSUMER,
            agent_name="陈先生",
            agent_id="2218",
            number_used="400-000-1002",
            summary="确认收到申请书，同意停止计息并减免罚息。",
            their_offer="剩余本金 35,883.24 元分 40 期，每期 897.09 元，罚息 1,120 元减免。",
            my_commitment="每月 15 日前还款。",
            outcome="口头同意，对方将发书面确认。",
            next_action="收到书面确认后核对金额",
            next_action_date=signed,
            evidence_ref="通话录音 安家-陈先生.m4a",
        ),
        Communication(
            at=_at(signed, 9, 10),
            lender=CONSUMER_LENDER,
            channel=Channel.APP,
            direction=Direction.INCOMING,
            debt_id=CONSUMER,
            summary="App 站内信发来协商还款确认书，金额和期数与电话一致。",
            outcome="已截图保存。",
            evidence_ref="截图 安家确认书.png",
        ),
        Communication(
            at=_at(signed, 9, 40),
            lender=CONSUMER_LENDER,
            channel=Channel.APP,
            debt_id=CONSUMER,
            summary="逐项核对确认书：总额、每期金额、还款日和收款账户都与电话所说一致，已回复确认。",
            outcome="协议生效。",
        ),
        Communication(
            at=_at(today - timedelta(days=40), 10, 15),
            ended_at=_at(today - timedelta(days=40), 10, 40),
            lender=CARD_LENDER,
            debt_id=CARD,
            agent_name="李女士",
            agent_id="0731",
            number_used="400-000-1001",
            summary="说明降薪和住院情况，询问个性化分期的条件。",
            their_offer="提交收入证明和病历后审核，最长 60 期。",
            my_commitment="一周内提交材料。",
            outcome="已受理，等待审核。",
            next_action="打电话询问审核结果",
            next_action_date=today + timedelta(days=3),
        ),
        Communication(
            at=_at(night, 23, 30),
            ended_at=_at(night, 23, 38),
            lender=PLATFORM_LENDER,
            direction=Direction.INCOMING,
            debt_id=PLATFORM,
            agent_name="自称张经理",
            number_used="17000000000",
            summary="深夜来电催收，要求当天还清两期欠款，语气强硬。",
            outcome="告诉对方我正在协商，请在白天联系；已录音。",
            evidence_ref=f"录音 {night:%Y%m%d}-2330.m4a",
            by_collector=True,
        ),
        Communication(
            at=_at(night + timedelta(days=1), 14, 5),
            lender=PLATFORM_LENDER,
            direction=Direction.INCOMING,
            debt_id=PLATFORM,
            number_used="17000000001",
            summary="同事王芳说，催收人员打她的手机，说我欠钱不还，让她转告我。",
            evidence_ref="王芳手机通话记录截图.png",
            connected=False,  # the call reached my colleague, not me
            by_collector=True,
            third_party=True,
        ),
        Communication(
            at=_at(night + timedelta(days=2), 9, 30),
            lender=PLATFORM_LENDER,
            channel=Channel.ONLINE_CHAT,
            debt_id=PLATFORM,
            summary="在线客服投诉深夜来电和联系我同事，申请延期还款。",
            their_offer="可申请延期 3 个月，但要先付清逾期的会员费。",
            outcome="投诉已登记，工单号 KY-20001。",
            next_action="等待投诉回复",
            next_action_date=today + timedelta(days=2),
            evidence_ref="聊天记录截图.png",
        ),
        Communication(
            at=_at(today - timedelta(days=6), 10, 0),
            lender=MICRO_LENDER,
            channel=Channel.SMS,
            direction=Direction.INCOMING,
            debt_id=MICRO,
            summary="还款提醒短信：本月 20 日应还利息 450 元。",
        ),
        Communication(
            at=_at(today - timedelta(days=10), 15, 0),
            lender=BANK_LENDER,
            channel=Channel.IN_PERSON,
            debt_id=BANK,
            agent_name="客户经理赵女士",
            summary="到支行咨询能否延长贷款期限、降低月供。",
            their_offer="可以申请展期，需要提交收入证明，审批约两周。",
            next_action="准备材料交到支行",
            next_action_date=today + timedelta(days=5),
        ),
    ]

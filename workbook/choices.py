"""The fixed choices a record's field takes (its enums), apart from the records.

workbook.models re-exports them; the formatting module and the first screen import
them from here, which spares them building every record class (dataclasses cost
about a millisecond each at import).
"""

from __future__ import annotations

from enum import StrEnum


class LenderType(StrEnum):
    BANK = "bank"
    CREDIT_CARD = "credit_card"
    CONSUMER_FINANCE = "consumer_finance"
    ONLINE_PLATFORM = "online_platform"
    MICROLOAN = "microloan"
    PRIVATE = "private"
    OTHER = "other"


class RateUnit(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class RepaymentMethod(StrEnum):
    EQUAL_INSTALMENT = "equal_instalment"  # 等额本息
    EQUAL_PRINCIPAL = "equal_principal"  # 等额本金
    INTEREST_FIRST = "interest_first"  # 先息后本
    BULLET = "bullet"  # 到期一次还本付息
    FLAT_FEE = "flat_fee"  # 等本等息
    CARD_MINIMUM = "card_minimum"  # 信用卡最低还款
    OTHER = "other"


class DebtStatus(StrEnum):
    CURRENT = "current"
    OVERDUE = "overdue"
    NEGOTIATING = "negotiating"
    AGREED = "agreed"
    SETTLED = "settled"


class Frequency(StrEnum):
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    YEARLY = "yearly"
    ONE_OFF = "one_off"


class ExpenseGroup(StrEnum):
    """Groups modelled on the UK Standard Financial Statement."""

    HOUSING = "housing"
    UTILITIES = "utilities"
    FOOD = "food"
    TRANSPORT = "transport"
    COMMUNICATIONS = "communications"
    CARE_HEALTH = "care_health"
    CHILDREN = "children"
    INSURANCE = "insurance"
    PERSONAL = "personal"
    OTHER_ESSENTIAL = "other_essential"


class Channel(StrEnum):
    PHONE = "phone"
    ONLINE_CHAT = "online_chat"
    IN_PERSON = "in_person"
    LETTER = "letter"
    APP = "app"
    SMS = "sms"


class Direction(StrEnum):
    OUTGOING = "outgoing"  # I contacted them
    INCOMING = "incoming"  # they (lender or collector) contacted me


class ProposalStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    DISCUSSING = "discussing"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class SplitMethod(StrEnum):
    PRO_RATA = "pro_rata"
    TOKEN = "token"
    HIGHEST_RATE = "highest_rate"
    SMALLEST_BALANCE = "smallest_balance"


class HardshipKind(StrEnum):
    JOB_LOSS = "job_loss"
    INCOME_CUT = "income_cut"
    ILLNESS = "illness"
    FAMILY_EMERGENCY = "family_emergency"
    BUSINESS_FAILURE = "business_failure"
    OTHER = "other"


class Situation(StrEnum):
    """Step 7: the hard situation a debt is in (what to do now, by situation)."""

    PAYMENT_ORDER = "payment_order"  # 支付令 received
    SUMMONS = "summons"  # served with a lawsuit (起诉状副本 / 传票)
    ENFORCEMENT = "enforcement"  # account frozen, on the enforcement or dishonest list
    FAMILY_CONTACT = "family_contact"  # a collector contacts family or friends


__all__ = [
    "Channel",
    "DebtStatus",
    "Direction",
    "ExpenseGroup",
    "Frequency",
    "HardshipKind",
    "LenderType",
    "ProposalStatus",
    "RateUnit",
    "RepaymentMethod",
    "Situation",
    "SplitMethod",
]

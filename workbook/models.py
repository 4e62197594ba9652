"""The workbook's records: plain dataclasses that convert to and from plain dicts.

Money is Decimal, rates keep their unit, dates are `datetime.date`. Storage keeps
Decimals as strings and dates as ISO 8601 (see `workbook.codec`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from workbook.choices import (  # re-exported: the records and their choices
    Channel,
    DebtStatus,
    Direction,
    ExpenseGroup,
    Frequency,
    HardshipKind,
    LenderType,
    ProposalStatus,
    RateUnit,
    RepaymentMethod,
    Situation,
    SplitMethod,
)

ZERO = Decimal("0")


@dataclass(frozen=True)
class Rate:
    """A rate in percent per unit: Rate(Decimal("0.05"), RateUnit.DAY) is 日息万五."""

    percent: Decimal
    unit: RateUnit = RateUnit.YEAR


@dataclass
class Profile:
    name: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""
    email: str = ""


@dataclass
class Debt:
    lender: str
    balance: Decimal
    lender_type: LenderType = LenderType.OTHER
    product: str = ""
    contract_number: str = ""
    principal: Decimal | None = None  # amount originally borrowed
    overdue_amount: Decimal = ZERO
    overdue_days: int = 0
    penalty_fees: Decimal = ZERO  # penalty interest and fees charged so far
    rate: Rate | None = None  # the contract rate as the lender states it
    method: RepaymentMethod = RepaymentMethod.EQUAL_INSTALMENT
    term_months: int | None = None
    start_date: date | None = None
    due_day: int | None = None  # day of the month; 29-31 fall back to month end
    monthly_payment: Decimal | None = None
    upfront_deduction: Decimal = ZERO  # 砍头息: withheld from the money paid out
    monthly_fee: Decimal = ZERO  # service, membership or guarantee fee each month
    card_min_percent: Decimal = Decimal("10")  # credit-card minimum payment, % of balance
    card_min_floor: Decimal = Decimal("100")
    status: DebtStatus = DebtStatus.CURRENT
    contact_phone: str = ""
    contact_notes: str = ""
    channels: list[Channel] = field(default_factory=list)  # step 3: chosen channels
    notes: str = ""
    id: int | None = None
    # Step 3: the user's own wording for the application letter; empty = ours.
    letter_opening: str = ""
    letter_statement: str = ""
    letter_closing: str = ""
    # Step 3: list each flexible spending item to this lender (the user's choice);
    # False shows flexible spending only as a total. Optional: older files decode.
    letter_flexible: bool = False
    # An online platform: is the lender behind the app a licensed institution? None is
    # "don't know" (both readings are shown). Optional: older files decode.
    platform_licensed: bool | None = None
    # Step 7, when a lender goes to court: all optional so older files still decode.
    situation: Situation | None = None
    situation_on: date | None = None  # the day the order, summons or notice arrived
    court_name: str = ""
    case_number: str = ""
    judge_contact: str = ""  # the judge's or clerk's name and phone, as the user writes it


@dataclass
class IncomeItem:
    name: str
    amount: Decimal
    frequency: Frequency = Frequency.MONTHLY
    notes: str = ""
    id: int | None = None


@dataclass
class ExpenseItem:
    name: str
    amount: Decimal
    group: ExpenseGroup = ExpenseGroup.OTHER_ESSENTIAL
    frequency: Frequency = Frequency.MONTHLY
    essential: bool = True
    notes: str = ""
    id: int | None = None


@dataclass
class Proposal:
    """What the borrower asks one lender for (step 4)."""

    debt_id: int
    status: ProposalStatus = ProposalStatus.DRAFT
    split: SplitMethod = SplitMethod.PRO_RATA
    offered_payment: Decimal | None = None  # monthly amount offered to this lender
    new_term_months: int | None = None
    new_rate: Rate | None = None
    waive_penalty: bool = False
    pause_months: int = 0
    settlement_discount_percent: Decimal | None = None  # one-off settlement at a discount
    lowest_acceptable: Decimal | None = None  # walk-away point for the call sheet
    must_not_agree: str = ""
    created: date | None = None
    notes: str = ""
    id: int | None = None


@dataclass
class EvidenceItem:
    name: str
    have: bool = False
    # An app suggestion's msgid (empty for the user's own): documents render it in their
    # own language whatever the UI language was when it was added.
    kind: str = ""


@dataclass
class Hardship:
    kind: HardshipKind
    since: date | None = None
    statement: str = ""
    evidence: list[EvidenceItem] = field(default_factory=list)
    id: int | None = None


@dataclass
class Communication:
    at: datetime
    lender: str
    channel: Channel = Channel.PHONE
    direction: Direction = Direction.OUTGOING
    debt_id: int | None = None
    ended_at: datetime | None = None
    agent_name: str = ""
    agent_id: str = ""
    number_used: str = ""
    summary: str = ""
    their_offer: str = ""
    my_commitment: str = ""
    outcome: str = ""
    next_action: str = ""
    next_action_date: date | None = None
    evidence_ref: str = ""
    connected: bool = True  # a call that was answered (for the three-a-day rule)
    by_collector: bool = False  # a collection agency acting for the lender
    third_party: bool = False  # they contacted someone other than the borrower
    threat_or_abuse: bool = False  # marked by the user
    id: int | None = None


@dataclass
class Agreement:
    debt_id: int
    total: Decimal
    instalment: Decimal
    count: int
    first_due: date
    frequency: Frequency = Frequency.MONTHLY
    rate: Rate | None = None
    proposal_id: int | None = None
    waived_amount: Decimal = ZERO
    conditions: str = ""
    credit_report: str = ""  # how reporting to the credit bureau was promised to be handled
    reference: str = ""
    agent: str = ""
    payee_account: str = ""
    confirmed_how: str = ""  # e.g. letter, SMS, app message, email
    signed_on: date | None = None
    checklist: dict[str, bool] = field(default_factory=dict)
    notes: str = ""
    id: int | None = None
    # The day of the month monthly instalments keep (29-31: the month end in shorter
    # months, then back); None keeps first_due's day. Optional: older files decode.
    due_day: int | None = None
    # The day each checklist item was ticked in the app (the app's date), by key; a tick
    # from before this was kept has none. Printed beside the (empty) box on paper.
    # Optional: older files decode.
    checked_on: dict[str, date] = field(default_factory=dict)


@dataclass
class Payment:
    agreement_id: int
    paid_on: date
    amount: Decimal
    method: str = ""
    reference: str = ""
    id: int | None = None


@dataclass(frozen=True)
class LprEntry:
    """One-year LPR in force from `start` (percent per year)."""

    start: date
    percent: Decimal
    # Where the user read a row they added (as they typed it; may be empty). The
    # built-in rows leave it empty: their source is the table's (`money.lpr.LPR_SOURCE`).
    source: str = ""


@dataclass
class Settings:
    language: str = ""  # "zh" or "en"; empty means follow the locale
    theme: str = "dark"
    currency: str = "CNY"
    workbook_name: str = ""
    # A stable id for calendar UIDs (empty: the export uses the file's path); unlike the
    # name, it never changes when the user renames the workbook.
    workbook_id: str = ""
    pdf_font: str = ""
    export_dir: str = ""
    extra_lpr: list[LprEntry] = field(default_factory=list)
    cards_read: list[str] = field(default_factory=list)  # step 7 card keys opened in full


__all__ = [
    "ZERO",
    "Agreement",
    "Channel",
    "Communication",
    "Debt",
    "DebtStatus",
    "Direction",
    "EvidenceItem",
    "ExpenseGroup",
    "ExpenseItem",
    "Frequency",
    "Hardship",
    "HardshipKind",
    "IncomeItem",
    "LenderType",
    "LprEntry",
    "Payment",
    "Profile",
    "Proposal",
    "ProposalStatus",
    "Rate",
    "RateUnit",
    "RepaymentMethod",
    "Settings",
    "Situation",
    "SplitMethod",
    "datetime",
]

"""What steps 3-5 show, built from the workbook snapshot: the plan, the letter's input,
the call sheet, and the call log entry that was left open.

Plain functions over `WorkbookData`, so the screens stay thin and the logic is tested
without a terminal.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from decimal import Decimal

from workbook.budget import BudgetSummary, summarise
from workbook.models import (
    Channel,
    Communication,
    Debt,
    DebtStatus,
    Direction,
    Proposal,
    ProposalStatus,
    SplitMethod,
)
from workbook.negotiation.callsheet import CallSheet, build_call_sheet
from workbook.negotiation.letter_input import LetterInput
from workbook.negotiation.plans import (
    Effect,
    PlanSummary,
    agreed_effects,
    plan_shares,
    plan_summary,
)
from workbook.negotiation.shares import debt_key
from workbook.snapshot import WorkbookData

# An unfinished call log younger than this is offered for continuing (the app or the
# SSH connection died during the call); an older one is left as it is.
RESUME_WITHIN = timedelta(hours=6)
OPEN_STATUSES = (ProposalStatus.DRAFT, ProposalStatus.SENT, ProposalStatus.DISCUSSING)


def budget(data: WorkbookData, today: date) -> BudgetSummary:
    return summarise(data.incomes, data.expenses, data.debts, today)


def open_debts(data: WorkbookData) -> list[Debt]:
    return [d for d in data.debts if d.status != DebtStatus.SETTLED]


def proposal_for(data: WorkbookData, debt_id: int | None) -> Proposal | None:
    """The debt's proposal (the newest if several were saved)."""
    found = [p for p in data.proposals if debt_id is not None and p.debt_id == debt_id]
    return found[-1] if found else None


def plan_split(data: WorkbookData, chosen: SplitMethod | None = None) -> SplitMethod:
    """The split in force: `chosen` (not saved yet), else the proposals', else pro rata."""
    if chosen is not None:
        return chosen
    return data.proposals[0].split if data.proposals else SplitMethod.PRO_RATA


def plan(data: WorkbookData, today: date, split: SplitMethod | None = None) -> PlanSummary:
    """The plan over every open debt, with `split` applied to all proposals."""
    method = plan_split(data, split)
    proposals = [dataclasses.replace(p, split=method) for p in data.proposals]
    if not proposals:
        # plan_summary reads the split from the proposals: give it one that asks nothing.
        proposals = [Proposal(debt_id=-1, split=method)]
    return plan_summary(
        data.debts,
        proposals,
        budget(data, today).surplus,
        today,
        agreements=data.agreements,
        payments=data.payments,
    )


def share_for(
    data: WorkbookData, debt: Debt, today: date, method: SplitMethod | None = None
) -> Decimal:
    """This debt's part of the monthly surplus under the split in force: what is left
    after the instalments agreed in step 6 (an agreed debt's share is its instalment)."""
    debts = [d for d in open_debts(data) if d.balance > 0]
    agreed = agreed_effects(debts, data.agreements, data.payments)
    surplus = budget(data, today).surplus
    shares = plan_shares(debts, surplus, plan_split(data, method), today, agreed)
    return next(
        (shares.get(debt_key(d, i), Decimal(0)) for i, d in enumerate(debts) if d.id == debt.id),
        Decimal(0),
    )


def effect_for(summary: PlanSummary, debt_id: int | None) -> Effect | None:
    for debt, effect in summary.rows:
        if debt.id == debt_id:
            return effect
    return None


def offered_payment(
    data: WorkbookData, debt: Debt, today: date, summary: PlanSummary | None = None
) -> Decimal | None:
    """What the borrower offers this lender a month: the proposal's amount, else the
    plan's instalment for it (None for a one-off settlement or when unknown). `summary`:
    `plan(data, today)` when the caller has it already (it walks every debt)."""
    proposal = proposal_for(data, debt.id)
    if proposal is not None and proposal.offered_payment is not None:
        return proposal.offered_payment
    effect = effect_for(summary or plan(data, today), debt.id)
    if effect is None or effect.one_off:
        return None
    return effect.new_instalment


def letter_input(data: WorkbookData, debt: Debt, today: date) -> LetterInput:
    """Everything the application letter to `debt`'s lender is built from."""
    summary = budget(data, today)
    others = [d for d in open_debts(data) if d.id != debt.id and d.balance > 0]
    return LetterInput(
        profile=data.profile,
        debt=debt,
        incomes=list(data.incomes),
        expenses=list(data.expenses),
        hardships=list(data.hardships),
        proposal=proposal_for(data, debt.id),
        budget_income=summary.income,
        budget_spending=summary.essential + summary.flexible,
        surplus=summary.surplus,
        offered_payment=offered_payment(data, debt, today),
        today=today,
        custom_opening=debt.letter_opening,
        custom_statement=debt.letter_statement,
        custom_closing=debt.letter_closing,
        other_debts=len(others),
        other_balance=sum((d.balance for d in others), Decimal(0)),
        list_flexible=debt.letter_flexible,
        extra_lpr=data.extra_lpr,
    )


def call_sheet(data: WorkbookData, debt: Debt, today: date, lang: str | None = None) -> CallSheet:
    # The plan once (on 500 debts it is most of step 5's refresh): the offer and the
    # effect both come from it.
    summary = plan(data, today)
    return build_call_sheet(
        debt,
        proposal_for(data, debt.id),
        list(data.hardships),
        budget(data, today).surplus,
        offered_payment(data, debt, today, summary),
        lang,
        effect=effect_for(summary, debt.id),
        today=today,
    )


def talk_order(data: WorkbookData) -> list[Debt]:
    """Open debts, those still being negotiated first (what the user calls about next)."""
    debts = open_debts(data)

    def rank(debt: Debt) -> int:
        proposal = proposal_for(data, debt.id)
        if proposal is not None and proposal.status in OPEN_STATUSES:
            return 0
        return 1 if proposal is None else 2

    return sorted(debts, key=rank)


def debt_contacts(data: WorkbookData, debt: Debt, limit: int = 5) -> list[Communication]:
    """The latest log entries about `debt`, newest first."""
    mine = [c for c in data.communications if c.debt_id == debt.id]
    return sorted(mine, key=lambda c: c.at, reverse=True)[:limit]


def unfinished_call(data: WorkbookData, debt: Debt, now: datetime) -> Communication | None:
    """A call log for `debt` that was never ended and started within RESUME_WITHIN."""
    for comm in debt_contacts(data, debt, limit=50):
        if (
            comm.channel == Channel.PHONE
            and comm.direction == Direction.OUTGOING
            and comm.ended_at is None
            and timedelta(0) <= now - comm.at <= RESUME_WITHIN
        ):
            return comm
    return None


def new_call(debt: Debt, now: datetime) -> Communication:
    """The log entry a call starts with: outgoing, by phone, stamped `now`."""
    return Communication(
        at=now,
        lender=debt.lender,
        channel=Channel.PHONE,
        direction=Direction.OUTGOING,
        debt_id=debt.id,
        number_used=debt.contact_phone,
    )

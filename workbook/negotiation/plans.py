"""Repayment plans: what each request to a lender does, and the plan over all of them.

How the money left each month is shared among lenders is in `workbook.negotiation.shares`; the
names are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from workbook.budget import monthly_amount
from workbook.followup.agreements import agreement_schedule, paid_towards
from workbook.i18n import _
from workbook.models import (
    ZERO,
    Agreement,
    Debt,
    DebtStatus,
    Frequency,
    Payment,
    Proposal,
    SplitMethod,
)
from workbook.money.schedule import cents, debt_monthly_payment
from workbook.money.solve import MAX_MONTHS, MonthsResult, solve_instalment, solve_months
from workbook.negotiation.effects import Effect, over_share_note, proposal_effect, remaining_cost
from workbook.negotiation.shares import (
    TOKEN_PER_DEBT,
    debt_key,
    split,
    split_in_order,
    split_pro_rata,
    suggested_split,
    token_offers,
)

__all__ = [
    "MAX_MONTHS",
    "TOKEN_PER_DEBT",
    "Effect",
    "MonthsResult",
    "PlanSummary",
    "agreed_effect",
    "agreed_effects",
    "over_share_note",
    "plan_shares",
    "plan_summary",
    "proposal_effect",
    "remaining_cost",
    "solve_instalment",
    "solve_months",
    "split",
    "split_in_order",
    "split_pro_rata",
    "suggested_split",
    "token_offers",
]


@dataclass(frozen=True)
class PlanSummary:
    rows: list[tuple[Debt, Effect]]
    total_current: Decimal  # what the debts ask for a month now (unknown counted as zero)
    total_new: Decimal  # monthly instalments under the plan (settlements not included)
    surplus: Decimal
    over_budget: bool
    unused: Decimal  # surplus not taken by the plan
    one_off_total: Decimal = ZERO  # settlements paid at once


def latest_agreements(agreements: Iterable[Agreement]) -> dict[int, Agreement]:
    """Each debt's agreement in force: the latest by first due date (then id)."""
    latest: dict[int, Agreement] = {}
    for a in sorted(agreements, key=lambda a: (a.first_due, a.id if a.id is not None else -1)):
        latest[a.debt_id] = a
    return latest


def agreed_effect(agreement: Agreement, payments: Iterable[Payment]) -> Effect:
    """The plan row of a debt with an agreement: its instalment, what is left to pay."""
    rows = agreement_schedule(agreement)
    paid = paid_towards(agreement, payments)
    left = max(sum((row.amount for row in rows), ZERO) - paid, ZERO)
    covered = paid
    open_rows = []
    for row in rows:
        if covered >= row.amount:
            covered -= row.amount
            continue
        covered = ZERO
        open_rows.append(row)
    one_off = agreement.frequency == Frequency.ONE_OFF
    monthly = left if one_off else cents(monthly_amount(agreement.instalment, agreement.frequency))
    return Effect(
        current_instalment=monthly,
        new_instalment=monthly,
        months=len(open_rows),
        total_cost=left,
        payoff_date=open_rows[-1].due if open_rows else None,
        interest_saved=None,
        fits_budget=True,
        note=_("Agreed in step 6: the plan keeps this instalment and shares out the rest."),
        one_off=one_off,
        first_due=open_rows[0].due if open_rows else None,
        balance=left,
        agreed=True,
    )


def agreed_effects(
    debts: Iterable[Debt], agreements: Iterable[Agreement], payments: Iterable[Payment]
) -> dict[int, Effect]:
    """The plan rows of the open debts that have an agreement, by debt id."""
    ids = {d.id for d in _open(debts) if d.id is not None}
    payments = list(payments)
    return {
        debt_id: agreed_effect(a, payments)
        for debt_id, a in latest_agreements(agreements).items()
        if debt_id in ids
    }


def _open(debts: Iterable[Debt]) -> list[Debt]:
    return [d for d in debts if d.status != DebtStatus.SETTLED and d.balance > 0]


def plan_shares(
    debts: Sequence[Debt],
    surplus: Decimal,
    method: SplitMethod,
    today: date,
    agreed: dict[int, Effect] | None = None,
) -> dict[int, Decimal]:
    """Each open debt's share of the money left each month (keys as `debt_key`).

    Debts with an agreement (`agreed`, by debt id) keep their instalment: it comes off
    the top, and what is left is shared among the others by `method`.
    """
    agreed = agreed or {}
    open_debts = _open(debts)
    committed = sum((e.new_instalment or ZERO for e in agreed.values() if not e.one_off), ZERO)
    free = [d for d in open_debts if d.id not in agreed]
    shares = split(max(surplus - committed, ZERO), free, method, today)
    keys = {id(d): debt_key(d, i) for i, d in enumerate(free)}
    out: dict[int, Decimal] = {}
    for i, debt in enumerate(open_debts):
        if debt.id in agreed:
            out[debt_key(debt, i)] = agreed[debt.id].new_instalment or ZERO
        else:
            out[debt_key(debt, i)] = shares.get(keys[id(debt)], ZERO)
    return out


def plan_summary(
    debts: Iterable[Debt],
    proposals: Iterable[Proposal],
    surplus: Decimal,
    today: date,
    method: SplitMethod | None = None,
    agreements: Iterable[Agreement] = (),
    payments: Iterable[Payment] = (),
) -> PlanSummary:
    """The plan over all open debts: each lender's share of the surplus and its effect.

    The share method is `method`, else the proposals' (the first one's), else pro
    rata. A debt with an agreement keeps its agreed instalment, taken from the surplus
    first. A proposal that names no term, amount or settlement offers the share; a
    debt without a proposal is offered its share too. Of several proposals for one
    debt the last counts.
    """
    open_debts = _open(debts)
    proposals = list(proposals)
    payments = list(payments)
    by_debt = {p.debt_id: p for p in proposals}
    if method is None:
        method = proposals[0].split if proposals else SplitMethod.PRO_RATA
    agreed = agreed_effects(open_debts, agreements, payments)
    shares = plan_shares(open_debts, surplus, method, today, agreed)
    rows: list[tuple[Debt, Effect]] = []
    total_current = ZERO
    total_new = ZERO
    one_off = ZERO
    for i, debt in enumerate(open_debts):
        share = shares.get(debt_key(debt, i), ZERO)
        if debt.id in agreed:
            result = agreed[debt.id]
            total_current += ZERO if result.one_off else result.new_instalment or ZERO
        else:
            proposal = by_debt.get(debt.id) if debt.id is not None else None
            proposal = proposal or Proposal(debt_id=debt_key(debt, i))
            if (
                proposal.offered_payment is None
                and not proposal.new_term_months
                and proposal.settlement_discount_percent is None
            ):
                proposal = _with_offer(proposal, share)
            result = proposal_effect(debt, proposal, today, share)
            total_current += debt_monthly_payment(debt, today) or ZERO
        rows.append((debt, result))
        if result.one_off:
            one_off += result.new_instalment or ZERO
        else:
            total_new += result.new_instalment or ZERO
    return PlanSummary(
        rows=rows,
        total_current=total_current,
        total_new=total_new,
        surplus=surplus,
        over_budget=total_new > surplus,
        unused=max(surplus - total_new, ZERO),
        one_off_total=one_off,
    )


def _with_offer(proposal: Proposal, amount: Decimal) -> Proposal:
    return replace(proposal, offered_payment=amount)

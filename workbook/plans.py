"""Repayment plans: sharing the monthly surplus among lenders, and what each request does.

Shares are in whole cents and always add up to what is shared (largest remainder).
Keys are `debt.id`; a debt without an id is keyed by its position in the list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, localcontext

from workbook import fmt
from workbook.i18n import _
from workbook.models import ZERO, Debt, DebtStatus, Proposal, SplitMethod
from workbook.schedule import (
    HUNDRED,
    PRECISION,
    add_months,
    cents,
    debt_first_due,
    debt_monthly_payment,
    debt_schedule,
    monthly_rate,
)
from workbook.solve import MAX_MONTHS, MonthsResult, rate_per_month, solve_instalment, solve_months
from workbook.truerate import debt_true_rate

__all__ = [
    "MAX_MONTHS",
    "TOKEN_PER_DEBT",
    "Effect",
    "MonthsResult",
    "PlanSummary",
    "plan_summary",
    "proposal_effect",
    "solve_instalment",
    "solve_months",
    "split",
    "split_in_order",
    "split_pro_rata",
    "suggested_split",
    "token_offers",
]

# A token payment shows good faith while there is next to nothing to offer; the user can
# choose another amount.
TOKEN_PER_DEBT = Decimal("50")


def _key(debt: Debt, index: int) -> int:
    return debt.id if debt.id is not None else index


def _to_cents(amount: Decimal) -> int:
    return int(cents(amount) * 100)


def _from_cents(count: int) -> Decimal:
    return Decimal(count).scaleb(-2)


def _largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """`total` cents in proportion to integer `weights`, exactly, ties to the larger weight."""
    if not weights:
        return []
    if sum(weights) <= 0:
        weights = [1] * len(weights)
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    remainders = [total * w % whole for w in weights]
    left = total - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], -weights[i], i))
    for i in order[:left]:
        shares[i] += 1
    return shares


def split_pro_rata(amount: Decimal, debts: Sequence[Debt]) -> dict[int, Decimal]:
    """`amount` shared in proportion to each balance (equally if no balance is positive)."""
    total = max(_to_cents(amount), 0)
    weights = [max(_to_cents(debt.balance), 0) for debt in debts]
    shares = _largest_remainder(total, weights)
    return {_key(d, i): _from_cents(s) for i, (d, s) in enumerate(zip(debts, shares, strict=True))}


def _annual_rate(debt: Debt, today: date | None) -> Decimal | None:
    if today is not None:
        true = debt_true_rate(debt, today)
        if true is not None:
            return true.apr
    if debt.rate is None:
        return None
    return monthly_rate(debt.rate) * 12


def split_in_order(
    amount: Decimal, debts: Sequence[Debt], order: SplitMethod, today: date | None = None
) -> dict[int, Decimal]:
    """`amount` given to debts one after another: highest rate or smallest balance first.

    Each debt in turn gets its current monthly payment (or the balance, if smaller or
    the payment is unknown); what is left then goes, in the same order, towards paying
    balances off. Debts without a rate come last when ordering by rate. With `today`
    the true annual rate is used, otherwise the stated one.
    """
    if order not in (SplitMethod.HIGHEST_RATE, SplitMethod.SMALLEST_BALANCE):
        return split(amount, debts, order, today)

    def rank(i: int) -> tuple:
        debt = debts[i]
        if order == SplitMethod.SMALLEST_BALANCE:
            return (debt.balance, i)
        rate = _annual_rate(debt, today)
        return (rate is None, -(rate or ZERO), i)

    left = max(cents(amount), ZERO)
    given = [ZERO] * len(debts)
    ranked = sorted(range(len(debts)), key=rank)
    for i in ranked:
        debt = debts[i]
        ask = debt_monthly_payment(debt, today) if today else debt.monthly_payment
        cap = max(debt.balance, ZERO) if not ask or ask <= 0 else min(ask, max(debt.balance, ZERO))
        given[i] = min(cents(cap), left)
        left -= given[i]
    for i in ranked:
        extra = min(max(cents(debts[i].balance) - given[i], ZERO), left)
        given[i] += extra
        left -= extra
    return {_key(d, i): given[i] for i, d in enumerate(debts)}


def token_offers(
    surplus: Decimal, debts: Sequence[Debt], per_debt: Decimal = TOKEN_PER_DEBT
) -> dict[int, Decimal]:
    """A token amount for every lender while the surplus is near zero.

    `per_debt` each; if the surplus is positive but smaller than that in total, the
    surplus is shared equally instead so the offer stays within the budget. With no
    surplus at all the tokens are still offered (a plan summary will show it is over
    budget): a small payment keeps the conversation going.
    """
    count = len(debts)
    if count == 0:
        return {}
    token = cents(per_debt)
    if ZERO < surplus < token * count:
        shares = _largest_remainder(_to_cents(surplus), [1] * count)
        return {
            _key(d, i): _from_cents(s) for i, (d, s) in enumerate(zip(debts, shares, strict=True))
        }
    return {_key(d, i): token for i, d in enumerate(debts)}


def suggested_split(
    surplus: Decimal, debts: Sequence[Debt], per_debt: Decimal = TOKEN_PER_DEBT
) -> SplitMethod:
    """TOKEN when the surplus cannot give every lender a token amount, else PRO_RATA."""
    return SplitMethod.TOKEN if surplus < cents(per_debt) * len(debts) else SplitMethod.PRO_RATA


def split(
    amount: Decimal, debts: Sequence[Debt], method: SplitMethod, today: date | None = None
) -> dict[int, Decimal]:
    """`amount` shared among `debts` by `method`."""
    if method == SplitMethod.TOKEN:
        return token_offers(amount, debts)
    if method in (SplitMethod.HIGHEST_RATE, SplitMethod.SMALLEST_BALANCE):
        return split_in_order(amount, debts, method, today)
    return split_pro_rata(amount, debts)


@dataclass(frozen=True)
class Effect:
    current_instalment: Decimal | None
    new_instalment: Decimal | None  # a month, fees included; the lump sum for a settlement
    months: int | None  # None when the payment never repays the debt
    total_cost: Decimal | None  # everything still to pay under the request
    payoff_date: date | None
    interest_saved: Decimal | None  # current remaining cost - total_cost; negative costs more
    fits_budget: bool
    note: str | None
    never_repays: bool = False
    smallest_payment: Decimal | None = None  # when never_repays: the least that would repay
    one_off: bool = False  # a settlement paid at once
    first_due: date | None = None
    balance: Decimal | None = None  # what the request repays (after waivers and pause)


def remaining_cost(debt: Debt, today: date) -> Decimal | None:
    """Everything still to pay under the current terms; None when it cannot be worked out."""
    rows = debt_schedule(debt, today)
    if not rows:
        return None
    return sum((row.payment for row in rows), ZERO) + rows[-1].balance


def _saved(current_cost: Decimal | None, total: Decimal | None) -> Decimal | None:
    return None if current_cost is None or total is None else current_cost - total


def _money(amount: Decimal) -> str:
    try:
        return fmt.money(amount)
    except ArithmeticError:  # beyond the display's precision (absurd rates compounded)
        return f"{cents(amount):,}"


def proposal_effect(
    debt: Debt, proposal: Proposal, today: date, budget_available: Decimal | None = None
) -> Effect:
    """What `proposal` would mean for `debt`: new instalment, months, cost, payoff date.

    Order of the request: waive penalty (the balance drops by the penalty and fees
    charged so far), then a pause (interest keeps accruing onto the balance), then
    either a new term (-> instalment), an offered monthly amount (-> months), or the
    current payment. A settlement discount is a one-off payment of the rest. The
    monthly fee, if any, continues and is included in every instalment.
    `fits_budget` is True only when `budget_available` is given and covers the payment.
    """
    current = debt_monthly_payment(debt, today)
    current_cost = remaining_cost(debt, today)
    rate = proposal.new_rate or debt.rate
    r = rate_per_month(rate)
    notes: list[str] = []
    balance = cents(max(debt.balance, ZERO))
    if proposal.waive_penalty:
        balance -= min(max(debt.penalty_fees, ZERO), balance)
    first = debt_first_due(debt, today)
    due_day = debt.due_day or first.day

    def fits(amount: Decimal) -> bool:
        return budget_available is not None and amount <= budget_available

    if proposal.settlement_discount_percent is not None:
        discount = min(max(proposal.settlement_discount_percent, ZERO), HUNDRED)
        amount = cents(balance * (HUNDRED - discount) / HUNDRED)
        note = _(
            "A settlement of {amount} has to be paid at once; get the lender's written "
            "confirmation that the rest is waived before paying."
        ).format(amount=_money(amount))
        return Effect(
            current,
            amount,
            1,
            amount,
            first,
            _saved(current_cost, amount),
            fits(amount),
            note,
            one_off=True,
            first_due=first,
            balance=amount,
        )
    pause = max(proposal.pause_months, 0)
    if pause:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            balance = cents(balance * (1 + r) ** pause)
        first = add_months(first, pause, due_day)
        if r > 0:
            notes.append(
                _("Interest for the {months}-month pause is added to the balance.").format(
                    months=pause
                )
            )
    if rate is None:
        notes.append(_("No rate entered: these figures assume no interest."))
    fee = cents(max(debt.monthly_fee, ZERO))

    def effect(**kw) -> Effect:
        fields = {"current_instalment": current, "first_due": first, "balance": balance}
        fields.update(kw)
        return Effect(**fields)

    if proposal.new_term_months and proposal.new_term_months > 0:
        payment = solve_instalment(balance, rate, proposal.new_term_months)
    elif proposal.offered_payment is not None:
        payment = proposal.offered_payment - fee
    elif current is not None and current > 0:
        payment = current - fee
    else:
        notes.append(_("Enter a new term or a monthly amount to see the effect."))
        return effect(
            new_instalment=None,
            months=None,
            total_cost=None,
            payoff_date=None,
            interest_saved=None,
            fits_budget=False,
            note=" ".join(notes),
        )
    result = solve_months(balance, rate, payment)
    if result.never_repays:
        smallest = (result.smallest_payment or ZERO) + fee
        notes.insert(
            0,
            _(
                "{payment} a month never repays this debt; at least {smallest} a month "
                "would repay it within {years} years."
            ).format(
                payment=_money(payment + fee), smallest=_money(smallest), years=MAX_MONTHS // 12
            ),
        )
        return effect(
            new_instalment=payment + fee,
            months=None,
            total_cost=None,
            payoff_date=None,
            interest_saved=None,
            fits_budget=fits(payment + fee),
            note=" ".join(notes),
            never_repays=True,
            smallest_payment=smallest,
        )
    months = result.months or 0
    total = (result.total_paid or ZERO) + fee * months
    new = payment + fee
    if budget_available is not None and new > budget_available:
        notes.append(
            _("This is {gap} a month more than the budget allows.").format(
                gap=_money(new - budget_available)
            )
        )
    return effect(
        new_instalment=new,
        months=months,
        total_cost=total,
        payoff_date=add_months(first, max(months - 1, 0), due_day),
        interest_saved=_saved(current_cost, total),
        fits_budget=fits(new),
        note=" ".join(notes) or None,
    )


@dataclass(frozen=True)
class PlanSummary:
    rows: list[tuple[Debt, Effect]]
    total_current: Decimal  # what the debts ask for a month now (unknown counted as zero)
    total_new: Decimal  # monthly instalments under the plan (settlements not included)
    surplus: Decimal
    over_budget: bool
    unused: Decimal  # surplus not taken by the plan
    one_off_total: Decimal = ZERO  # settlements paid at once


def plan_summary(
    debts: Iterable[Debt],
    proposals: Iterable[Proposal],
    surplus: Decimal,
    today: date,
    method: SplitMethod | None = None,
) -> PlanSummary:
    """The plan over all open debts: each lender's share of the surplus and its effect.

    The share method is `method`, else the proposals' (the first one's), else pro
    rata. A proposal that names no term, amount or settlement offers the share; a debt
    without a proposal is offered its share too. Of several proposals for one debt the
    last counts.
    """
    open_debts = [d for d in debts if d.status != DebtStatus.SETTLED and d.balance > 0]
    proposals = list(proposals)
    by_debt = {p.debt_id: p for p in proposals}
    if method is None:
        method = proposals[0].split if proposals else SplitMethod.PRO_RATA
    shares = split(max(surplus, ZERO), open_debts, method, today)
    rows: list[tuple[Debt, Effect]] = []
    total_current = ZERO
    total_new = ZERO
    one_off = ZERO
    for i, debt in enumerate(open_debts):
        share = shares.get(_key(debt, i), ZERO)
        proposal = by_debt.get(debt.id) if debt.id is not None else None
        proposal = proposal or Proposal(debt_id=_key(debt, i))
        if (
            proposal.offered_payment is None
            and not proposal.new_term_months
            and proposal.settlement_discount_percent is None
        ):
            proposal = _with_offer(proposal, share)
        result = proposal_effect(debt, proposal, today, share)
        rows.append((debt, result))
        total_current += debt_monthly_payment(debt, today) or ZERO
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

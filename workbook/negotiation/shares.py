"""Sharing the money left each month among lenders: pro rata, a token each, or in order.

Shares are in whole cents and always add up to what is shared (largest remainder).
Keys are `debt.id`; a debt without an id is keyed by its position in the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from workbook.models import ZERO, Debt, SplitMethod
from workbook.money.schedule import cents, debt_monthly_payment, monthly_rate
from workbook.money.truerate import debt_true_rate

# A token payment shows good faith while there is next to nothing to offer; the user can
# choose another amount.
TOKEN_PER_DEBT = Decimal("50")


def debt_key(debt: Debt, index: int) -> int:
    """The key of `debt` in a shares dict: its id, else its position."""
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
    return {
        debt_key(d, i): _from_cents(s) for i, (d, s) in enumerate(zip(debts, shares, strict=True))
    }


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

    def rank(i: int) -> tuple[Decimal | bool | int, ...]:
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
    return {debt_key(d, i): given[i] for i, d in enumerate(debts)}


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
            debt_key(d, i): _from_cents(s)
            for i, (d, s) in enumerate(zip(debts, shares, strict=True))
        }
    return {debt_key(d, i): token for i, d in enumerate(debts)}


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

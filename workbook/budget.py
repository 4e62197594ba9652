"""The monthly budget: income and spending normalised to a month, and what is left.

Spending groups follow the UK Standard Financial Statement (SFS), which debt advisers
and lenders there accept as a fair picture of a household's costs. The SFS splits
them into fixed costs (must be paid, amount hard to change) and flexible costs (needed,
but the amount can be adjusted: food, phone and internet, personal spending); we call
the first group essential. Each item keeps its own flag, this is only the default.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from workbook.models import (
    ZERO,
    Agreement,
    Debt,
    DebtStatus,
    ExpenseGroup,
    ExpenseItem,
    Frequency,
    IncomeItem,
)
from workbook.money.schedule import cents, debt_monthly_payment

WEEKS_PER_YEAR = 52
NO_MONEY = Decimal("0.00")
RATIO_PLACES = Decimal("0.0001")

ESSENTIAL_BY_DEFAULT: dict[ExpenseGroup, bool] = {
    ExpenseGroup.HOUSING: True,
    ExpenseGroup.UTILITIES: True,
    ExpenseGroup.FOOD: False,  # SFS "food and housekeeping" is a flexible cost
    ExpenseGroup.TRANSPORT: True,
    ExpenseGroup.COMMUNICATIONS: False,  # SFS "communications and leisure"
    ExpenseGroup.CARE_HEALTH: True,
    ExpenseGroup.CHILDREN: True,  # school and childcare costs
    ExpenseGroup.INSURANCE: True,
    ExpenseGroup.PERSONAL: False,  # SFS "personal and family"
    ExpenseGroup.OTHER_ESSENTIAL: True,
}

def monthly_amount(amount: Decimal, frequency: Frequency) -> Decimal:
    """`amount` as a monthly figure, rounded to the cent once.

    Weekly ×52/12; yearly /12. A one-off item counts 1/12: a repayment plan is
    promised month after month and reviewed after about a year, so a one-off is spread
    over that year — counting it in full would distort one month, and dropping it would
    hide a cost (or income) the plan has to live with. This follows the SFS habit of
    turning irregular items into a monthly equivalent.
    """
    if frequency == Frequency.WEEKLY:
        return cents(amount * WEEKS_PER_YEAR / 12)
    if frequency in (Frequency.YEARLY, Frequency.ONE_OFF):
        return cents(amount / 12)
    return cents(amount)


@dataclass(frozen=True)
class BudgetSummary:
    income: Decimal
    essential: Decimal
    flexible: Decimal
    surplus: Decimal  # income - spending: what is left for all the debts together
    debt_service: Decimal  # what the debts ask for each month now
    debt_service_ratio: Decimal | None  # debt_service / income as a fraction; None without income
    by_group: dict[ExpenseGroup, Decimal] = field(default_factory=dict)
    after_debts: Decimal = ZERO  # surplus - debt_service: negative is the monthly shortfall
    unknown_payments: int = 0  # debts whose monthly payment could not be worked out


def summarise(
    incomes: Iterable[IncomeItem],
    expenses: Iterable[ExpenseItem],
    debts: Iterable[Debt],
    today: date,
) -> BudgetSummary:
    """Monthly totals of the budget and the debts' current demands on it."""
    income = sum((monthly_amount(item.amount, item.frequency) for item in incomes), NO_MONEY)
    essential = NO_MONEY
    flexible = NO_MONEY
    by_group: dict[ExpenseGroup, Decimal] = {}
    for item in expenses:
        monthly = monthly_amount(item.amount, item.frequency)
        by_group[item.group] = by_group.get(item.group, NO_MONEY) + monthly
        if item.essential:
            essential += monthly
        else:
            flexible += monthly
    service = NO_MONEY
    unknown = 0
    for debt in debts:
        if debt.status == DebtStatus.SETTLED:
            continue
        payment = debt_monthly_payment(debt, today)
        if payment is None:
            unknown += 1
        else:
            service += payment
    surplus = income - essential - flexible
    ratio = (
        (service / income).quantize(RATIO_PLACES, rounding=ROUND_HALF_UP) if income > 0 else None
    )
    return BudgetSummary(
        income=income,
        essential=essential,
        flexible=flexible,
        surplus=surplus,
        debt_service=service,
        debt_service_ratio=ratio,
        by_group=by_group,
        after_debts=surplus - service,
        unknown_payments=unknown,
    )


def debts_as_agreed(debts: Sequence[Debt], agreements: Sequence[Agreement]) -> list[Debt]:
    """The debts, each with its agreement's instalment (as a monthly figure) as its payment.

    What each lender asks for now, so every screen and report counts the same debt
    service. A settled debt keeps its record; a one-off settlement is not a monthly
    payment (it is a payment due, shown elsewhere).
    """
    agreed = {a.debt_id: a for a in agreements}
    found = []
    for debt in debts:
        agreement = agreed.get(debt.id) if debt.id is not None else None
        if agreement is not None and debt.status != DebtStatus.SETTLED:
            monthly = (
                ZERO
                if agreement.frequency == Frequency.ONE_OFF
                else monthly_amount(agreement.instalment, agreement.frequency)
            )
            debt = dataclasses.replace(debt, monthly_payment=monthly)
        found.append(debt)
    return found

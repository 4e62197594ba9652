"""Everything the application letter is built from (`figures.letter_input` fills it from
the workbook; tests build it by hand)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbook.models import Debt, ExpenseItem, Hardship, IncomeItem, LprEntry, Profile, Proposal


@dataclass(frozen=True)
class LetterInput:
    profile: Profile
    debt: Debt
    incomes: list[IncomeItem]
    expenses: list[ExpenseItem]
    hardships: list[Hardship]
    proposal: Proposal | None
    budget_income: Decimal  # per month, as the budget normalises it
    budget_spending: Decimal  # per month
    surplus: Decimal
    offered_payment: Decimal | None
    today: date
    # Free-text parts the user edits in the TUI; empty means use our default wording.
    custom_opening: str = ""
    custom_statement: str = ""
    custom_closing: str = ""
    # The borrower's other open debts: the money left each month has to cover them too.
    other_debts: int = 0
    other_balance: Decimal = Decimal(0)
    # List each flexible spending item to the lender (the user chose to); otherwise only
    # their total is given.
    list_flexible: bool = False
    # LPR rows the user added: the 4 x LPR point reads the same LPR as home and step 1.
    extra_lpr: tuple[LprEntry, ...] = ()


__all__ = ["LetterInput"]

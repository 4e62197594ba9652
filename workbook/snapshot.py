"""A plain snapshot of a whole workbook, for rules that look across every table.

The TUI builds one from storage when something changes; domain functions such as
`workbook.followup.progress.step_states` read it and never touch storage themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbook.models import (
    Agreement,
    Communication,
    Debt,
    ExpenseItem,
    Hardship,
    IncomeItem,
    LprEntry,
    Payment,
    Profile,
    Proposal,
)


@dataclass(frozen=True)
class WorkbookData:
    debts: list[Debt] = field(default_factory=list)
    incomes: list[IncomeItem] = field(default_factory=list)
    expenses: list[ExpenseItem] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    hardships: list[Hardship] = field(default_factory=list)
    communications: list[Communication] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    profile: Profile = field(default_factory=Profile)
    cards_read: tuple[str, ...] = ()  # step 7 cards read (from the settings)
    extra_lpr: tuple[LprEntry, ...] = ()  # LPR rows the user added (from the settings)


__all__ = ["WorkbookData"]

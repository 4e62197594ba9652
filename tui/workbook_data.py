"""The whole workbook read into a `WorkbookData` snapshot, and the step states from it."""

from __future__ import annotations

from datetime import date

from workbook.progress import step_states as domain_step_states
from workbook.snapshot import WorkbookData

TABLES = (
    "debts",
    "incomes",
    "expenses",
    "proposals",
    "hardships",
    "communications",
    "agreements",
    "payments",
)


def load_data(wb) -> WorkbookData:
    """Every table of `wb` and its profile, as plain records."""
    lists = {name: list(getattr(wb, name).list()) for name in TABLES}
    return WorkbookData(**lists, profile=wb.profile())


def step_states(data: WorkbookData, today: date) -> dict[int, str]:
    """Step number -> state value ("not_started", "in_progress", "done")."""
    return {n: str(state) for n, state in domain_step_states(data, today).items()}

"""The demo workbook: made from the demo records when missing, damaged or reset.

Storage is imported only when the demo has to be built: an existing demo is handed
to the app as it is, so `repay demo` starts as quickly as `repay`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage import Workbook
    from workbook.demo.case import DemoData

# A new workbook with nothing in it is ~200 bytes; the demo is tens of kilobytes.
EMPTY_WORKBOOK_BYTES = 1024


def ensure_demo(path: Path, *, reset: bool, today: date) -> Path:
    """The demo workbook at `path`, built from the demo records if missing or `reset`.

    A reset is refused (WorkbookLocked) while the demo is open elsewhere; it works on
    a damaged demo file, which is kept as a backup like any replaced demo.
    """
    if reset and path.exists():
        from storage.backup import take_backup
        from storage.lock import WorkbookLock

        lock = WorkbookLock.acquire(path)
        try:
            take_backup(path)
            path.unlink()
        finally:
            lock.release()
    if path.exists() and path.stat().st_size > EMPTY_WORKBOOK_BYTES:
        return path  # the demo as it is: the app reads (and checks) it
    from storage import Workbook

    if not path.exists():
        with Workbook.open(path) as wb:
            seed_demo(wb, today)
    else:
        with Workbook.open(path) as wb:  # created, then killed before it was filled
            if not any(len(repo) for repo in wb.repositories().values()):
                seed_demo(wb, today)
    return path


def seed_demo(wb: Workbook, today: date) -> None:
    """Fill an empty workbook with the demo borrower in one durable write (a demo cut
    short by a crash would otherwise stay half-built)."""
    from workbook.demo.case import demo_records  # only when a demo is built

    with wb.batch():
        _seed(wb, demo_records(today))


def _seed(wb: Workbook, data: DemoData) -> None:
    from storage.repository import stored_id

    wb.save_profile(data.profile)
    wb.save_settings(data.settings)
    debt_ids = [stored_id(d) for d in wb.debts.add_many(data.debts)]
    wb.incomes.add_many(data.incomes)
    wb.expenses.add_many(data.expenses)
    wb.hardships.add_many(data.hardships)
    proposal_ids = [stored_id(p) for p in wb.proposals.add_many(data.linked_proposals(debt_ids))]
    wb.communications.add_many(data.linked_communications(debt_ids))
    agreements = wb.agreements.add_many(data.linked_agreements(debt_ids, proposal_ids))
    wb.payments.add_many(data.linked_payments([stored_id(a) for a in agreements]))

"""Step 6's writes: an agreement or a payment saved (or a payment deleted) together with
the debt's new status (in negotiation -> agreed -> settled,
`workbook.followup.agreements.debt_status_after`); an agreement also marks the proposal
it was recorded for as accepted (`agreed_proposal`).

Each function returns the write for one `Workbook.batch()`, so both changes reach the
disk together or not at all. `data` is the snapshot read before the change.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from storage import Workbook
from tui.followup.view import status_after
from workbook.followup.agreements import agreed_proposal
from workbook.models import Agreement, Payment
from workbook.snapshot import WorkbookData


def _store_debt_status(
    wb: Workbook,
    data: WorkbookData,
    debt_id: int,
    agreements: Sequence[Agreement],
    payments: Sequence[Payment],
) -> None:
    """Inside a batch: store the debt's new status if it changed."""
    debt = next((d for d in data.debts if d.id == debt_id), None)
    if debt is None:
        return
    status = status_after(debt, agreements, payments, (data.agreements, data.payments))
    if status != debt.status:
        wb.debts.update(dataclasses.replace(debt, status=status))


def agreement_write(
    wb: Workbook, data: WorkbookData, agreement: Agreement
) -> Callable[[], Agreement]:
    def write() -> Agreement:
        repo = wb.agreements
        saved = repo.update(agreement) if agreement.id is not None else repo.add(agreement)
        others = [a for a in data.agreements if a.id != saved.id]
        _store_debt_status(wb, data, saved.debt_id, [*others, saved], data.payments)
        accepted = agreed_proposal(data.proposals, saved)
        if accepted is not None:
            wb.proposals.update(accepted)
        return saved

    return write


def payment_write(
    wb: Workbook, data: WorkbookData, payment: Payment, agreement: Agreement
) -> Callable[[], Payment]:
    def write() -> Payment:
        saved = wb.payments.add(payment)
        _store_debt_status(wb, data, agreement.debt_id, data.agreements, [*data.payments, saved])
        return saved

    return write


def payment_delete(
    wb: Workbook, data: WorkbookData, payment_id: int, agreement: Agreement
) -> Callable[[], None]:
    def write() -> None:
        wb.payments.delete(payment_id)
        left = [p for p in data.payments if p.id != payment_id]
        _store_debt_status(wb, data, agreement.debt_id, data.agreements, left)

    return write


def agreement_delete(
    wb: Workbook, data: WorkbookData, agreement: Agreement, payments: Sequence[Payment]
) -> Callable[[], None]:
    """The agreement and the payments recorded against it; the debt's status follows."""
    agreement_id = agreement.id

    def write() -> None:
        for p in payments:
            wb.payments.delete(p.id)
        wb.agreements.delete(agreement_id)
        left = [a for a in data.agreements if a.id != agreement_id]
        _store_debt_status(wb, data, agreement.debt_id, left, data.payments)

    return write

"""What step 6 and its dialogs show, worded from the domain's follow-up figures.

Kept apart from the screens so it is tested without a terminal. The rules (schedules,
allocation of payments, statuses) are `workbook.followup.agreements` and `workbook.followup.instalments`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from tui.widgets.cells import Cell, date_cell, money_cell, number_cell, styled_cell, text_cell
from workbook import fmt
from workbook.followup.agreements import (
    agreement_from_proposal,
    checklist_items_for,
    checklist_missing,
    debt_status_after,
)
from workbook.followup.instalments import InstalmentState, Progress
from workbook.i18n import N_, _, current_language
from workbook.models import (
    ZERO,
    Agreement,
    Debt,
    DebtStatus,
    Payment,
    Proposal,
    ProposalStatus,
)
from workbook.snapshot import WorkbookData

STATUS_WORDS = {
    "paid": N_("Paid"),
    "partial": N_("Part paid"),
    "due": N_("Due today"),
    "upcoming": N_("Upcoming"),
}
STATUS_STYLES = {"paid": "green", "partial": "yellow", "due": "bold yellow",
                 "overdue": "bold red", "upcoming": ""}


def status_label(state: InstalmentState) -> str:
    if state.status == "overdue":
        return _("{n} days late").format(n=state.days_overdue)
    return _(STATUS_WORDS[state.status])


def agreement_cells(a: Agreement, progress: Progress, lender: str) -> list[Cell]:
    """A row of step 6's agreements table."""
    if progress.overdue_amount:
        state, style = _("Overdue"), STATUS_STYLES["overdue"]
    elif progress.total and progress.paid >= progress.total:
        state, style = _("Fully paid"), STATUS_STYLES["paid"]
    else:
        state, style = _("On track"), ""
    return [
        text_cell(lender),
        money_cell(a.total),
        money_cell(progress.paid),
        text_cell(f"{progress.instalments_paid}/{progress.count}"),
        date_cell(progress.next_due.due if progress.next_due else None),
        text_cell(checklist_mark(a)),
        styled_cell(state, style, state),
    ]


def waiting_cells(debt: Debt) -> list[Cell]:
    """A row for a debt whose proposal was accepted but has no agreement yet."""
    word = _("To record")
    empty = text_cell(fmt.EMPTY)
    return [text_cell(debt.lender), money_cell(debt.balance), empty, empty,
            date_cell(None), empty, styled_cell(word, "yellow", word)]


def due_cells(state: InstalmentState, lender: str, count: int) -> list[Cell]:
    """A row of the due and overdue table."""
    label = status_label(state)
    return [
        date_cell(state.due),
        text_cell(lender),
        # A debt recorded late has no instalment number; a card's count is not known.
        number_cell(state.number, "-" if state.source == "late" else
                    f"{state.number}/{count}" if count else str(state.number)),
        money_cell(state.remaining, "bold red" if state.status == "overdue" else ""),
        styled_cell(label, STATUS_STYLES[state.status], state.days_overdue),
    ]


def checklist_mark(agreement: Agreement) -> str:
    """ "4/5": items ticked of those that apply."""
    items = checklist_items_for(agreement)
    done = len(items) - len(checklist_missing(agreement))
    return f"{done}/{len(items)}"


def progress_line(agreement: Agreement, progress: Progress) -> str:
    """Paid so far, instalments, what is late, and what the checklist still misses."""
    share = (progress.paid * 100 / progress.total) if progress.total else ZERO
    parts = [
        _("Paid {paid} of {total} ({share}%), {done} of {count} instalments.").format(
            paid=fmt.money(progress.paid), total=fmt.money(progress.total),
            share=fmt.number(share, 0), done=progress.instalments_paid, count=progress.count)
    ]
    if progress.overdue_amount:
        parts.append(_("Late: {amount}.").format(amount=fmt.money(progress.overdue_amount)))
    elif progress.next_due is not None:
        parts.append(_("Next: {amount} on {date}.").format(
            amount=fmt.money(progress.next_due.remaining), date=fmt.date_(progress.next_due.due)))
    if progress.overpaid:
        parts.append(_("Paid {amount} more than the schedule.").format(
            amount=fmt.money(progress.overpaid)))
    missing = checklist_missing(agreement)
    if len(missing) == 1:
        labels = {key: label for key, label, _h in checklist_items_for(agreement)}
        parts.append(_("Still to check: {items}.").format(items=_(labels[missing[0]])))
    elif missing:  # the names of several would not fit the two lines under the table
        parts.append(_("Checklist: {n} of {count} items still to tick (key x).").format(
            n=len(missing), count=len(checklist_items_for(agreement))))
    return sentences(parts)


def sentences(parts: Sequence[str]) -> str:
    """Sentences one after another: spaced in English, run together in Chinese."""
    return ("" if current_language() == "zh" else " ").join(parts)


def best_proposal(debt: Debt, proposals: Sequence[Proposal]) -> Proposal | None:
    """The debt's accepted proposal if any, else its latest one."""
    own = [p for p in proposals if p.debt_id == debt.id]
    if not own:
        return None
    accepted = [p for p in own if p.status == ProposalStatus.ACCEPTED]
    return max(accepted or own, key=lambda p: p.id or 0)


def draft_agreement(
    debt: Debt, proposals: Sequence[Proposal], today: date
) -> tuple[Agreement, str]:
    """A new agreement for `debt` from its best proposal, and a note saying where from."""
    proposal = best_proposal(debt, proposals)
    if proposal is None:
        draft = agreement_from_proposal(debt, Proposal(debt_id=debt.id or 0), today)
        return dataclasses.replace(draft, proposal_id=None), _(
            "No proposal for this debt: the figures are a starting point, repaying the "
            "balance over 12 months. Enter what was agreed.")
    if proposal.status == ProposalStatus.ACCEPTED:
        note = _("Prefilled from the accepted proposal: check each figure against what "
                 "the lender confirmed.")
    else:
        note = _("Prefilled from your proposal ({status}): change it to what was agreed.").format(
            status=fmt.enum_label(proposal.status))
    return agreement_from_proposal(debt, proposal, today), note


@dataclass(frozen=True)
class DebtChoice:
    debt: Debt
    proposal: Proposal | None
    has_agreement: bool


def debts_to_agree(data: WorkbookData) -> list[DebtChoice]:
    """Debts an agreement could be recorded for: accepted proposals first, settled last."""
    agreed = {a.debt_id for a in data.agreements}
    choices = [DebtChoice(d, best_proposal(d, data.proposals), d.id in agreed)
               for d in data.debts if d.id is not None]

    def order(c: DebtChoice) -> tuple[int, int, int]:
        accepted = c.proposal is not None and c.proposal.status == ProposalStatus.ACCEPTED
        return (c.debt.status == DebtStatus.SETTLED, c.has_agreement, not accepted)

    return sorted(choices, key=order)


def debt_choice_line(choice: DebtChoice, money_width: int = 0) -> Table:
    """Lender, balance and where the debt stands, in aligned columns; the balances'
    column is `money_width` wide (the widest of the list's), so none is cut."""
    notes = []
    if choice.proposal is not None:
        notes.append(_("proposal: {status}").format(status=fmt.enum_label(choice.proposal.status)))
    if choice.has_agreement:
        notes.append(_("has an agreement"))
    grid = Table.grid(padding=(0, 1))
    balance = fmt.money(choice.debt.balance)
    grid.add_column(width=20, no_wrap=True)  # a Cell: cut with an ASCII ellipsis
    grid.add_column(width=max(money_width, cell_len(balance)), justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Cell(Text(choice.debt.lender, no_wrap=True), None), balance,
                 Text(", ".join(notes)))
    return grid


def awaiting_agreement(data: WorkbookData) -> list[Debt]:
    """Debts with an accepted proposal and no agreement recorded yet."""
    agreed = {a.debt_id for a in data.agreements}
    accepted = {p.debt_id for p in data.proposals if p.status == ProposalStatus.ACCEPTED}
    return [d for d in data.debts if d.id in accepted and d.id not in agreed]


def status_after(
    debt: Debt,
    agreements: Sequence[Agreement],
    payments: Sequence[Payment],
    before: tuple[Sequence[Agreement], Sequence[Payment]] | None = None,
) -> DebtStatus:
    """The debt's status after a change: `debt_status_after`, and back to "in
    negotiation" when the last agreement of an agreed debt is deleted.

    `before` is the agreements and payments before the change. A debt that was settled
    because its payments covered the agreement follows the change (a payment typed by
    mistake and deleted, a total raised); one the user marked settled stays settled.
    """
    if debt.status == DebtStatus.SETTLED and before is not None:
        agreed = dataclasses.replace(debt, status=DebtStatus.AGREED)
        if debt_status_after(agreed, *before) == DebtStatus.SETTLED:
            debt = agreed
    if debt.status == DebtStatus.AGREED and not any(a.debt_id == debt.id for a in agreements):
        return DebtStatus.NEGOTIATING
    return debt_status_after(debt, agreements, payments)

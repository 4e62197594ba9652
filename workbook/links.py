"""What hangs on a debt: the records a delete takes with it, and the words for it.

A debt's plan (proposals), agreements and the payments against them mean nothing
without the debt, and left behind they show as payments "to" nobody on home and
step 6. Log entries are evidence of what lenders and collectors did: they stay,
keep the lender's name they were written with, and only lose the link.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbook.i18n import _
from workbook.models import Agreement, Communication, Payment, Proposal
from workbook.snapshot import WorkbookData


@dataclass(frozen=True)
class Linked:
    proposals: list[Proposal] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    log_entries: list[Communication] = field(default_factory=list)


def linked_records(data: WorkbookData, debt_id: int) -> Linked:
    agreements = [a for a in data.agreements if a.debt_id == debt_id]
    agreement_ids = {a.id for a in agreements}
    return Linked(
        proposals=[p for p in data.proposals if p.debt_id == debt_id],
        agreements=agreements,
        payments=[p for p in data.payments if p.agreement_id in agreement_ids],
        log_entries=[c for c in data.communications if c.debt_id == debt_id],
    )


def removal_note(linked: Linked) -> str:
    """What else the delete does, in words for the confirmation (empty when nothing)."""
    gone = []
    if linked.proposals:
        gone.append(_("its plan ({n})").format(n=len(linked.proposals)))
    if linked.agreements:
        gone.append(_("its agreements ({n})").format(n=len(linked.agreements)))
    if linked.payments:
        gone.append(_("the payments recorded against them ({n})").format(n=len(linked.payments)))
    lines = []
    if gone:
        lines.append(_("Also deleted: {what}.").format(what=_(", ").join(gone)))
    if linked.log_entries:
        lines.append(
            _("The log keeps its entries about this debt ({n}), without the link.").format(
                n=len(linked.log_entries)
            )
        )
    return "\n".join(lines)

"""What an action says when what it works on does not exist yet: never "select a debt
first" on an empty table (a dead end for a newcomer), but where to go to make one.

`need_debt_message(debts)` words the missing debt: none at all sends the user to step
1; only settled ones say so. The screens notify it (severity warning) and do nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbook.i18n import N_, _
from workbook.models import Debt, DebtStatus

NO_DEBT = N_("Add a debt first (step 1).")
ALL_SETTLED = N_("Every debt is settled: nothing is left to negotiate. Add a debt in step 1.")
PICK_DEBT = N_("Select a debt first.")
NO_AGREEMENT = N_("No agreement recorded yet: press a to record one.")


def need_debt_message(debts: Sequence[Debt], open_only: bool = True) -> str:
    """Why no debt is at hand, and where to get one (translated)."""
    if not debts:
        return _(NO_DEBT)
    if open_only and all(d.status == DebtStatus.SETTLED for d in debts):
        return _(ALL_SETTLED)
    return _(PICK_DEBT)


def need_agreement_message(debts: Sequence[Debt]) -> str:
    """No agreement at hand: record one (step 6's `a`), or first add a debt."""
    return _(NO_AGREEMENT) if debts else _(NO_DEBT)

"""What the printed signed-agreement checklist adds to the app's checklist: the terms a
borrower should find on the paper before signing, and what to keep afterwards.

These are paper-only: they are never stored in `Agreement.checklist`, so adding one here
never makes an agreement the user already finished in the app look incomplete.
"""

from __future__ import annotations

from workbook.i18n import N_

# (label, help) msgids, in the order a signing goes through the document.
PAPER_ITEMS: tuple[tuple[str, str], ...] = (
    (
        N_("Interest and charges are frozen, or the rate is written down"),
        N_("The paper says no more interest or fees are charged, or states the rate."),
    ),
    (
        N_("Collection stops while the plan is kept"),
        N_("No more collection calls or visits as long as you pay as agreed."),
    ),
    (
        N_("What happens to the remainder"),
        N_("When every instalment is paid, is the debt settled in full, with nothing left?"),
    ),
    (
        N_("Early repayment without penalty"),
        N_("You may pay more or pay off early without a fee."),
    ),
    (
        N_("Any grace period"),
        N_("How many days late a payment may be before the agreement fails."),
    ),
    (
        N_("How the credit report will show it"),
        N_("What will be reported to the credit reference centre, and when it is updated."),
    ),
    (
        N_("It came through the lender's official channel"),
        N_("A company seal, or the lender's official app or website, not an agent's chat."),
    ),
)

KEEP: tuple[str, ...] = (
    N_("The signed agreement (a copy with the seal)"),
    N_("Screenshots of the offer and of every message about it"),
    N_("Call recordings, with their dates"),
    N_("Every payment receipt"),
)

__all__ = ["KEEP", "PAPER_ITEMS"]

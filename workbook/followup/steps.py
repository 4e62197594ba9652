"""The guide's seven steps: their numbers, keys, titles and what to do next on each.

Apart from workbook.followup.progress (which works out where the user stands) so that
the step bar can name the steps without importing the rules and the records.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workbook.i18n import N_


class StepState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True)
class StepInfo:
    number: int
    key: str
    title: str  # msgid
    short: str  # msgid: what to do next on this step


STEPS: tuple[StepInfo, ...] = (
    StepInfo(1, "debts", N_("Know your debts"), N_("Add each debt with its rate and due day.")),
    StepInfo(
        2,
        "capacity",
        N_("Know what you can pay"),
        N_("Enter your income and spending to see what is left each month."),
    ),
    StepInfo(
        3,
        "channel",
        N_("Choose how to negotiate"),
        N_("Choose how to contact each lender: by phone, online, in person or in writing."),
    ),
    StepInfo(
        4,
        "reasons",
        N_("Prepare your reasons and plan"),
        N_("Say why you cannot pay as before, and prepare a proposal for each lender."),
    ),
    StepInfo(
        5,
        "conversation",
        N_("Communicate well"),
        N_("Contact each lender with your proposal and log every conversation."),
    ),
    StepInfo(
        6,
        "agreement",
        N_("After agreement: confirm and follow up"),
        N_("Get each agreement in writing, tick its checklist and pay on time."),
    ),
    StepInfo(
        7,
        "hard",
        N_("When it gets hard"),
        N_("Read the cards for your situation and meet its deadlines; keep the evidence."),
    ),
)

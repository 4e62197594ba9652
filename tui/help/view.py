"""The cards of step 7, in the order shown, each as ready-to-show lines.

Four groups: where to get help (`workbook.guide.help.HELP_LINES`), know the law (the law
cards, verified facts only), other options with their risks, and what to do about
abusive collection, which lists the user's own flagged log entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbook import fmt
from workbook.followup.conduct import breaches
from workbook.followup.logfilter import communication_key
from workbook.guide.help import (
    ABUSE_STEPS,
    HELP_LINES,
    LAW_CARDS,
    OTHER_OPTIONS,
    disclaimer,
    help_line_lines,
    law_card_lines,
    option_lines,
)
from workbook.i18n import N_, _, current_language
from workbook.models import Communication

GROUPS = (
    ("lines", N_("Where to get help")),
    ("law", N_("Know the law")),
    ("options", N_("Other options, and their risks")),
    ("abuse", N_("If collection turns abusive")),
)
FLAGGED_SHOWN = 12


@dataclass(frozen=True)
class HelpEntry:
    group: str
    key: str
    title: str  # translated, the list's line
    lines: tuple[str, ...]  # translated; the first is the title


def flagged_entries(comms: Sequence[Communication]) -> list[str]:
    """One line per flagged contact, newest first: when, who, which rules."""
    found = breaches(comms)
    lines = []
    for index, comm in sorted(enumerate(comms), key=lambda pair: pair[1].at, reverse=True):
        hits = found.get(communication_key(comm, index))
        if hits:
            rules = "; ".join(b.title for b in hits)
            lines.append(f"{fmt.datetime_(comm.at)}  {comm.lender.strip()}: {rules}")
    return lines


def abuse_lines(comms: Sequence[Communication]) -> tuple[str, ...]:
    rows = [_("What to do about abusive collection")]
    # No space after the number in Chinese: the text would jump to the next line whole.
    gap = "" if current_language() == "zh" else " "
    rows += [f"{n}.{gap}{_(step)}" for n, step in enumerate(ABUSE_STEPS, start=1)]
    flagged = flagged_entries(comms)
    if flagged:
        rows.append(_("Your log has {n} flagged contacts (press f on step 7 to list them):")
                    .format(n=len(flagged)))
        rows.append("\n".join(flagged[:FLAGGED_SHOWN]))
        if len(flagged) > FLAGGED_SHOWN:
            rows.append(_("... and {n} more.").format(n=len(flagged) - FLAGGED_SHOWN))
    else:
        rows.append(_("No contact in your log is flagged. Log every contact by a lender or "
                      "collector: the checks run on what you record."))
    rows.append(disclaimer())
    return tuple(rows)


def help_entries(comms: Sequence[Communication]) -> list[HelpEntry]:
    """Every card of step 7, group by group."""
    entries = [
        HelpEntry("lines", line.number, f"{line.number}  {_(line.name)}",
                  (*help_line_lines(line), disclaimer()))
        for line in HELP_LINES
    ]
    entries += [HelpEntry("law", card.key, _(card.title), law_card_lines(card))
                for card in LAW_CARDS]
    entries += [HelpEntry("options", option.key, _(option.title),
                          (*option_lines(option), disclaimer()))
                for option in OTHER_OPTIONS]
    abuse = abuse_lines(comms)
    entries.append(HelpEntry("abuse", "abuse", abuse[0], abuse))
    return entries

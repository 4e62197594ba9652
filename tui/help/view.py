"""The cards of step 7, in the order shown, each as ready-to-show lines.

Four groups: where to get help (`workbook.guide.help.HELP_LINES`), know the law (the law
cards, verified facts only), other options with their risks, and what to do about
abusive collection, which lists the user's own flagged log entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbook import fmt
from workbook.followup.conduct import Breach, breaches
from workbook.followup.logfilter import communication_key
from workbook.followup.progress import hard_cards_due, open_deadlines
from workbook.guide.hardship_law import CARDS_BY_KEY, HARD_CARDS, hard_card_lines
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
from workbook.guide.situations import GUIDES, checklist_lines
from workbook.i18n import N_, _, current_language
from workbook.models import Communication, Debt, Situation
from workbook.snapshot import WorkbookData

GROUPS = (
    ("now", N_("What to do now, by situation")),
    ("lines", N_("Where to get help")),
    ("law", N_("Know the law")),
    ("court", N_("When a lender goes to court")),
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
    words: str = ""  # search words in both languages, for the palette


def flagged_contacts(comms: Sequence[Communication], debts: Sequence[Debt] = (),
                     found: dict[int, list[Breach]] | None = None
                     ) -> list[tuple[Communication, list[Breach]]]:
    """The flagged contacts with their breaches, newest first (`found`: the breaches if
    already worked out)."""
    found = breaches(comms, debts) if found is None else found
    flagged = [(comm, hits) for index, comm in enumerate(comms)
               if (hits := found.get(communication_key(comm, index)))]
    # Only the flagged ones sorted (stable: same-time contacts keep the log's order).
    flagged.sort(key=lambda pair: pair[0].at, reverse=True)
    return flagged


def _flag_line(comm: Communication, hits: list[Breach]) -> str:
    return f"{fmt.datetime_(comm.at)}  {comm.lender.strip()}: " + "; ".join(b.title for b in hits)


def abuse_lines(comms: Sequence[Communication], debts: Sequence[Debt] = (),
                found: dict[int, list[Breach]] | None = None) -> tuple[str, ...]:
    rows = [_("What to do about abusive collection")]
    # No space after the number in Chinese: the text would jump to the next line whole.
    gap = "" if current_language() == "zh" else " "
    rows += [f"{n}.{gap}{_(step)}" for n, step in enumerate(ABUSE_STEPS, start=1)]
    flagged = flagged_contacts(comms, debts, found)
    if flagged:
        rows.append(_("Your log has {n} flagged contacts (press f on step 7 to list them):")
                    .format(n=len(flagged)))
        rows.append("\n".join(_flag_line(comm, hits) for comm, hits in flagged[:FLAGGED_SHOWN]))
        if len(flagged) > FLAGGED_SHOWN:
            rows.append(_("... and {n} more.").format(n=len(flagged) - FLAGGED_SHOWN))
    else:
        rows.append(_("No contact in your log is flagged. Log every contact by a lender or "
                      "collector: the checks run on what you record."))
    rows.append(disclaimer())
    return tuple(rows)


def situation_lines(situation: Situation, debts: Sequence[Debt]) -> tuple[str, ...]:
    """The situation's checklist, the debts in it with their court details, its cards."""
    recorded = [d for d in debts if d.situation == situation]
    day = next((d.situation_on for d in recorded if d.situation_on is not None), None)
    rows = checklist_lines(situation, day)
    for debt in recorded:
        court = " / ".join(p for p in (debt.court_name, debt.case_number, debt.judge_contact)
                           if p.strip())
        rows.append(f"{debt.lender.strip()}: {fmt.date_(debt.situation_on)} {court}".strip())
    if not recorded:
        rows.append(_("Press s to record it on a debt with its date: the deadline is counted "
                      "and saved as a next action in the log."))
    cards = [_(CARDS_BY_KEY[k].title) for k in GUIDES[situation].cards]
    sep = "；" if current_language() == "zh" else "; "
    rows.append(_("Read these cards: {cards}").format(cards=sep.join(cards)))
    rows.append(disclaimer())
    return tuple(rows)


def step7_status(data: WorkbookData) -> str:
    """One line: where the user stands on step 7 and why."""
    due = hard_cards_due(data)
    if not due:
        return ""
    read = sum(1 for k in due if k in data.cards_read)
    deadlines = open_deadlines(data)
    if read == len(due) and not deadlines:
        return _("Step 7 done: you have read the {n} cards for your situation and no "
                 "deadline is open.").format(n=len(due))
    line = _("Step 7: {read} of {n} cards for your situation read.").format(read=read, n=len(due))
    if deadlines:
        first = deadlines[0]
        line += " " + _("Open deadline {date}: {action}").format(
            date=fmt.date_(first.next_action_date), action=" ".join(first.next_action.split()))
    return line


def help_entries(comms: Sequence[Communication], debts: Sequence[Debt] = (),
                 found: dict[int, list[Breach]] | None = None) -> list[HelpEntry]:
    """Every card of step 7, group by group."""
    entries = [
        HelpEntry("now", situation.value, _(GUIDES[situation].title),
                  situation_lines(situation, debts), fmt.enum_label(situation))
        for situation in Situation
    ]
    entries += [
        HelpEntry("lines", line.number, f"{line.number}  {_(line.name)}",
                  (*help_line_lines(line), disclaimer()))
        for line in HELP_LINES
    ]
    entries += [HelpEntry("law", card.key, _(card.title), law_card_lines(card))
                for card in LAW_CARDS]
    entries += [HelpEntry("court", card.key, _(card.title), hard_card_lines(card), card.words)
                for card in HARD_CARDS]
    entries += [HelpEntry("options", option.key, _(option.title),
                          (*option_lines(option), disclaimer()))
                for option in OTHER_OPTIONS]
    abuse = abuse_lines(comms, debts, found)
    entries.append(HelpEntry("abuse", "abuse", abuse[0], abuse))
    return entries

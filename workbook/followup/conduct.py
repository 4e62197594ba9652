"""Checks of collection contacts against the published conduct rules.

Only entries with direction INCOMING (made by a lender or its collectors) are checked:
what the borrower does is never a breach. The rules, from `china-facts.md` §3:

- NIGHT: contact between 22:00 and 08:00 (by the clock time recorded in `at`, the
  start of the contact). The reported rule is "no collection" in those hours, so
  every channel counts (calls, SMS, app messages, chats, visits) except LETTER, whose
  time is when it was read, not when it was sent.
- OVER_THREE: more than three *connected* phone calls in one calendar day from one
  lender. The rule counts the institution and its agencies together, so calls by
  collectors (`by_collector`) count with the lender's; lenders are grouped by
  `logfilter.lender_key`. The 4th and later connected calls of the day are flagged;
  unanswered calls are not counted.
- THIRD_PARTY: they contacted someone other than the borrower (`third_party`).
- ABUSE: the user marked the contact as a threat or abuse (`threat_or_abuse`).

The first three come from an industry guideline and a national standard that we know
only from news reports (verified-2nd): the wording says "industry guidelines say",
never "it is illegal". ABUSE cites Criminal Law Art. 293-1 (read, verified), which
covers collecting *illegal* debts, and points to 110 for any violence.

`breaches()` keys its result like `logfilter.communication_key`: the storage id, or
-(position + 1) for an entry that has not been saved yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from workbook.followup.logfilter import communication_key, lender_key
from workbook.guide.sources import Confidence
from workbook.i18n import N_, _
from workbook.models import Channel, Communication, Direction

NIGHT_START_HOUR = 22
NIGHT_END_HOUR = 8
CALLS_PER_DAY = 3
AS_OF = "2026"


class Rule(StrEnum):
    NIGHT = "night"
    OVER_THREE = "over_three"
    THIRD_PARTY = "third_party"
    ABUSE = "abuse"


class RuleInfo(NamedTuple):
    title: str  # msgid
    explanation: str  # msgid with {placeholders}
    source: str  # msgid
    confidence: Confidence
    as_of: str


GUIDELINE_SOURCE = N_(
    "NIFA guideline 《互联网金融贷后催收业务指引》 (2024-05-15) and the national standard "
    "《互联网金融 个人网络消费信贷 贷后催收风控指引》 (reported March 2025), as reported in the news"
)
CRIMINAL_LAW_SOURCE = N_(
    "Criminal Law Art. 293-1 (collecting illegal debts); for violence call the police on 110"
)

RULE_INFO: dict[Rule, RuleInfo] = {
    Rule.NIGHT: RuleInfo(
        N_("Contact between 22:00 and 08:00"),
        N_(
            "Contacted at {time} on {date}. Industry guidelines say lenders and their "
            "collectors should not pursue collection between 22:00 and 08:00 unless you "
            "agreed to it."
        ),
        GUIDELINE_SOURCE,
        Confidence.VERIFIED_2ND,
        AS_OF,
    ),
    Rule.OVER_THREE: RuleInfo(
        N_("More than three connected calls in a day"),
        N_(
            "Connected call number {n} from {lender} on {date}. Industry guidelines say "
            "a lender and its collection agencies together should make at most three "
            "connected calls to you a day."
        ),
        GUIDELINE_SOURCE,
        Confidence.VERIFIED_2ND,
        AS_OF,
    ),
    Rule.THIRD_PARTY: RuleInfo(
        N_("Contact with a third party"),
        N_(
            "They contacted someone other than you. Industry guidelines say collectors "
            "should deal with you only, may reach your contacts only to find you when you "
            "cannot be reached, and must not tell them about the debt."
        ),
        GUIDELINE_SOURCE,
        Confidence.VERIFIED_2ND,
        AS_OF,
    ),
    Rule.ABUSE: RuleInfo(
        N_("Threat or abuse"),
        N_(
            "You marked this contact as a threat or abuse. Criminal Law Art. 293-1 makes "
            "collecting illegal debts (for example from usury) by violence, threats or "
            "harassment a crime in serious cases; whatever the debt, if you are threatened "
            "with violence, call the police on 110."
        ),
        CRIMINAL_LAW_SOURCE,
        Confidence.VERIFIED,
        AS_OF,
    ),
}

@dataclass(frozen=True)
class Breach:
    rule: Rule
    communication_id: int | None
    explanation: str  # translated when the breach was computed
    source: str  # translated
    as_of: str
    title: str = ""  # translated
    confidence: Confidence | None = None  # label: workbook.guide.sources.confidence_label


def _breach(rule: Rule, comm: Communication, **values: object) -> Breach:
    info = RULE_INFO[rule]
    return Breach(
        rule=rule,
        communication_id=comm.id,
        explanation=_(info.explanation).format(**values),
        source=_(info.source),
        as_of=info.as_of,
        title=_(info.title),
        confidence=info.confidence,
    )


def is_night(comm: Communication) -> bool:
    hour = comm.at.hour
    return comm.channel != Channel.LETTER and (hour >= NIGHT_START_HOUR or hour < NIGHT_END_HOUR)


def breaches(communications: Sequence[Communication]) -> dict[int, list[Breach]]:
    """Breaches by communication key; entries without a breach are left out.

    Each entry's breaches are listed in Rule order (night, over three, third party,
    abuse).
    """
    found: dict[int, list[Breach]] = defaultdict(list)
    incoming = [
        (index, comm)
        for index, comm in enumerate(communications)
        if comm.direction == Direction.INCOMING
    ]
    over_three = _over_three(incoming)
    for index, comm in incoming:
        key = communication_key(comm, index)
        if is_night(comm):
            found[key].append(
                _breach(
                    Rule.NIGHT, comm, time=comm.at.strftime("%H:%M"), date=comm.at.date()
                )
            )
        if index in over_three:
            found[key].append(
                _breach(
                    Rule.OVER_THREE,
                    comm,
                    n=over_three[index],
                    lender=comm.lender,
                    date=comm.at.date(),
                )
            )
        if comm.third_party:
            found[key].append(_breach(Rule.THIRD_PARTY, comm))
        if comm.threat_or_abuse:
            found[key].append(_breach(Rule.ABUSE, comm))
    return dict(found)


def _over_three(incoming: list[tuple[int, Communication]]) -> dict[int, int]:
    """Position -> call number that day, for connected calls beyond the third."""
    days: dict[tuple[str, object], list[tuple[int, Communication]]] = defaultdict(list)
    for index, comm in incoming:
        if comm.channel == Channel.PHONE and comm.connected:
            days[(lender_key(comm.lender), comm.at.date())].append((index, comm))
    flagged: dict[int, int] = {}
    for calls in days.values():
        if len(calls) <= CALLS_PER_DAY:
            continue
        calls.sort(key=lambda pair: (pair[1].at, pair[0]))
        for number, (index, _comm) in enumerate(calls, start=1):
            if number > CALLS_PER_DAY:
                flagged[index] = number
    return flagged


def breach_counts(communications: Sequence[Communication]) -> dict[str, dict[Rule, int]]:
    """Per lender with at least one breach: how many of each rule (every Rule present).

    The lender is named as first written in the log; spellings that differ only in
    case or spacing are counted together.
    """
    names: dict[str, str] = {}
    for comm in communications:
        names.setdefault(lender_key(comm.lender), comm.lender.strip())
    counts: dict[str, dict[Rule, int]] = {}
    by_key = breaches(communications)
    for index, comm in enumerate(communications):
        found = by_key.get(communication_key(comm, index))
        if not found:
            continue
        name = names[lender_key(comm.lender)]
        per_rule = counts.setdefault(name, dict.fromkeys(Rule, 0))
        for breach in found:
            per_rule[breach.rule] += 1
    return counts


__all__ = [
    "RULE_INFO",
    "Breach",
    "Rule",
    "RuleInfo",
    "breach_counts",
    "breaches",
    "is_night",
]

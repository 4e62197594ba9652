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
- OVER_SIX: for banks, card issuers and consumer-finance companies (the China Banking
  Association's guideline of 2026-01-30, §15.1): more than six *unanswered* call
  attempts in one day from one lender; the 7th and later are flagged.

Which rule applies depends on the lender type, known from the debts (`debts`: by the
entry's debt id, else by lender name). For banks, card issuers and consumer-finance
companies the 2026 banking-association guideline is cited for NIGHT and THIRD_PARTY,
and OVER_SIX replaces OVER_THREE (the three-connected-calls rule is the internet-finance
one); for every other or unknown type the internet-finance rules apply as before.

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
from typing import TYPE_CHECKING, NamedTuple

from workbook.followup.logfilter import communication_key, lender_key
from workbook.guide.sources import Confidence
from workbook.i18n import N_, _, current_language
from workbook.models import Channel, Communication, Debt, Direction, LenderType

if TYPE_CHECKING:
    from workbook.snapshot import WorkbookData

NIGHT_START_HOUR = 22
NIGHT_END_HOUR = 8
CALLS_PER_DAY = 3
ATTEMPTS_PER_DAY = 6  # unanswered, banking-association guideline 2026
BANK_TYPES = frozenset({LenderType.BANK, LenderType.CREDIT_CARD, LenderType.CONSUMER_FINANCE})
AS_OF = "2026"


class Rule(StrEnum):
    NIGHT = "night"
    OVER_THREE = "over_three"
    THIRD_PARTY = "third_party"
    ABUSE = "abuse"
    OVER_SIX = "over_six"


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

BANK_GUIDELINE_SOURCE = N_(
    "China Banking Association 《金融机构个人消费类贷款催收工作指引（试行）》 (2026-01-30), "
    "for banks, card issuers and consumer-finance companies, as reported in the news"
)
BANK_AS_OF = "2026-12"

# For banks, card issuers and consumer-finance companies (BANK_TYPES).
BANK_RULE_INFO: dict[Rule, RuleInfo] = {
    Rule.NIGHT: RuleInfo(
        N_("Contact between 22:00 and 08:00"),
        N_(
            "Contacted at {time} on {date}. The banking association's 2026 guideline says "
            "banks and consumer-finance lenders should not collect between 22:00 and 08:00 "
            "without your consent."
        ),
        BANK_GUIDELINE_SOURCE,
        Confidence.VERIFIED_2ND,
        BANK_AS_OF,
    ),
    Rule.THIRD_PARTY: RuleInfo(
        N_("Contact with a third party"),
        N_(
            "They contacted someone other than you. The banking association's 2026 guideline "
            "says banks and consumer-finance lenders must not collect from people unrelated "
            "to the debt or tell them about it."
        ),
        BANK_GUIDELINE_SOURCE,
        Confidence.VERIFIED_2ND,
        BANK_AS_OF,
    ),
    Rule.OVER_SIX: RuleInfo(
        N_("More than six unanswered calls in a day"),
        N_(
            "Unanswered call attempt number {n} from {lender} on {date}. The banking "
            "association's 2026 guideline says that when calls go unanswered, a bank or "
            "consumer-finance lender should make at most six attempts a day to one number."
        ),
        BANK_GUIDELINE_SOURCE,
        Confidence.VERIFIED_2ND,
        BANK_AS_OF,
    ),
}


def rule_title(rule: Rule) -> str:
    """The rule's title (a msgid), whichever table it is in."""
    return (RULE_INFO.get(rule) or BANK_RULE_INFO[rule]).title


@dataclass(frozen=True)
class Breach:
    rule: Rule
    communication_id: int | None
    explanation: str  # translated when the breach was computed
    source: str  # translated
    as_of: str
    title: str = ""  # translated
    confidence: Confidence | None = None  # label: workbook.guide.sources.confidence_label


def _breach(rule: Rule, comm: Communication, bank: bool = False, **values: object) -> Breach:
    info = BANK_RULE_INFO.get(rule, RULE_INFO.get(rule)) if bank else RULE_INFO[rule]
    assert info is not None  # OVER_SIX is only raised for banks
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


def bank_like(debts: Sequence[Debt]) -> tuple[set[int], set[str]]:
    """Debt ids and lender keys of banks, card issuers and consumer-finance lenders."""
    chosen = [d for d in debts if d.lender_type in BANK_TYPES]
    return {d.id for d in chosen if d.id is not None}, {lender_key(d.lender) for d in chosen}


def breaches(
    communications: Sequence[Communication], debts: Sequence[Debt] = ()
) -> dict[int, list[Breach]]:
    """Breaches by communication key; entries without a breach are left out.

    `debts` tell each entry's lender type (see the module docstring); without them
    every lender is checked by the internet-finance rules. Each entry's breaches are
    listed in Rule order (night, over three, third party, abuse, over six).
    """
    found: dict[int, list[Breach]] = defaultdict(list)
    bank_ids, bank_names = bank_like(debts)

    def is_bank(comm: Communication) -> bool:
        if comm.debt_id is not None and comm.debt_id in bank_ids:
            return True
        return comm.debt_id is None and lender_key(comm.lender) in bank_names

    incoming = [
        (index, comm)
        for index, comm in enumerate(communications)
        if comm.direction == Direction.INCOMING
    ]
    banks = {index for index, comm in incoming if is_bank(comm)}
    over_three = _over_limit(
        [(i, c) for i, c in incoming if i not in banks and c.connected], CALLS_PER_DAY
    )
    over_six = _over_limit(
        [(i, c) for i, c in incoming if i in banks and not c.connected], ATTEMPTS_PER_DAY
    )
    for index, comm in incoming:
        key = communication_key(comm, index)
        bank = index in banks
        if is_night(comm):
            found[key].append(
                _breach(
                    Rule.NIGHT, comm, bank, time=comm.at.strftime("%H:%M"), date=comm.at.date()
                )
            )
        if index in over_three:
            found[key].append(
                _breach(
                    Rule.OVER_THREE, comm, n=over_three[index], lender=comm.lender,
                    date=comm.at.date(),
                )
            )  # fmt: skip
        if comm.third_party:
            found[key].append(_breach(Rule.THIRD_PARTY, comm, bank))
        if comm.threat_or_abuse:
            found[key].append(_breach(Rule.ABUSE, comm))
        if index in over_six:
            found[key].append(
                _breach(
                    Rule.OVER_SIX, comm, True, n=over_six[index], lender=comm.lender,
                    date=comm.at.date(),
                )
            )  # fmt: skip
    return dict(found)


def snapshot_breaches(data: WorkbookData) -> dict[int, list[Breach]]:
    """`breaches()` of a whole-workbook snapshot, worked out once per snapshot and
    language (a snapshot is never changed: a save makes a new one). Home's worker, step
    7 and the log all ask; on a 10,000-entry log each pass costs ~100 ms. Read-only."""
    lang = current_language()
    memo = data.__dict__.get("_breaches")
    if memo is None or memo[0] != lang:
        memo = (lang, breaches(data.communications, data.debts))
        object.__setattr__(data, "_breaches", memo)  # frozen: a cache, not a field
    return memo[1]


def _over_limit(calls_in: list[tuple[int, Communication]], limit: int) -> dict[int, int]:
    """Position -> call number that day, for phone calls beyond `limit` a day per lender."""
    days: dict[tuple[str, object], list[tuple[int, Communication]]] = defaultdict(list)
    for index, comm in calls_in:
        if comm.channel == Channel.PHONE:
            days[(lender_key(comm.lender), comm.at.date())].append((index, comm))
    flagged: dict[int, int] = {}
    for calls in days.values():
        if len(calls) <= limit:
            continue
        calls.sort(key=lambda pair: (pair[1].at, pair[0]))
        for number, (index, _comm) in enumerate(calls, start=1):
            if number > limit:
                flagged[index] = number
    return flagged


def breach_counts(
    communications: Sequence[Communication], debts: Sequence[Debt] = ()
) -> dict[str, dict[Rule, int]]:
    """Per lender with at least one breach: how many of each rule (every Rule present).

    The lender is named as first written in the log; spellings that differ only in
    case or spacing are counted together.
    """
    names: dict[str, str] = {}
    for comm in communications:
        names.setdefault(lender_key(comm.lender), comm.lender.strip())
    counts: dict[str, dict[Rule, int]] = {}
    by_key = breaches(communications, debts)
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
    "BANK_RULE_INFO",
    "BANK_TYPES",
    "RULE_INFO",
    "Breach",
    "Rule",
    "RuleInfo",
    "breach_counts",
    "breaches",
    "is_night",
    "rule_title",
]

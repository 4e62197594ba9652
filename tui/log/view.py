"""What the communication log screen shows, as Rich text, from the domain's records.

Kept apart from the screen so it is tested without a terminal. Every user field goes
in as plain `Text` (never markup). The conduct rules and their sources are
`workbook.followup.conduct`'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text

from workbook import fmt
from workbook.followup.conduct import Breach, Rule
from workbook.followup.logfilter import LogFilter, communication_key, lender_key
from workbook.guide.sources import confidence_label
from workbook.guide.wording import labelled
from workbook.i18n import N_, _, current_language
from workbook.models import Channel, Communication, Direction

# Short channel names: the full labels do not fit the table at 80 columns.
CHANNEL_SHORT = {
    Channel.PHONE: N_("Phone"),
    Channel.ONLINE_CHAT: N_("Chat"),
    Channel.IN_PERSON: N_("Visit"),
    Channel.LETTER: N_("Letter"),
    Channel.APP: N_("App"),
    Channel.SMS: N_("SMS"),
}
RULE_SHORT = {
    Rule.NIGHT: N_("at night"),
    Rule.OVER_THREE: N_("over 3 calls a day"),
    Rule.THIRD_PARTY: N_("third party"),
    Rule.ABUSE: N_("threat or abuse"),
    Rule.OVER_SIX: N_("over 6 unanswered calls a day"),
}


def _when(comm: Communication) -> str:
    start = fmt.datetime_(comm.at)
    if comm.ended_at is None:
        return start
    if comm.ended_at.date() == comm.at.date():
        return f"{start}-{comm.ended_at:%H:%M}"
    return f"{start} - {fmt.datetime_(comm.ended_at)}"


def entry_details(comm: Communication, found: Sequence[Breach]) -> Text:
    """One entry in full: the head line, each breach with its explanation, source, how
    sure and when checked, then every field filled in."""
    text = Text()
    text.append(_when(comm), style="bold")
    text.append("  ")
    text.append(comm.lender, style="bold")
    how = [fmt.enum_label(comm.channel), fmt.enum_label(comm.direction)]
    if comm.by_collector:
        how.append(_("by a collection agency"))
    if comm.direction == Direction.INCOMING and not comm.connected:
        how.append(_("did not get through"))
    text.append("  " + listed(how))
    agent = " ".join(part for part in (comm.agent_name, comm.agent_id and
                                       _("ID {id}").format(id=comm.agent_id)) if part)
    fields = (
        (N_("Agent"), agent),
        (N_("Number used"), comm.number_used),
        (N_("Summary"), comm.summary),
        (N_("Their offer"), comm.their_offer),
        (N_("What I committed to"), comm.my_commitment),
        (N_("Outcome"), comm.outcome),
        (N_("Next action"), _next_action(comm)),
        (N_("Evidence"), comm.evidence_ref),
    )
    # The breaches first: they are why a flagged entry is looked at.
    for breach in found:
        text.append("\n! ", style="bold red")
        text.append(labelled(breach.title, ""), style="bold red")
        text.append(breach.explanation)
        how_sure = confidence_label(breach.confidence) if breach.confidence else ""
        text.append("\n  " + _("Source: {source}. {how_sure}; as of {as_of}.").format(
            source=breach.source, how_sure=how_sure, as_of=breach.as_of), style="dim")
    for label, value in fields:
        if value:
            text.append("\n")
            text.append(labelled(_(label), ""), style="dim")
            text.append(value)
    return text


def _next_action(comm: Communication) -> str:
    if comm.next_action_date is None:
        return comm.next_action
    return _("{action} (by {date})").format(
        action=comm.next_action or _("(no description)"), date=fmt.date_(comm.next_action_date))


def filter_summary(f: LogFilter) -> str:
    """What the filter keeps, in a few words; "" when it keeps everything."""
    parts = []
    if f.lender:
        parts.append(f.lender)
    if f.channel is not None:
        parts.append(fmt.enum_label(f.channel))
    if f.start or f.end:
        parts.append(f"{fmt.date_(f.start) if f.start else '...'}"
                     f" ~ {fmt.date_(f.end) if f.end else '...'}")
    if f.rule is not None:
        parts.append(_(RULE_SHORT[Rule(f.rule)]))
    elif f.flagged_only:
        parts.append(_("flagged only"))
    if f.search.strip():
        parts.append(f'"{f.search.strip()}"')
    return listed(parts)


def listed(items: Sequence[str]) -> str:
    """ "a, b" in English, "a，b" in Chinese."""
    return ("，" if current_language() == "zh" else ", ").join(items)


def parenthesised(text: str) -> str:
    return f"（{text}）" if current_language() == "zh" else f" ({text})"


def counts_by_lender(
    comms: Sequence[Communication], found: Mapping[int, Sequence[Breach]]
) -> dict[str, dict[Rule, int]]:
    """`workbook.followup.conduct.breach_counts` from breaches already computed for `comms`.

    The log screen has them at hand; checking 10,000 entries a second time costs a
    noticeable fraction of a second on every save. A test keeps the two equal.
    """
    names: dict[str, str] = {}
    counts: dict[str, dict[Rule, int]] = {}
    for index, comm in enumerate(comms):
        name = names.setdefault(lender_key(comm.lender), comm.lender.strip())
        hits = found.get(communication_key(comm, index))
        if hits:
            per_rule = counts.setdefault(name, dict.fromkeys(Rule, 0))
            for breach in hits:
                per_rule[breach.rule] += 1
    return counts


def lender_counts_line(counts: Mapping[str, Mapping[Rule, int]]) -> Text:
    """Breaches counted per lender: "Flagged: LenderA 2 (at night 1, third party 1)"."""
    text = Text()
    if not counts:
        text.append(_("No contact in the log is flagged by the collection checks."), style="dim")
        return text
    text.append(_("Flagged:"), style="bold red")
    # Most flagged first: with many lenders the line is cut at two lines.
    ranked = sorted(counts.items(), key=lambda item: -sum(item[1].values()))
    for lender, per_rule in ranked:
        total = sum(per_rule.values())
        detail = listed([f"{_(RULE_SHORT[rule])} {n}" for rule, n in per_rule.items() if n])
        text.append(f" {lender} {total}" + parenthesised(detail))
    return text

"""What to do now, by situation: a payment order, a summons, enforcement, a collector
contacting family. Each has an ordered checklist, the cards that apply, and a deadline
counted from the day the user enters (china-facts.md §8.5, §8.6, §9.2, §11.1):

- payment order: object in writing within 15 days of receiving it (CPL Art. 227);
- summons: the written defence within 15 days of receiving the claim (CPL Art. 128; in
  small claims the court sets it, at most 15 days: the notice's date wins if earlier);
- enforcement: a written application for correction is examined within 15 days (SPC
  list rules Art. 12): check the answer then;
- family contact: the lender must decide a written complaint within 15 days (CBIRC
  complaint rules): escalate to 12378 after that.

The deadline becomes a log entry's next action (`situation_entry`), so it shows in
`repay due`, the calendar and home like every other next action. Received on
2026-12-03 -> by 2026-12-18: the 15 days run from the day after receipt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from workbook.guide.wording import language, tr
from workbook.i18n import N_
from workbook.models import Channel, Communication, Debt, Direction, Situation

DAYS = 15  # every deadline above is 15 days


@dataclass(frozen=True)
class SituationGuide:
    situation: Situation
    title: str  # msgid
    date_label: str  # msgid: what the date the user enters is
    steps: tuple[str, ...]  # msgids, in order
    cards: tuple[str, ...]  # keys of the law cards that apply (hardship_law)
    action: str  # msgid with {date}: the next action saved in the log
    summary: str  # msgid: the log entry's summary
    direction: Direction  # of that log entry
    channel: Channel


GUIDES: dict[Situation, SituationGuide] = {
    g.situation: g
    for g in (
        SituationGuide(
            Situation.PAYMENT_ORDER, N_("I received a payment order (支付令)"),
            N_("Received on"),
            (
                N_("Note the day you received it: the 15 days run from then."),
                N_("Check the amount: principal actually received, interest above the line, "
                   "fees withheld at pay-out, penalty interest."),
                N_("Write an objection to the debt itself (the draft here helps); 'I cannot "
                   "pay' does not stop the order."),
                N_("Have it checked by the 12348 hotline or a lawyer."),
                N_("Hand or post it to the court that issued the order before the deadline, "
                   "and keep proof of delivery."),
                N_("Keep talking to the lender: the case may go on as a lawsuit, with "
                   "mediation first."),
            ),
            ("payment_order", "limitation", "lawsuit", "court_mediation", "legal_aid"),
            N_("Object in writing to the court by {date} (payment order)"),
            N_("Payment order received"), Direction.INCOMING, Channel.LETTER,
        ),
        SituationGuide(
            Situation.SUMMONS, N_("I was served a summons or a lawsuit"),
            N_("Received on"),
            (
                N_("Note the day you received the claim and the hearing date on the summons."),
                N_("Ask whether it is a small-claims case: there is no appeal, and an "
                   "objection to the procedure must come before the hearing."),
                N_("Write a defence disputing the amount, interest and fees (the outline "
                   "here helps); raise an expired limitation period yourself."),
                N_("Have it checked by the 12348 hotline or a lawyer."),
                N_("File it within the period and go to the hearing: without you, the court "
                   "can decide alone."),
                N_("Say yes to mediation with a plan you can keep: a confirmed plan binds "
                   "both sides."),
            ),
            ("lawsuit", "limitation", "court_mediation", "enforcement", "legal_aid"),
            N_("File the written defence by {date}, and go to the hearing (lawsuit)"),
            N_("Lawsuit served"), Direction.INCOMING, Channel.LETTER,
        ),
        SituationGuide(
            Situation.ENFORCEMENT,
            N_("My account was frozen, or I am on the enforcement list"),
            N_("Applied to the court on"),
            (
                N_("Get the court's name, the case number and the enforcement judge's "
                   "contact from the notice or the bank."),
                N_("Report your property truthfully when asked; hiding it is the real risk."),
                N_("Ask the judge to leave what you and your dependants need to live, and "
                   "about a grace period before any listing."),
                N_("Offer a settlement plan you can keep; a performed settlement ends the "
                   "listing."),
                N_("If you were listed wrongly, apply in writing for correction: the court "
                   "examines within 15 days."),
            ),
            ("enforcement", "dishonest_list", "spending_restriction", "refusing_enforcement",
             "bankruptcy", "credit_report_objection"),
            N_("Check the court's answer by {date}; a refusal can be taken to the next court "
               "up within 10 days (enforcement)"),
            N_("Written application to the enforcement court"), Direction.OUTGOING,
            Channel.LETTER,
        ),
        SituationGuide(
            Situation.FAMILY_CONTACT, N_("A collector calls my family"),
            N_("Complained in writing on"),
            (
                N_("Log every such contact, with time, number and who was called: the "
                   "checks flag it."),
                N_("Complain in writing to the lender, quoting the collection rule, and ask "
                   "it to stop."),
                N_("No decision within 15 days: complain to 12378."),
                N_("Call 110 at once for threats, violence or your details being published."),
                N_("Keep paying what you agreed: bad collection does not cancel the debt."),
            ),
            ("bank_collection_2026", "complaints", "credit_report_objection"),
            N_("No decision from the lender by {date}? Complain to 12378 (collection)"),
            N_("Written complaint about contacts with my family"), Direction.OUTGOING,
            Channel.LETTER,
        ),
    )
}


def deadline(situation: Situation, day: date) -> date:
    """The day the next step is due: 15 days after `day`."""
    del situation  # every situation here counts 15 days; kept for the call sites' clarity
    return day + timedelta(days=DAYS)


def situation_entry(debt: Debt, situation: Situation, day: date,
                    lang: str | None = None) -> Communication:
    """The log entry that records the event and carries its deadline as next action."""
    guide = GUIDES[situation]
    due = deadline(situation, day)
    details = [tr(guide.summary, lang)]
    details += [part for part in (debt.court_name, debt.case_number) if part.strip()]
    return Communication(
        at=datetime.combine(day, time(9, 0)),
        lender=debt.lender,
        channel=guide.channel,
        direction=guide.direction,
        debt_id=debt.id,
        summary=" / ".join(details),
        next_action=tr(guide.action, lang).format(date=due.isoformat()),
        next_action_date=due,
    )


def cards_for(situations: set[Situation]) -> list[str]:
    """The card keys that apply to `situations`, in guide order, each once."""
    found: list[str] = []
    for situation in Situation:
        if situation in situations:
            found += [k for k in GUIDES[situation].cards if k not in found]
    return found


def checklist_lines(situation: Situation, day: date | None,
                    lang: str | None = None) -> list[str]:
    """The numbered checklist, with the deadline first when a date is known."""
    guide = GUIDES[situation]
    lines = [tr(guide.title, lang)]
    if day is not None:
        lines.append(tr(guide.action, lang).format(date=deadline(situation, day).isoformat()))
    gap = "" if language(lang) == "zh" else " "
    lines += [f"{n}.{gap}{tr(step, lang)}" for n, step in enumerate(guide.steps, start=1)]
    return lines

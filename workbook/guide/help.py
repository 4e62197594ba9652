"""Step 7, when it gets hard: where to get help, what to do about abusive collection,
and the other options with their risks next to them.

Only services confirmed to verified or verified-2nd are listed; 12363, 12315 and the
NIFA reporting platform are left out until they are checked. 12378 and 12348 cite the
official and news sources of china-facts §12 (which replaced the weak sites of §5);
12378's hours are only "partly" there, so none are shown. The law cards live in
`workbook.guide.law_cards` and are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.guide.law_cards import CARD_ART_70_SOURCE, LAW_CARDS, LawCard, law_card_lines
from workbook.guide.sources import (
    DISCLAIMER,
    LAWREFBOOK,
    LAWREFBOOK_AS_OF,
    SHEET_AS_OF,
    Confidence,
    confidence_label,
    disclaimer,
)
from workbook.guide.wording import labelled, tr
from workbook.i18n import N_

__all__ = [
    "ABUSE_STEPS",
    "DISCLAIMER",
    "HELP_LINES",
    "LAW_CARDS",
    "OTHER_OPTIONS",
    "HelpLine",
    "LawCard",
    "Option",
    "abuse_steps",
    "confidence_label",
    "disclaimer",
    "help_line_lines",
    "law_card_lines",
    "option_lines",
]


@dataclass(frozen=True)
class HelpLine:
    number: str
    name: str  # msgid
    purpose: str  # msgid
    hours: str  # msgid, or "" when not known
    source: str
    confidence: Confidence
    as_of: str
    facts: tuple[str, ...]  # china-facts.md sections the line states


HELP_LINES: tuple[HelpLine, ...] = (
    HelpLine(
        number="12378",
        name=N_("Banking and insurance consumer hotline"),
        purpose=N_(
            "Complaints and reports from consumers of banking and insurance services. "
            "First an insurance hotline, later extended to banking; now the main "
            "complaint channel of the National Financial Regulatory Administration. "
            "Complain to the lender first, then here if it does not put things right."
        ),
        hours="",
        source="NFRA Changzhou branch (changzhou.gov.cn/gi_news/154174314843503, 2024); "
        "中新网 2024-03-15 (NFRA Fujian bureau); tellerreport.com 2022-01-24 (extended "
        "to banking)",
        confidence=Confidence.VERIFIED_2ND,
        as_of=SHEET_AS_OF,
        facts=("12.1",),
    ),
    HelpLine(
        number="12348",
        name=N_("Public legal service hotline (Ministry of Justice)"),
        purpose=N_(
            "Free legal advice, and guidance on applying for legal aid. Also online at "
            "12348.gov.cn."
        ),
        hours="",
        source="Ministry of Justice (en.moj.gov.cn/2020-02/14/c_451959.htm, "
        "en.moj.gov.cn/2022-01/07/c_697021.htm); Xinhua "
        "2020-05-24 (xinhuanet.com/english/2020-05/24/c_139082784.htm); "
        f"《法律援助法》Art. 22, 23 ({LAWREFBOOK})",
        confidence=Confidence.VERIFIED_2ND,
        as_of=SHEET_AS_OF,
        facts=("12.2", "12.3"),
    ),
    HelpLine(
        number="110",
        name=N_("Police"),
        purpose=N_(
            "Violence, threats, stalking, someone forcing their way into your home, or "
            "collectors publishing your personal details."
        ),
        hours=N_("Any time, in an emergency"),
        source=f"《刑法》Art. 293-1; {LAWREFBOOK}",
        confidence=Confidence.VERIFIED,
        as_of=LAWREFBOOK_AS_OF,
        facts=("3.7",),
    ),
)


@dataclass(frozen=True)
class Option:
    key: str
    title: str  # msgid
    summary: str  # msgid
    risks: tuple[str, ...]  # msgids, shown next to the option, never hidden
    source: str = ""  # only when the option rests on a checked fact
    confidence: Confidence | None = None
    as_of: str = ""  # when that fact was checked
    facts: tuple[str, ...] = ()  # china-facts.md sections it rests on, with the source


OTHER_OPTIONS: tuple[Option, ...] = (
    Option(
        key="card_personal_instalment",
        title=N_("Personalised instalments with a card issuer"),
        summary=N_(
            "Ask the bank for a personalised instalment plan (个性化分期) of up to five "
            "years. The bank may agree; it does not have to."
        ),
        risks=(
            N_("Interest and fees may still be charged: read the agreement, not the nickname."),
            N_("You promise not to apply for new credit cards until the plan is paid."),
            N_("Miss a payment and the plan can end, with collection starting again."),
        ),
        source=CARD_ART_70_SOURCE,
        confidence=Confidence.VERIFIED_2ND,
        as_of=SHEET_AS_OF,
        facts=("4.1", "14.1"),
    ),
    Option(
        key="refinance",
        title=N_("Refinancing or consolidating into one loan"),
        summary=N_(
            "A single new loan at a lower true annual rate can make payments simpler and "
            "cheaper, but only if the numbers really are better."
        ),
        risks=(
            N_(
                "Borrowing to repay (以贷养贷) usually makes the total debt grow: be very "
                "cautious, and do not use consumer loans or one card to pay another."
            ),
            N_(
                "Compare the true annual rate including every fee (step 1 works it out), "
                "not the monthly figure in the advert."
            ),
            N_("A new loan does not fix a budget that does not balance."),
        ),
    ),
    Option(
        key="debt_intermediary",
        title=N_('Paid "debt optimisation" or negotiation agents'),
        summary=N_(
            "Firms that offer to negotiate for a fee. You can do the same yourself, free, "
            "with this workbook; free legal advice is available at 12348."
        ),
        risks=(
            N_("Fees up front, whether or not anything is achieved."),
            N_("Some may ask you to pay your instalments to them and never pass the money on."),
            N_(
                "Some may tell you to stop paying or stop answering, which can make "
                "your position much worse."
            ),
            N_("They collect your ID, contracts and contacts: your data is at risk."),
        ),
    ),
    Option(
        key="family_help",
        title=N_("Help from family or friends"),
        summary=N_(
            "A loan or gift from people close to you can clear the most expensive debt "
            "or fund a settlement."
        ),
        risks=(
            N_("Write down the amount, whether it is a gift or a loan, and when it is repaid."),
            N_("Pay the lender's official account directly and keep the receipt."),
            N_("Do not let them borrow or guarantee more than they can afford to lose."),
        ),
    ),
    Option(
        key="never_cut_contact",
        title=N_("Whatever you choose, never cut contact"),
        summary=N_(
            "Answer or return calls, and tell each lender when your phone number or "
            "address changes, even in months when you cannot pay."
        ),
        risks=(
            N_(
                "For credit cards, running away or changing contact details to escape "
                "collection is listed as a sign of intent in malicious-overdraft cases."
            ),
        ),
        source=f"SPC/SPP decision on credit-card crimes (effective 2018-12-01); {LAWREFBOOK}",
        confidence=Confidence.VERIFIED,
        as_of=LAWREFBOOK_AS_OF,
        facts=("6.1",),
    ),
)

ABUSE_STEPS: tuple[str, ...] = (
    N_(
        "Keep the evidence: leave the flagged entries in the communication log (calls "
        "between 22:00 and 08:00, more than three a day, contacts with other people), and "
        "keep recordings, screenshots and the numbers used."
    ),
    N_(
        "Complain to the lender first, in writing if you can: give dates, times and "
        "numbers, ask for it to stop, and keep their reply."
    ),
    N_("If the lender does not act and it is a bank or an insurer, complain to 12378."),
    N_(
        "Call 110 at once for violence, threats, stalking, someone entering your home, or "
        "your personal details being published."
    ),
    N_(
        "For free legal advice on your case, including where to complain about other "
        "lenders, call 12348."
    ),
    N_(
        "Abusive collection does not cancel the debt: keep negotiating and keep paying "
        "what you agreed."
    ),
)


def abuse_steps(lang: str | None = None) -> list[str]:
    return [tr(step, lang) for step in ABUSE_STEPS]


def help_line_lines(line: HelpLine, lang: str | None = None) -> tuple[str, ...]:
    """Number and name, what it is for, hours if known, source, confidence, as-of."""
    rows = [f"{line.number}  {tr(line.name, lang)}", tr(line.purpose, lang)]
    if line.hours:
        rows.append(labelled(tr(N_("Hours"), lang), tr(line.hours, lang), lang))
    rows.append(labelled(tr(N_("Source"), lang), line.source, lang))
    rows.append(labelled(tr(N_("How sure"), lang), confidence_label(line.confidence, lang), lang))
    rows.append(labelled(tr(N_("Checked"), lang), line.as_of, lang))
    return tuple(rows)


def option_lines(option: Option, lang: str | None = None) -> tuple[str, ...]:
    """Title, summary, then each risk marked as one."""
    rows = [tr(option.title, lang), tr(option.summary, lang)]
    risk = tr(N_("Risk"), lang)
    rows += [labelled(risk, tr(msgid, lang), lang) for msgid in option.risks]
    if option.source and option.confidence is not None:
        rows.append(labelled(tr(N_("Source"), lang), option.source, lang))
        rows.append(
            labelled(tr(N_("How sure"), lang), confidence_label(option.confidence, lang), lang)
        )
        rows.append(labelled(tr(N_("Checked"), lang), option.as_of, lang))
    return tuple(rows)

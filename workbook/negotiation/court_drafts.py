"""Drafts for court: a written objection to a payment order (支付令异议书) and an
outline of a written defence (答辩状), from the debt's own numbers.

An objection only counts when it disputes the debt itself (china-facts §8.5), so both
drafts dispute the amount, point by point, where the numbers give a reason:
- fees or interest withheld at pay-out: the principal is what was actually received
  (Civil Code Art. 670, §2.7);
- the true annual rate above four times the one-year LPR at the contract date: the
  courts' line for private lending (§2.1); for licensed lenders only a benchmark, so
  the draft asks the court to examine the charges rather than claiming a cap (§2.2);
- penalty interest and fees: the lender is asked to prove how they were worked out;
  for private lending overdue interest, penalties and fees together stay within 4 x LPR.
Both are marked as drafts to have checked (12348 or a lawyer): never legal advice as
certainty. Chinese by default (it goes to a Chinese court), English to read.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from workbook.guide.wording import date_text, labelled, language, money_text, tr
from workbook.i18n import N_
from workbook.models import ZERO, Debt, LenderType, LprEntry, Profile
from workbook.money.lpr import benchmark_check
from workbook.negotiation.letter import BLANK, Letter, LetterSection

Kind = Literal["objection", "defence"]
HUNDRED = Decimal(100)

DRAFT_NOTICE = N_(
    "DRAFT to check before filing: have it read by the 12348 legal hotline or a lawyer. "
    "It is general information built from the figures you entered, not legal advice."
)


def _pct(fraction: Decimal) -> str:
    return f"{(fraction * HUNDRED).quantize(Decimal('0.01'))}%"


def dispute_points(debt: Debt, today: date, lang: str | None = None,
                   extra_lpr: tuple[LprEntry, ...] = ()) -> tuple[str, ...]:
    """The numbered reasons for disputing the amount, from the debt's figures."""
    points = [tr(N_("The lender claims {balance}. I dispute this amount for the reasons "
                    "below."), lang).format(balance=money_text(debt.balance, lang))]
    if debt.principal is not None and debt.upfront_deduction > ZERO:
        received = debt.principal - debt.upfront_deduction
        points.append(tr(N_(
            "The contract names a principal of {principal}, but {withheld} was withheld "
            "when the loan was paid out, so I received {received}. Under Civil Code Art. "
            "670 interest may not be deducted from the principal in advance, and the "
            "principal is the amount actually lent: {received}."), lang).format(
                principal=money_text(debt.principal, lang),
                withheld=money_text(debt.upfront_deduction, lang),
                received=money_text(received, lang)))
    check = benchmark_check(debt, today, extra_lpr)
    if check.true_apr is not None and check.four_lpr is not None and check.above_four_lpr:
        values = {"apr": _pct(check.true_apr), "four": _pct(check.four_lpr)}
        if debt.lender_type == LenderType.PRIVATE:
            text = N_("The true annual rate of this loan is {apr}, above four times the "
                      "one-year LPR at the contract date ({four}). Courts do not support "
                      "interest above that line in private lending (SPC private-lending "
                      "rules, 2020, Art. 25): the interest above it should not be counted.")
        else:
            text = N_("The true annual rate of this loan, fees included, is {apr}, above "
                      "four times the one-year LPR at the contract date ({four}). I ask the "
                      "court to examine how the interest and fees claimed were worked out.")
        points.append(tr(text, lang).format(**values))
    if debt.penalty_fees > ZERO:
        text = N_("The claim includes {fees} of penalty interest and fees. I ask the lender "
                  "to show how each was calculated and on what terms.")
        if debt.lender_type == LenderType.PRIVATE:
            text = N_("The claim includes {fees} of penalty interest and fees. In private "
                      "lending, overdue interest, penalties and other fees together are not "
                      "supported above four times the one-year LPR (Art. 29); I ask the "
                      "lender to show how each was calculated.")
        points.append(tr(text, lang).format(fees=money_text(debt.penalty_fees, lang)))
    return tuple(points)


def court_draft(kind: Kind, debt: Debt, profile: Profile, today: date,
                lang: str | None = "zh", extra_lpr: tuple[LprEntry, ...] = ()) -> Letter:
    """The objection or the defence outline, as a `Letter` (laid out like the letter)."""
    lang = language(lang)
    court = debt.court_name.strip() or BLANK
    case = debt.case_number.strip() or BLANK
    parties = (
        labelled(tr(N_("Objecting party (debtor)") if kind == "objection"
                    else N_("Defendant (答辩人)"), lang), profile.name or BLANK, lang),
        labelled(tr(N_("ID number"), lang), profile.id_number or BLANK, lang),
        labelled(tr(N_("Phone"), lang), profile.phone or BLANK, lang),
        labelled(tr(N_("Address"), lang), profile.address or BLANK, lang),
        labelled(tr(N_("Creditor (applicant)") if kind == "objection"
                    else N_("Plaintiff"), lang), debt.lender or BLANK, lang),
        labelled(tr(N_("Case number"), lang), case, lang),
    )
    points = dispute_points(debt, today, lang, extra_lpr)
    numbered = tuple(f"{n}. {p}" if lang != "zh" else f"{n}.{p}"
                     for n, p in enumerate(points, start=1))
    if kind == "objection":
        title = tr(N_("Written Objection to a Payment Order (DRAFT)"), lang)
        request = tr(N_("I object in writing to the payment order in case {case} and ask the "
                        "court to end the summary procedure for payment. This objection "
                        "disputes the debt itself: its amount, interest and fees."),
                     lang).format(case=case)
    else:
        title = tr(N_("Written Defence: Outline (DRAFT)"), lang)
        request = tr(N_("I ask the court to reduce the amount claimed in case {case} to what "
                        "is lawfully owed, for the reasons below."), lang).format(case=case)
        numbered += (tr(N_("[If more than three years have passed since the last instalment "
                           "fell due with no demand, payment or promise in between, say here "
                           "that the limitation period has expired: the court will not raise "
                           "it for you.]"), lang),
                     tr(N_("[List your evidence: the contract, the pay-out record, repayment "
                           "records, collection records.]"), lang))
    sections = (
        LetterSection("", (tr(DRAFT_NOTICE, lang),)),
        LetterSection(tr(N_("Parties"), lang), parties),
        LetterSection(tr(N_("Request"), lang), (request,)),
        LetterSection(tr(N_("Facts and reasons"), lang), numbered),
    )
    return Letter(
        lang=lang,
        title=title,
        addressee=tr(N_("To: {court}"), lang).format(court=court),
        sections=sections,
        closing=tr(N_("Submitted to {court}."), lang).format(court=court),
        signature_lines=(labelled(tr(N_("Signature"), lang), BLANK, lang),),
        date_line=labelled(tr(N_("Date"), lang), date_text(today, lang), lang),
    )

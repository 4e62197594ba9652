"""The negotiation application letter (协商还款申请书) as structured data.

The TUI previews it and copies `letter_text` to the clipboard; reports/ lays the same
`Letter` out as a PDF. Lenders get it in Chinese whatever the UI language, so every
string goes through `translate(msgid, lang)` rather than the UI's `_()`.

User text (statements, custom paragraphs, names) is copied verbatim: escaping it for
markup is the renderer's job, never the builder's.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

from workbook.guide.wording import (
    date_text,
    enum_text,
    labelled,
    language,
    masked_id,
    month_text,
    rate_text,
    tr,
)
from workbook.i18n import N_
from workbook.models import (
    Debt,
    LenderType,
    Profile,
)
from workbook.negotiation.asks import proposal_requests
from workbook.negotiation.letter_capacity import capacity_paragraphs, letter_money
from workbook.negotiation.letter_input import LetterInput
from workbook.negotiation.letter_points import asks, in_writing, legal_points
from workbook.negotiation.letter_request import (
    RepaymentRequest,
    never_within_limit,
    no_plan_sentence,
    repayment_request,
    request_sentences,
)
from workbook.negotiation.reasons import evidence_in_hand, hardship_clause, reason_label

BLANK = "________________"



@dataclass(frozen=True)
class LetterSection:
    heading: str  # empty for the opening paragraph
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Letter:
    lang: str
    title: str
    addressee: str
    sections: tuple[LetterSection, ...]
    closing: str
    signature_lines: tuple[str, ...]
    date_line: str
    enclosures_heading: str = ""
    enclosures: tuple[str, ...] = ()  # the evidence in hand, in the letter's language


def build_letter(inp: LetterInput, lang: str = "zh", mask_id: bool = False) -> Letter:
    """The letter in `lang` (Chinese by default, whatever the UI; English for reading)."""
    lang = language(lang)
    ours = _to_a_person if inp.debt.lender_type == LenderType.PRIVATE and lang == "zh" else str
    plan = letter_request(inp)
    sections: tuple[LetterSection, ...] = (
        LetterSection("", (inp.custom_opening or ours(default_opening(inp, lang)),)),
        LetterSection(tr(N_("1. About me"), lang), _borrower_lines(inp.profile, lang, mask_id)),
        LetterSection(tr(N_("2. The loan"), lang), _loan_lines(inp.debt, lang)),
        LetterSection(
            tr(N_("3. Why I cannot pay as agreed"), lang), _hardship_paragraphs(inp, lang)
        ),
        LetterSection(
            tr(N_("4. What I can pay"), lang), tuple(
                map(ours, capacity_paragraphs(inp, lang, plan.instalment if plan else _offered(inp)))
            )
        ),
        LetterSection(
            tr(N_("5. My request"), lang), tuple(map(ours, _request_paragraphs(inp, lang, plan)))
        ),
    )
    points = legal_points(inp.debt, inp.hardships, inp.today, lang, letter_money, inp.extra_lpr)
    if points:
        sections += (
            LetterSection(
                tr(N_("6. What the law and the regulator say"), lang), tuple(map(ours, points))
            ),
        )
    closing = inp.custom_closing or ours(default_closing(lang))
    sign_off = tr(N_("Yours faithfully,"), lang)
    profile = inp.profile
    id_number = masked_id(profile.id_number) if mask_id else profile.id_number
    signature = (
        labelled(tr(N_("Applicant (signature)"), lang), BLANK, lang),
        labelled(tr(N_("ID number"), lang), id_number or BLANK, lang),
        labelled(tr(N_("Phone"), lang), profile.phone or BLANK, lang),
    )
    return Letter(
        lang=lang,
        title=tr(N_("Application to Renegotiate Repayment"), lang),
        addressee=tr(N_("Dear {lender},"), lang).format(lender=inp.debt.lender or BLANK),
        sections=sections,
        closing=f"{closing}\n{sign_off}",
        signature_lines=signature,
        date_line=labelled(tr(N_("Date"), lang), date_text(inp.today, lang), lang),
        enclosures_heading=tr(N_("Enclosures"), lang),
        enclosures=tuple(evidence_in_hand(inp.hardships, lang)),
    )


def _to_a_person(text: str) -> str:
    """Our Chinese wording for a private lender: 贵方 addresses an institution; a
    relative or friend is addressed as 您. Only our own sentences pass through here."""
    return text.replace("贵方", "您")


def _formal(text: str, lang: str) -> str:
    """A letter says 本人, not 我: our clauses are shared with the call sheet, which is
    spoken and keeps 我. Only our own sentences pass through here."""
    return text.replace("我", "本人") if lang == "zh" else text


def default_opening(inp: LetterInput, lang: str = "zh") -> str:
    """Our opening paragraph; the TUI starts the user's editable copy from it."""
    return tr(
        N_(
            "I, {name}, am the borrower under the loan described below. My financial "
            "situation has changed a great deal and I can no longer pay the full "
            "instalments on time as the contract requires. I am not trying to avoid "
            "this debt: I still mean to repay it, and I am writing to explain my "
            "situation and to ask you to consider new repayment terms."
        ),
        lang,
    ).format(name=inp.profile.name or BLANK)


def default_closing(lang: str = "zh") -> str:
    """Our closing paragraph, positive and in our own words."""
    return tr(
        N_(
            "I value this chance to put things right. I will keep to any new plan we "
            "agree and stay reachable throughout, and I am confident we can settle on "
            "an arrangement that works for both of us. Thank you for considering my "
            "request."
        ),
        lang,
    )


def letter_text(letter: Letter) -> str:
    """Plain text for the clipboard and the preview."""
    out = [letter.title, "", letter.addressee, ""]
    for section in letter.sections:
        if section.heading:
            out.append(section.heading)
        out.extend(section.paragraphs)
        out.append("")
    out.append(letter.closing)
    out.append("")
    out.extend(letter.signature_lines)
    out.append(letter.date_line)
    if letter.enclosures:
        out.extend(["", letter.enclosures_heading])
        out.extend(enclosure_lines(letter))
    return "\n".join(out) + "\n"


def enclosure_lines(letter: Letter) -> list[str]:
    """ "1. Termination notice" / "1. 解除劳动合同证明", one per document in hand."""
    return [f"{n}. {name}" for n, name in enumerate(letter.enclosures, start=1)]


def _borrower_lines(profile: Profile, lang: str, mask_id: bool) -> tuple[str, ...]:
    id_number = masked_id(profile.id_number) if mask_id else profile.id_number
    rows = (
        (N_("Name"), profile.name or BLANK),
        (N_("ID number"), id_number or BLANK),
        (N_("Phone"), profile.phone or BLANK),
        (N_("Address"), profile.address),
        (N_("Email"), profile.email),
    )
    return tuple(labelled(tr(label, lang), value, lang) for label, value in rows if value)


def _loan_lines(debt: Debt, lang: str) -> tuple[str, ...]:
    money = functools.partial(letter_money, lang=lang)
    # A relative or a friend is 出借人, not an institution (借款机构).
    private = debt.lender_type == LenderType.PRIVATE
    rows: list[tuple[str, str]] = [
        (N_("Lender (a person)") if private else N_("Lender"), debt.lender)
    ]
    if debt.product:
        rows.append((N_("Product"), debt.product))
    rows.append((N_("Contract number"), debt.contract_number or BLANK))
    if debt.principal is not None:
        rows.append((N_("Amount borrowed"), money(debt.principal)))
        if 0 < debt.upfront_deduction < debt.principal:
            # Art. 670: the principal is what was received (argued in section 6).
            rows.append((N_("Withheld at pay-out"), money(debt.upfront_deduction)))
            rows.append(
                (N_("Amount actually received"), money(debt.principal - debt.upfront_deduction))
            )
    rows.append((N_("Outstanding balance"), money(debt.balance)))
    if debt.overdue_amount > 0 or debt.overdue_days > 0:
        rows.append((N_("Overdue amount"), money(debt.overdue_amount)))
        rows.append(
            (N_("Days overdue"), tr(N_("{days} days"), lang).format(days=debt.overdue_days))
        )
    if debt.penalty_fees > 0:
        rows.append((N_("Penalty interest and fees charged"), money(debt.penalty_fees)))
    if debt.rate is not None:
        rows.append((N_("Contract rate"), rate_text(debt.rate, lang)))
    rows.append((N_("Repayment method"), enum_text(debt.method, lang)))
    if debt.term_months:
        rows.append((N_("Term"), tr(N_("{months} months"), lang).format(months=debt.term_months)))
    if debt.start_date is not None:
        rows.append((N_("Start date"), date_text(debt.start_date, lang)))
    if debt.monthly_payment is not None:
        rows.append((N_("Contract monthly payment"), money(debt.monthly_payment)))
    return tuple(labelled(tr(label, lang), value, lang) for label, value in rows)


def _hardship_paragraphs(inp: LetterInput, lang: str) -> tuple[str, ...]:
    paragraphs: list[str] = []
    for hardship in inp.hardships:
        label = reason_label(hardship.kind, lang)
        if hardship.since is not None:
            label = tr(N_("{label} (since {month})"), lang).format(
                label=label, month=month_text(hardship.since, lang)
            )
        # The user's own words when they gave some; otherwise our plain clause.
        text = hardship.statement.strip() or _sentence(
            _formal(hardship_clause(hardship, lang, dated=False), lang), lang
        )
        paragraphs.append(labelled(label, text, lang))
    if inp.custom_statement.strip():
        paragraphs.append(inp.custom_statement)
    if not paragraphs:
        paragraphs.append(
            _formal(
                tr(
                    N_("My income no longer covers the instalments as the contract sets them."),
                    lang,
                ),
                lang,
            )
        )
    if evidence_in_hand(inp.hardships):
        paragraphs.append(tr(N_("I enclose the documents listed at the end of this letter."), lang))
    return tuple(paragraphs)


def _sentence(clause: str, lang: str) -> str:
    clause = clause[0].upper() + clause[1:] if clause else clause
    return clause + ("。" if lang == "zh" else ".")


def _offered(inp: LetterInput) -> Decimal | None:
    if inp.offered_payment is not None:
        return inp.offered_payment
    return inp.proposal.offered_payment if inp.proposal is not None else None


def letter_request(inp: LetterInput) -> RepaymentRequest | None:
    """The figures section 5 asks for (step 4's, see `repayment_request`)."""
    return repayment_request(inp.debt, inp.proposal, _offered(inp), inp.today)


def _request_paragraphs(
    inp: LetterInput, lang: str, plan: RepaymentRequest | None
) -> tuple[str, ...]:
    offered = plan.instalment if plan is not None else _offered(inp)
    head = (
        request_sentences(plan, inp.debt, lang, letter_money)
        if plan is not None
        else [
            no_plan_sentence(
                offered, lang, letter_money, never_within_limit(inp.debt, inp.proposal, offered)
            )
        ]
    )
    requests = proposal_requests(inp.proposal, inp.debt.balance, lang, money=letter_money)
    if plan is not None and inp.proposal is not None and inp.proposal.new_term_months:
        # The term is in the numbers above; saying it again in other words could differ.
        requests = requests[1:]
    creditors = inp.other_debts + 1
    tail = [*asks(inp.debt, creditors, offered, lang), in_writing(inp.debt, lang)]
    if not requests:
        return (*head, *tail)
    lead = tr(N_("I also respectfully ask you to:"), lang)
    end = "；" if lang == "zh" else ";"
    number = "（{n}）" if lang == "zh" else "({n}) "
    items = [f"{number.format(n=n)}{text}{end}" for n, text in enumerate(requests, start=1)]
    items[-1] = items[-1][: -len(end)] + ("。" if lang == "zh" else ".")
    return (*head, lead, *items, *tail)

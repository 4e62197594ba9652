"""The parts of the application letter that argue the case: the legal points the workbook
can back (each only where it applies, worded as `/work/shared/china-facts.md` allows:
"may", never "must"), and the asks that debt-advice letters make (freeze interest, pause
collection, reply in writing). The request in numbers is in `letter_request`.

Every function returns sentences in `lang`; `money` writes amounts the letter's way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from workbook.guide.wording import date_text, month_text, tr
from workbook.i18n import N_
from workbook.models import Debt, Hardship, LenderType, LprEntry
from workbook.money.lpr import LPR_WELL_SOURCED_FROM, benchmark_check
from workbook.money.upfront import upfront_view

Money = Callable[[Decimal, str], str]
CENT = Decimal("0.01")
HUNDRED = Decimal(100)
REPLY_DAYS = 14  # the reply window the letter asks for
RELIEF_WITHIN_DAYS = 2 * 366  # a "recent" shock for the 2025 relief encouragement
# 4 × LPR replaced the 24 %/36 % lines from this day (china-facts §2.1/§2.3); older
# contracts fall under transition rules the letter does not try to word.
FOUR_LPR_FROM = date(2020, 8, 20)


def legal_points(
    debt: Debt, hardships: list[Hardship], today: date, lang: str, money: Money,
    extra_lpr: Iterable[LprEntry] = (),
) -> list[str]:
    """The points of law and policy that apply to this debt, each only where it applies."""
    points = [
        _withheld(debt, today, lang, money),
        _above_four_lpr(debt, today, lang, extra_lpr),
        _card_instalments(debt, lang),
        _relief_2025(debt, hardships, today, lang),
    ]
    return [p for p in points if p]


def _withheld(debt: Debt, today: date, lang: str, money: Money) -> str:
    """Civil Code Art. 670 (china-facts §2.7): only when a deduction is recorded. With
    the rate and term known, the interest recomputed on what was received and the
    difference (`workbook.money.upfront`)."""
    if debt.upfront_deduction <= 0 or debt.principal is None:
        return ""
    received = debt.principal - debt.upfront_deduction
    if received <= 0:
        return ""
    text = tr(
        N_(
            "Of the {principal} in the contract, {deducted} was withheld when the loan was "
            "paid out, so I received {received}. Article 670 of the Civil Code says that "
            "interest may not be deducted from the principal in advance, and that where it "
            "is, the loan is repaid and interest counted on the amount actually lent. I ask "
            "that the principal be counted as the {received} I received."
        ),
        lang,
    ).format(
        principal=money(debt.principal, lang),
        deducted=money(debt.upfront_deduction, lang),
        received=money(received, lang),
    )
    view = upfront_view(debt, today)
    if view is None:
        return text
    return text + ("" if lang == "zh" else " ") + tr(
        N_(
            "Counted on the {received} I received, the interest over the term is {fair} "
            "instead of the {contract} counted on {principal}: {difference} less."
        ),
        lang,
    ).format(
        received=money(view.received, lang),
        fair=money(view.interest_on_received, lang),
        contract=money(view.contract_interest, lang),
        principal=money(view.contract_principal, lang),
        difference=money(view.difference, lang),
    )


def _above_four_lpr(debt: Debt, today: date, lang: str, extra_lpr: Iterable[LprEntry]) -> str:
    """Private lending only: above 4 × LPR at the contract date (china-facts §2.1), a
    dated LPR, and only for contracts made since the line took effect."""
    if debt.lender_type != LenderType.PRIVATE or debt.start_date is None:
        return ""
    if debt.start_date < max(FOUR_LPR_FROM, LPR_WELL_SOURCED_FROM):
        return ""
    check = benchmark_check(debt, today, extra_lpr)
    if not check.above_four_lpr or check.true_apr is None or check.four_lpr is None:
        return ""
    assert check.lpr is not None  # four_lpr is known only with an LPR
    return tr(
        N_(
            "The true annual rate of this loan is {apr}. The Supreme People's Court's rules "
            "on private lending (2020 revision, Art. 25) say that courts do not support a "
            "rate above four times the one-year LPR in force when the contract was made; the "
            "LPR was {lpr} from {since}, so that line is {four}. I ask that interest be "
            "counted at no more than that line."
        ),
        lang,
    ).format(
        apr=_pct(check.true_apr),
        lpr=f"{check.lpr.percent}%",
        since=date_text(check.lpr.start, lang),
        four=_pct(check.four_lpr),
    )


def _pct(fraction: Decimal) -> str:
    return f"{(fraction * HUNDRED).quantize(CENT)}%"


def _card_instalments(debt: Debt, lang: str) -> str:
    """Credit cards: Art. 70, a personalised plan the bank MAY agree (china-facts §14.1)."""
    if debt.lender_type != LenderType.CREDIT_CARD:
        return ""
    return tr(
        N_(
            "Article 70 of the rules on bank credit-card business says that in special "
            "circumstances, where the card debt is confirmed to be beyond the cardholder's "
            "ability to repay and the cardholder is still willing to repay, the bank may "
            "negotiate a personalised instalment agreement of up to 60 months. I am in that "
            "situation and ask you to consider such an agreement."
        ),
        lang,
    )


def _relief_2025(debt: Debt, hardships: list[Hardship], today: date, lang: str) -> str:
    """The NFRA's March 2025 encouragement (china-facts §14.2), for a licensed lender and
    a recent shock that the arrears do not predate (the record was kept until then)."""
    if debt.lender_type == LenderType.PRIVATE:
        return ""
    dated = [h.since for h in hardships if h.since is not None and h.since <= today]
    if not dated:
        return ""
    since = max(dated)
    if (today - since).days > RELIEF_WITHIN_DAYS or debt.overdue_days > (today - since).days:
        return ""
    return tr(
        N_(
            "In March 2025 the National Financial Regulatory Administration encouraged "
            "lenders to negotiate adjusted repayment with borrowers who had a good credit "
            "record and are temporarily in difficulty. My difficulty began in {month}; I "
            "ask you to consider my request in that spirit."
        ),
        lang,
    ).format(month=month_text(since, lang))


def asks(debt: Debt, creditors: int, offered: Decimal | None, lang: str) -> list[str]:
    """What National Debtline and Citizens Advice letters ask for while a request is
    considered; a private lender (a relative, a friend) is not asked about collection."""
    out = [
        tr(
            N_(
                "While you consider this request, I ask you to stop charging interest, "
                "penalty interest and other charges on this debt."
            ),
            lang,
        )
    ]
    if debt.lender_type != LenderType.PRIVATE:
        out.append(
            tr(
                N_(
                    "I also ask you to pause collection while you consider it, and to "
                    "contact only me about this debt, not my family, colleagues or other "
                    "third parties."
                ),
                lang,
            )
        )
    if creditors > 1 and offered is not None and offered > 0:
        out.append(
            tr(
                N_(
                    "The amount I offer is a fair share of what I have left each month for "
                    "all my {count} creditors."
                ),
                lang,
            ).format(count=creditors)
        )
    out.append(
        tr(N_("Please reply to me in writing within {days} days."), lang).format(days=REPLY_DAYS)
    )
    return out


def in_writing(debt: Debt, lang: str) -> str:
    if debt.lender_type == LenderType.PRIVATE:
        return tr(
            N_(
                "If you agree, please confirm the new arrangement in writing (a signed note or a message)."
            ),
            lang,
        )
    return tr(
        N_(
            "If you agree, please confirm the new arrangement in writing (an agreement, "
            "letter, or message from your official channel)."
        ),
        lang,
    )


__all__ = [
    "asks",
    "in_writing",
    "legal_points",
]

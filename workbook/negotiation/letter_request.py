"""The application letter's request in numbers: the instalment, how many, the first due
date, the last one and the total, each consistent with the balance. They are step 4's
figures (`proposal_effect`, counted by `instalment_plan`), so the letter, step 4 and the
call sheet never give two different counts.

Every function returns sentences in `lang`; `money` writes amounts the letter's way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from workbook.guide.wording import date_text, rate_text, tr
from workbook.i18n import N_
from workbook.models import ZERO, Debt, Proposal, Rate
from workbook.money.solve import MAX_MONTHS
from workbook.negotiation.effects import proposal_effect

Money = Callable[[Decimal, str], str]


@dataclass(frozen=True)
class RepaymentRequest:
    """What the borrower asks to pay: `count` instalments of `instalment`, the last one
    `last` (smaller when the balance does not divide, larger when a tiny remainder is
    folded into it), `total` in all. The figures are step 4's (`proposal_effect`), so
    the letter, step 4 and the call sheet never give two different counts."""

    instalment: Decimal
    count: int
    first_due: date
    last: Decimal
    total: Decimal
    interest_stopped: bool  # the figures assume no interest (we ask for it to stop)
    contract_rate_never_repays: bool  # at the contract rate the offer never clears it
    balance: Decimal = ZERO  # what the instalments repay (after waivers and a pause)
    waived: Decimal = ZERO  # penalty interest and fees the request asks to waive
    rate: Rate | None = None  # the rate the figures are at (None or 0: no interest)


def repayment_request(
    debt: Debt, proposal: Proposal | None, offered: Decimal | None, today: date
) -> RepaymentRequest | None:
    """The concrete instalment plan the letter asks for, or None when there is nothing
    to compute (no request, no offer and no term, a one-off settlement, nothing owed).

    The same figures as step 4: a term sets the instalment (else the offer does), the
    penalty asked to be waived comes off the balance, a pause moves the first date.
    Where the offer never repays at the rate asked (or the contract's), the figures
    are shown with interest stopped, and the letter says why."""
    if debt.balance <= 0 or proposal is None or proposal.settlement_discount_percent:
        return None
    asked = proposal
    if not proposal.new_term_months:
        if offered is None or offered <= 0:
            return None
        asked = replace(proposal, offered_payment=offered)
    effect = proposal_effect(debt, asked, today)
    never = effect.never_repays
    if never:
        effect = proposal_effect(debt, replace(asked, new_rate=Rate(ZERO)), today)
    if (
        effect.new_instalment is None or effect.months is None or effect.total_cost is None
        or effect.last_instalment is None
    ):
        return None
    rate = Rate(ZERO) if never else asked.new_rate or debt.rate
    return RepaymentRequest(
        instalment=effect.new_instalment,
        count=effect.months,
        first_due=effect.first_due or today,
        last=effect.last_instalment,
        total=effect.total_cost,
        interest_stopped=rate is None or rate.percent == 0,
        contract_rate_never_repays=never,
        balance=effect.balance if effect.balance is not None else debt.balance,
        waived=_waived(debt, proposal),
        rate=rate,
    )


def never_within_limit(debt: Debt, proposal: Proposal | None, offered: Decimal | None) -> bool:
    """An offer with no term that even without interest needs more than MAX_MONTHS."""
    if proposal is None or proposal.new_term_months or offered is None or offered <= 0:
        return False
    return offered * MAX_MONTHS < debt.balance - _waived(debt, proposal)


def _waived(debt: Debt, proposal: Proposal) -> Decimal:
    if not proposal.waive_penalty:
        return ZERO
    return min(max(debt.penalty_fees, ZERO), max(debt.balance, ZERO))


def request_sentences(req: RepaymentRequest, debt: Debt, lang: str, money: Money) -> list[str]:
    """The request in numbers, each figure consistent with the balance."""
    out: list[str] = []
    figures = dict(
        count=req.count,
        amount=money(req.instalment, lang),
        first=date_text(req.first_due, lang),
        total=money(req.total, lang),
    )
    if req.balance == debt.balance:
        out.append(
            tr(
                N_(
                    "I ask to repay the outstanding balance of {balance} in {count} monthly "
                    "instalments of {amount}, the first due on {first}, {total} in all."
                ),
                lang,
            ).format(balance=money(debt.balance, lang), **figures)
        )
    else:
        out.extend(_balance_explained(req, debt, lang, money))
        out.append(
            tr(
                N_(
                    "I ask to repay {balance} in {count} monthly instalments of {amount}, the "
                    "first due on {first}, {total} in all."
                ),
                lang,
            ).format(balance=money(req.balance, lang), **figures)
        )
    if req.count > 1 and req.last > req.instalment:
        out.append(
            tr(
                N_(
                    "The last instalment is {last}: it takes in the small remainder, so that "
                    "no tiny payment is left over at the end."
                ),
                lang,
            ).format(last=money(req.last, lang))
        )
    elif req.count > 1 and req.last != req.instalment:
        out.append(
            tr(N_("The last instalment is {last}, so that the total comes out exactly."), lang)
            .format(last=money(req.last, lang))
        )  # fmt: skip
    if req.contract_rate_never_repays:
        out.append(
            tr(
                N_(
                    "At the contract rate this monthly amount would not even cover the "
                    "interest and the balance would never be repaid; that is why I ask you "
                    "to stop charging interest, and the figures above assume you do."
                ),
                lang,
            )
        )
    elif req.interest_stopped and req.count > 0:
        out.append(tr(N_("These figures assume that interest is stopped."), lang))
    elif req.rate is not None and req.rate == debt.rate:
        out.append(
            tr(N_("These figures include interest at the contract rate of {rate}."), lang).format(
                rate=rate_text(req.rate, lang)
            )
        )
    elif req.rate is not None:
        out.append(
            tr(N_("These figures include interest at the rate I ask for, {rate}."), lang).format(
                rate=rate_text(req.rate, lang)
            )
        )
    return out


def _balance_explained(
    req: RepaymentRequest, debt: Debt, lang: str, money: Money
) -> list[str]:
    """Why the instalments repay less (a waiver) or more (interest over a pause) than
    the outstanding balance."""
    out = []
    left = debt.balance - req.waived
    if req.waived > 0:
        out.append(
            tr(
                N_(
                    "Of the outstanding balance of {balance}, {waived} is penalty interest "
                    "and fees that I ask you to waive, which leaves {left}."
                ),
                lang,
            ).format(
                balance=money(debt.balance, lang),
                waived=money(req.waived, lang),
                left=money(left, lang),
            )
        )
    if req.balance > left:
        out.append(
            tr(N_("With the interest for the pause this comes to {balance}."), lang).format(
                balance=money(req.balance, lang)
            )
        )
    return out


def no_plan_sentence(
    offered: Decimal | None, lang: str, money: Money, too_small: bool = False
) -> str:
    """Where no term was set: what the borrower offers, and a request for the lender's
    term; `too_small` when even without interest the offer takes more than 50 years."""
    if too_small and offered is not None and offered > 0:
        return tr(
            N_(
                "I can pay {amount} a month. Even without interest that would take more than "
                "{years} years to repay the balance, so I ask you to propose a term and an "
                "amount on which it can be repaid."
            ),
            lang,
        ).format(amount=money(offered, lang), years=MAX_MONTHS // 12)
    if offered is not None and offered > 0:
        return tr(
            N_("I can pay {amount} a month. I ask you to propose a repayment term on that basis."),
            lang,
        ).format(amount=money(offered, lang))
    return tr(N_("I ask you to propose a repayment term that fits what I can pay."), lang)


__all__ = [
    "RepaymentRequest",
    "never_within_limit",
    "no_plan_sentence",
    "repayment_request",
    "request_sentences",
]

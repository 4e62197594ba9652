"""What the borrower asks one lender for, in words: shared by the letter and the call
sheet so both say the same thing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from workbook.guide.wording import cents, money_text, percent_text, rate_text, tr
from workbook.i18n import N_
from workbook.models import Proposal

HUNDRED = Decimal("100")


def settlement_amount(balance: Decimal, discount_percent: Decimal) -> Decimal:
    """The one-off sum after a discount of `discount_percent` % on `balance`, to the cent."""
    return cents(balance * (HUNDRED - discount_percent) / HUNDRED)


def proposal_requests(
    proposal: Proposal | None,
    balance: Decimal,
    lang: str | None = None,
    money: Callable[[Decimal, str | None], str] = money_text,
) -> list[str]:
    """One line per thing asked for, in the order a lender weighs them; `money` writes
    the amounts (the letter writes them its own way)."""
    if proposal is None:
        return []
    lines: list[str] = []
    if proposal.new_term_months:
        lines.append(
            tr(N_("Spread the remaining balance over {months} monthly instalments"), lang).format(
                months=proposal.new_term_months
            )
        )
    if proposal.new_rate is not None:
        lines.append(
            tr(N_("Lower the interest rate to {rate}"), lang).format(
                rate=rate_text(proposal.new_rate, lang)
            )
        )
    if proposal.waive_penalty:
        lines.append(tr(N_("Waive the penalty interest, late fees and other charges"), lang))
    if proposal.pause_months:
        lines.append(
            tr(N_("Pause repayments for {months} months before the new plan starts"), lang).format(
                months=proposal.pause_months
            )
        )
    discount = proposal.settlement_discount_percent
    if discount is not None and discount > 0:
        lines.append(
            tr(
                N_(
                    "Accept a one-off settlement of {amount}, {percent}% off the balance of {balance}"
                ),
                lang,
            ).format(
                amount=money(settlement_amount(balance, discount), lang),
                percent=percent_text(discount),
                balance=money(balance, lang),
            )
        )
    return lines

"""Section 4 of the application letter, what the borrower can pay: the budget's totals
(left out until step 2 is filled in), the other debts the money left has to cover, the
income and essential spending item by item, flexible spending as a total unless the
user chose to list it, and the amount offered to this lender.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from workbook import fmt
from workbook.budget import monthly_amount
from workbook.guide.wording import language, money_text, tr
from workbook.i18n import N_
from workbook.models import ExpenseItem, Frequency, IncomeItem
from workbook.negotiation.letter_input import LetterInput

FREQUENCY_SUFFIXES: dict[Frequency, str] = {
    Frequency.MONTHLY: N_("a month"),
    Frequency.WEEKLY: N_("a week"),
    Frequency.YEARLY: N_("a year"),
    Frequency.ONE_OFF: N_("once"),
}


def letter_money(amount: Decimal, lang: str | None) -> str:
    """Amounts as a Chinese letter writes them ("48,650.32元"); "¥48,650.32" in English."""
    if language(lang) == "zh":
        return f"{fmt.money(amount, symbol=False)}元"
    return money_text(amount, lang)


def capacity_paragraphs(inp: LetterInput, lang: str, offered: Decimal | None) -> tuple[str, ...]:
    """Section 4: income, spending and what is left, the other debts, and `offered`: the
    amount section 5 asks for (step 4's figure: a term sets it), so the letter never
    offers one amount here and asks for another there."""
    money = functools.partial(letter_money, lang=lang)
    paragraphs: list[str] = []
    # With no budget entered, "income 0.00, 0.00 left" would contradict any offer: the
    # figures are left out until step 2 is filled in.
    budget_known = inp.budget_income > 0 or inp.budget_spending > 0
    if budget_known:
        paragraphs.append(
            tr(
                N_(
                    "Each month my income is {income} and my living costs are "
                    "{spending}, which leaves {surplus} for all my debts together."
                ),
                lang,
            ).format(
                income=money(inp.budget_income),
                spending=money(inp.budget_spending),
                surplus=money(inp.surplus),
            )
        )
    if inp.other_debts == 1:
        paragraphs.append(
            tr(
                N_(
                    "Besides this loan I have one other debt with {total} outstanding; "
                    "the money left each month has to cover it as well."
                ),
                lang,
            ).format(total=money(inp.other_balance))
        )
    elif inp.other_debts > 1:
        paragraphs.append(
            tr(
                N_(
                    "Besides this loan I have {count} other debts with {total} outstanding; "
                    "the money left each month has to cover them as well."
                ),
                lang,
            ).format(count=inp.other_debts, total=money(inp.other_balance))
        )
    if inp.incomes and budget_known:
        paragraphs.append(
            tr(N_("Income: {items}."), lang).format(items=_item_list(inp.incomes, lang))
        )
    # Flexible spending is the borrower's to cut, not the lender's to read about: only
    # its total, unless the user chose to list it (step 3, the letter).
    essential = [e for e in inp.expenses if e.essential]
    flexible = [e for e in inp.expenses if not e.essential]
    if essential and budget_known:
        paragraphs.append(
            tr(N_("Spending: {items}."), lang).format(items=_item_list(essential, lang))
        )
    if flexible and budget_known and inp.list_flexible:
        paragraphs.append(
            tr(N_("Flexible spending: {items}."), lang).format(
                items=_item_list(flexible, lang)
            )
        )
    elif flexible and budget_known:
        total = sum((monthly_amount(e.amount, e.frequency) for e in flexible), Decimal(0))
        paragraphs.append(
            tr(N_("Other, flexible spending comes to {total} a month."), lang).format(
                total=money(total)
            )
        )
    if offered is not None and offered > 0:
        paragraphs.append(
            tr(N_("After my living costs, I can pay you {amount} every month."), lang).format(
                amount=money(offered)
            )
        )
    elif budget_known and inp.surplus <= 0:
        paragraphs.append(
            tr(
                N_(
                    "At present my income does not cover my living costs, so I cannot "
                    "yet offer a regular payment. I will tell you as soon as this changes."
                ),
                lang,
            )
        )
    return tuple(paragraphs)


def _item_list(items: list[IncomeItem] | list[ExpenseItem], lang: str) -> str:
    template = tr(N_("{name} {amount} {frequency}"), lang)
    parts = [
        template.format(
            name=item.name,
            amount=letter_money(item.amount, lang),
            frequency=tr(FREQUENCY_SUFFIXES[item.frequency], lang),
        )
        for item in items
    ]
    return ("；" if lang == "zh" else "; ").join(parts)


__all__ = ["FREQUENCY_SUFFIXES", "capacity_paragraphs", "letter_money"]

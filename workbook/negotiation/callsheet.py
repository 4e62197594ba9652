"""Step 5, communicating well: a one-page call sheet per lender, positive phrases, and a
checklist for before, during and after the call.

The sheet is what a stressed borrower reads while an agent talks: who to call, the
figures, what to ask for, the walk-away point, and what never to agree to.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbook.guide.wording import date_text, labelled, language, money_text, tr
from workbook.i18n import N_
from workbook.models import Debt, Hardship, Proposal
from workbook.money.upfront import UpfrontView, upfront_sentence, upfront_view
from workbook.negotiation.asks import proposal_requests
from workbook.negotiation.channels import channel_label
from workbook.negotiation.effects import Effect
from workbook.negotiation.reasons import reasons_summary

# (Chinese, English): our own wording, to say out loud.
POSITIVE_PHRASES: tuple[tuple[str, str], ...] = (
    ("我确实想把这笔钱还上，只是需要一个我能坚持下来的方案。",
     "I do want to pay this back; I need a plan I can keep up."),
    ("我们一起看看，有没有对双方都行得通的办法。",
     "Let's look together for an arrangement that works for both sides."),
    ("谢谢您花时间听我把情况说清楚。",
     "Thank you for taking the time to hear my situation."),
    ("这个数字是按我的收支算出来的，需要的话我可以把明细发给您。",
     "This figure comes from my actual income and spending; I can send you the details."),
    ("我宁愿承诺一个少一点但每月都能按时还的金额。",
     "I would rather promise a smaller amount that I can pay on time every month."),
    ("您的建议我记下了，我对照一下预算再给您答复。",
     "I have noted your suggestion; let me check it against my budget and get back to you."),
    ("我理解您的立场，也希望您能体谅我目前的困难。",
     "I understand your position, and I hope you can understand my difficulty."),
    ("请问还有哪些方案可以一起考虑？",
     "What other options could we consider together?"),
    ("如果方案谈妥了，麻烦您通过书面形式发给我确认。",
     "Once we agree, could you please send me the terms in writing?"),
    ("这段时间我会保持电话畅通，有事随时联系我。",
     "I will keep my phone on; you can reach me at any time."),
)  # fmt: skip

CALL_CHECKLIST: dict[str, tuple[str, ...]] = {
    "before": (
        N_("Have this sheet, your budget and the contract number in front of you"),
        N_("Know your walk-away point (the most a month you can agree to) and your red lines"),
        N_("Call the lender's official number, from the contract or the app"),
        N_("Pick a quiet time; have the communication log or pen and paper ready"),
        N_("Record the call if your phone can"),
    ),
    "during": (
        N_("Stay calm and polite, even if the agent is not"),
        N_("Ask for the agent's name and staff number, and note the time"),
        N_("Give your reasons in two sentences, then make your offer"),
        N_("Listen to their proposal; ask them to repeat anything unclear"),
        N_("Never agree to pay more than your budget allows"),
        N_("Never pay into a personal account"),
        N_("If pressed to decide now, say you will reply after checking your budget"),
        N_("Ask for anything agreed to be confirmed in writing"),
    ),
    "after": (
        N_("Log the call straight away: time, agent, their offer, your commitment"),
        N_("Save the written confirmation, screenshots and the recording"),
        N_("Note the next step and its date"),
        N_("If you were threatened or insulted, mark the log entry and keep the evidence"),
    ),
}

CHECKLIST_HEADINGS: dict[str, str] = {
    "before": N_("Before the call"),
    "during": N_("During the call"),
    "after": N_("After the call"),
}

# Always on the sheet, whatever the user wrote: these protect the borrower.
_NEVER_PERSONAL_ACCOUNT = N_(
    "Paying into a personal account, or any account not in the lender's own name"
)
_NEVER_VERBAL_ONLY = N_("A promise made only by voice, with nothing in writing")
_NEVER_NEW_LOAN = N_("Taking a new loan to make this payment")


@dataclass(frozen=True)
class RequestFigures:
    """Step 4's figures for the request (`proposal_effect`, from `instalment_plan`): the
    same count and last instalment as the letter."""

    instalment: Decimal
    count: int
    last: Decimal
    total: Decimal
    first_due: date | None


@dataclass(frozen=True)
class CallSheet:
    lang: str
    lender: str
    contact_phone: str
    contact_notes: str
    channels: tuple[str, ...]  # labels of the chosen channels, in `lang`
    contract_number: str
    balance: Decimal
    overdue_amount: Decimal
    overdue_days: int
    penalty_fees: Decimal
    surplus: Decimal
    offered_payment: Decimal | None
    asks: tuple[str, ...]
    reasons: str
    lowest_acceptable: Decimal | None
    must_not_agree: tuple[str, ...]
    phrases: tuple[str, ...]
    checklist: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, items) in call order
    # What the request means a month under the plan (step 4), when that differs from
    # the offer, and the least that repays when the offer never does.
    request_payment: Decimal | None = None
    request_months: int | None = None
    smallest_payment: Decimal | None = None
    request: RequestFigures | None = None
    # Money withheld at pay-out (Civil Code Art. 670): the principal as received.
    upfront: UpfrontView | None = None


def build_call_sheet(
    debt: Debt,
    proposal: Proposal | None,
    hardships: list[Hardship],
    surplus: Decimal,
    offered_payment: Decimal | None,
    lang: str | None = None,
    effect: Effect | None = None,
    today: date | None = None,
) -> CallSheet:
    """The sheet for `debt`; `effect` is the plan's row for it (step 4), if known;
    `today` dates the recomputation of interest withheld at pay-out."""
    lang = language(lang)
    if offered_payment is None and proposal is not None:
        offered_payment = proposal.offered_payment
    request_payment = request_months = smallest = None
    if effect is not None and not effect.agreed and not effect.one_off:
        if effect.never_repays:
            smallest = effect.smallest_payment
        elif effect.new_instalment is not None and effect.new_instalment != offered_payment:
            request_payment, request_months = effect.new_instalment, effect.months
    request = None
    if (
        effect is not None and not effect.agreed and not effect.one_off
        and not effect.never_repays and effect.new_instalment is not None
        and effect.months and effect.total_cost is not None
    ):
        request = RequestFigures(
            effect.new_instalment, effect.months,
            effect.last_instalment or effect.new_instalment, effect.total_cost, effect.first_due,
        )  # fmt: skip
    phrase_index = 0 if lang == "zh" else 1
    return CallSheet(
        lang=lang,
        lender=debt.lender,
        contact_phone=debt.contact_phone,
        contact_notes=debt.contact_notes,
        channels=tuple(channel_label(c, lang) for c in debt.channels),
        contract_number=debt.contract_number,
        balance=debt.balance,
        overdue_amount=debt.overdue_amount,
        overdue_days=debt.overdue_days,
        penalty_fees=debt.penalty_fees,
        surplus=surplus,
        offered_payment=offered_payment,
        asks=tuple(proposal_requests(proposal, debt.balance, lang)),
        reasons=reasons_summary(hardships, lang),
        lowest_acceptable=proposal.lowest_acceptable if proposal else None,
        must_not_agree=must_not_agree_lines(proposal, surplus, offered_payment, lang),
        phrases=tuple(pair[phrase_index] for pair in POSITIVE_PHRASES),
        checklist=tuple(
            (tr(CHECKLIST_HEADINGS[stage], lang), tuple(tr(item, lang) for item in items))
            for stage, items in CALL_CHECKLIST.items()
        ),
        request_payment=request_payment,
        request_months=request_months,
        smallest_payment=smallest,
        request=request,
        upfront=upfront_view(debt, today) if today is not None else None,
    )


def must_not_agree_lines(
    proposal: Proposal | None,
    surplus: Decimal,
    offered_payment: Decimal | None,
    lang: str | None = None,
) -> tuple[str, ...]:
    """The user's own red lines (verbatim, one per line), then our fixed ones."""
    own = proposal.must_not_agree.splitlines() if proposal else []
    lines = [line.strip() for line in own if line.strip()]
    lines.append(_budget_limit_line(proposal, surplus, offered_payment, lang))
    lines += [
        tr(msgid, lang) for msgid in (_NEVER_PERSONAL_ACCOUNT, _NEVER_VERBAL_ONLY, _NEVER_NEW_LOAN)
    ]
    return tuple(lines)


def _budget_limit_line(
    proposal: Proposal | None, surplus: Decimal, offered_payment: Decimal | None, lang: str | None
) -> str:
    # The walk-away point is the most a month the user can agree to (the opening offer
    # is below it), so it is the limit when there is one, unless it is more than is
    # left each month for all debts together. Without one, the offer is the limit.
    walk_away = proposal.lowest_acceptable if proposal else None
    if walk_away is not None and walk_away > 0 and (surplus <= 0 or walk_away <= surplus):
        return tr(N_("A monthly payment above {amount}, your walk-away point"), lang).format(
            amount=money_text(walk_away, lang)
        )
    limit = surplus if walk_away is not None else offered_payment or surplus
    if limit > 0:
        return tr(
            N_("A monthly payment above {amount}, which is what your budget allows"), lang
        ).format(amount=money_text(limit, lang))
    return tr(N_("Any regular payment: your budget has nothing left over yet"), lang)


def call_sheet_text(sheet: CallSheet) -> str:
    """The sheet as plain text, to print or copy."""
    lang = sheet.lang
    money = functools.partial(money_text, lang=lang)
    t = functools.partial(tr, lang=lang)
    out = [tr(N_("Call sheet: {lender}"), lang).format(lender=sheet.lender), ""]

    out.append(t(N_("Who and how")))
    out.append(labelled(t(N_("Phone")), sheet.contact_phone or "-", lang))
    if sheet.contact_notes:
        out.append(labelled(t(N_("Contact notes")), sheet.contact_notes, lang))
    if sheet.channels:
        out.append(
            labelled(t(N_("Channels")), ("、" if lang == "zh" else ", ").join(sheet.channels), lang)
        )
    out.append(labelled(t(N_("Contract number")), sheet.contract_number or "-", lang))
    out.append("")

    out.append(t(N_("What is owed")))
    out.append(labelled(t(N_("Outstanding balance")), money(sheet.balance), lang))
    if sheet.overdue_amount > 0 or sheet.overdue_days > 0:
        overdue = tr(N_("{amount}, {days} days overdue"), lang).format(
            amount=money(sheet.overdue_amount), days=sheet.overdue_days
        )
        out.append(labelled(t(N_("Overdue")), overdue, lang))
    if sheet.penalty_fees > 0:
        out.append(
            labelled(t(N_("Penalty interest and fees charged")), money(sheet.penalty_fees), lang)
        )
    if sheet.upfront is not None:
        out.append(upfront_sentence(sheet.upfront, lang))
    out.append("")

    out.append(t(N_("What I can pay")))
    out.append(labelled(t(N_("Money left each month")), money(sheet.surplus), lang))
    if sheet.offered_payment is not None:
        out.append(
            labelled(t(N_("Offer to this lender each month")), money(sheet.offered_payment), lang)
        )
    out.extend(plan_warnings(sheet))
    out.append("")

    out.append(t(N_("What I ask for")))
    out.extend(request_lines(sheet))
    out.extend(f"- {ask}" for ask in sheet.asks)
    if not sheet.asks:
        out.append("- " + t(N_("No request set yet: fill in the proposal in step 4")))
    out.append("")

    out.append(t(N_("My reasons")))
    out.append(sheet.reasons)
    out.append("")

    out.append(t(N_("Walk-away point: the most a month I can agree to")))
    lowest = sheet.lowest_acceptable
    out.append(money(lowest) if lowest is not None else t(N_("Not set")))
    out.append("")

    out.append(t(N_("Do not agree to")))
    out.extend(f"- {line}" for line in sheet.must_not_agree)
    out.append("")

    out.append(t(N_("Things to say")))
    out.extend(f"- {phrase}" for phrase in sheet.phrases)
    for heading, items in sheet.checklist:
        out.append("")
        out.append(heading)
        out.extend(f"[ ] {item}" for item in items)
    return "\n".join(out) + "\n"


def request_lines(sheet: CallSheet) -> list[str]:
    """The request in numbers, as step 4 and the letter count it: the agent will ask
    how many instalments and what the last one is."""
    req = sheet.request
    if req is None:
        return []
    lang = sheet.lang
    money = functools.partial(money_text, lang=lang)
    line = tr(N_("{count} instalments of {amount}, {total} in all"), lang).format(
        count=req.count, amount=money(req.instalment), total=money(req.total)
    )
    if req.first_due is not None:
        line += tr(N_(", the first on {date}"), lang).format(date=date_text(req.first_due, lang))
    if req.count > 1 and req.last != req.instalment:
        line += tr(N_(", the last one {amount}"), lang).format(amount=money(req.last))
    return [line + ("。" if lang == "zh" else ".")]


def plan_warnings(sheet: CallSheet) -> list[str]:
    """What the request means a month when that is not the offer, and whether the
    offer repays at all: the agent will work it out, so the borrower should first."""
    lang = sheet.lang
    lines: list[str] = []
    if sheet.smallest_payment is not None:
        lines.append(
            tr(
                N_("This offer never repays the debt; at least {amount} a month would."), lang
            ).format(amount=money_text(sheet.smallest_payment, lang))
        )
    if sheet.request_payment is not None:
        lines.append(
            tr(N_("The request means {amount} a month for {months} months."), lang).format(
                amount=money_text(sheet.request_payment, lang), months=sheet.request_months
            )
        )
        walk_away = sheet.lowest_acceptable
        if walk_away is not None and sheet.request_payment > walk_away:
            lines.append(
                tr(
                    N_("That is more than your walk-away point of {amount}: change the request."),
                    lang,
                ).format(amount=money_text(walk_away, lang))
            )
    return lines

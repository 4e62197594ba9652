"""Set what to ask one lender for, seeing its effect while typing.

The line under the fields recomputes the new instalment, months, total cost and
payoff date on every change (with `workbook.negotiation.plans.proposal_effect`), against this
debt's share of what is left each month.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Static

from tui.frame.form import FormDialog, shown
from tui.widgets.field import Choice, Field, text_parser
from tui.widgets.keybar import KeyBar
from tui.widgets.wrap import Wrapped
from workbook import fmt
from workbook.i18n import _, current_language
from workbook.models import Debt, Proposal, ProposalStatus, SplitMethod
from workbook.negotiation.plans import Effect, proposal_effect
from workbook.parse import parse_int, parse_money, parse_percent, parse_rate
from workbook.textnum import Parsed, fail


def effect_text(
    effect: Effect,
    share: Decimal,
    walk_away: Decimal | None = None,
    offer: Decimal | None = None,
) -> Text:
    """What the request means, against the debt's share and the walk-away point (the
    most a month the user can agree to, so never below their own `offer`)."""
    text = Text()
    if effect.new_instalment is None:
        text.append(
            effect.note or _("Enter a new term or a monthly amount to see the effect."), style="dim"
        )
        return text
    if effect.one_off:
        text.append(
            _("Pay {amount} at once.").format(amount=fmt.money(effect.new_instalment)), style="bold"
        )
    elif effect.never_repays:
        text.append(
            _("{amount} a month never repays it.").format(amount=fmt.money(effect.new_instalment)),
            style="bold red",
        )
    else:
        text.append(
            _("{amount} a month for {months} months, total {total}, paid off {date}.").format(
                amount=fmt.money(effect.new_instalment),
                months=effect.months,
                total=fmt.money(effect.total_cost),
                date=fmt.date_(effect.payoff_date),
            ),
            style="bold",
        )
        last = effect.last_instalment
        if last is not None and effect.months and effect.months > 1 and last != effect.new_instalment:
            # Said, never a surprise: smaller when it does not divide, or a tiny
            # remainder folded in (the letter and the call sheet say the same).
            text.append(
                (" " if current_language() != "zh" else "")
                + _("The last one is {amount}.").format(amount=fmt.money(last))
            )
    text.append("\n")
    share_line = _("Its share of what is left each month: {share}.").format(share=fmt.money(share))
    text.append(share_line + ("" if current_language() == "zh" else " "))
    if effect.never_repays:
        if effect.smallest_payment is not None:
            text.append(
                _("At least {amount} a month would repay it.").format(
                    amount=fmt.money(effect.smallest_payment)
                ),
                style="yellow",
            )
    elif effect.one_off:
        # A lump sum is not paid from one month's budget: say where it must come from.
        text.append(_("A settlement is paid from savings or help, not from the month."))
    elif effect.fits_budget:
        text.append(_("It fits."), style="green")
    else:
        text.append(_("It does not fit."), style="bold red")
    if effect.note and not effect.never_repays:
        text.append("\n" + effect.note, style="yellow")
    if walk_away is not None:
        text.append("\n")
        if offer is not None and walk_away < offer:
            text.append(
                _(
                    "Your walk-away point is below your own offer: it is the most a month "
                    "you can agree to, not the least."
                ),
                style="bold red",
            )
        elif not effect.one_off and effect.new_instalment > walk_away:
            text.append(
                _("This is more than your walk-away point of {amount} a month.").format(
                    amount=fmt.money(walk_away)
                ),
                style="bold red",
            )
        else:
            text.append(
                _("Walk-away point: you say no to more than {amount} a month.").format(
                    amount=fmt.money(walk_away)
                ),
                style="dim",
            )
    return text


def parse_offer(text: str) -> Parsed[Decimal]:
    """A monthly offer: empty offers the debt's share; 0 is refused, since it repays
    nothing and the plan would quietly fall back to the share."""
    result = parse_money(text, required=False)
    if result.value is not None and not result.value:
        return fail(_("An offer of 0 a month repays nothing: type an amount, or leave it "
                      "empty to offer its share."))
    return result


def parse_walk_away(text: str) -> Parsed[Decimal]:
    """The most a month the user can agree to: empty leaves it unset; 0 is refused,
    since every offer would be above it and the call sheet could not use it."""
    result = parse_money(text, required=False)
    if result.value is not None and not result.value:
        return fail(_("A limit of 0 a month would refuse every plan: type the most you "
                      "can pay each month, or leave it empty."))
    return result


class ProposalForm(FormDialog[Proposal | None]):
    def __init__(
        self,
        debt: Debt,
        proposal: Proposal | None,
        *,
        today: date,
        share: Decimal,
        split: SplitMethod,
    ) -> None:
        super().__init__(_("Request to {lender}").format(lender=debt.lender))
        self.debt = debt
        self.proposal = proposal
        self.today = today
        self.share = share
        self.split = split

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box form-box proposal-box"):
            yield Static(Text(self.form_title, style="bold"), classes="dialog-title")
            with VerticalScroll(classes="form-body"):
                yield from self.compose_fields()
            yield Static(id="proposal-effect", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), id="save", variant="primary")
                yield Button(_("Cancel"), id="cancel")
        yield KeyBar()

    def compose_fields(self) -> ComposeResult:
        p = self.proposal or Proposal(debt_id=self.debt.id or 0)
        yield Choice(
            _("Status"), [(fmt.enum_label(s), s) for s in ProposalStatus], p.status, id="status"
        )
        yield Field(
            _("Offer each month"),
            parse_offer,
            shown(p.offered_payment),
            id="offered_payment",
            placeholder=_("empty: its share"),
        )
        yield Field(
            _("New term in months"),
            partial(parse_int, required=False, minimum=1, maximum=600),
            shown(p.new_term_months),
            id="new_term_months",
        )
        yield Field(
            _("Lower rate"),
            partial(parse_rate, required=False),
            shown(p.new_rate),
            id="new_rate",
            placeholder=_("e.g. 0% or 6% a year"),
        )
        yield Choice(
            _("Waive penalty and fees"),
            [(_("No"), False), (_("Yes"), True)],
            p.waive_penalty,
            id="waive_penalty",
        )
        yield Field(
            _("Pause, months"),
            partial(parse_int, required=False, maximum=36),
            shown(p.pause_months or None),
            id="pause_months",
        )
        yield Field(
            _("Settlement discount %"),
            partial(parse_percent, required=False),
            shown(p.settlement_discount_percent),
            id="settlement_discount_percent",
            placeholder=_("one-off payment, e.g. 30%"),
        )
        yield Field(
            _("Most you can agree to"),
            parse_walk_away,
            shown(p.lowest_acceptable),
            id="lowest_acceptable",
            placeholder=_("a month; above it, you say no"),
        )
        yield Field(_("Never agree to"), text_parser, p.must_not_agree, id="must_not_agree")
        yield Field(_("Notes"), text_parser, p.notes, id="notes")

    def on_mount(self) -> None:
        self.query_one("#offered_payment", Field).focus()
        for choice in self.query(Choice):
            self.watch(choice, "index", self.update_effect, init=False)
        self.update_effect()

    def current_values(self) -> dict[str, Any]:
        """What the fields hold now; a field that does not parse counts as empty."""
        values: dict[str, Any] = {}
        for field in self.query(Field):
            result = field.parser(field.text)
            values[field.id or ""] = result.value if result.ok else None
        for choice in self.query(Choice):
            values[choice.id or ""] = choice.value
        return values

    def typed_wrong(self) -> str | None:
        """The message of the first field typed in but wrong: the preview says it rather
        than show the effect of a request without that figure."""
        for field in self.query(Field):
            result = field.parser(field.text)
            if field.text.strip() and result.error:
                return _("{label}: {message}").format(label=field.label, message=result.error)
        return None

    def update_effect(self) -> None:
        wrong = self.typed_wrong()
        if wrong is not None:
            self.query_one("#proposal-effect", Static).update(
                Wrapped(Text(wrong, style="bold red")))
            return
        typed = proposal = self.build(self.current_values())
        if (
            proposal.offered_payment is None
            and not proposal.new_term_months
            and proposal.settlement_discount_percent is None
        ):
            # As in the plan: a request that names no amount offers this debt's share.
            proposal = dataclasses.replace(proposal, offered_payment=self.share)
        effect = proposal_effect(self.debt, proposal, self.today, self.share)
        self.query_one("#proposal-effect", Static).update(
            Wrapped(
                effect_text(effect, self.share, proposal.lowest_acceptable, typed.offered_payment)
            )
        )

    @on(Input.Changed)
    def _changed(self) -> None:
        self.update_effect()

    def build(self, values: dict[str, Any]) -> Proposal:
        fields = dict(
            status=values["status"],
            offered_payment=values["offered_payment"],
            new_term_months=values["new_term_months"],
            new_rate=values["new_rate"],
            waive_penalty=values["waive_penalty"],
            pause_months=values["pause_months"] or 0,
            settlement_discount_percent=values["settlement_discount_percent"],
            lowest_acceptable=values["lowest_acceptable"],
            must_not_agree=values["must_not_agree"] or "",
            notes=values["notes"] or "",
        )
        if self.proposal is None:
            return Proposal(
                debt_id=self.debt.id or 0, split=self.split, created=self.today, **fields
            )
        return dataclasses.replace(self.proposal, **fields)

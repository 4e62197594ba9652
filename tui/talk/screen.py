"""Step 5, the conversation: a call-preparation sheet for the chosen debt, the phrases
to use, the checklist for before, during and after, and `c` for the call log.

The sheet is what a stressed borrower reads while the agent talks, so it is one
scrolling page: who and how, what is owed, what they can pay, what they ask, their
reasons in two sentences, the walk-away point and what never to agree to.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from tui.frame.base import StepScreen
from tui.frame.confirm import ConfirmModal
from tui.frame.export_context import ExportContext
from tui.frame.needs import need_debt_message
from tui.palette import ScreenAction
from tui.talk.call_log import CallLog, clock
from tui.widgets.field import Choice
from tui.widgets.wrap import Wrapped
from workbook import fmt
from workbook.i18n import N_, _, current_language
from workbook.models import Channel, Communication, Debt
from workbook.money.upfront import upfront_sentence
from workbook.negotiation import figures as negotiation
from workbook.negotiation.callsheet import (
    POSITIVE_PHRASES,
    CallSheet,
    call_sheet_text,
    plan_warnings,
    request_lines,
)

RECENT = 3


def bullets(items: list[Text], marker: str = "-") -> Table:
    """Items under each other, wrapped lines indented under the text (not the marker)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row(Text(marker), Wrapped(item))  # Chinese wraps between characters
    return grid


def sheet_table(sheet: CallSheet) -> Table:
    """The call sheet as label/value rows; user text goes in as Text, never markup."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(style="bold", no_wrap=True, width=16)
    table.add_column(ratio=1)
    sep = "、" if sheet.lang == "zh" else ", "

    def row(label: str, value: Text | Table | str) -> None:
        value = Text(value) if isinstance(value, str) else value
        table.add_row(Text(label), Wrapped(value) if isinstance(value, Text) else value)

    who = Text()
    who.append(_("Phone") + " ", style="dim")
    who.append(sheet.contact_phone or "-")
    if sheet.channels:
        who.append("  " + _("by") + " ", style="dim")
        who.append(sep.join(sheet.channels))
    if sheet.contract_number:
        who.append("\n" + _("Contract") + " ", style="dim")
        who.append(sheet.contract_number)
    if sheet.contact_notes:
        who.append("\n" + sheet.contact_notes)
    row(_("Who and how"), who)

    owed = Text(_("Balance {amount}").format(amount=fmt.money(sheet.balance)))
    if sheet.overdue_amount > 0 or sheet.overdue_days > 0:
        owed.append(
            "\n"
            + _("Overdue {amount}, {days} days").format(
                amount=fmt.money(sheet.overdue_amount), days=sheet.overdue_days
            ),
            style="red",
        )
    if sheet.penalty_fees > 0:
        owed.append(
            "\n"
            + _("Penalty interest and fees {amount}").format(amount=fmt.money(sheet.penalty_fees))
        )
    if sheet.upfront is not None:
        # Civil Code Art. 670: the principal is what was received, said in the sheet's
        # language (the one the agent is spoken to in).
        owed.append("\n" + upfront_sentence(sheet.upfront, sheet.lang), style="yellow")
    row(_("What is owed"), owed)

    pay = Text(_("Left each month for all debts: {amount}").format(amount=fmt.money(sheet.surplus)))
    if sheet.offered_payment is not None:
        pay.append("\n")
        pay.append(
            _("Offer this lender {amount} a month").format(amount=fmt.money(sheet.offered_payment)),
            style="bold",
        )
    for line in plan_warnings(sheet):
        pay.append("\n" + line, style="yellow")
    row(_("What I can pay"), pay)

    figures = [Text(line, style="bold") for line in request_lines(sheet)]
    if sheet.asks or figures:
        row(_("What I ask for"), bullets(figures + [Text(ask) for ask in sheet.asks]))
    else:
        row(_("What I ask for"), Text(_("No request yet: set one in step 4."), style="yellow"))
    row(_("My reasons"), sheet.reasons)
    lowest = (
        _("{amount} a month at most: say no to more").format(
            amount=fmt.money(sheet.lowest_acceptable)
        )
        if sheet.lowest_acceptable is not None
        else _("not set (step 4)")
    )
    row(_("Walk-away point"), Text(lowest, style="bold"))
    row(_("Never agree to"), bullets([Text(line, style="red") for line in sheet.must_not_agree]))

    phrases = []
    for zh, en in POSITIVE_PHRASES:
        first, second = (zh, en) if sheet.lang == "zh" else (en, zh)
        phrases.append(Text.assemble(first, "\n", (second, "dim")))
    row(_("Things to say"), bullets(phrases))

    for heading, items in sheet.checklist:
        row(heading, bullets([Text(item) for item in items], "[ ]"))
    return table


def contacts_text(contacts: list[Communication]) -> Text:
    text = Text()
    if not contacts:
        text.append(_("No contact logged yet."), style="dim")
    for i, comm in enumerate(contacts):
        if i:
            text.append("\n")
        text.append(fmt.datetime_(comm.at) + " ", style="bold")
        text.append(fmt.enum_label(comm.channel) + " ")
        if comm.channel == Channel.PHONE and comm.ended_at is None:
            text.append(_("(not ended)") + " ", style="yellow")
        text.append(" ".join(comm.summary.split()) or "-")
    return text


class ConversationScreen(StepScreen):
    STEP = 5
    AUTO_FOCUS = "#talk-debt"
    BINDINGS = [
        Binding("c", "call", N_("Call log"), id="talk-call"),
        Binding("y", "copy_sheet", N_("Copy sheet"), id="talk-copy"),
        Binding("down", "scroll(1)", N_("Scroll"), show=False),
        Binding("up", "scroll(-1)", N_("Scroll"), show=False),
        Binding("pagedown", "scroll(10)", N_("Scroll"), show=False),
        Binding("pageup", "scroll(-10)", N_("Scroll"), show=False),
        Binding("end", "scroll_edge(1)", N_("Scroll"), show=False),
        Binding("home", "scroll_edge(0)", N_("Scroll"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._debt_id: int | None = None
        self._watched: Choice | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="talk-top"):
            yield Choice(_("Lender (Left/Right)"), [("-", None)], None, id="talk-debt")
            yield Static(id="talk-status", markup=False)
        with VerticalScroll(id="talk-sheet"):
            yield Static(id="talk-sheet-body", markup=False)
            yield Static(
                _("Recent contacts with this lender"),
                id="talk-contacts-title",
                classes="section-title",
            )
            yield Static(id="talk-contacts", markup=False)

    @property
    def chooser(self) -> Choice:
        return self.query_one("#talk-debt", Choice)

    def debts(self) -> list[Debt]:
        return negotiation.talk_order(self.repay.data())

    def selected(self) -> Debt | None:
        return next((d for d in self.debts() if d.id == self._debt_id), None)

    def refresh_data(self) -> None:
        debts = self.debts()
        if self._debt_id not in {d.id for d in debts}:
            self._debt_id = debts[0].id if debts else None
        chooser = self.chooser
        if chooser is not self._watched:  # a new widget after a language switch recomposed
            self._watched = chooser
            self.watch(chooser, "index", self._debt_chosen, init=False)
        chooser.options = [(d.lender, d.id) for d in debts] or [(_("no open debts"), None)]
        ids = [d.id for d in debts]
        chooser.set_reactive(Choice.index, ids.index(self._debt_id) if self._debt_id in ids else 0)
        chooser.watch_index()
        self._show()

    def _debt_chosen(self) -> None:
        self._debt_id = self.chooser.value
        self._show()
        self.query_one("#talk-sheet").scroll_home(animate=False)

    def _show(self) -> None:
        data = self.repay.data()
        debt = self.selected()
        body = self.query_one("#talk-sheet-body", Static)
        status = self.query_one("#talk-status", Static)
        contacts = self.query_one("#talk-contacts", Static)
        self.query_one("#talk-contacts-title").display = debt is not None
        if debt is None:
            body.update(Text(_("No open debts. Add them in step 1."), style="dim"))
            status.update("")
            contacts.update("")
            return
        proposal = negotiation.proposal_for(data, debt.id)
        state = Text()
        if proposal is not None:
            state.append(fmt.enum_label(proposal.status), style="bold")
        else:
            state.append(_("no request yet"), style="yellow")
        position = [d.id for d in self.debts()].index(debt.id) + 1
        state.append(f"  {position}/{len(self.debts())}", style="dim")
        status.update(state)
        body.update(sheet_table(negotiation.call_sheet(data, debt, self.today)))
        contacts.update(contacts_text(negotiation.debt_contacts(data, debt, RECENT)))

    def action_scroll(self, lines: int) -> None:
        self.query_one("#talk-sheet").scroll_relative(y=lines, animate=False)

    def action_scroll_edge(self, end: int) -> None:
        sheet = self.query_one("#talk-sheet")
        if end:
            sheet.scroll_end(animate=False)
        else:
            sheet.scroll_home(animate=False)

    # -- actions ----------------------------------------------------------------------

    def action_call(self) -> None:
        debt = self.selected()
        if debt is None:
            self.notify(need_debt_message(self.repay.data().debts), severity="warning")
            return
        if not self.repay.writable():
            return
        open_call = negotiation.unfinished_call(self.repay.data(), debt, clock(self.repay))
        if open_call is None:
            self.app.push_screen(CallLog(debt))
            return
        question = Text(
            _("A call log from {time} was never ended. Continue it?").format(
                time=fmt.datetime_(open_call.at)
            )
        )

        def done(yes: bool | None) -> None:
            self.app.push_screen(CallLog(debt, open_call if yes else None))

        self.app.push_screen(ConfirmModal(question, yes_label=_("Continue")), done)

    def resume_draft(self, draft: dict) -> bool:
        """A call log's draft: reopen the log of that debt (and that entry, if it had one)."""
        if draft.get("form") != "CallLog":
            return super().resume_draft(draft)
        data = self.repay.data()
        debt = next((d for d in data.debts if d.id == draft.get("debt_id")), None)
        if debt is None or not self.repay.writable():
            return False
        existing = next((c for c in data.communications if c.id == draft.get("comm_id")), None)
        self.app.push_screen(CallLog(debt, existing))
        return True

    def action_copy_sheet(self) -> None:
        debt = self.selected()
        if debt is None:  # was silent: the key seemed broken
            self.notify(need_debt_message(self.repay.data().debts), severity="warning")
            return
        sheet = negotiation.call_sheet(self.repay.data(), debt, self.today, current_language())
        self.app.copy_to_clipboard(call_sheet_text(sheet))
        self.notify(_("Call sheet copied."))

    def export_context(self) -> ExportContext:
        """`e` offers the letter to the lender on the sheet."""
        debt = self.selected()
        return ExportContext(debt_id=debt.id) if debt is not None else ExportContext()

    def actions(self) -> list[ScreenAction]:
        return [
            ScreenAction(
                _("Start the call log"),
                _("Key c: stamps the time, saves as you type"),
                self.action_call,
            ),
            ScreenAction(_("Copy the call sheet"), _("Key y"), self.action_copy_sheet),
        ]

"""Step 4, reasons and plan: why the user cannot pay as agreed (with the evidence),
and what each lender is asked for, with the whole plan checked against the budget.

Two tables; Tab moves between them and Enter, m and d act on the one with the focus.
`s` changes how the money left each month is split; the plan table follows at once.
"""

from __future__ import annotations

import dataclasses

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from tui.frame.base import StepScreen
from tui.frame.confirm import ConfirmModal
from tui.frame.export_context import ExportContext
from tui.frame.needs import need_debt_message
from tui.palette import ScreenAction
from tui.plan.plan_panel import PlanPanel
from tui.plan.reasons_panel import ReasonsPanel
from workbook import fmt
from workbook.i18n import N_, _
from workbook.models import Hardship, Proposal, SplitMethod
from workbook.negotiation import figures as negotiation
from workbook.negotiation.reasons import reason_label

SPLITS = tuple(SplitMethod)


class PlanScreen(StepScreen):
    STEP = 4
    AUTO_FOCUS = "#reasons"
    BINDINGS = [
        Binding("a", "add_reason", N_("Add reason"), id="reason-add"),
        Binding("m", "edit", N_("Edit"), id="plan-edit"),
        Binding("d,delete", "delete", N_("Delete"), id="plan-delete"),
        Binding("s", "next_split", N_("Split"), id="plan-split"),
    ]

    def __init__(self) -> None:
        super().__init__()
        # The split chosen before any proposal exists to carry it.
        self._split: SplitMethod | None = None

    def compose_body(self) -> ComposeResult:
        yield ReasonsPanel()
        yield PlanPanel()

    @property
    def reasons(self) -> ReasonsPanel:
        return self.query_one(ReasonsPanel)

    @property
    def plan_panel(self) -> PlanPanel:
        return self.query_one(PlanPanel)

    def split_method(self) -> SplitMethod:
        data = self.repay.data()
        return negotiation.plan_split(data, None if data.proposals else self._split)

    def refresh_data(self) -> None:
        data = self.repay.data()
        self.reasons.show(list(data.hardships))
        split = self.split_method()
        summary = negotiation.plan(data, self.today, split)
        proposals = {}
        for debt in data.debts:
            proposal = negotiation.proposal_for(data, debt.id)
            if proposal is not None and debt.id is not None:
                proposals[debt.id] = proposal
        self.plan_panel.show(summary, proposals, split)

    @on(DataTable.RowHighlighted, "#plan")
    def _plan_highlighted(self) -> None:
        self.plan_panel.show_detail()

    @on(DataTable.RowSelected, "#plan")
    def _plan_selected(self) -> None:
        self.edit_request()

    @on(DataTable.RowSelected, "#reasons")
    def _reason_selected(self) -> None:
        self.edit_reason()

    def _plan_has_focus(self) -> bool:
        return self.focused is self.plan_panel.table

    # -- reasons ----------------------------------------------------------------------

    def action_add_reason(self) -> None:
        if not self.repay.writable():
            return

        def write(hardship: Hardship) -> tuple[bool, Hardship | None]:
            return self.repay.save_or_keep(lambda: self.wb.hardships.add(hardship),
                                           _("Reason saved."))

        from tui.plan.hardship_form import HardshipForm  # imported when first used
        self.app.push_screen(HardshipForm(today=self.today).with_writer(write))

    def edit_reason(self) -> None:
        hardship = self.reasons.selected()
        if hardship is None:
            self.action_add_reason()
            return
        if not self.repay.writable():
            return

        def write(changed: Hardship) -> tuple[bool, Hardship | None]:
            return self.repay.save_or_keep(lambda: self.wb.hardships.update(changed),
                                           _("Reason saved."))

        from tui.plan.hardship_form import HardshipForm  # imported when first used
        self.app.push_screen(HardshipForm(hardship, today=self.today).with_writer(write))

    def delete_reason(self) -> None:
        hardship = self.reasons.selected()
        if hardship is None:
            self.notify(_("Select a reason first."), severity="warning")
            return
        question = Text(_("Delete this reason and its evidence list?") + "\n\n")
        question.append(reason_label(hardship.kind), style="bold")

        def done(yes: bool | None) -> None:
            if yes:
                self.repay.save(lambda: self.wb.hardships.delete(hardship.id), _("Reason deleted."))

        self.app.push_screen(ConfirmModal(question), done)

    # -- plan -------------------------------------------------------------------------

    def edit_request(self) -> None:
        row = self.plan_panel.selected()
        if row is None:
            self.notify(need_debt_message(self.repay.data().debts), severity="warning")
            return
        if not self.repay.writable():
            return
        debt, proposal, effect = row
        if effect.agreed:
            self.notify(_("This debt has an agreement: its terms are in step 6."))
            return
        data = self.repay.data()
        split = self.split_method()
        from tui.plan.proposal_form import ProposalForm  # imported when first used
        form = ProposalForm(
            debt,
            proposal,
            today=self.today,
            share=negotiation.share_for(data, debt, self.today, split),
            split=split,
        )

        def write(result: Proposal) -> tuple[bool, Proposal | None]:
            store = self.wb.proposals.add if result.id is None else self.wb.proposals.update
            return self.repay.save_or_keep(lambda: store(result), _("Request saved."))

        self.app.push_screen(form.with_writer(write))

    def delete_request(self) -> None:
        row = self.plan_panel.selected()
        if row is None:
            self.notify(need_debt_message(self.repay.data().debts), severity="warning")
            return
        if row[1] is None:
            self.notify(_("This debt has no saved request."), severity="warning")
            return
        debt, proposal, _effect = row
        question = Text(_("Delete the request to this lender?") + "\n\n")
        question.append(debt.lender, style="bold")

        def done(yes: bool | None) -> None:
            if yes and proposal is not None:
                self.repay.save(
                    lambda: self.wb.proposals.delete(proposal.id), _("Request deleted.")
                )

        self.app.push_screen(ConfirmModal(question), done)

    def action_next_split(self) -> None:
        current = self.split_method()
        method = SPLITS[(SPLITS.index(current) + 1) % len(SPLITS)]
        data = self.repay.data()
        message = _("Split: {method}").format(method=fmt.enum_label(method))
        if not data.proposals:
            self._split = method
            self.refresh_data()
            self.notify(message)
            return
        changed = [p for p in data.proposals if p.split != method]

        def write() -> None:
            with self.wb.batch():
                for proposal in changed:
                    self.wb.proposals.update(_with_split(proposal, method))

        self.repay.save(write, message)

    def export_context(self) -> ExportContext:
        """`e` offers the letter to the lender selected in the plan."""
        row = self.plan_panel.selected()
        return ExportContext(debt_id=row[0].id) if row is not None else ExportContext()

    # -- routing by focus -------------------------------------------------------------

    def action_edit(self) -> None:
        if self._plan_has_focus():
            self.edit_request()
        else:
            self.edit_reason()

    def action_delete(self) -> None:
        if self._plan_has_focus():
            self.delete_request()
        else:
            self.delete_reason()

    def actions(self) -> list[ScreenAction]:
        return [
            ScreenAction(_("Add a hardship reason"), _("Key a"), self.action_add_reason),
            ScreenAction(
                _("Edit the selected reason"), _("Enter in the reasons table"), self.edit_reason
            ),
            ScreenAction(
                _("Set the request to the selected lender"),
                _("Enter in the plan table"),
                self.edit_request,
            ),
            ScreenAction(
                _("Change how the money left is split"), _("Key s"), self.action_next_split
            ),
            ScreenAction(_("Delete the selected reason"), _("Asks first"), self.delete_reason),
            ScreenAction(
                _("Delete the request to the selected lender"), _("Asks first"), self.delete_request
            ),
        ]


def _with_split(proposal: Proposal, method: SplitMethod) -> Proposal:
    return dataclasses.replace(proposal, split=method)

"""Recording an agreement makes its proposal "accepted" in the same write, and an
agreement already recorded for a proposal shows it accepted (issue 13)."""

from __future__ import annotations

import dataclasses

from textual.widgets import DataTable, OptionList
from tui_helpers import SIZE

import storage.atomic as atomic
from storage import Workbook
from tui.followup.agreement_form import AgreementForm
from tui.followup.screen import FollowupScreen
from tui.frame.pick import PickRecord
from workbook.models import ProposalStatus

CARD = "北辰银行信用卡中心"  # the demo's proposal still being discussed, no agreement


def card_proposal(wb: Workbook):
    card = next(d for d in wb.debts.list() if d.lender == CARD)
    (proposal,) = [p for p in wb.proposals.list() if p.debt_id == card.id]
    return card, proposal


async def record_card_agreement(app, pilot) -> AgreementForm:
    await pilot.press("6", "a")
    picker = app.screen
    assert isinstance(picker, PickRecord)
    card, _proposal = card_proposal(app.wb)
    options = picker.query_one("#pick-list", OptionList)
    options.highlighted = options.get_option_index(str(card.id))
    await pilot.press("enter")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, AgreementForm)
    return form


async def test_recording_the_agreement_accepts_its_proposal(demo_path, open_app):
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        card, proposal = card_proposal(app.wb)
        assert proposal.status == ProposalStatus.DISCUSSING
        await record_card_agreement(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FollowupScreen)
        assert app.wb.proposals.get(proposal.id).status == ProposalStatus.ACCEPTED
        (agreement,) = [a for a in app.wb.agreements.list() if a.debt_id == card.id]
        assert agreement.proposal_id == proposal.id
        await pilot.press("4")  # step 4 says so too
        await pilot.pause()
        table = app.screen.query_one("#plan", DataTable)
        assert str(table.get_cell(str(card.id), "status")).strip() == "Accepted"


async def test_the_agreement_and_the_proposal_are_one_write(demo_path, open_app, monkeypatch):
    app = open_app(demo_path)
    writes = []
    real_write = atomic.write_atomic

    def counted(target, data):
        writes.append(target)
        return real_write(target, data)

    async with app.run_test(size=SIZE) as pilot:
        card, proposal = card_proposal(app.wb)
        await record_card_agreement(app, pilot)
        monkeypatch.setattr(atomic, "write_atomic", counted)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(writes) == 1  # the agreement, the debt's status and the proposal
    with Workbook.open(demo_path, read_only=True) as wb:
        assert wb.proposals.get(proposal.id).status == ProposalStatus.ACCEPTED
        assert [a.proposal_id for a in wb.agreements.list() if a.debt_id == card.id] == [
            proposal.id]


async def test_a_failed_write_keeps_neither(demo_path, open_app, monkeypatch):
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        card, proposal = card_proposal(app.wb)
        await record_card_agreement(app, pilot)
        before = demo_path.read_bytes()
        writes = []

        def failing(target, data):
            writes.append(target)
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic, "write_atomic", failing)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgreementForm)  # kept open with what was typed
        assert len(writes) == 1 and demo_path.read_bytes() == before
        assert app.wb.proposals.get(proposal.id).status == ProposalStatus.DISCUSSING
        assert not [a for a in app.wb.agreements.list() if a.debt_id == card.id]


async def test_an_agreement_recorded_before_shows_its_proposal_accepted(demo_path, open_app):
    """A file from before the rule: the demo's consumer-loan agreement names a proposal
    that was left "sent"."""
    with Workbook.open(demo_path) as wb:
        (agreement,) = wb.agreements.list()
        proposal = wb.proposals.get(agreement.proposal_id)
        wb.proposals.update(dataclasses.replace(proposal, status=ProposalStatus.SENT))
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        table = app.screen.query_one("#plan", DataTable)
        assert str(table.get_cell(str(agreement.debt_id), "status")).strip() == "已接受"
        shown = next(p for p in app.data().proposals if p.id == proposal.id)
        assert shown.status == ProposalStatus.ACCEPTED

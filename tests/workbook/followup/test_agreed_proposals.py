"""A proposal is accepted once an agreement is recorded for it (issue 13)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from workbook.followup.agreements import agreed_proposal, with_agreed_proposals
from workbook.models import Agreement, Proposal, ProposalStatus


def agreement(proposal_id: int | None) -> Agreement:
    return Agreement(debt_id=1, total=Decimal("1000.00"), instalment=Decimal("100.00"),
                     count=10, first_due=date(2026, 12, 15), proposal_id=proposal_id)


def test_the_proposal_an_agreement_is_for_becomes_accepted():
    sent = Proposal(debt_id=1, status=ProposalStatus.SENT, id=7)
    other = Proposal(debt_id=1, status=ProposalStatus.REJECTED, id=8)
    accepted = agreed_proposal([other, sent], agreement(7))
    assert accepted is not None and accepted.id == 7
    assert accepted.status == ProposalStatus.ACCEPTED
    assert accepted.notes == sent.notes and accepted.debt_id == sent.debt_id
    assert sent.status == ProposalStatus.SENT  # the input is not changed


def test_nothing_to_write_without_a_proposal_or_when_already_accepted():
    done = Proposal(debt_id=1, status=ProposalStatus.ACCEPTED, id=7)
    assert agreed_proposal([done], agreement(7)) is None
    assert agreed_proposal([done], agreement(None)) is None
    assert agreed_proposal([], agreement(9)) is None  # the proposal is gone


@given(st.lists(st.sampled_from(list(ProposalStatus)), max_size=6),
       st.sets(st.integers(0, 7)))
def test_reading_older_files_marks_exactly_the_agreed_ones(statuses, agreed_ids):
    proposals = [Proposal(debt_id=1, status=s, id=i) for i, s in enumerate(statuses)]
    shown = with_agreed_proposals(proposals, [agreement(i) for i in sorted(agreed_ids)])
    assert [p.id for p in shown] == [p.id for p in proposals]
    for before, after in zip(proposals, shown, strict=True):
        expected = ProposalStatus.ACCEPTED if before.id in agreed_ids else before.status
        assert after.status == expected

"""The whole workbook as one value, and deleting a debt with what hangs on it at once."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

import storage.atomic as atomic
from storage import Workbook, WorkbookWriteError
from workbook.models import Agreement, Communication, Debt, IncomeItem, Payment, Profile, Proposal


def seeded(path) -> tuple[Workbook, dict[str, int]]:
    wb = Workbook.open(path)
    keep = wb.debts.add(Debt(lender="甲银行", balance=Decimal("500.00")))
    gone = wb.debts.add(Debt(lender="快易借", balance=Decimal("1000.00")))
    wb.incomes.add(IncomeItem(name="工资", amount=Decimal("8000.00")))
    wb.proposals.add(Proposal(debt_id=gone.id))
    agreement = wb.agreements.add(Agreement(debt_id=gone.id, total=Decimal("1000.00"),
                                            instalment=Decimal("100.00"), count=10,
                                            first_due=date(2026, 12, 15)))
    wb.payments.add(Payment(agreement_id=agreement.id, paid_on=date(2026, 12, 15),
                            amount=Decimal("100.00")))
    wb.communications.add(Communication(at=datetime(2026, 11, 1, 10), lender="快易借",
                                        debt_id=gone.id))
    wb.save_profile(Profile(name="张三"))
    return wb, {"keep": keep.id, "gone": gone.id}


def test_snapshot_holds_every_table_and_the_profile(tmp_path):
    wb, ids = seeded(tmp_path / "w.json")
    with wb:
        data = wb.snapshot()
    assert [d.lender for d in data.debts] == ["甲银行", "快易借"]
    assert len(data.incomes) == len(data.proposals) == len(data.agreements) == 1
    assert len(data.payments) == len(data.communications) == 1
    assert data.profile.name == "张三"


def test_delete_debt_takes_its_plan_agreements_and_payments_and_unlinks_the_log(tmp_path):
    path = tmp_path / "w.json"
    wb, ids = seeded(path)
    with wb:
        linked = wb.delete_debt(ids["gone"])
    assert len(linked.proposals) == len(linked.agreements) == len(linked.payments) == 1
    with Workbook.open(path) as again:  # what is on disk
        data = again.snapshot()
    assert [d.id for d in data.debts] == [ids["keep"]]
    assert data.proposals == data.agreements == data.payments == []
    assert [(c.lender, c.debt_id) for c in data.communications] == [("快易借", None)]


def test_delete_debt_is_one_write_and_all_or_nothing(tmp_path, monkeypatch):
    path = tmp_path / "w.json"
    wb, ids = seeded(path)
    before = path.read_bytes()
    writes = []

    def failing(target, data):
        writes.append(target)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "write_atomic", failing)
    with wb, pytest.raises(WorkbookWriteError):
        wb.delete_debt(ids["gone"])
    assert len(writes) == 1  # one durable write for the whole change
    assert path.read_bytes() == before  # nothing of it reached the disk


def test_a_proposal_with_an_agreement_reads_as_accepted(tmp_path):
    """Files written before the rule: the agreement names the proposal, still "sent"."""
    from workbook.models import ProposalStatus

    with Workbook.open(tmp_path / "w.json") as wb:
        debt = wb.debts.add(Debt(lender="快易借", balance=Decimal("1000.00")))
        sent = wb.proposals.add(Proposal(debt_id=debt.id, status=ProposalStatus.SENT))
        alone = wb.proposals.add(Proposal(debt_id=debt.id, status=ProposalStatus.DRAFT))
        wb.agreements.add(Agreement(debt_id=debt.id, total=Decimal("1000.00"),
                                    instalment=Decimal("100.00"), count=10,
                                    first_due=date(2026, 12, 15), proposal_id=sent.id))
    with Workbook.open(tmp_path / "w.json") as wb:
        status = {p.id: p.status for p in wb.snapshot().proposals}
        assert wb.proposals.get(sent.id).status == ProposalStatus.SENT  # the file is as it was
    assert status == {sent.id: ProposalStatus.ACCEPTED, alone.id: ProposalStatus.DRAFT}

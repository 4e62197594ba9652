"""Step 4: hardship reasons with evidence, and the live plan (split, requests, budget)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from textual.widgets import DataTable, Static, TextArea
from tui_helpers import NASTY, SIZE, TODAY, notes, plain

from tui.dialogs.confirm import ConfirmModal
from tui.dialogs.hardship_form import EvidenceChecklist, HardshipForm
from tui.dialogs.proposal_form import ProposalForm
from tui.screens.plan import PlanScreen
from tui.widgets.field import Field
from tui.widgets.plan_panel import totals_line
from workbook import i18n
from workbook.models import Debt, HardshipKind, ProposalStatus, SplitMethod
from workbook.plans import PlanSummary

PLATFORM = "快易借"  # no proposal in the demo: it is offered its share
BANK = "京华银行"  # no proposal, last row


def cell(app, lender: str, column: str) -> str:
    table = app.screen.query_one("#plan", DataTable)
    debt = next(d for d in app.wb.debts.list() if d.lender == lender)
    return str(table.get_cell(str(debt.id), column)).strip()


async def test_plan_table_follows_the_split(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert isinstance(demo_app.screen, PlanScreen)
        assert "In proportion to balances" in plain(demo_app, "#plan-title")
        pro_rata = cell(demo_app, PLATFORM, "new")
        assert pro_rata == "¥120.43"
        await pilot.press("s")  # token payments
        await pilot.pause()
        assert cell(demo_app, PLATFORM, "new") == "¥50.00"
        assert "Token payments" in plain(demo_app, "#plan-title")
        assert {p.split for p in demo_app.wb.proposals.list()} == {SplitMethod.TOKEN}
        await pilot.press("s", "s")  # highest rate first, then smallest balance first
        await pilot.pause()
        assert cell(demo_app, PLATFORM, "new") == "¥1,800.00"  # it comes first
        # The demo plan asks more than is left each month: the warning says by how much.
        assert "more than you have" in plain(demo_app, "#plan-totals")


async def test_a_request_typed_in_the_form_changes_the_plan(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "tab", "ctrl+end")  # the plan table, last row
        assert demo_app.focused is demo_app.screen.query_one("#plan", DataTable)
        assert cell(demo_app, BANK, "status") == "none"
        before = cell(demo_app, BANK, "months")
        await pilot.press("enter")
        form = demo_app.screen
        assert isinstance(form, ProposalForm) and form.debt.lender == BANK
        await pilot.press("tab", *"24")  # new term: 24 months
        effect = plain(demo_app, "#proposal-effect")
        assert "for 24 months" in effect and "does not fit" in effect
        form.query_one("#must_not_agree", Field).input.value = NASTY
        form.query_one("#notes", Field).focus()
        await pilot.press(*NASTY, "enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, PlanScreen)
        (saved,) = [p for p in demo_app.wb.proposals.list() if p.debt_id == form.debt.id]
        assert saved.new_term_months == 24 and saved.status == ProposalStatus.DRAFT
        assert saved.must_not_agree == NASTY and saved.notes == NASTY
        assert saved.created == TODAY
        assert before != "24" and cell(demo_app, BANK, "months") == "24"
        assert cell(demo_app, BANK, "status") == "Draft"
        assert "Spread the remaining balance over 24" in plain(demo_app, "#plan-detail")
        assert "Request saved." in notes(demo_app)


async def test_deleting_a_request_asks_first(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "tab", "d")  # the first row: the card's request
        assert isinstance(demo_app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert len(demo_app.wb.proposals.list()) == 1
        assert cell(demo_app, "北辰银行信用卡中心", "status") == "none"


async def test_a_reason_with_statement_date_and_evidence(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        form = empty_app.screen
        assert isinstance(form, HardshipForm)
        await pilot.press("right", "right")  # job loss -> income cut -> illness
        checklist = form.query_one(EvidenceChecklist)
        assert checklist.items[0].name == "Diagnosis certificate and hospital records"
        form.query_one("#since", Field).input.value = "2026-06-01"
        form.query_one("#statement", TextArea).focus()
        await pilot.press(*NASTY)
        form.query_one("#evidence-new", Field).input.value = NASTY
        await pilot.press("tab", "space", "tab", "enter")  # mark the first, add NASTY
        assert isinstance(empty_app.screen, HardshipForm)  # Enter there added, did not save
        assert checklist.items[-1].name == NASTY and checklist.items[-1].have
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(empty_app.screen, PlanScreen)
        saved = empty_app.wb.hardships.list()[-1]
        assert saved.kind == HardshipKind.ILLNESS and saved.since == date(2026, 6, 1)
        assert saved.statement == NASTY
        have = [e.name for e in saved.evidence if e.have]
        assert have == ["Diagnosis certificate and hospital records", NASTY]
        evidence = plain(empty_app, "#reasons-evidence")
        assert NASTY in evidence and "Medical bills and receipts" in evidence
        table = empty_app.screen.query_one("#reasons", DataTable)
        assert str(table.get_cell(str(saved.id), "statement")).strip() == NASTY
        assert str(table.get_cell(str(saved.id), "evidence")).strip() == "2 of 5"


async def test_reason_kind_changes_the_suggested_evidence(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        checklist = demo_app.screen.query_one(EvidenceChecklist)
        assert any("Termination notice" in i.name for i in checklist.items)
        await pilot.press("right")  # income cut
        names = [i.name for i in checklist.items]
        assert not any("Termination notice" in n for n in names)
        assert "Payslips from before and after the cut" in names
        await pilot.press("escape")
        assert isinstance(demo_app.screen, PlanScreen)


async def test_the_plan_says_when_money_is_left_unused(empty_app):
    empty_app.wb.debts.add(Debt("银行[x]", Decimal("1000"), monthly_payment=Decimal("100")))
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert "It fits the budget." in plain(empty_app, "#plan-totals")
        assert "Add the reasons" in plain(empty_app, "#reasons-evidence")
        assert "银行[x]" in str(empty_app.screen.query_one("#plan-detail", Static).render())


def test_totals_line_warns_both_ways():
    i18n.set_language("en")
    over = PlanSummary([], Decimal("100"), Decimal("900"), Decimal("800"), True, Decimal("0"))
    assert "¥100.00 a month more than you have" in totals_line(over).plain
    under = PlanSummary([], Decimal("100"), Decimal("500"), Decimal("800"), False, Decimal("300"))
    assert "¥300.00 a month is left unused" in totals_line(under).plain

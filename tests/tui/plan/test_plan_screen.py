"""Step 4: hardship reasons with evidence, and the live plan (split, requests, budget)."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable, Static, TextArea
from tui_helpers import NASTY, SIZE, TODAY, notes, plain

from storage import Workbook
from tui.frame.confirm import ConfirmModal
from tui.plan.hardship_form import EvidenceChecklist, HardshipForm, parse_since
from tui.plan.plan_panel import detail_text, totals_line
from tui.plan.proposal_form import ProposalForm, effect_text
from tui.plan.screen import PlanScreen
from tui.widgets.cells import ELLIPSIS
from tui.widgets.field import Field
from workbook import i18n
from workbook.models import Debt, HardshipKind, ProposalStatus, SplitMethod
from workbook.negotiation.plans import Effect, PlanSummary

PLATFORM = "快易借"  # no proposal in the demo: it is offered its share
BANK = "京华银行"  # no proposal, last row
AGREED = "安家消费金融有限公司"  # an agreement in step 6
CARD = "北辰银行信用卡中心"  # asks for 60 months: more than its share


def cell(app, lender: str, column: str) -> str:
    table = app.screen.query_one("#plan", DataTable)
    debt = next(d for d in app.wb.debts.list() if d.lender == lender)
    return str(table.get_cell(str(debt.id), column)).strip()


async def test_plan_table_follows_the_split(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert isinstance(demo_app.screen, PlanScreen)
        assert "In proportion to balances" in plain(demo_app, "#plan-title")
        # The agreed instalment (¥897.09) comes off the top; the rest is shared.
        assert cell(demo_app, AGREED, "new") == "¥897.09"
        assert cell(demo_app, PLATFORM, "new") == "¥74.37"
        # Its share never repays it: the table says so in a word, with no total; the
        # line under it names the least that would (test_total_cost_is_never_words).
        assert cell(demo_app, PLATFORM, "months") == "never"
        assert cell(demo_app, PLATFORM, "total") == "-"
        await pilot.press("s")  # token payments
        await pilot.pause()
        assert cell(demo_app, PLATFORM, "new") == "¥50.00"
        assert "Token payments" in plain(demo_app, "#plan-title")
        assert {p.split for p in demo_app.wb.proposals.list()} == {SplitMethod.TOKEN}
        await pilot.press("s", "s")  # highest rate first, then smallest balance first
        await pilot.pause()
        assert cell(demo_app, PLATFORM, "new") == "¥902.91"  # first: all that is not agreed
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
        await pilot.press("escape", "d")  # a choice was changed: discard it
        assert isinstance(demo_app.screen, PlanScreen)


async def test_without_a_budget_the_plan_sends_the_user_to_step_2(empty_app):
    empty_app.wb.debts.add(Debt("银行[x]", Decimal("1000"), monthly_payment=Decimal("100")))
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        totals = " ".join(plain(empty_app, "#plan-totals").split())
        assert "Nothing is left each month to share: check your budget in step 2" in totals
        assert "It fits the budget." not in totals
        assert "Add the reasons" in plain(empty_app, "#reasons-evidence")
        assert "银行[x]" in str(empty_app.screen.query_one("#plan-detail", Static).render())


def test_totals_line_warns_both_ways():
    i18n.set_language("en")
    over = PlanSummary([], Decimal("100"), Decimal("900"), Decimal("800"), True, Decimal("0"))
    assert "¥100.00 a month more than you have: lower the amounts in red" in totals_line(over).plain
    under = PlanSummary([], Decimal("100"), Decimal("500"), Decimal("800"), False, Decimal("300"))
    assert "¥300.00 a month is left unused" in totals_line(under).plain
    row = (Debt("L", Decimal("1000"), id=1), None)
    broke = PlanSummary([row], Decimal("100"), Decimal("0"), Decimal("0"), False, Decimal("0"))
    assert "Nothing is left each month to share: check your budget in step 2" in (
        totals_line(broke).plain
    )
    assert "It fits the budget" not in totals_line(broke).plain


@pytest.fixture
def offer_below_its_term_app(demo_path, open_app):
    """The demo with the card's request as a user might first type it: ¥600 a month
    offered but 60 months asked at the contract rate (which means ¥1,204)."""
    with Workbook.open(demo_path) as wb:
        card = next(d for d in wb.debts.list() if d.lender == "北辰银行信用卡中心")
        request = next(p for p in wb.proposals.list() if p.debt_id == card.id)
        wb.proposals.update(dataclasses.replace(
            request, offered_payment=Decimal("600.00"), new_rate=None))
    return open_app(demo_path)


async def test_the_detail_keeps_the_whole_warning_and_an_agreed_debt_points_to_step_6(offer_below_its_term_app):
    async with offer_below_its_term_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "tab")  # the card: asks more than its share
        detail = " ".join(plain(offer_below_its_term_app, "#plan-detail").split())
        assert "not the ¥600.00 offered" in detail and "at least ¥711.30 a month would" in detail
        await pilot.press("down")  # the agreed debt
        assert "Agreed in step 6" in plain(offer_below_its_term_app, "#plan-detail")
        await pilot.press("enter")
        assert isinstance(offer_below_its_term_app.screen, PlanScreen)  # no request form over an agreement
        assert "This debt has an agreement: its terms are in step 6." in notes(offer_below_its_term_app)
        await pilot.press("down", "down")  # 鑫源: a long name, a two-line note
        detail = plain(offer_below_its_term_app, "#plan-detail")
        assert "at least ¥450.06 a month would repay it within 50 years." in " ".join(
            detail.split()
        )


def test_the_detail_fits_its_lines_and_cuts_the_request_not_the_warning():
    i18n.set_language("en")
    debt = Debt("鑫源小额贷款有限公司" * 3, Decimal("30000"), id=1)
    note = "¥183.69 a month never repays this debt; at least ¥450.06 a month would. " * 2
    effect = Effect(None, Decimal("183.69"), None, None, None, None, True, note.strip(),
                    never_repays=True, smallest_payment=Decimal("450.06"))  # fmt: skip
    text = detail_text(debt, None, effect, width=60, lines=4)
    lines = text.plain.split("\n")
    assert len(lines) == 4 and all(cell_len(line) <= 60 for line in lines)
    assert lines[0].endswith(ELLIPSIS)  # the lender and the request, cut
    assert " ".join(" ".join(lines[1:]).split()) == note.strip()  # the warning, whole


async def test_the_request_form_tells_the_walk_away_point_and_never_calls_never_a_fit(
    offer_below_its_term_app,
):
    async with offer_below_its_term_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "tab", "enter")  # the card: 60 months, walk-away ¥800
        form = offer_below_its_term_app.screen
        assert isinstance(form, ProposalForm)
        effect = plain(offer_below_its_term_app, "#proposal-effect")
        assert "more than your walk-away point of ¥800.00 a month" in effect
        form.query_one("#new_rate", Field).input.value = "0"  # stop the interest
        await pilot.pause()
        effect = " ".join(plain(offer_below_its_term_app, "#proposal-effect").split())
        assert "¥790.23 a month for 60 months" in effect
        assert "Walk-away point: you say no to more than ¥800.00 a month." in effect
        await pilot.press("escape", "d", "down", "down", "enter")  # 快易借: its share never repays
        effect = " ".join(plain(offer_below_its_term_app, "#proposal-effect").split())
        assert "never repays it" in effect and "At least ¥194.95 a month would repay it" in effect
        assert "It fits" not in effect


def test_a_hardship_starts_in_a_month_or_on_a_day():
    assert parse_since("2026-03").value == date(2026, 3, 1)
    assert parse_since("2026年3月").value == date(2026, 3, 1)
    assert parse_since("2026-03-17").value == date(2026, 3, 17)
    assert parse_since("").ok and parse_since("").value is None
    assert not parse_since("2026-13").ok and not parse_since("soon").ok


async def test_a_walk_away_point_below_the_offer_is_called_a_misunderstanding(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "tab", "enter")  # the card offers ¥600
        form = demo_app.screen
        form.query_one("#lowest_acceptable", Field).input.value = "500"
        await pilot.pause()
        effect = " ".join(plain(demo_app, "#proposal-effect").split())
        assert "Your walk-away point is below your own offer" in effect
        assert "the most a month you can agree to, not the least" in effect


def test_a_settlement_is_not_judged_against_a_months_share():
    i18n.set_language("en")
    lump = Effect(None, Decimal("5000"), 1, Decimal("5000"), None, None, False, None,
                  one_off=True)  # fmt: skip
    text = effect_text(lump, Decimal("300")).plain
    assert "Pay ¥5,000.00 at once." in text
    assert "paid from savings or help" in text and "does not fit" not in text

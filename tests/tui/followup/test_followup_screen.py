"""Step 6: record an agreement from a proposal, tick its checklist, record payments,
see the dashboard change; the debt's status follows. The view helpers below the UI."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from textual.widgets import DataTable
from tui_helpers import NASTY, SIZE, TODAY, notes, plain

from storage import Workbook
from tui.followup.agreement_form import AgreementForm, schedule_summary
from tui.followup.checklist import CheckItem, ChecklistDialog
from tui.followup.payment_form import PaymentForm
from tui.followup.schedule_view import ScheduleView
from tui.followup.screen import FollowupScreen
from tui.followup.view import progress_line, status_after
from tui.frame.confirm import ConfirmModal
from tui.frame.pick import PickRecord
from tui.widgets.field import Field
from workbook.followup.agreements import CHECKLIST_KEYS, checklist_complete
from workbook.followup.instalments import agreement_progress, next_actions
from workbook.i18n import set_language
from workbook.models import Agreement, Debt, DebtStatus, Payment, ProposalStatus

D = Decimal
AGREEMENT_TEXT = ("conditions", "credit_report", "reference", "agent", "payee_account",
                  "confirmed_how", "notes")


def accept_card_proposal(path) -> int:
    """Accept the demo's card proposal (no agreement yet); returns the card's debt id."""
    with Workbook.open(path) as wb:
        (proposal,) = [p for p in wb.proposals.list() if p.status == ProposalStatus.DISCUSSING]
        wb.proposals.update(dataclasses.replace(proposal, status=ProposalStatus.ACCEPTED))
        return proposal.debt_id


def cells(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    return [[str(c).strip() for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_record_an_agreement_from_the_proposal_and_tick_its_checklist(demo_path, open_app):
    card_id = accept_card_proposal(demo_path)
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        rows = cells(app, "agreements")
        assert rows[-1][0].startswith("北辰银行") and rows[-1][-1] == "To record"
        await pilot.press("down", "enter")  # Enter on the waiting row: prefilled form
        form = app.screen
        assert isinstance(form, AgreementForm)
        assert form.query_one("#count", Field).text == "60"  # the proposal asked 60 months
        form.query_one("#conditions", Field).focus()
        await pilot.press(*NASTY)
        for name in AGREEMENT_TEXT[1:]:
            form.query_one(f"#{name}", Field).input.value = f"{NASTY} {name}"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FollowupScreen)
        assert "Agreement saved." in notes(app)
        (saved,) = [a for a in app.wb.agreements.list() if a.debt_id == card_id]
        assert saved.conditions == NASTY and saved.agent == f"{NASTY} agent"
        assert app.wb.debts.get(card_id).status == DebtStatus.AGREED  # in the same write

        await pilot.press("x")  # the cursor stays on the card's row
        dialog = app.screen
        assert isinstance(dialog, ChecklistDialog) and dialog.agreement.id == saved.id
        items = len(dialog.query(CheckItem))
        for _item in range(items):
            await pilot.press("space", "tab")
        await pilot.press(*"短信")  # "confirmed via"
        dialog.query_one("#payee_account", Field).input.value = NASTY
        await pilot.press("enter")
        await pilot.pause()
        ticked = app.wb.agreements.get(saved.id)
        assert checklist_complete(ticked) and ticked.confirmed_how.endswith("短信")
        # Each tick carries the app's date (injected: never the wall clock).
        assert ticked.checked_on == {key: TODAY for key in ticked.checklist}
        assert ticked.payee_account == NASTY
        assert cells(app, "agreements")[-1][5] == f"{items}/{items}"


def item_text(app, key: str) -> str:
    """What a checklist item shows: its mark, label, the day it was ticked, its help."""
    import io

    from rich.console import Console

    console = Console(width=120, record=True, file=io.StringIO(), color_system=None)
    console.print(app.screen.query_one(f"#check-{key}", CheckItem).render())
    return console.export_text()


async def test_a_tick_keeps_its_day_an_untick_drops_it_a_new_tick_is_dated_today(demo_app):
    before = demo_app.wb.agreements.list()[0]  # the demo's consumer-finance agreement
    assert before.checked_on["written_confirmation"] < TODAY
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "x")
        dialog = demo_app.screen
        assert isinstance(dialog, ChecklistDialog) and dialog.agreement.id == before.id
        assert [i.key for i in dialog.query(CheckItem)][0] == "written_confirmation"
        signed = before.checked_on["amounts_match"].isoformat()
        assert f"ticked {signed}" in item_text(demo_app, "amounts_match")
        await pilot.press("space")  # untick the first
        assert "ticked" not in item_text(demo_app, "written_confirmation")
        dialog.query_one("#check-late_payment_terms", CheckItem).focus()
        await pilot.press("space")  # tick the last: today's date shows at once
        assert f"ticked {TODAY.isoformat()}" in item_text(demo_app, "late_payment_terms")
        await pilot.press("enter")  # save
        await pilot.pause()
    after = demo_app.wb.agreements.get(before.id)
    assert not after.checklist["written_confirmation"]
    assert "written_confirmation" not in after.checked_on
    assert after.checked_on["late_payment_terms"] == TODAY
    for key in ("amounts_match", "payee_official", "fees_waived_in_writing"):
        assert after.checked_on[key] == before.checked_on[key]  # ticked earlier: its day stays


def test_ticks_saved_before_dates_were_kept_stay_undated():
    from tui.followup.checklist import ticked_dates

    old = Agreement(debt_id=1, total=D("100"), instalment=D("50"), count=2,
                    first_due=date(2026, 1, 1), checklist={"amounts_match": True})  # fmt: skip
    ticks = {"amounts_match": True, "payee_official": True}
    assert ticked_dates(old, ticks, TODAY) == {"payee_official": TODAY}


async def test_mark_an_instalment_paid_and_the_dashboard_changes(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "tab")  # to the due table: the debts recorded late first
        due = cells(demo_app, "due")
        assert [row[0] for row in due] == ["2026-10-12", "2026-10-21", "2026-11-15", "2026-11-30",
                                           "2026-12-05", "2026-12-10", "2026-12-15", "2026-12-20"]
        assert due[0][2:] == ["-", "¥4,865.03", "47 days late"]  # recorded on the debt
        assert due[2][:2] == ["2026-11-15", "安家消费金融有限公司"[:7] + "~"]
        await pilot.press("r")  # a debt without an agreement: nothing to record against
        assert any("no agreement yet" in note for note in notes(demo_app))
        await pilot.press("down", "down")
        assert cells(demo_app, "agreements")[0][-1] == "Overdue"
        await pilot.press("r")
        form = demo_app.screen
        assert isinstance(form, PaymentForm)
        assert form.query_one("#amount", Field).text == "897.09"
        form.query_one("#reference", Field).input.value = f"{NASTY} ref"
        form.query_one("#method", Field).focus()
        await pilot.press(*NASTY, "enter")
        await pilot.pause()
        assert "Payment saved." in notes(demo_app)
        due = cells(demo_app, "due")
        assert "2026-11-15" not in [row[0] for row in due]  # the late instalment is gone
        assert cells(demo_app, "agreements")[0][3] == "3/40"
        assert cells(demo_app, "agreements")[0][-1] == "On track"
    (payment,) = [p for p in demo_app.wb.payments.list() if p.paid_on == TODAY]
    assert payment.method == NASTY and payment.amount == D("897.09")
    assert payment.reference == f"{NASTY} ref"


async def test_a_part_payment_leaves_the_rest_owed(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "tab", "down", "down", "enter")  # Enter records a payment
        amount = demo_app.screen.query_one("#amount", Field)
        amount.input.value = ""
        await pilot.press(*"500", "enter")
        await pilot.pause()
        first = cells(demo_app, "due")[2]
        assert first[0] == "2026-11-15" and first[3] == "¥397.09" and "late" in first[4]


async def test_a_payment_dated_after_today_is_refused(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r")
        paid_on = demo_app.screen.query_one("#paid_on", Field)
        paid_on.input.value = "2026-12-01"
        await pilot.press("enter")
        assert isinstance(demo_app.screen, PaymentForm) and paid_on.has_class("-invalid")


async def test_delete_asks_then_removes_the_agreement_and_its_payments(demo_app):
    agreement = demo_app.wb.agreements.list()[0]
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "d")
        assert isinstance(demo_app.screen, ConfirmModal)
        await pilot.press("n")
        assert demo_app.wb.agreements.list()
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Agreement deleted." in notes(demo_app)
        # its proposal was accepted, so the debt waits for an agreement again
        assert cells(demo_app, "agreements")[0][-1] == "To record"
    assert not demo_app.wb.agreements.list() and not demo_app.wb.payments.list()
    assert demo_app.wb.debts.get(agreement.debt_id).status == DebtStatus.NEGOTIATING


async def test_schedule_shows_every_instalment_and_deletes_a_wrong_payment(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "s")
        view = demo_app.screen
        assert isinstance(view, ScheduleView)
        assert view.query_one("#schedule-table", DataTable).row_count == 40
        await pilot.press("tab", "d")  # to the payments table, delete the first
        assert isinstance(demo_app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert "Payment deleted." in notes(demo_app)
    assert len(demo_app.wb.payments.list()) == 1


async def test_paying_it_all_settles_the_debt_and_deleting_that_payment_undoes_it(demo_app):
    agreement = demo_app.wb.agreements.list()[0]
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r")
        demo_app.screen.query_one("#amount", Field).input.value = "34089.06"  # the rest
        await pilot.press("enter")
        await pilot.pause()
        assert demo_app.wb.debts.get(agreement.debt_id).status == DebtStatus.SETTLED
        assert cells(demo_app, "agreements")[0][-1] == "Fully paid"
        await pilot.press("s", "tab", "end", "d", "y")  # the last payment: this one
        await pilot.pause()
        assert "Payment deleted." in notes(demo_app)
    assert demo_app.wb.debts.get(agreement.debt_id).status == DebtStatus.AGREED


async def test_next_actions_take_one_line_each_and_can_be_scrolled(demo_path, open_app):
    with Workbook.open(demo_path) as wb:
        comm = next_actions(wb.communications.list(), TODAY, 30)[0]
        wb.communications.update(dataclasses.replace(comm, next_action="回电 [b] " * 40))
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        assert plain(app, "#next-actions-title").startswith("Next actions from the log: 3")
        lines = app.screen.query_one("#next-actions-list")
        assert lines.region.height == 3  # the long one is cut, not wrapped
        await pilot.press("tab", "tab")  # agreements -> due -> next actions
        assert app.focused.id == "next-actions"


async def test_a_language_switch_keeps_the_row(demo_path, open_app):
    accept_card_proposal(demo_path)
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "down", "l")
        await pilot.pause()
        assert app.screen.query_one("#agreements", DataTable).cursor_row == 1
        assert plain(app, "#agreement-line").startswith("对方已接受协商方案")


async def test_new_agreement_asks_which_debt(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "a")
        assert isinstance(demo_app.screen, PickRecord)
        await pilot.press("enter")  # the first: the card, whose proposal is under discussion
        form = demo_app.screen
        assert isinstance(form, AgreementForm)
        assert "proposal (Under discussion)" in plain(demo_app, ".form-hint")
        await pilot.press("escape")
        assert isinstance(demo_app.screen, FollowupScreen)


# -- below the UI ------------------------------------------------------------------------


@pytest.fixture
def english():
    set_language("en")  # the shared autouse fixture restores the language afterwards


def _agreement(**changes) -> Agreement:
    base = Agreement(debt_id=1, total=D("1000"), instalment=D("300"), count=4,
                     first_due=date(2026, 12, 31), id=7)
    return dataclasses.replace(base, **changes)


def test_schedule_summary_names_count_dates_and_the_smaller_last(english):
    line = schedule_summary(_agreement())
    assert line == ("4 instalments of ¥300.00, 2026-12-31 to 2027-03-31, ¥1,000.00 in all. "
                    "The last is ¥100.00.")
    assert "No instalments" in schedule_summary(_agreement(total=D("0")))


def test_progress_line_says_what_is_late_and_what_is_unchecked(english):
    a = _agreement(first_due=date(2026, 9, 30))
    progress = agreement_progress(a, [Payment(7, date(2026, 11, 1), D("450"))], TODAY)
    line = progress_line(a, progress)
    assert "Paid ¥450.00 of ¥1,000.00 (45%), 1 of 4 instalments." in line
    assert "Late: ¥150.00." in line  # the October instalment is half paid
    assert line.endswith("Checklist: 4 of 4 items still to tick (key x).")
    ticked = dict.fromkeys(CHECKLIST_KEYS, True) | {"late_payment_terms": False}
    one_left = progress_line(dataclasses.replace(a, checklist=ticked), progress)
    assert one_left.endswith("Still to check: You know what happens after a late payment.")
    set_language("zh")
    # no spaces in Chinese: a long unspaced run after one would jump to the next line
    assert progress_line(a, progress) == (
        "已还¥450.00，共¥1,000.00（45%），已还清1/4期。逾期未还：¥150.00。"
        "核对清单还有4项（共4项）未勾选（按 x）。")


def test_progress_line_of_an_agreement_with_nothing_to_pay(english):
    # The share was an int 0 here, which fmt.number cannot format (found by mypy).
    a = _agreement(total=D("0"))
    line = progress_line(a, agreement_progress(a, [], TODAY))
    assert "Paid ¥0.00 of ¥0.00 (0%)" in line


def test_status_follows_agreement_and_payments_and_goes_back_when_deleted():
    debt = Debt(lender="x", balance=D("1000"), status=DebtStatus.NEGOTIATING, id=1)
    a = _agreement()
    assert status_after(debt, [a], []) == DebtStatus.AGREED
    paid = [Payment(7, TODAY, D("1000"))]
    assert status_after(debt, [a], paid) == DebtStatus.SETTLED
    agreed = dataclasses.replace(debt, status=DebtStatus.AGREED)
    assert status_after(agreed, [], []) == DebtStatus.NEGOTIATING


def test_a_debt_settled_by_its_payments_follows_a_deleted_payment_or_agreement():
    settled = Debt(lender="x", balance=D("1000"), status=DebtStatus.SETTLED, id=1)
    a = _agreement()
    paid = [Payment(7, TODAY, D("1000"), id=3)]
    assert status_after(settled, [a], [], before=([a], paid)) == DebtStatus.AGREED
    raised = dataclasses.replace(a, total=D("1200"))
    assert status_after(settled, [raised], paid, before=([a], paid)) == DebtStatus.AGREED
    assert status_after(settled, [], [], before=([a], paid)) == DebtStatus.NEGOTIATING
    # marked settled by the user (the payments never covered it): it stays settled
    assert status_after(settled, [a], [], before=([a], [])) == DebtStatus.SETTLED
    assert status_after(settled, [], [], before=([a], [])) == DebtStatus.SETTLED


async def test_read_only_workbook_changes_nothing(demo_path, open_app):
    app = open_app(demo_path, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FollowupScreen)
        assert any("read-only" in n for n in notes(app))
        assert cells(app, "agreements")[0][3] == "2/40"


async def test_e_offers_the_selected_agreements_checklist_and_schedule(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "e")
        keys = [o.key for o in demo_app.screen.offers]
        assert "checklist" in keys and "schedule" in keys

"""The profile (from the palette and `p`) and the home screen's figures and warnings."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tui_helpers import NASTY, SIZE, TODAY, home_figures, plain

from tui.home.profile_form import ProfileForm, id_parser
from tui.home.screen import HomeScreen
from tui.home.workbook_name import WorkbookNameForm
from tui.widgets.field import Field
from tui.widgets.titlebar import TitleBar
from workbook.models import Debt, DebtStatus, ExpenseItem, Frequency, IncomeItem
from workbook.overview import build_overview, debts_as_agreed

FULL_ID = "110101199001011234"


async def test_profile_from_the_palette_masks_the_id_and_keeps_it(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"profile", "enter")
        await pilot.pause()
        form = demo_app.screen
        assert isinstance(form, ProfileForm)
        assert "110***********1234" in plain(demo_app, ".form-note")
        assert all(FULL_ID not in f.text for f in form.query(Field))
        name = form.query_one("#name", Field)
        name.input.value = ""
        await pilot.press(*NASTY)
        form.query_one("#address", Field).input.value = NASTY
        # phone and e-mail are checked (tests/tui/home/test_profile_checks.py)
        form.query_one("#email", Field).input.value = "a&b@example.com"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)
    profile = demo_app.wb.profile()
    assert profile.name == NASTY and profile.address == NASTY
    assert profile.email == "a&b@example.com"
    assert profile.id_number == FULL_ID  # empty field keeps the stored number


async def test_p_opens_the_profile_and_a_new_id_replaces_the_old(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        demo_app.screen.query_one("#id_number", Field).input.value = "11010119900101999x"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, ProfileForm)  # its check character is 2, not X
        demo_app.screen.query_one("#id_number", Field).input.value = "110101199001019992"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert demo_app.wb.profile().id_number == "110101199001019992"


def test_id_parser_keeps_clears_or_replaces():
    assert id_parser("", today=TODAY).value is None
    assert id_parser("-", today=TODAY).value == ""
    assert id_parser("－", today=TODAY).value == ""
    assert id_parser("[b]", today=TODAY).error
    assert id_parser(" 11010119900101999２ ", today=TODAY).value == "110101199001019992"


def test_overview_of_the_demo(demo_app):
    data = demo_app.wb.snapshot()
    view = build_overview(data, TODAY)
    open_debts = [d for d in data.debts if d.status != DebtStatus.SETTLED]
    assert view.total_debt == sum(d.balance for d in open_debts)
    assert view.surplus == Decimal("1800.00")
    assert view.next_due is not None and view.next_due.due < TODAY  # an overdue instalment
    assert any("overdue" in w for w in view.warnings)
    # 快易借, 37.9 %, an app whose lender may or may not be licensed: both readings.
    assert any("快易借" in w and "not licensed" in w and "above 24%" in w for w in view.warnings)
    assert not any("京华银行" in w for w in view.warnings)  # a bank within 4 × LPR


def test_overview_warns_when_spending_exceeds_income(demo_app):
    data = demo_app.wb.snapshot()
    data = replace(data, incomes=[IncomeItem("x", Decimal("100"))],
                   expenses=[ExpenseItem("y", Decimal("300"))])
    view = build_overview(data, TODAY)
    assert view.warnings[0].startswith("You spend ¥200.00 a month more")


def test_overview_of_an_empty_workbook(empty_app):
    view = build_overview(empty_app.wb.snapshot(), TODAY)
    assert view.total_debt == 0 and view.surplus is None and view.next_due is None
    assert view.warnings == []


async def test_home_shows_user_text_as_text(empty_app):
    empty_app.wb.debts.add(Debt(NASTY, Decimal("1000"), status=DebtStatus.OVERDUE,
                                overdue_days=3, due_day=5, monthly_payment=Decimal("100")))
    async with empty_app.run_test(size=SIZE):
        await home_figures(empty_app)
        assert NASTY in plain(empty_app, "#home-next-due")
        assert f"{NASTY} is overdue" in plain(empty_app, "#home-warning-list")


async def test_workbook_is_renamed_from_the_palette_on_home(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"rename", "enter")
        await pilot.pause()
        form = demo_app.screen
        assert isinstance(form, WorkbookNameForm)
        name = form.query_one("#name", Field)
        name.input.value = ""
        await pilot.press("enter")  # empty: refused at the field
        assert isinstance(demo_app.screen, WorkbookNameForm) and name.has_class("-invalid")
        await pilot.press(*NASTY, "enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)
        assert NASTY in str(demo_app.screen.query_one(TitleBar).render())
    assert demo_app.wb.settings().workbook_name == NASTY


def test_agreed_instalments_count_as_a_month_whatever_their_frequency(demo_app):
    data = demo_app.wb.snapshot()
    agreement = data.agreements[0]
    weekly = replace(agreement, frequency=Frequency.WEEKLY, instalment=Decimal("100"))
    once = replace(agreement, frequency=Frequency.ONE_OFF)
    monthly = build_overview(data, TODAY).monthly_payments
    as_weekly = build_overview(replace(data, agreements=[weekly]), TODAY).monthly_payments
    as_once = build_overview(replace(data, agreements=[once]), TODAY).monthly_payments
    assert as_weekly - as_once == Decimal("433.33")  # 100 x 52 / 12
    assert monthly - as_once == agreement.instalment
    (agreed,) = [d for d in debts_as_agreed(data) if d.id == agreement.debt_id]
    assert agreed.monthly_payment == agreement.instalment


async def test_next_step_after_a_chinese_colon_has_no_extra_space(demo_path, open_app):
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE):
        await home_figures(app)
        text = plain(app, "#home-next-action")
        assert text.startswith("下一步：") and "下一步： " not in text


async def test_long_warnings_wrap_under_their_text_not_under_the_mark(demo_app):
    async with demo_app.run_test(size=SIZE):
        await home_figures(demo_app)
        lines = plain(demo_app, "#home-warning-list", width=50).splitlines()
        assert len(lines) > len(demo_app.screen.query_one("#home-warning-list").content.rows)
        for line in lines:  # a continuation line is indented past the "!"
            assert line.startswith("! ") or line.startswith("  "), line
